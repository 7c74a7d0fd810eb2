// Key terms in a real VS Code: hover, definition, references, highlights, rename, completion and semantic tokens,
// through the public vscode API (the same commands the editor's own UI calls), on the seed.
// Lines in comments are 1-based as the editor shows them; code uses 0-based lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openSeedAsReport, openUntitledReport, positionOf, rangesOf, revertAndClose, showRange, waitFor } from './helpers';

/** A pinyin gloss the scrape left after a character: 發(fā). */
const GLOSS = String.raw`\([a-z\u00e0-\u01dc]{1,7}\)`;

/** A term as it may be written in the seed: every character optionally followed by its gloss (網(wǎng)上沙龍). */
function spellings(term: string): RegExp {
  return new RegExp([...term].map((ch) => `${ch}(?:${GLOSS})?`).join(''), 'gu');
}

function stripGlosses(s: string): string {
  return s.replace(new RegExp(GLOSS, 'gu'), '');
}

/** Whitespace-free text: hover Markdown wraps and escapes, the comparison should not care about blanks. */
function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Markdown source to the text a reader sees, roughly: no emphasis markers, no backslash escapes. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*?/gu, '').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/gu, '$1');
}

/** The hover at `position`, waiting for the server (it may still be starting or indexing). */
async function hoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; range: vscode.Range | undefined }> {
  return waitFor(`a hover at ${position.line + 1}:${position.character + 1}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', doc.uri, position);
    const ours = (hovers ?? []).filter((h) => hoverText(h).trim().length > 0);
    if (ours.length === 0) return undefined;
    return { text: ours.map(hoverText).join('\n'), range: ours[0]!.range };
  });
}

function sameRanges(doc: vscode.TextDocument, actual: readonly vscode.Range[], expected: readonly vscode.Range[], what: string): void {
  const key = (r: vscode.Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  const got = [...new Set(actual.map(key))].sort();
  const want = [...new Set(expected.map(key))].sort();
  assert.deepEqual(got, want, `${what}\n  got:      ${actual.map((r) => showRange(doc, r)).join(' | ')}\n  expected: ${expected.map((r) => showRange(doc, r)).join(' | ')}`);
}

describe('key terms in a real VS Code', function () {
  this.timeout(90_000);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openSeedAsReport();
  });

  it('hover on 五指緊扣 in the （一） heading shows its colon definition (line 27)', async () => {
    // line 25: (一)“五指緊扣”“七措連環(huán)”,一盤棋整體推進; line 27: “五指緊扣”:市委會機關“四處一室”從制度機制入手,…
    const at = positionOf(doc, 24, '五指緊扣', 0, 2);
    const { text, range } = await hoverAt(doc, at);
    const shown = squash(plain(text));
    assert.ok(shown.includes('五指緊扣'), `the hover names the term: ${text}`);
    const definition = squash(stripGlosses(doc.lineAt(26).text.split(':')[1]!.split('。')[0]!));
    assert.ok(definition.startsWith('市委會機關“四處一室”從制度機制入手'), `the seed's line 27 is the definition: ${definition}`);
    assert.ok(shown.includes(definition), `the hover shows the definition ${definition} (glosses dropped); got:\n${text}`);
    assert.ok(/line 27|第 27 行/u.test(text), `the hover says where it is defined (line 27): ${text}`);
    assert.ok(range, 'the hover has a range');
    assert.equal(doc.getText(range), '五指緊扣', `the hover range is the term: ${showRange(doc, range)}`);
  });

  it('hover on 七措連環 shows its 即 definition', async () => {
    // line 27: “七措連環(huán)”,即采取大宣傳工作理念和工作格局、…等七個措施,…
    const at = positionOf(doc, 24, '七措連環', 0, 1);
    const { text, range } = await hoverAt(doc, at);
    const shown = squash(plain(text));
    assert.ok(shown.includes('七措連環'), `the hover names the term without its gloss: ${text}`);
    assert.ok(shown.includes('大宣傳工作理念'), `the hover shows the 即 definition (…採取大宣傳工作理念…); got:\n${text}`);
    assert.ok(!/\((huán|huan)\)/u.test(shown.split('·')[0] ?? ''), `no gloss in the term's name: ${text}`);
    assert.ok(range, 'the hover has a range');
    assert.equal(stripGlosses(doc.getText(range)), '七措連環', `the hover range is the glossed term 七措連環(huán): ${showRange(doc, range)}`);
  });

  it('hover on 四個自信 (line 15) shows the built-in expansion', async () => {
    const at = positionOf(doc, 14, '四個自信', 0, 2);
    const { text } = await hoverAt(doc, at);
    const shown = squash(plain(text));
    assert.ok(shown.includes('四個自信'), `the hover names the formula: ${text}`);
    for (const part of ['道路自信', '制度自信', '文化自信']) {
      assert.ok(shown.includes(part), `the expansion lists ${part}; got:\n${text}`);
    }
    assert.ok(/内置|Built-in/u.test(text), `the expansion is marked as built-in (the seed does not define it): ${text}`);
  });

  it('definition of a use of 五指緊扣 goes to its defining text (line 27)', async () => {
    const at = positionOf(doc, 24, '五指緊扣', 0, 1);
    const targets = await waitFor('a definition of 五指緊扣', async () => {
      const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[] | undefined>('vscode.executeDefinitionProvider', doc.uri, at);
      return r && r.length > 0 ? r : undefined;
    });
    assert.equal(targets.length, 1, 'one definition');
    const t = targets[0]!;
    const uri = 'targetUri' in t ? t.targetUri : t.uri;
    const range = 'targetUri' in t ? (t.targetSelectionRange ?? t.targetRange) : t.range;
    assert.equal(uri.toString(), doc.uri.toString(), 'in the same document');
    assert.equal(range.start.line, 26, `on line 27: ${showRange(doc, range)}`);
    const target = stripGlosses(doc.getText(range));
    assert.ok(target.startsWith('五指緊扣'), `starts at the defined term: ${showRange(doc, range)}`);
    assert.ok(target.includes('市委會機關“四處一室”從制度機制入手'), `covers the defining text: ${showRange(doc, range)}`);
  });

  it('references of 網上沙龍 include every glossed spelling 網(wǎng)上沙龍', async () => {
    const expected = rangesOf(doc, spellings('網上沙龍'));
    assert.ok(expected.length >= 2, `the seed writes 網上沙龍 several times: ${expected.length}`);
    const glossed = expected.filter((r) => doc.getText(r) !== '網上沙龍');
    assert.ok(glossed.length > 0, 'some of them with a gloss');
    // a use in body text, line 55: 共開展“網(wǎng)上沙龍”8期
    const at = positionOf(doc, 54, '網(wǎng)上沙龍', 0, 1);
    const refs = await waitFor('references of 網上沙龍', async () => {
      const r = await vscode.commands.executeCommand<vscode.Location[] | undefined>('vscode.executeReferenceProvider', doc.uri, at);
      return r && r.length > 0 ? r : undefined;
    });
    assert.ok(refs.every((r) => r.uri.toString() === doc.uri.toString()), 'all in the seed');
    sameRanges(doc, refs.map((r) => r.range), expected, `the ${expected.length} uses of 網上沙龍 (${glossed.length} of them glossed)`);
  });

  it('highlights of 金點子 cover all its uses', async () => {
    const expected = rangesOf(doc, spellings('金點子'));
    assert.ok(expected.length >= 3, `the seed uses 金點子 several times: ${expected.length}`);
    const at = positionOf(doc, 58, '金點子', 0, 1);
    const highlights = await waitFor('document highlights of 金點子', async () => {
      const r = await vscode.commands.executeCommand<vscode.DocumentHighlight[] | undefined>('vscode.executeDocumentHighlights', doc.uri, at);
      return r && r.length > 0 ? r : undefined;
    });
    sameRanges(doc, highlights.map((h) => h.range), expected, `the ${expected.length} uses of 金點子`);
  });

  it('rename of 金點子 returns an edit that replaces every use', async () => {
    const expected = rangesOf(doc, spellings('金點子'));
    const at = positionOf(doc, 58, '金點子', 1, 1);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string } | vscode.Range | undefined>('vscode.prepareRename', doc.uri, at);
    assert.ok(prepared, 'the term can be renamed here');
    const preparedRange = prepared instanceof vscode.Range ? prepared : prepared.range;
    assert.equal(doc.getText(preparedRange), '金點子', `prepareRename selects the term: ${showRange(doc, preparedRange)}`);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', doc.uri, at, '好點子');
    assert.ok(edit, 'a workspace edit');
    const entries = edit.entries();
    assert.deepEqual(entries.map(([u]) => u.toString()), [doc.uri.toString()], 'edits only the seed');
    const edits = entries[0]![1];
    assert.ok(edits.every((e) => e.newText === '好點子'), `every use gets the new name: ${edits.map((e) => e.newText).join(', ')}`);
    sameRanges(doc, edits.map((e) => e.range), expected, `the rename touches the ${expected.length} uses of 金點子`);
    assert.equal(doc.isDirty, false, 'asking for the edit does not change the document');
  });

  it('completion after typing “ offers the known terms', async () => {
    const seedText = doc.getText();
    const editor = await openUntitledReport(`${seedText}\n\n  `);
    const copy = editor.document;
    try {
      const last = copy.lineCount - 1;
      editor.selection = new vscode.Selection(last, copy.lineAt(last).text.length, last, copy.lineAt(last).text.length);
      await vscode.commands.executeCommand('type', { text: '“' });
      const cursor = editor.selection.active;
      assert.equal(copy.lineAt(last).text.slice(cursor.character - 1, cursor.character), '“', `the quote was typed: ${JSON.stringify(copy.lineAt(last).text)}`);
      const autoClosed = copy.lineAt(last).text.slice(cursor.character, cursor.character + 1) === '”';

      const list = await waitFor('completion items after “', async () => {
        const r = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', copy.uri, cursor, '“');
        return r && r.items.some((i) => labelOf(i) === '五指緊扣') ? r : undefined;
      });
      const labels = list.items.map(labelOf);
      for (const term of ['五指緊扣', '七措連環', '網上沙龍', '金點子']) {
        assert.ok(labels.includes(term), `${term} is offered: ${labels.slice(0, 30).join(' ')}`);
      }
      // Terms the document defines come first.
      const order = (label: string): string => list.items.find((i) => labelOf(i) === label)?.sortText ?? label;
      assert.ok(order('五指緊扣') < order('金點子') && order('七措連環') < order('網上沙龍'), `defined terms sort first: ${labels.slice(0, 8).join(' ')}`);
      // The closing quote is added only where the editor did not already put one.
      const item = list.items.find((i) => labelOf(i) === '金點子')!;
      const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? labelOf(item);
      assert.equal(insert, autoClosed ? '金點子' : '金點子”', `insert text with the quote ${autoClosed ? 'auto-closed' : 'open'}`);

      // Typing narrows the list: 金 leaves 金點子 and drops 五指緊扣.
      await vscode.commands.executeCommand('type', { text: '金' });
      const after = editor.selection.active;
      const narrowed = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', copy.uri, after);
      const narrowedLabels = (narrowed?.items ?? []).map(labelOf);
      assert.ok(narrowedLabels.includes('金點子'), `金點子 after “金: ${narrowedLabels.join(' ')}`);
      assert.ok(!narrowedLabels.includes('五指緊扣'), `五指緊扣 is filtered out after “金: ${narrowedLabels.join(' ')}`);
    } finally {
      await revertAndClose(copy);
    }
  });

  it('returns semantic tokens: terms, definitions, heading markers and glosses', async () => {
    const legend = await waitFor('the semantic tokens legend', async () =>
      vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri));
    const tokens = await waitFor('semantic tokens', async () => {
      const r = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
      return r && r.data.length > 0 ? r : undefined;
    });
    assert.equal(tokens.data.length % 5, 0, 'five numbers per token');
    const decoded: { line: number; start: number; length: number; type: string; modifiers: string[]; text: string }[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dLine, dStart, length, type, mods] = [tokens.data[i]!, tokens.data[i + 1]!, tokens.data[i + 2]!, tokens.data[i + 3]!, tokens.data[i + 4]!];
      line += dLine;
      start = dLine === 0 ? start + dStart : dStart;
      decoded.push({
        line,
        start,
        length,
        type: legend.tokenTypes[type] ?? `?${type}`,
        modifiers: legend.tokenModifiers.filter((_, bit) => (mods & (1 << bit)) !== 0),
        text: doc.lineAt(line).text.slice(start, start + length),
      });
    }
    const show = (t: (typeof decoded)[number]): string => `${t.line + 1}:${t.start + 1} ${t.type}${t.modifiers.length ? '.' + t.modifiers.join('.') : ''} ${t.text}`;
    const find = (pred: (t: (typeof decoded)[number]) => boolean, what: string): void => {
      assert.ok(decoded.some(pred), `${what}; tokens on lines 13–27: ${decoded.filter((t) => t.line >= 12 && t.line <= 26).map(show).join(' | ')}`);
    };
    find((t) => t.line === 26 && t.type === 'term' && t.modifiers.includes('definition') && t.text === '五指緊扣', 'a term.definition token on 五指緊扣 in line 27');
    find((t) => t.line === 24 && t.type === 'term' && !t.modifiers.includes('definition') && t.text === '五指緊扣', 'a term token on the use of 五指緊扣 in line 25');
    find((t) => t.line === 14 && t.type === 'term' && t.modifiers.includes('formula') && t.text === '四個自信', 'a term.formula token on 四個自信 in line 15');
    find((t) => t.line === 12 && t.type === 'headingMarker' && t.text === '一、', 'a headingMarker token on 一、 in line 13');
    find((t) => t.line === 4 && t.type === 'pinyinGloss' && t.text === '(fā)', 'a pinyinGloss token on (fā) in line 5');
    for (const t of decoded) {
      assert.ok(t.length > 0 && t.start + t.length <= doc.lineAt(t.line).text.length, `token inside its line: ${show(t)}`);
    }
  });
});

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
