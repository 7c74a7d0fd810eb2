/**
 * "Go to Heading or Term in Workspace…" (zh-report.goToWorkspaceSymbol): a quick pick over the server's
 * `workspace/symbol`, asked again on each change of the typed text (debounced; the request for an older text is
 * cancelled). Its items are `alwaysShow`, so the picker never drops what the server found in the other script
 * (总则 lists 總則); the names carry the typed form as a gloss where the script differs (crossScript.ts). Choosing an
 * item opens the report at the heading or the term's definition.
 *
 * The same gloss goes on the results of VS Code's own Ctrl+T picker (`workspaceSymbolMiddleware`), whose filter would
 * otherwise drop them.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { glossedName } from './crossScript';

export const GO_TO_WORKSPACE_SYMBOL = 'zh-report.goToWorkspaceSymbol';

/** Wait this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 150;

/** A symbol as the server sends it (LSP `SymbolInformation`, or `WorkspaceSymbol` whose location may lack a range). */
interface LspPosition { readonly line: number; readonly character: number }
interface LspSymbol {
  readonly name: string;
  readonly kind: number;
  readonly containerName?: string;
  readonly location: { readonly uri: string; readonly range?: { readonly start: LspPosition; readonly end: LspPosition } };
}

/** Asks the server for the workspace symbols matching `query`; undefined when it cannot answer or `token` cancelled. */
export type WorkspaceSymbolSource = (query: string, token: vscode.CancellationToken) => Promise<readonly LspSymbol[] | null | undefined>;

/** LSP symbol kinds (1-based) in order, as codicon names. */
const KIND_ICONS = [
  'file', 'module', 'namespace', 'package', 'class', 'method', 'property', 'field', 'constructor', 'enum', 'interface',
  'function', 'variable', 'constant', 'string', 'number', 'boolean', 'array', 'object', 'key', 'null', 'enum-member',
  'struct', 'event', 'operator', 'type-parameter',
] as const;

interface SymbolItem extends vscode.QuickPickItem {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range | undefined;
}

export function registerWorkspacePick(source: WorkspaceSymbolSource): vscode.Disposable {
  return vscode.commands.registerCommand(GO_TO_WORKSPACE_SYMBOL, (query?: unknown) => pickWorkspaceSymbol(source, typeof query === 'string' ? query : ''));
}

/** Glosses the names of VS Code's Ctrl+T results so that its own filter keeps the matches in the other script. */
export const workspaceSymbolMiddleware: Pick<Middleware, 'provideWorkspaceSymbols'> = {
  async provideWorkspaceSymbols(query, token, next) {
    const symbols = await next(query, token);
    for (const symbol of symbols ?? []) symbol.name = glossedName(symbol.name, query);
    return symbols;
  },
};

function pickWorkspaceSymbol(source: WorkspaceSymbolSource, initial: string): Promise<void> {
  const pick = vscode.window.createQuickPick<SymbolItem>();
  pick.title = vscode.l10n.t('Go to Heading or Term in Workspace');
  pick.placeholder = vscode.l10n.t('Type a heading or a term, in simplified or traditional characters');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: vscode.CancellationTokenSource | undefined;

  const search = async (query: string): Promise<void> => {
    pending?.cancel();
    pending?.dispose();
    const cts = new vscode.CancellationTokenSource();
    pending = cts;
    if (query.trim().length === 0) {
      pick.items = [];
      pick.busy = false;
      return;
    }
    pick.busy = true;
    const symbols = await source(query, cts.token);
    if (cts.token.isCancellationRequested) return; // a newer text took its place
    pick.items = (symbols ?? []).map((symbol) => toItem(symbol, query));
    pick.busy = false;
  };

  return new Promise<void>((resolve) => {
    const subscriptions: vscode.Disposable[] = [
      pick.onDidChangeValue((value) => {
        if (timer !== undefined) clearTimeout(timer);
        pending?.cancel(); // the old answer is stale already
        timer = setTimeout(() => void search(value), DEBOUNCE_MS);
      }),
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        pick.hide();
        if (item !== undefined) void open(item);
      }),
      pick.onDidHide(() => {
        if (timer !== undefined) clearTimeout(timer);
        pending?.cancel();
        pending?.dispose();
        for (const subscription of subscriptions) subscription.dispose();
        pick.dispose();
        resolve();
      }),
    ];
    pick.value = initial;
    pick.show();
    if (initial.length > 0) void search(initial);
  });
}

function toItem(symbol: LspSymbol, query: string): SymbolItem {
  const uri = vscode.Uri.parse(symbol.location.uri);
  const range = symbol.location.range;
  const icon = KIND_ICONS[symbol.kind - 1] ?? 'misc';
  const where = vscode.workspace.asRelativePath(uri, true);
  return {
    // alwaysShow: the picker's own filter would drop the matches in the other script
    alwaysShow: true,
    label: `$(symbol-${icon}) ${glossedName(symbol.name, query)}`,
    description: symbol.containerName ?? '',
    detail: range === undefined ? where : `${where}:${range.start.line + 1}`,
    uri,
    range: range === undefined ? undefined : new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
  };
}

async function open(item: SymbolItem): Promise<void> {
  const editor = await vscode.window.showTextDocument(item.uri, item.range === undefined ? {} : { selection: item.range });
  if (item.range !== undefined) editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

