/**
 * One reader for every settings route (server/src/service/settings.ts): the section VS Code answers for `zh-report`,
 * the flat payload of other editors' initializationOptions, notifications' payloads; and what a change asks the
 * client to fetch again.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, readSettings, settingsChange, settingsInNotification } from '../../server/src/service/settings';

describe('settings: one reader for every route', () => {
  it('reads the zh-report section as VS Code gives it (maxFileSizeMB, nested outline and inlay-hint flags, diagnostics)', () => {
    const section = {
      detect: { enabled: true, markdown: false },
      maxFileSizeMB: 5,
      outline: { showTerms: true, showWordCount: true },
      inlayHints: { citations: true },
      diagnostics: { 'numbering-gap': 'error', 'script-mixing': 'information', maxPerDocument: 50 },
      trace: { server: 'off' },
      workspace: { extraFiles: ['drafts/**/*.log', 42, ' '], glossaryFiles: ['refs/定义表.txt'] },
    };
    assert.deepEqual(readSettings(DEFAULT_SETTINGS, section), {
      maxDocumentSizeMB: 5,
      diagnostics: { 'numbering-gap': 'error', 'script-mixing': 'information' },
      maxPerDocument: 50,
      showTermsInOutline: true,
      showWordCountInOutline: true,
      citationInlayHints: true,
      extraFileGlobs: ['drafts/**/*.log'],
      glossaryGlobs: ['refs/定义表.txt'],
    });
  });

  it('the workspace globs: a change rebuilds the index, nothing else', () => {
    const next = readSettings(DEFAULT_SETTINGS, { 'workspace.glossaryFiles': ['词表.md'] });
    assert.deepEqual(next.glossaryGlobs, ['词表.md']);
    assert.deepEqual(settingsChange(DEFAULT_SETTINGS, next), { diagnostics: false, inlayHints: false, symbols: false, documents: false, index: true });
  });

  it('reads the flat payload of initializationOptions (maxDocumentSizeMB, showTermsInOutline)', () => {
    const settings = readSettings(DEFAULT_SETTINGS, { maxDocumentSizeMB: 2, showTermsInOutline: true, 'inlayHints.citations': true });
    assert.equal(settings.maxDocumentSizeMB, 2);
    assert.equal(settings.showTermsInOutline, true);
    assert.equal(settings.citationInlayHints, true);
    assert.deepEqual(settings.diagnostics, {});
  });

  it('keeps what a value of the wrong type or an absent member would change; a diagnostics object is the whole set', () => {
    const base = readSettings(DEFAULT_SETTINGS, { maxFileSizeMB: 5, diagnostics: { 'numbering-gap': 'error', maxPerDocument: 50 } });
    const next = readSettings(base, { maxFileSizeMB: 'big', outline: { showTerms: 'yes' } });
    assert.deepEqual(next, base, 'nothing valid: nothing changes');
    const reset = readSettings(base, { diagnostics: { 'no-such-rule': 'error', 'pinyin-gloss': 'loud' } });
    assert.deepEqual(reset.diagnostics, {}, 'unknown codes and values are dropped; the rest return to their defaults');
    assert.equal(reset.maxPerDocument, 1000, 'and so does the cap');
    assert.equal(readSettings(base, null), base);
    assert.equal(readSettings(base, [1, 2]), base);
  });

  it('finds the settings in a notification: { "zh-report": section } or the older { zhReport: payload }', () => {
    assert.deepEqual(settingsInNotification({ settings: { 'zh-report': { maxFileSizeMB: 3 } } }), { maxFileSizeMB: 3 });
    assert.deepEqual(settingsInNotification({ settings: { zhReport: { maxDocumentSizeMB: 3 } } }), { maxDocumentSizeMB: 3 });
    assert.equal(settingsInNotification({ settings: null }), undefined);
    assert.equal(settingsInNotification(undefined), undefined);
  });

  it('says what a change asks the client to fetch again', () => {
    const on = readSettings(DEFAULT_SETTINGS, { diagnostics: { 'numbering-gap': 'error' } });
    assert.deepEqual(settingsChange(DEFAULT_SETTINGS, on), { diagnostics: true, inlayHints: false, symbols: false, documents: false, index: false });
    assert.deepEqual(settingsChange(on, readSettings(on, { diagnostics: { 'numbering-gap': 'error' } })), { diagnostics: false, inlayHints: false, symbols: false, documents: false, index: false });
    // a rule set to its default severity is no change
    assert.equal(settingsChange(DEFAULT_SETTINGS, readSettings(DEFAULT_SETTINGS, { diagnostics: { 'numbering-gap': 'warning' } })).diagnostics, false);
    assert.deepEqual(settingsChange(DEFAULT_SETTINGS, readSettings(DEFAULT_SETTINGS, { maxFileSizeMB: 1 })), { diagnostics: true, inlayHints: false, symbols: false, documents: true, index: true });
    assert.equal(settingsChange(DEFAULT_SETTINGS, readSettings(DEFAULT_SETTINGS, { inlayHints: { citations: true } })).inlayHints, true);
    assert.equal(settingsChange(DEFAULT_SETTINGS, readSettings(DEFAULT_SETTINGS, { outline: { showTerms: true } })).symbols, true);
  });
});
