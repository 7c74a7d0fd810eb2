/**
 * Copy the outline (提纲) and export the glossary. The server formats both (zh-report/outlineText, zh-report/glossary),
 * so any editor gets the same text; the client puts it on the clipboard, in a new untitled Markdown document, or in a
 * CSV file the user names (UTF-8 with a BOM, so that Excel reads the Chinese).
 *
 * The commands work on the active zh-report editor — also when run from the Outline view's or the Report Terms view's
 * title bar, where VS Code passes no document.
 */
import * as vscode from 'vscode';
import { baseName } from './uris';
import { LANGUAGE_ID, Methods, type ExportText, type GlossaryParams, type OutlineTextFormat, type OutlineTextParams } from '../../server/src/protocol';

/** Sends a request to the running server; undefined when it is not running or the request fails. */
export type ServerRequest = <R>(method: string, params: unknown) => Promise<R | undefined>;

export const ExportCommands = {
  copyOutline: 'zh-report.copyOutline',
  copyOutlineMarkdown: 'zh-report.copyOutlineMarkdown',
  copyOutlineMarkdownList: 'zh-report.copyOutlineMarkdownList',
  copySectionOutline: 'zh-report.copySectionOutline',
  exportGlossaryMarkdown: 'zh-report.exportGlossaryMarkdown',
  exportGlossaryCsv: 'zh-report.exportGlossaryCsv',
} as const;

const WHOLE_OUTLINE: Readonly<Record<string, OutlineTextFormat>> = {
  [ExportCommands.copyOutline]: 'text',
  [ExportCommands.copyOutlineMarkdown]: 'markdownHeadings',
  [ExportCommands.copyOutlineMarkdownList]: 'markdownList',
};

export function registerExportCommands(request: ServerRequest): vscode.Disposable[] {
  return [
    ...Object.entries(WHOLE_OUTLINE).map(([command, format]) => vscode.commands.registerCommand(command, () => copyOutline(request, format, false))),
    // the format can be passed (keybindings, tests); otherwise the user picks it
    vscode.commands.registerCommand(ExportCommands.copySectionOutline, async (format?: unknown) => {
      const chosen = isFormat(format) ? format : await pickFormat();
      if (chosen !== undefined) await copyOutline(request, chosen, true);
    }),
    vscode.commands.registerCommand(ExportCommands.exportGlossaryMarkdown, () => exportGlossaryMarkdown(request)),
    // a target file can be passed (tests); otherwise the user names it
    vscode.commands.registerCommand(ExportCommands.exportGlossaryCsv, (target?: unknown) => exportGlossaryCsv(request, target instanceof vscode.Uri ? target : undefined)),
  ];
}

/** The zh-report editor the command is about: the active one, else the only visible one. */
function reportEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === LANGUAGE_ID) return active;
  const visible = vscode.window.visibleTextEditors.filter((e) => e.document.languageId === LANGUAGE_ID);
  if (visible.length === 1) return visible[0];
  void vscode.window.showInformationMessage(vscode.l10n.t('zh-report: open a Chinese report (中文报告) in the editor first.'));
  return undefined;
}

function isFormat(value: unknown): value is OutlineTextFormat {
  return value === 'text' || value === 'markdownHeadings' || value === 'markdownList';
}

async function pickFormat(): Promise<OutlineTextFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { readonly format: OutlineTextFormat }> = [
    { label: vscode.l10n.t('Plain text with markers and indentation'), format: 'text' },
    { label: vscode.l10n.t('Markdown headings'), format: 'markdownHeadings' },
    { label: vscode.l10n.t('Markdown list'), format: 'markdownList' },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Copy the outline of this section as…') }))?.format;
}

async function copyOutline(request: ServerRequest, format: OutlineTextFormat, section: boolean): Promise<void> {
  const editor = reportEditor();
  if (editor === undefined) return;
  const active = editor.selection.active;
  const params: OutlineTextParams = {
    uri: editor.document.uri.toString(),
    format,
    ...(section ? { position: { line: active.line, character: active.character } } : {}),
  };
  const result = await request<ExportText>(Methods.outlineText, params);
  if (result === undefined) return;
  if (result.items === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zh-report: this document has no outline to copy.'));
    return;
  }
  await vscode.env.clipboard.writeText(result.text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('zh-report: copied the outline ({0} headings)', result.items), 5000);
}

async function glossary(request: ServerRequest, editor: vscode.TextEditor, format: GlossaryParams['format']): Promise<ExportText | undefined> {
  const result = await request<ExportText>(Methods.glossary, { uri: editor.document.uri.toString(), format } satisfies GlossaryParams);
  if (result !== undefined && result.items === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('zh-report: this document defines no terms.'));
    return undefined;
  }
  return result;
}

async function exportGlossaryMarkdown(request: ServerRequest): Promise<void> {
  const editor = reportEditor();
  if (editor === undefined) return;
  const result = await glossary(request, editor, 'markdown');
  if (result === undefined) return;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
  await vscode.window.showTextDocument(document, { preview: false });
}

async function exportGlossaryCsv(request: ServerRequest, target: vscode.Uri | undefined): Promise<void> {
  const editor = reportEditor();
  if (editor === undefined) return;
  const result = await glossary(request, editor, 'csv');
  if (result === undefined) return;
  const source = editor.document.uri;
  const base = baseName(source).replace(/\.[^.]*$/, '') || 'report';
  const uri = target ?? (await vscode.window.showSaveDialog({
    defaultUri: source.scheme === 'file' ? vscode.Uri.joinPath(source, '..', `${base}-${vscode.l10n.t('glossary')}.csv`) : undefined,
    filters: { CSV: ['csv'] },
    title: vscode.l10n.t('Export the glossary as CSV'),
  }));
  if (uri === undefined) return;
  // the text starts with U+FEFF: encoded as UTF-8 it is the BOM Excel looks for
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
  vscode.window.setStatusBarMessage(vscode.l10n.t('zh-report: saved {0} terms to {1}', result.items, vscode.workspace.asRelativePath(uri)), 5000);
}
