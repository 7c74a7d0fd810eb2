// For the people who write reports, in a real VS Code on the seed: the outline (提纲) copied to the clipboard (read
// back with vscode.env.clipboard) as text, as a Markdown list, or the cursor's section as Markdown headings; the
// glossary exported as CSV (UTF-8 with a BOM) and as a Markdown document. The status bar's 字数 is checked through
// the page by the UI checks (scripts/e2e-code-server.mjs).
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { countDescendants, documentSymbols, openSeedAsReport, revertAndClose, waitFor, type SymbolNode } from './helpers';

/** The symbols in document order with their depth (explicit stack). */
function preorder(nodes: readonly SymbolNode[]): Array<{ readonly node: SymbolNode; readonly depth: number }> {
  const out: Array<{ node: SymbolNode; depth: number }> = [];
  const stack = [...nodes].reverse().map((node) => ({ node, depth: 0 }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    out.push(top);
    for (let i = top.node.children.length - 1; i >= 0; i--) stack.push({ node: top.node.children[i]!, depth: top.depth + 1 });
  }
  return out;
}

/** Runs a command and reads the clipboard until it holds something other than `before`. */
async function copied(command: string, before: string, ...args: unknown[]): Promise<string> {
  await vscode.commands.executeCommand(command, ...args);
  return waitFor(`the clipboard after ${command}`, async () => {
    const text = await vscode.env.clipboard.readText();
    return text !== before && text.length > 0 ? text : undefined;
  }, 10_000);
}

describe('提纲 and glossary: copy and export', () => {
  let doc: vscode.TextDocument;
  let symbols: SymbolNode[];

  before(async () => {
    doc = await openSeedAsReport();
    symbols = await waitFor('the seed\'s outline', async () => {
      const s = await documentSymbols(doc.uri);
      return s.length === 1 && countDescendants(s[0]!) === 13 ? s : undefined;
    });
  });

  after(async () => {
    await vscode.env.clipboard.writeText('');
  });

  it('Copy Outline as Text: every heading with its marker, indented two U+3000 a level', async () => {
    await vscode.env.clipboard.writeText('—');
    const text = await copied('zh-report.copyOutline', '—');
    const want = preorder(symbols).map(({ node, depth }) => '\u3000\u3000'.repeat(depth) + node.name);
    assert.deepEqual(text.split('\n').slice(0, -1), want);
    assert.equal(want.length, 14, 'the title and its 13 headings');
    assert.ok(text.includes('\u3000\u3000二、基本做法\n'), text);
  });

  it('Copy Outline as Markdown List: nested items, the same headings', async () => {
    const before = await vscode.env.clipboard.readText();
    const text = await copied('zh-report.copyOutlineMarkdownList', before);
    const want = preorder(symbols).map(({ node, depth }) => `${'  '.repeat(depth)}- ${node.name}`);
    assert.deepEqual(text.split('\n').slice(0, -1), want);
  });

  it('Copy Outline of the Section at the Cursor, as Markdown headings: the cursor\'s section and what is under it', async () => {
    // the cursor on line 35, inside （三） of 二、基本做法
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const position = new vscode.Position(34, 5);
    editor.selection = new vscode.Selection(position, position);
    const all = preorder(symbols);
    const section = [...all].reverse().find(({ node }) => node.range.contains(position) && node !== symbols[0])!;
    assert.match(section.node.name, /^（三）/u);
    const inside = all.filter(({ node }) => section.node.range.contains(node.range));
    const before = await vscode.env.clipboard.readText();
    const text = await copied('zh-report.copySectionOutline', before, 'markdownHeadings');
    const want = inside.map(({ node, depth }) => `${'#'.repeat(Math.min(depth - section.depth + 1, 6))} ${node.name}`);
    assert.equal(text, want.join('\n\n') + '\n');
  });

  it('Export Glossary as CSV: UTF-8 with a BOM, a header row, the seed\'s defined terms with their lines', async () => {
    const target = vscode.Uri.joinPath(vscode.Uri.file(os.tmpdir()), `zh-report-e2e-glossary-${process.pid}.csv`);
    await vscode.commands.executeCommand('zh-report.exportGlossaryCsv', target);
    const bytes = await waitFor('the CSV file', async () => vscode.workspace.fs.readFile(target).then((b) => b, () => undefined));
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM first');
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    assert.equal(lines[0], 'Term,Definition,Defined in,Line', 'the header in the display language (English here)');
    const five = lines.find((l) => l.startsWith('五指緊扣,'));
    assert.ok(five !== undefined && five.endsWith(',27'), `五指緊扣 defined on line 27: ${lines.join(' | ')}`);
    await vscode.workspace.fs.delete(target);
  });

  it('Export Glossary as Markdown: a new untitled Markdown document with the table', async () => {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('zh-report.exportGlossaryMarkdown');
    const glossary = await waitFor('the glossary document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d !== undefined && d.isUntitled && d.languageId === 'markdown' ? d : undefined;
    });
    assert.match(glossary.getText(), /^# Glossary\n\n\| Term \| Definition \| Defined in \| Line \|\n/u);
    assert.match(glossary.getText(), /\n\| 五指緊扣 \| 市委會機關“四處一室”從制度機制入手/u);
    await revertAndClose(glossary);
  });
});
