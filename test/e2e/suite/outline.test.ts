// Extension-host tests: they use the public vscode API only, so they run unchanged under @vscode/test-electron
// (desktop VS Code) and inside code-server (through the e2e driver extension).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExpectedHeading, LAST_BODY_LINE, TITLE, flatten, hasPinyinGloss, headingMismatch, norm } from './expected';
import { EXTENSION_ID, LANGUAGE_ID, SymbolNode, countDescendants, describeTree, documentSymbols, openSeedAsReport, revertAndClose, waitFor } from './helpers';

/** Checks a symbol subtree against the expected headings; collects every problem instead of stopping at the first. */
function compareTree(actual: SymbolNode, expected: ExpectedHeading, where: string, problems: string[]): void {
  const isTitle = expected === TITLE;
  const mismatch = isTitle
    ? norm(actual.name) === norm(expected.text) ? undefined : `expected the title ${JSON.stringify(expected.text)}, got ${JSON.stringify(actual.name)}`
    : headingMismatch(actual.name, expected);
  if (mismatch) problems.push(`${where}: ${mismatch}`);
  if (actual.selectionRange.start.line !== expected.line) {
    problems.push(`${where} ${JSON.stringify(actual.name)}: selectionRange starts on line ${actual.selectionRange.start.line}, expected ${expected.line}`);
  }
  const kids = expected.children ?? [];
  if (actual.children.length !== kids.length) {
    problems.push(`${where} ${JSON.stringify(actual.name)}: ${actual.children.length} children, expected ${kids.length} (${kids.map((k) => k.marker + k.text.slice(0, 6)).join(' | ')})`);
  }
  kids.forEach((k, i) => {
    const child = actual.children[i];
    if (child) compareTree(child, k, `${where} › ${k.marker || 'child'}`, problems);
  });
}

/** Waits until the server answers with a non-empty outline (it may still be starting), then returns it. */
async function outlineOf(uri: vscode.Uri): Promise<SymbolNode[]> {
  return waitFor('a non-empty document outline from the zh-report server', async () => {
    const symbols = await documentSymbols(uri);
    return symbols.length > 0 && symbols.some((s) => s.children.length > 0) ? symbols : undefined;
  });
}

function contains(outer: vscode.Range, inner: vscode.Range): boolean {
  return outer.contains(inner);
}

