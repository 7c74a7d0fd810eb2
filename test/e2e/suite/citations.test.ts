// Citations in a real VS Code, on Taiwan's Personal Data Protection Act (seeds/): hover on 前項 and on a 第八條 citation,
// Ctrl+click (definition) to the article, Shift+F12 (references) on the article heading, and the inlay hint.
// Lines in comments are 1-based as the editor shows them; code uses 0-based lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, LANGUAGE_ID, positionOf, seedUri, showRange, waitFor } from './helpers';

const LAW = 'tw_law_personal_data_protection_act.txt';

async function openLaw(): Promise<vscode.TextDocument> {
  const opened = await vscode.workspace.openTextDocument(await seedUri(LAW));
  await vscode.window.showTextDocument(opened, { preview: false });
  // the client switches reports it recognises; a law that it does not is switched here
  const doc = opened.languageId === LANGUAGE_ID ? opened : await vscode.languages.setTextDocumentLanguage(opened, LANGUAGE_ID);
  return waitFor(`${LAW} in language ${LANGUAGE_ID}`, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString() && d.languageId === LANGUAGE_ID));
}

async function hoverAt(doc: vscode.TextDocument, at: vscode.Position, expect: string): Promise<{ text: string; range: vscode.Range | undefined }> {
  return waitFor(`a hover showing ${expect} at ${at.line + 1}:${at.character + 1}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', doc.uri, at);
    const found = (hovers ?? []).find((h) => hoverText(h).includes(expect));
    return found ? { text: hoverText(found), range: found.range } : undefined;
  });
}

/** Markdown source to the text a reader sees, roughly: no emphasis markers, no backslash escapes, no blanks. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*?/gu, '').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/gu, '$1').replace(/\s+/gu, '');
}

describe('citations in a real VS Code', function () {
  this.timeout(90_000);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openLaw();
  });

  it('hover on 前項 (line 86, in 第 8 條) shows the first paragraph of 第 8 條 with its path', async () => {
    // line 79: 公務機關或非公務機關依第十五條或第十九條規定向當事人蒐集個人資料時，應明確告知當事人下列事項：
    // line 86: 有下列情形之一者，得免為前項之告知：
    const { text, range } = await hoverAt(doc, positionOf(doc, 85, '前項', 0, 1), '第 8 條第一項');
    const shown = plain(text);
    assert.ok(shown.includes('第8條›第一項'), `the path ends 第 8 條 › 第一項: ${text}`);
    assert.ok(shown.includes('公務機關或非公務機關依第十五條或第十九條規定向當事人蒐集個人資料時'), `the cited paragraph (line 79): ${text}`);
    assert.ok(range, 'the hover has a range');
    assert.equal(doc.getText(range), '前項', showRange(doc, range));
  });

  it('hover on 第八條 (line 70) shows 第 8 條', async () => {
    // line 70: 依前項規定蒐集、處理或利用個人資料，準用第八條、第九條規定；…
    const { text } = await hoverAt(doc, positionOf(doc, 69, '第八條', 0, 1), '第 8 條');
    assert.ok(plain(text).includes('第8條'), text);
  });

  it('Ctrl+click on 第八條 (definition) goes to the article 第 8 條 (line 78)', async () => {
    const at = positionOf(doc, 69, '第八條', 0, 1);
    const targets = await waitFor('a definition of 第八條', async () => {
      const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[] | undefined>('vscode.executeDefinitionProvider', doc.uri, at);
      return r && r.length > 0 ? r : undefined;
    });
    const t = targets[0]!;
    const range = 'targetUri' in t ? (t.targetSelectionRange ?? t.targetRange) : t.range;
    assert.equal(range.start.line, 77, `on line 78: ${showRange(doc, range)}`);
    assert.ok(doc.getText(range).startsWith('第 8 條'), showRange(doc, range));
  });

  it('Shift+F12 on the heading 第 8 條 lists its citations (lines 70, 75, 95 …)', async () => {
    const at = positionOf(doc, 77, '第 8 條', 0, 1);
    const refs = await waitFor('references of 第 8 條', async () => {
      const r = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', doc.uri, at);
      return r && r.length > 1 ? r : undefined;
    });
    const lines = refs.map((r) => r.range.start.line + 1);
    for (const line of [70, 75, 86, 95]) assert.ok(lines.includes(line), `a citation of 第 8 條 on line ${line}: ${lines.join(', ')}`);
    const texts = refs.map((r) => doc.getText(r.range));
    assert.ok(texts.includes('第八條') && texts.includes('第八條第一項') && texts.includes('前項') && texts.includes('前條第一項第一款'), texts.join(' | '));
  });

  it('the inlay hint after 前項 says 第 8 條第一項 (setting zh-report.inlayHints.citations)', async () => {
    const config = vscode.workspace.getConfiguration('zh-report');
    await config.update('inlayHints.citations', true, vscode.ConfigurationTarget.Global);
    try {
      const range = new vscode.Range(85, 0, 86, 0);
      const hints = await waitFor('an inlay hint on line 86', async () => {
        const h = await vscode.commands.executeCommand<vscode.InlayHint[] | undefined>('vscode.executeInlayHintProvider', doc.uri, range);
        return h && h.length > 0 ? h : undefined;
      });
      const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
      assert.ok(labels.includes('→第 8 條第一項'), labels.join(' | '));
      const end = positionOf(doc, 85, '前項', 0, 2);
      assert.ok(hints.some((h) => h.position.isEqual(end)), 'placed right after 前項');
    } finally {
      await config.update('inlayHints.citations', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
