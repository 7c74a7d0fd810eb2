/**
 * The server side of the checks without a connection: findings computed once per document version and rule set,
 * severities and languages, settings parsing, the conversion edits, and nothing built that the settings do not need.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { analyze, type ReportModel } from '../../server/src/core';
import type { ScriptTable } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { provideCodeActions } from '../../server/src/features/codeActions';
import { convertArgs, convertEdits } from '../../server/src/features/commands';
import { converterBuilds } from '../../server/src/opencc';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { displayLanguageOf as languageOf } from '../../server/src/messages';
import { Checks } from '../../server/src/service/checks';
import type { AnalyzedDocument } from '../../server/src/service/documents';
import { enabledSignature, readDiagnosticSettings } from '../../server/src/service/settings';
import { nodeHost } from '../util/host';

const NONE = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

function analyzed(text: string, version = 1): AnalyzedDocument {
  const document = TextDocument.create('file:///t.txt', 'zh-report', version, text);
  const model: ReportModel = analyze(text, { codec: gbkCodec });
  return { document, model };
}

/** The client's language, as the service sets it from the locale of the initialize params. */
function setLocale(checks: Checks, locale?: string): void {
  checks.setClient(languageOf(locale), { relatedInformation: false, unnecessaryTag: false });
}

describe('Checks (service/checks.ts)', () => {
  it('computes the findings of a version once, and again only for a new version or another rule set', () => {
    let tables = 0;
    const checks = new Checks(gbkCodec, () => {
      tables++;
      return { classes: new Uint8Array(0x10000), counterpart: () => undefined } satisfies ScriptTable;
    });
    setLocale(checks, 'zh-cn');
    const doc = analyzed('一、甲\n三、乙\n');
    assert.equal(checks.diagnostics(doc).length, 1);
    checks.diagnostics(doc);
    assert.equal(checks.runs, 1, 'same version, same rules: cached');
    assert.equal(checks.updateSettings({ 'numbering-gap': 'error' }), true);
    assert.equal(checks.diagnostics(doc)[0]!.severity, 1);
    assert.equal(checks.runs, 1, 'a severity change re-maps, it does not re-run');
    assert.equal(checks.updateSettings({ 'numbering-gap': 'error' }), false, 'the same settings again change nothing');
    checks.updateSettings({ 'numbering-gap': 'off' });
    assert.deepEqual(checks.diagnostics(doc), []);
    assert.equal(checks.runs, 2);
    checks.diagnostics(analyzed('一、甲\n三、乙\n', 2));
    assert.equal(checks.runs, 3, 'a new version is checked again');
    assert.equal(tables, 0, 'no script table while script mixing is off');
    checks.updateSettings({ 'script-mixing': 'information' });
    checks.diagnostics(doc);
    assert.equal(tables, 1);
    assert.equal(converterBuilds(), 0, 'no opencc converter built by the checks');
  });

  it('picks the message language from the locale: Chinese for zh* or none (traditional for zh-tw), English otherwise', () => {
    assert.equal(languageOf('zh-cn'), 'zh-cn');
    assert.equal(languageOf('zh-TW'), 'zh-tw');
    assert.equal(languageOf(undefined), 'zh-cn');
    assert.equal(languageOf('en'), 'en');
    assert.equal(languageOf('de'), 'en');
    const checks = new Checks(gbkCodec, () => assert.fail('not needed'));
    setLocale(checks, 'en-us');
    assert.equal(checks.diagnostics(analyzed('一、甲\n三、乙\n'))[0]!.message, 'Numbering gap: 「三、」 follows 「一、」; 「二、」 is missing.');
    setLocale(checks, 'zh-tw');
    assert.equal(checks.diagnostics(analyzed('一、甲\n三、乙\n'))[0]!.message, '編號跳號：「一、」之後是「三、」，缺少「二、」。');
  });

  it('answers "unchanged" for the result id of the version and settings in effect', () => {
    const checks = new Checks(gbkCodec, () => assert.fail('not needed'));
    const doc = analyzed('一、甲\n');
    const full = provideDiagnostics(doc, { textDocument: { uri: 'file:///t.txt' } }, NONE, checks);
    assert.equal(full.kind, 'full');
    assert.equal(provideDiagnostics(doc, { textDocument: { uri: 'file:///t.txt' }, previousResultId: full.resultId! }, NONE, checks).kind, 'unchanged');
    checks.updateSettings({ 'page-chrome': 'off' });
    assert.equal(provideDiagnostics(doc, { textDocument: { uri: 'file:///t.txt' }, previousResultId: full.resultId! }, NONE, checks).kind, 'full');
  });

  it('offers quick fixes on the requested lines and fix-all only when asked for', () => {
    const checks = new Checks(gbkCodec, () => assert.fail('not needed'));
    setLocale(checks, 'zh');
    const doc = analyzed('标题\n\n一、總體\n發(fā)布。網(wǎng)站。\n統(tǒng)一。\n（一）、甲\n');
    const at = (line: number, only?: string[]): CodeAction[] => {
      const params: CodeActionParams = {
        textDocument: { uri: 'file:///t.txt' },
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        context: { diagnostics: [], ...(only ? { only } : {}) },
      };
      return provideCodeActions(doc, params, NONE, checks, { documentChanges: false });
    };
    assert.deepEqual(at(3).map((a) => a.title), ['删除本行的 2 处拼音注音', '删除全文全部 3 处拼音注音']);
    assert.deepEqual(at(5).map((a) => a.title), ['改为「（一）」']);
    assert.deepEqual(at(0), []);
    assert.deepEqual(at(0, ['source.fixAll']).map((a) => [a.kind, a.title]), [['source.fixAll.zh-report', '修复全部可安全修复的问题（4 处修改）']]);
    assert.deepEqual(at(3, ['source.organizeImports']), []);
  });
});

