/**
 * The Report Terms view (Explorer): the key terms of the active zh-report document, as the server's zh-report/terms
 * request lists them — the defined terms with their definitions, then the other terms with their number of uses.
 * Selecting a term goes to its definition (or its first use). The view shows while a zh-report document is active;
 * it is refreshed when the active editor changes and shortly after its document is edited.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, Methods, type TermSummary, type TermsParams } from '../../server/src/protocol';

export const TERMS_VIEW_ID = 'zh-report.terms';
/** Context key: the active editor holds a zh-report document (the view's `when`). */
export const ACTIVE_REPORT_CONTEXT = 'zh-report.activeReport';
/** After an edit, the view asks again once typing has paused this long. */
const REFRESH_DELAY_MS = 500;
/** Characters of a definition shown next to a term (the tooltip has all of it). */
const DESCRIPTION_MAX = 40;

/** Sends a request to the running server; undefined when it is not running or the request fails. */
export type ServerRequest = <R>(method: string, params: unknown) => Promise<R | undefined>;

type Node =
  | { readonly kind: 'group'; readonly defined: boolean; readonly terms: readonly TermSummary[] }
  | { readonly kind: 'term'; readonly term: TermSummary; readonly uri: vscode.Uri };

export class TermsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private terms: readonly TermSummary[] = [];
  private uri: vscode.Uri | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests than the newest are dropped. */
  private serial = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly request: ServerRequest) {
    this.subscriptions = [
      this.changed,
      vscode.window.registerTreeDataProvider(TERMS_VIEW_ID, this),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      // a document switched to zh-report (auto-detection, the language picker) is closed and opened again
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.refreshSoon(0);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.refreshSoon(REFRESH_DELAY_MS);
      }),
    ];
    this.refreshSoon(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Asks the server for the active document's terms now. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const serial = ++this.serial;
    const document = vscode.window.activeTextEditor?.document;
    const isReport = document?.languageId === LANGUAGE_ID;
    void vscode.commands.executeCommand('setContext', ACTIVE_REPORT_CONTEXT, isReport);
    const params: TermsParams | undefined = isReport ? { uri: document.uri.toString() } : undefined;
    const terms = params === undefined ? [] : ((await this.request<TermSummary[]>(Methods.terms, params)) ?? []);
    if (serial !== this.serial) return;
    this.terms = terms;
    this.uri = document?.uri;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node === undefined) {
      const uri = this.uri;
      if (uri === undefined) return [];
      const defined = this.terms.filter((t) => t.kind === 'defined');
      const others = this.terms.filter((t) => t.kind !== 'defined');
      return [
        ...(defined.length > 0 ? [{ kind: 'group', defined: true, terms: defined } as const] : []),
        ...(others.length > 0 ? [{ kind: 'group', defined: false, terms: others } as const] : []),
      ];
    }
    if (node.kind === 'term' || this.uri === undefined) return [];
    const uri = this.uri;
    return node.terms.map((term) => ({ kind: 'term', term, uri }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const label = node.defined ? vscode.l10n.t('Defined terms ({0})', node.terms.length) : vscode.l10n.t('Other terms ({0})', node.terms.length);
      return new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    }
    const { term, uri } = node;
    const item = new vscode.TreeItem(term.name, vscode.TreeItemCollapsibleState.None);
    const uses = term.uses === 1 ? vscode.l10n.t('1 use') : vscode.l10n.t('{0} uses', term.uses);
    item.description = term.definition === undefined ? uses : shorten(term.definition, DESCRIPTION_MAX);
    item.iconPath = new vscode.ThemeIcon(ICONS[term.kind] ?? 'symbol-key');
    item.tooltip = tooltip(term, uses);
    const { start, end } = term.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Go to the term'), arguments: [uri, { selection }] };
    return item;
  }

  private refreshSoon(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }
}

const ICONS: Readonly<Record<string, string>> = {
  defined: 'symbol-key',
  quoted: 'quote',
  title: 'book',
  formula: 'symbol-number',
  plan: 'calendar',
};

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function tooltip(term: TermSummary, uses: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(term.name).appendMarkdown('**\n\n');
  if (term.definition !== undefined) {
    md.appendText(term.definition);
    if (term.builtin === true) md.appendMarkdown(' *(').appendText(vscode.l10n.t('built-in expansion')).appendMarkdown(')*');
    md.appendMarkdown('\n\n');
  }
  if (term.section !== '') md.appendText(term.section).appendMarkdown('\n\n');
  md.appendText(uses);
  return md;
}