describe('zh-report in a real VS Code', function () {
  this.timeout(90_000);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openSeedAsReport();
  });

  it('switches the plain-text seed to language zh-report and activates the client', async () => {
    assert.equal(doc.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await waitFor(`${EXTENSION_ID} to be active`, () => (ext.isActive ? true : undefined));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('zh-report.restartServer'), 'command zh-report.restartServer is registered');
  });

  it('switches an untitled plain-text document when a report is pasted into it, not when a line is typed', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(untitled, { preview: false });
    try {
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '一、会议纪要\n')), 'typed a line');
      // a short insertion is typing: it is never checked, so the document stays plain text however long we wait
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(untitled.languageId, 'plaintext', 'typing one line does not switch the language');
      const report = doc.getText();
      assert.ok(await editor.edit((b) => b.insert(untitled.lineAt(untitled.lineCount - 1).range.end, report)), 'pasted the seed');
      await waitFor(`the untitled document to switch to '${LANGUAGE_ID}' after the paste`, () => (untitled.languageId === LANGUAGE_ID ? true : undefined));
      const symbols = await waitFor('an outline of the pasted report', async () => {
        const s = await documentSymbols(untitled.uri);
        return s.length > 0 ? s : undefined;
      });
      const count = symbols.reduce((n, s) => n + 1 + countDescendants(s), 0);
      assert.ok(count >= 14, `the pasted report has its outline: ${count} symbols (${describeTree(symbols)})`);
    } finally {
      await revertAndClose(untitled);
    }
  });

  it('Go to Symbol in Workspace finds headings of the seed and of the other reports in the folder, in either script', async () => {
    const found = await waitFor('workspace symbols for 主要成效', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '主要成效');
      return symbols.some((s) => s.location.uri.toString() === doc.uri.toString()) ? symbols : undefined;
    });
    const seedHeading = found.find((s) => s.location.uri.toString() === doc.uri.toString());
    assert.ok(seedHeading && norm(seedHeading.name).includes('主要成效'), `the seed's 一、主要成效: ${found.map((s) => s.name).join(' | ')}`);
    // the seed is traditional; a simplified query finds it too, and a law in the folder is read from disk
    const simplified = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '基本做法');
    assert.ok(simplified.some((s) => s.location.uri.toString() === doc.uri.toString()), `基本做法 finds 二、基本做法 in the seed: ${simplified.map((s) => s.name).join(' | ')}`);
    // seeds/ also holds a regulation that no test opens: its articles come from the file on disk
    const articles = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '第一条');
    const fromDisk = articles.find((s) => path.basename(s.location.uri.fsPath) === 'cn_reg_hazardous_chemicals_regulation_2013.md');
    assert.ok(fromDisk, `第一条 of the regulation in seeds/: ${articles.map((s) => `${s.name} (${path.basename(s.location.uri.fsPath)})`).join(' | ')}`);
  });

  it('contributes the zh-report language and a TextMate grammar for it', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const contributes = (ext.packageJSON as { contributes?: { languages?: { id?: string }[]; grammars?: { language?: string; scopeName?: string; path?: string }[] } }).contributes ?? {};
    assert.ok((contributes.languages ?? []).some((l) => l.id === LANGUAGE_ID), 'contributes.languages has id zh-report');
    const grammar = (contributes.grammars ?? []).find((g) => g.language === LANGUAGE_ID);
    assert.ok(grammar, 'contributes.grammars has an entry for language zh-report');
    assert.ok(grammar.scopeName && grammar.path, 'the grammar entry names a scope and a file');
    const file = path.join(ext.extensionPath, grammar.path);
    assert.ok(fs.existsSync(file), `grammar file ${grammar.path} is packaged`);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName?: string; patterns?: unknown[] };
    assert.equal(parsed.scopeName, grammar.scopeName, 'the grammar file declares the contributed scope');
    assert.ok(Array.isArray(parsed.patterns) && parsed.patterns.length > 0, 'the grammar has patterns');
  });

  it('serves the full outline: the title with the 13 headings under it', async () => {
    const symbols = await outlineOf(doc.uri);
    const tree = describeTree(symbols);
    assert.equal(symbols.length, 1, `exactly one root (the title); got:\n${tree}`);
    const root = symbols[0]!;
    assert.equal(countDescendants(root), flatten().length - 1, `13 headings under the title; got:\n${tree}`);
    const problems: string[] = [];
    compareTree(root, TITLE, 'title', problems);
    assert.deepEqual(problems, [], `outline differs from the seed's headings; got:\n${tree}`);
  });

  it('repairs the mojibake headings and drops pinyin glosses from names', async () => {
    const symbols = await outlineOf(doc.uri);
    const names: string[] = [];
    const walk = (n: SymbolNode): void => {
      names.push(n.name);
      n.children.forEach(walk);
    };
    symbols.forEach(walk);
    const glossed = names.filter(hasPinyinGloss);
    assert.deepEqual(glossed, [], 'no pinyin glosses (or remnants of one) in names');
    const third = names.find((n) => norm(n).startsWith(norm('（三）抓“關鍵少數”')));
    assert.ok(third, `（三）抓“關鍵少數”… is in the outline (repaired from ' ?。ㄈ┳ァ瓣P鍵少數(shù)”'): ${names.join(' | ')}`);
  });

  it('returns folding ranges for every section', async () => {
    await outlineOf(doc.uri);
    const ranges = await waitFor('folding ranges', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', doc.uri);
      return r && r.length > 0 ? r : undefined;
    });
    const all = flatten().map((f) => f.heading);
    const problems: string[] = [];
    for (const h of all) {
      if (h === TITLE) continue;
      // The section ends before the next heading at the same or a higher level, or at the document's last body line.
      const after = all.filter((o) => o.line > h.line);
      const depthOf = (x: ExpectedHeading): number => flatten().find((f) => f.heading === x)!.depth;
      const next = after.find((o) => depthOf(o) <= depthOf(h));
      const minEnd = next ? next.line - 2 : LAST_BODY_LINE;
      const maxEnd = next ? next.line - 1 : doc.lineCount - 1;
      const fold = ranges.find((r) => r.start === h.line);
      if (!fold) problems.push(`no folding range starts at ${h.marker}${h.text.slice(0, 8)} (line ${h.line})`);
      else if (fold.end < minEnd || fold.end > maxEnd) problems.push(`${h.marker}${h.text.slice(0, 8)}: folds ${fold.start}–${fold.end}, expected to end in ${minEnd}–${maxEnd}`);
    }
    assert.deepEqual(problems, [], `folding ranges: ${JSON.stringify(ranges.map((r) => [r.start, r.end]))}`);
  });

  it('grows the selection sentence → paragraph → section', async () => {
    await outlineOf(doc.uri);
    // Line 34 is the body of （三）抓“關鍵少數”: three sentences. Put the cursor in the second one.
    const line = 34;
    const text = doc.lineAt(line).text;
    const sentenceStart = text.indexOf('邀請');
    const sentenceEnd = text.indexOf('。', sentenceStart);
    assert.ok(sentenceStart > 0 && sentenceEnd > sentenceStart, 'the seed line 35 has the expected sentences');
    const cursor = new vscode.Position(line, sentenceStart + 3);
    const result = await vscode.commands.executeCommand<vscode.SelectionRange[] | undefined>('vscode.executeSelectionRangeProvider', doc.uri, [cursor]);
    assert.ok(result && result.length === 1, 'one selection range chain for one position');
    const chain: vscode.Range[] = [];
    for (let s: vscode.SelectionRange | undefined = result[0]; s; s = s.parent) chain.push(s.range);
    const shown = chain.map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`).join(' → ');
    for (let i = 1; i < chain.length; i++) {
      assert.ok(contains(chain[i]!, chain[i - 1]!) && !chain[i]!.isEqual(chain[i - 1]!), `each range strictly contains the previous: ${shown}`);
    }
    const firstNonSpace = text.length - text.trimStart().length;
    const lastNonSpace = text.trimEnd().length;
    const sentence = chain.findIndex((r) => r.start.line === line && r.end.line === line && r.start.character <= sentenceStart
      && r.start.character >= text.lastIndexOf('。', sentenceStart) + 1 && r.end.character >= sentenceEnd && r.end.character <= sentenceEnd + 1);
    const paragraph = chain.findIndex((r) => r.start.line === line && r.start.character <= firstNonSpace
      && ((r.end.line === line && r.end.character >= lastNonSpace) || (r.end.line === line + 1 && r.end.character === 0)));
    const section = chain.findIndex((r) => r.start.line === 32 && r.end.line >= line && r.end.line < 36);
    const parentSection = chain.findIndex((r) => r.start.line === 22 && r.end.line >= 46 && r.end.line < 48);
    assert.ok(sentence >= 0, `a range covers exactly the sentence 邀請…授課。: ${shown}`);
    assert.ok(paragraph > sentence, `then the paragraph (line ${line}): ${shown}`);
    assert.ok(section > paragraph, `then the section （三） (lines 32–35): ${shown}`);
    assert.ok(parentSection > section, `then the section 二、基本做法 (lines 22–47): ${shown}`);
  });

  it('restarts the server with zh-report.restartServer and answers again', async () => {
    const before = await outlineOf(doc.uri);
    await vscode.commands.executeCommand('zh-report.restartServer');
    const after = await outlineOf(doc.uri);
    assert.equal(describeTree(after), describeTree(before), 'same outline after the restart');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'the client is still active');
  });
});