describe('settings and commands', () => {
  it('reads per-rule severities, ignoring unknown codes and values', () => {
    assert.deepEqual(readDiagnosticSettings({ diagnostics: { 'numbering-gap': 'off', 'no-such-rule': 'error', 'pinyin-gloss': 'loud' } }), { 'numbering-gap': 'off' });
    assert.equal(readDiagnosticSettings({ maxDocumentSizeMB: 20 }), undefined);
    assert.notEqual(enabledSignature({}), enabledSignature({ 'numbering-gap': 'off' }));
    assert.equal(enabledSignature({}), enabledSignature({ 'numbering-gap': 'error' }));
  });

  it('checks the conversion command\'s argument', () => {
    assert.deepEqual(convertArgs([{ uri: 'file:///a', target: 'hk' }]), { uri: 'file:///a', target: 'hk' });
    assert.throws(() => convertArgs([]), /one argument/);
    assert.throws(() => convertArgs([{ uri: 'file:///a', target: 'xx' }]), /target must be one of cn, tw, twp, hk/);
    assert.throws(() => convertArgs([{ uri: 'file:///a', target: 'tw', ranges: [{ start: 1 }] }]), /ranges/);
  });

  it('converts merged selections, character runs for cn/tw/hk and one replacement for twp', () => {
    const document = TextDocument.create('file:///c.txt', 'zh-report', 1, '发展经济\n软件内存\n');
    const sel = (a: number, b: number, c: number, d: number): { start: { line: number; character: number }; end: { line: number; character: number } } => ({ start: { line: a, character: b }, end: { line: c, character: d } });
    const hk = convertEdits(nodeHost.scripts, document, { uri: document.uri, target: 'hk', ranges: [sel(0, 0, 0, 2), sel(0, 1, 0, 4)] });
    assert.deepEqual(hk.map((e) => [e.start, e.end, e.newText]), [[0, 1, '發'], [2, 4, '經濟']], 'the two selections merged; 展 is the same in both scripts');
    const twp = convertEdits(nodeHost.scripts, document, { uri: document.uri, target: 'twp', ranges: [sel(1, 0, 1, 4)] });
    assert.deepEqual(twp.map((e) => [e.start, e.end, e.newText]), [[5, 9, '軟體記憶體']]);
    assert.deepEqual(convertEdits(nodeHost.scripts, document, { uri: document.uri, target: 'cn' }), [], 'simplified text stays as it is');
  });
});
