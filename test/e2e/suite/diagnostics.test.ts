// Checks in a real VS Code: the seed's pull diagnostics as VS Code holds them, a quick fix and fix-all applied through
// the editor and undone with 'undo', and the conversion commands on untitled documents.
// Lines in comments are 1-based as the editor shows them; code uses 0-based lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TITLE, flatten, norm } from './expected';
import {
  codeOf,
  documentSymbols,
  openSeedAsReport,
  openUntitledReport,
  revertAndClose,
  showRange,
  undoIn,
  waitFor,
  waitForDiagnostics,
  waitForText,
  type SymbolNode,
} from './helpers';

/** A pinyin gloss the scrape left after a character: 發(fā). */
const GLOSS = /\([a-z\u00e0-\u01dc]{1,7}\)/gu;
/** What is left of a gloss whose "(" went with a lost byte: 抓?lián)系點. */
const GLOSS_REMNANT = /(?<!\()[?\uFFFD][a-z\u00e0-\u01dc]{1,7}\)/gu;
/** Codes of scrape damage that fix-all repairs. */
const DAMAGE_CODES = ['pinyin-gloss', 'gbk-misaligned', 'mojibake', 'page-chrome'];

/** The seed's headings whose line does not start with their marker: GBK read one byte late (?。ㄈ┳ァ… for （三）抓…). */
function mojibakeHeadings(doc: vscode.TextDocument): { line: number; marker: string; text: string }[] {
  return flatten()
    .map((f) => f.heading)
    .filter((h) => h !== TITLE && !norm(doc.lineAt(h.line).text).startsWith(norm(h.marker)));
}

/** The number a gloss diagnostic's message gives for its line (Chinese or English, by the editor's locale). */
function glossesListed(d: vscode.Diagnostic): number {
  const m = /(\d+) (?:处拼音注音|pinyin gloss)/u.exec(d.message);
  assert.ok(m, `a gloss message states how many glosses the line has: ${d.message}`);
  return Number(m[1]);
}

function byLine(diagnostics: readonly vscode.Diagnostic[], code: string): number[] {
  return diagnostics.filter((d) => codeOf(d) === code).map((d) => d.range.start.line).sort((a, b) => a - b);
}

