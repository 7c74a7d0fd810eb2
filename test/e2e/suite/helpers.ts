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

/** The seed inside the opened workspace (the seeds/ folder, or a folder that contains seeds/). */
export async function seedUri(): Promise<vscode.Uri> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folders.length > 0, 'a workspace folder is open (the repository\'s seeds/ folder)');
  for (const folder of folders) {
    for (const candidate of [vscode.Uri.joinPath(folder.uri, SEED_FILE), vscode.Uri.joinPath(folder.uri, 'seeds', SEED_FILE)]) {
      try {
        await vscode.workspace.fs.stat(candidate);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  throw new Error(`${SEED_FILE} not found in the workspace folders ${folders.map((f) => f.uri.toString()).join(', ')}`);
}

/** Opens the seed in an editor and waits until the client has switched it to the zh-report language. */
export async function openSeedAsReport(): Promise<vscode.TextDocument> {
  const uri = await seedUri();
  const opened = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(opened, { preview: false });
  return waitFor(`${SEED_FILE} to switch to language '${LANGUAGE_ID}'`, () =>
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
