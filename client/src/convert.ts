/**
 * The conversion commands of the palette: each sends the active editor's document and its non-empty selections to
 * the server's `zh-report.server.convertScript` (registered by the language client from the server's capabilities),
 * which computes the edit and has the editor apply it (workspace/applyEdit) as one undoable step.
 */
import * as vscode from 'vscode';
import { ServerCommands, type ConvertScriptArgs, type ConvertTarget } from '../../server/src/protocol';

/** What the progress indicator says while the server converts (a 10 MB report takes a few seconds). */
function progressTitle(target: ConvertTarget): string {
  switch (target) {
    case 'cn':
      return vscode.l10n.t('zh-report: converting to simplified characters…');
    case 'tw':
      return vscode.l10n.t('zh-report: converting to traditional characters (Taiwan)…');
    case 'twp':
      return vscode.l10n.t('zh-report: converting to traditional characters with Taiwan phrases…');
    case 'hk':
      return vscode.l10n.t('zh-report: converting to traditional characters (Hong Kong)…');
  }
}

/** Palette command → opencc-js target. */
export const CONVERT_COMMANDS: Readonly<Record<string, ConvertTarget>> = {
  'zh-report.convertToSimplified': 'cn',
  'zh-report.convertToTraditional': 'tw',
  'zh-report.convertToTraditionalPhrases': 'twp',
  'zh-report.convertToTraditionalHongKong': 'hk',
};

export function registerConvertCommands(): vscode.Disposable[] {
  return Object.entries(CONVERT_COMMANDS).map(([command, target]) => vscode.commands.registerCommand(command, () => convertActiveEditor(target)));
}

async function convertActiveEditor(target: ConvertTarget): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    return;
  }
  const ranges = editor.selections
    .filter((selection) => !selection.isEmpty)
    .map((s) => ({ start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } }));
  const args: ConvertScriptArgs = { uri: editor.document.uri.toString(), target, ...(ranges.length > 0 ? { ranges } : {}) };
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: progressTitle(target) }, () =>
    Promise.resolve(vscode.commands.executeCommand(ServerCommands.convertScript, args)),
  );
}