describe('checks in a real VS Code', function () {
  this.timeout(90_000);
  let doc: vscode.TextDocument;
  let original: string;
  let glossLines: number[];
  let gbkLines: number[];

  before(async () => {
    doc = await openSeedAsReport();
    original = doc.getText();
    const lines = original.split(/\r?\n/u);
    glossLines = lines.flatMap((l, i) => (new RegExp(GLOSS.source, 'u').test(l) || new RegExp(GLOSS_REMNANT.source, 'u').test(l) ? [i] : []));
    gbkLines = mojibakeHeadings(doc).map((h) => h.line);
  });

  after(async () => {
    // Leave the seed as it is on disk for the suites that follow, even when a test failed half-way through an edit.
    if (doc.isDirty) await revertAndClose(doc);
  });

  /** The seed's diagnostics once the server has reported the damaged headings. */
  function seedDiagnostics(): Promise<vscode.Diagnostic[]> {
    return waitForDiagnostics(doc.uri, `gbk-misaligned on the ${gbkLines.length} damaged heading lines`, (ds) =>
      gbkLines.every((l) => ds.some((d) => codeOf(d) === 'gbk-misaligned' && d.range.start.line === l)));
  }

  it('reports pinyin glosses once per affected line, not once per gloss', async () => {
    assert.equal(glossLines.length, 28, 'the seed has glosses on 28 lines');
    const diagnostics = await seedDiagnostics();
    const gloss = diagnostics.filter((d) => codeOf(d) === 'pinyin-gloss');
    const total = [...original.matchAll(GLOSS)].length;
    const remnants = [...original.matchAll(GLOSS_REMNANT)].length;
    assert.equal(total, 109, 'the seed has 109 glosses');
    assert.deepEqual(byLine(diagnostics, 'pinyin-gloss'), glossLines, 'one pinyin-gloss diagnostic on each line with glosses');
    assert.equal(gloss.reduce((n, d) => n + glossesListed(d), 0), total + remnants, `the messages count all ${total} glosses and ${remnants} remnants`);
    for (const d of gloss) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, `a warning by default: ${showRange(doc, d.range)}`);
      assert.equal(d.source, 'zh-report');
      const first = doc.getText(d.range);
      assert.ok(/^\(?[a-z\u00e0-\u01dc]{1,7}\)$/u.test(first), `the range is the line's first gloss: ${showRange(doc, d.range)}`);
    }
  });

  it('follows a severity setting changed in VS Code (the server pulls the zh-report section), and its reset', async () => {
    await seedDiagnostics();
    const config = vscode.workspace.getConfiguration('zh-report');
    const glossSeverities = (ds: readonly vscode.Diagnostic[]): vscode.DiagnosticSeverity[] => [...new Set(ds.filter((d) => codeOf(d) === 'pinyin-gloss').map((d) => d.severity))];
    try {
      await config.update('diagnostics.pinyin-gloss', 'error', vscode.ConfigurationTarget.Global);
      const errors = await waitForDiagnostics(doc.uri, 'pinyin-gloss as errors', (ds) => glossSeverities(ds).join() === String(vscode.DiagnosticSeverity.Error));
      assert.deepEqual(byLine(errors, 'pinyin-gloss'), glossLines, 'the same 28 lines, now errors');
      await config.update('diagnostics.pinyin-gloss', 'off', vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(doc.uri, 'no pinyin-gloss', (ds) => glossSeverities(ds).length === 0 && ds.some((d) => codeOf(d) === 'gbk-misaligned'));
    } finally {
      await config.update('diagnostics.pinyin-gloss', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(doc.uri, 'pinyin-gloss warnings again', (ds) => glossSeverities(ds).join() === String(vscode.DiagnosticSeverity.Warning));
  });

  it('reports the 7 GBK-misaligned heading lines and the 2 misaligned runs inside body lines', async () => {
    assert.equal(gbkLines.length, 7, `7 headings are mojibake in the seed: ${gbkLines.map((l) => l + 1).join(', ')}`);
    const diagnostics = await seedDiagnostics();
    const gbk = diagnostics.filter((d) => codeOf(d) === 'gbk-misaligned');
    const whole = gbk.filter((d) => gbkLines.includes(d.range.start.line));
    assert.deepEqual(whole.map((d) => d.range.start.line).sort((a, b) => a - b), gbkLines, 'one diagnostic per damaged heading line');
    for (const d of whole) {
      const text = doc.lineAt(d.range.start.line).text;
      assert.equal(d.range.start.character, text.length - text.trimStart().length, `starts where the line's text starts: ${showRange(doc, d.range)}`);
      assert.ok(d.range.end.line === d.range.start.line && d.range.end.character > d.range.start.character + 20, `covers the heading: ${showRange(doc, d.range)}`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    }
    // Line 59 …客觀理性?!对趯W習… (《在學習…) and line 63 …支部?!靶聲T支部… (“新會員支部…): one byte lost mid-line.
    const runs = gbk.filter((d) => !gbkLines.includes(d.range.start.line));
    assert.deepEqual(runs.map((d) => d.range.start.line), [58, 62], `the two mid-line runs: ${runs.map((d) => showRange(doc, d.range)).join(' | ')}`);
    for (const d of runs) assert.ok(doc.getText(d.range).startsWith('!'), `a run starts at the misread ！: ${showRange(doc, d.range)}`);
    assert.equal(gbk.length, 9);
  });

  it('a quick fix recovers a GBK-misaligned heading through the editor, and undo restores the line exactly', async () => {
    const diagnostics = await seedDiagnostics();
    // line 33: " ?。ㄈ┳ァ瓣P鍵少數(shù)”,發(fā)揮班子成員領學帶動作用" is （三）抓“關鍵少數(shù)”,… read one byte late
    const heading = TITLE.children![1]!.children![2]!;
    assert.equal(heading.line, 32);
    const line = heading.line;
    const before = doc.lineAt(line).text;
    const damaged = diagnostics.find((d) => codeOf(d) === 'gbk-misaligned' && d.range.start.line === line);
    assert.ok(damaged, 'line 33 has its gbk-misaligned diagnostic');
    // vscode.executeCodeActionProvider does not hand back an action's diagnostics: the fix is the preferred quick fix
    // whose edit replaces exactly the diagnostic's range.
    const replacesDamage = (a: vscode.CodeAction): boolean => {
      const edits = a.edit?.get(doc.uri) ?? [];
      return edits.length === 1 && edits[0]!.range.isEqual(damaged.range);
    };
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', doc.uri, damaged.range)) ?? [];
    const fix = actions.find((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.isPreferred === true && replacesDamage(a));
    assert.ok(fix?.edit, `a preferred quick fix that replaces the damaged run: ${actions.map((a) => `${a.kind?.value}${a.isPreferred ? ' (preferred)' : ''}: ${a.title}`).join(' | ')}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code applies the quick fix');
    const fixed = doc.lineAt(line).text;
    assert.equal(fixed.replace(GLOSS, '').trim(), heading.marker + heading.text, `line 33 reads as the repaired heading (its glosses are a separate fix): ${JSON.stringify(fixed)}`);
    assert.equal(doc.lineCount, original.split('\n').length, 'no line added or removed');
    assert.equal(doc.getText().replace(fixed, before), original, 'nothing else changed');
    await waitForDiagnostics(doc.uri, 'no gbk-misaligned diagnostic left on line 33', (ds) =>
      !ds.some((d) => codeOf(d) === 'gbk-misaligned' && d.range.start.line === line) && ds.some((d) => codeOf(d) === 'pinyin-gloss' && d.range.start.line === line));

    await undoIn(doc);
    await waitForText(doc, 'undo to restore the seed', (t) => t === original);
    assert.equal(doc.lineAt(line).text, before, 'line 33 is back, byte for byte');
    assert.equal(doc.isDirty, false, 'the document is back to its saved state');
    await seedDiagnostics();
  });

  it('offers source.fixAll.zh-report: one edit that gives back the 13 headings, undone in one step', async () => {
    await seedDiagnostics();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
      'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = (actions ?? []).find((a) => a.kind?.value === 'source.fixAll.zh-report');
    assert.ok(fixAll?.edit, `source.fixAll.zh-report is offered with an edit: ${(actions ?? []).map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);

    assert.ok(await vscode.workspace.applyEdit(fixAll.edit), 'VS Code applies fix-all');
    const text = doc.getText();
    assert.equal([...text.matchAll(GLOSS)].length, 0, 'no gloss left');
    assert.equal([...text.matchAll(GLOSS_REMNANT)].length, 0, 'no gloss remnant left');
    await waitForDiagnostics(doc.uri, 'no scrape damage left after fix-all', (ds) => !ds.some((d) => DAMAGE_CODES.includes(codeOf(d))));
    const symbols = await waitFor('the outline of the fixed text', async () => {
      const s = await documentSymbols(doc.uri);
      return s.length === 1 && s[0]!.children.length === 4 ? s : undefined;
    });
    const all: SymbolNode[] = [];
    const walk = (n: SymbolNode): void => n.children.forEach((c) => { all.push(c); walk(c); });
    walk(symbols[0]!);
    const want = flatten().map((f) => f.heading).filter((h) => h !== TITLE);
    assert.equal(all.length, want.length, `13 headings: ${all.map((s) => s.name).join(' | ')}`);
    want.forEach((h, i) => {
      const lineText = doc.lineAt(all[i]!.selectionRange.start.line).text;
      assert.ok(norm(lineText).startsWith(norm(h.marker)), `heading ${i + 1} starts with ${h.marker} in the text: ${JSON.stringify(lineText)}`);
    });

    await undoIn(doc);
    await waitForText(doc, 'one undo to restore the whole seed', (t) => t === original);
    assert.equal(doc.isDirty, false, 'the document is back to its saved state');
    await seedDiagnostics();
  });

  it('zh-report.convertToSimplified converts an untitled traditional document, and undo restores it', async () => {
    const traditional = '一、總體要求\n\n  堅持發展經濟，實現現代化。我們將採取有效措施，鞏固「網上沙龍」。\n';
    const simplified = '一、总体要求\n\n  坚持发展经济，实现现代化。我们将采取有效措施，巩固「网上沙龙」。\n';
    const editor = await openUntitledReport(traditional);
    const copy = editor.document;
    try {
      assert.equal(copy.uri.scheme, 'untitled');
      assert.equal(copy.languageId, 'zh-report');
      await vscode.commands.executeCommand('zh-report.convertToSimplified');
      await waitForText(copy, 'the document converted to simplified', (t) => t !== traditional);
      assert.equal(copy.getText(), simplified);
      await undoIn(copy);
      await waitForText(copy, 'undo to restore the traditional text', (t) => t !== simplified);
      assert.equal(copy.getText(), traditional, 'one undo restores the text');
    } finally {
      await revertAndClose(copy);
    }
  });

  it('zh-report.convertToTraditional converts only the selection', async () => {
    const text = '总体要求。发展经济，实现现代化。\n';
    const editor = await openUntitledReport(text);
    const copy = editor.document;
    try {
      const start = text.indexOf('发展');
      editor.selection = new vscode.Selection(copy.positionAt(start), copy.positionAt(text.indexOf('\n')));
      await vscode.commands.executeCommand('zh-report.convertToTraditional');
      await waitForText(copy, 'the selection converted to traditional', (t) => t !== text);
      assert.equal(copy.getText(), '总体要求。發展經濟，實現現代化。\n', 'the text before the selection stays simplified');
    } finally {
      await revertAndClose(copy);
    }
  });
});
