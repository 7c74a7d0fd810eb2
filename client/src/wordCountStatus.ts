/**
 * 字数 in the status bar for the active zh-report document: the whole document, the section under the cursor (with its
 * path of markers, 二、 › （三）) and the selection when there is one. The server counts (zh-report/wordCount, the rules
 * of Word's 字数统计); the client asks again when the cursor moves or the text changes — after a pause, so typing is
 * never held up, and cancelling the request it no longer needs. Clicking the item shows the breakdown; choosing a line
 * copies its number.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, Methods, type WordCountParams, type WordCountResult, type WordCounts } from '../../server/src/protocol';

export const SHOW_WORD_COUNT_COMMAND = 'zh-report.showWordCount';
/** The item's id (users can hide or move it; tests find it by its name). */
export const WORD_COUNT_ITEM_ID = 'zh-report.wordCount';
/** After an edit, ask once typing has paused this long. */
const TYPING_DELAY_MS = 300;
/** After the cursor or the selection moves. */
const CURSOR_DELAY_MS = 100;

/** Sends a request to the running server, cancelled by `token`; undefined when it cannot answer. */
export type CancellableRequest = <R>(method: string, params: unknown, token: vscode.CancellationToken) => Promise<R | undefined>;

export class WordCountStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  /** The latest answer, for the breakdown. */
  private last: WordCountResult | undefined;

  constructor(private readonly request: CancellableRequest) {
    this.item = vscode.window.createStatusBarItem(WORD_COUNT_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('zh-report Word Count');
    this.item.command = SHOW_WORD_COUNT_COMMAND;
    const isActive = (document: vscode.TextDocument): boolean => document === vscode.window.activeTextEditor?.document;
    this.subscriptions = [
      this.item,
      vscode.commands.registerCommand(SHOW_WORD_COUNT_COMMAND, () => this.showBreakdown()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.refreshSoon(CURSOR_DELAY_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isActive(event.document) && event.contentChanges.length > 0) this.refreshSoon(TYPING_DELAY_MS);
      }),
      // a document switched to zh-report (auto-detection, the language picker) is closed and opened again
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isActive(document)) this.refreshSoon(0);
      }),
    ];
    this.refreshSoon(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    this.pending?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Asks the server now (the previous request, if still running, is cancelled). */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.pending?.cancel();
    this.pending?.dispose();
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.document.languageId !== LANGUAGE_ID) {
      this.pending = undefined;
      this.last = undefined;
      this.item.hide();
      return;
    }
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    const selections = editor.selections.filter((s) => !s.isEmpty).map((s) => ({ start: plain(s.start), end: plain(s.end) }));
    const params: WordCountParams = { uri: editor.document.uri.toString(), position: plain(editor.selection.active), ...(selections.length > 0 ? { selections } : {}) };
    const result = await this.request<WordCountResult | null>(Methods.wordCount, params, source.token);
    if (source.token.isCancellationRequested) return;
    if (result === undefined || result === null) {
      this.last = undefined;
      this.item.hide();
      return;
    }
    this.last = result;
    const parts = [`$(symbol-text) ${vscode.l10n.t('{0} 字', grouped(result.document.words))}`];
    if (result.section !== undefined) parts.push(`${result.section.path} ${vscode.l10n.t('{0} 字', grouped(result.section.counts.words))}`);
    if (result.selection !== undefined) parts.push(vscode.l10n.t('Selection {0} 字', grouped(result.selection.words)));
    this.item.text = parts.join(' · ');
    this.item.tooltip = vscode.l10n.t('字数 as Word and WPS count it: the document, the section under the cursor, the selection. Click for the breakdown.');
    this.item.show();
  }

  /** The breakdown of the latest count, document / section / selection; the chosen number goes to the clipboard. */
  private async showBreakdown(): Promise<void> {
    await this.refresh();
    const result = this.last;
    if (result === undefined) return;
    type Item = vscode.QuickPickItem & { readonly value?: number };
    const items: Item[] = [];
    const group = (label: string, counts: WordCounts): void => {
      items.push({ label, kind: vscode.QuickPickItemKind.Separator });
      for (const [key, name] of breakdownFields()) {
        if (key === 'glosses' && counts.glosses === 0) continue;
        items.push({ label: grouped(counts[key]), description: name, value: counts[key] });
      }
    };
    group(vscode.l10n.t('Document'), result.document);
    if (result.section !== undefined) group(vscode.l10n.t('Section {0}', result.section.name), result.section.counts);
    if (result.selection !== undefined) group(vscode.l10n.t('Selection'), result.selection);
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('zh-report: 字数 (as Word counts)'),
      placeHolder: vscode.l10n.t('Choose a number to copy it'),
      matchOnDescription: true,
    });
    if (picked?.value !== undefined) {
      await vscode.env.clipboard.writeText(String(picked.value));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', picked.label), 3000);
    }
  }

  private refreshSoon(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }
}

/** The lines of the breakdown, in Word's order, then the alternatives. */
function breakdownFields(): ReadonlyArray<readonly [keyof WordCounts, string]> {
  return [
    ['words', vscode.l10n.t('字数 (Word count)')],
    ['cjk', vscode.l10n.t('Chinese characters and Korean words')],
    ['nonCjkWords', vscode.l10n.t('Non-Chinese words')],
    ['chars', vscode.l10n.t('Characters (no spaces)')],
    ['charsWithSpaces', vscode.l10n.t('Characters (with spaces)')],
    ['han', vscode.l10n.t('Han characters only')],
    ['charsWithoutPunctuation', vscode.l10n.t('Characters without punctuation')],
    ['paragraphs', vscode.l10n.t('Paragraphs')],
    ['glosses', vscode.l10n.t('Pinyin glosses left out')],
  ];
}

function plain(position: vscode.Position): { line: number; character: number } {
  return { line: position.line, character: position.character };
}

function grouped(n: number): string {
  return n.toLocaleString('en-US');
}
