import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SEED_FILE } from './expected';

export const EXTENSION_ID = 'zh-report.zh-report';
export const LANGUAGE_ID = 'zh-report';

/** Polls `probe` until it returns something other than undefined; fails with `what` and the last error after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A file of seeds/ inside the opened workspace (the seeds/ folder, or a folder that contains seeds/); the seed by default. */
export async function seedUri(file = SEED_FILE): Promise<vscode.Uri> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folders.length > 0, 'a workspace folder is open (the repository\'s seeds/ folder)');
  for (const folder of folders) {
    for (const candidate of [vscode.Uri.joinPath(folder.uri, file), vscode.Uri.joinPath(folder.uri, 'seeds', file)]) {
      try {
        await vscode.workspace.fs.stat(candidate);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  throw new Error(`${file} not found in the workspace folders ${folders.map((f) => f.uri.toString()).join(', ')}`);
}

/** Opens a file of seeds/ (the seed by default) in an editor and waits until the client has switched it to the zh-report language. */
export async function openSeedAsReport(file = SEED_FILE): Promise<vscode.TextDocument> {
  const uri = await seedUri(file);
  const opened = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(opened, { preview: false });
  return waitFor(`${file} to switch to language '${LANGUAGE_ID}'`, () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID),
  );
}

export interface SymbolNode {
  name: string;
  range: vscode.Range;
  selectionRange: vscode.Range;
  children: SymbolNode[];
}

/** Runs the document-symbol provider and returns a tree (DocumentSymbol results; SymbolInformation is rejected). */
export async function documentSymbols(uri: vscode.Uri): Promise<SymbolNode[]> {
  const result = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    uri,
  );
  const toNode = (s: vscode.DocumentSymbol | vscode.SymbolInformation): SymbolNode => {
    assert.ok('children' in s && 'selectionRange' in s, `expected hierarchical DocumentSymbols, got a flat SymbolInformation (${s.name})`);
    return { name: s.name, range: s.range, selectionRange: s.selectionRange, children: s.children.map(toNode) };
  };
  return (result ?? []).map(toNode);
}

export function countDescendants(node: SymbolNode): number {
  return node.children.reduce((sum, c) => sum + 1 + countDescendants(c), 0);
}

export function describeTree(nodes: SymbolNode[], indent = ''): string {
  return nodes.map((n) => `${indent}${n.name} [${n.selectionRange.start.line}]\n${describeTree(n.children, indent + '  ')}`).join('');
}

/** The position `inside` characters into the `nth` occurrence of `needle` on `line` (fails when it is not there). */
export function positionOf(doc: vscode.TextDocument, line: number, needle: string, nth = 0, inside = 1): vscode.Position {
  const text = doc.lineAt(line).text;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `line ${line + 1} holds ${JSON.stringify(needle)} ${nth + 1} time(s): ${JSON.stringify(text)}`);
  }
  return new vscode.Position(line, at + inside);
}

/** Every range of `pattern` (a global regex) in the document, in document order. */
export function rangesOf(doc: vscode.TextDocument, pattern: RegExp): vscode.Range[] {
  const text = doc.getText();
  return [...text.matchAll(pattern)].map((m) => new vscode.Range(doc.positionAt(m.index ?? 0), doc.positionAt((m.index ?? 0) + m[0].length)));
}

export function showRange(doc: vscode.TextDocument, r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${JSON.stringify(doc.getText(r))}`;
}

/** The text of a hover's contents (Markdown source, all parts joined). */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** A diagnostic's code as a string (`code` may be a plain value or `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/**
 * Waits until the diagnostics of `uri` from source `source` satisfy `accept` (pull diagnostics arrive
 * asynchronously, and again after every edit); checks now, then on every onDidChangeDiagnostics for that uri.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  source = 'zh-report',
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      listener.dispose();
      if (error) reject(error);
      else resolve(current());
    };
    const check = (): void => {
      if (accept(current())) finish(undefined);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      const got = current().map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ');
      finish(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics: ${what}; have ${current().length}: ${got}`));
    }, timeoutMs);
    check();
  });
}

/** Opens an untitled zh-report document with `content` in an editor (the language server serves untitled documents). */
export async function openUntitledReport(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Makes `doc`'s editor the active one, then runs the editor's 'undo' command (it acts on the active editor). */
export async function undoIn(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('undo');
}

/** Closes `doc`'s editor without saving: an untitled document is dropped, a file goes back to what is on disk. */
export async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  if (doc.isClosed) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Waits until `doc`'s text satisfies `accept` (an edit applied by the server through the client arrives on its own). */
export function waitForText(doc: vscode.TextDocument, what: string, accept: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  return waitFor(what, () => (accept(doc.getText()) ? doc.getText() : undefined), timeoutMs, 50);
}
