/**
 * Offers to reopen a Chinese file that VS Code opened as UTF-8 although it is GB18030/GBK (its text full of �): a
 * warning with "Reopen with Encoding…" (VS Code's own picker, which guesses GB18030 from the bytes) and "Do Not Show
 * Again" (setting `zh-report.encodingHint.enabled`). A file is offered once per session unless the user reopens it
 * (then again the next time it opens as UTF-8); a file whose encoding the user chose to remember is reopened with it
 * without a question (encodingMemory.ts). The check reads the file only when the editor's text has many �.
 */
import * as vscode from 'vscode';
import { baseName } from './uris';
import { HINT_SAMPLE_BYTES, HINT_SAMPLE_CHARS, isGb18030Text, replacementsWorthChecking } from './encodingHint';
import type { EncodingMemory } from './encodingMemory';
import { errorMessage } from './errors';
import { CONFIG_SECTION, Setting } from './settings';

/** Documents of these languages are looked at (a report opened as UTF-8 is plain text, or Markdown). */
const LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'markdown', 'zh-report']);

export class EncodingAdvisor implements vscode.Disposable {
  private readonly seen = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly memory: EncodingMemory,
    private readonly log: (message: string) => void,
  ) {
    this.subscription = vscode.workspace.onDidOpenTextDocument((document) => void this.check(document));
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (document.uri.scheme !== 'file' || !LANGUAGES.has(document.languageId)) return;
    const end = document.positionAt(HINT_SAMPLE_CHARS);
    const replacements = replacementsWorthChecking(document.getText(new vscode.Range(new vscode.Position(0, 0), end)));
    if (replacements === 0) return;
    // the user chose to remember this file's encoding: no question, whatever the hint setting says
    if (await this.memory.reopenRemembered(document)) return;
    if (this.seen.has(key)) return;
    if (!vscode.workspace.getConfiguration(CONFIG_SECTION, document).get<boolean>(Setting.encodingHint, true)) return;
    this.seen.add(key);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(document.uri);
    } catch (error) {
      this.log(`Could not read ${document.uri.toString(true)} to check its encoding: ${errorMessage(error)}`);
      return;
    }
    if (isGb18030Text(bytes.subarray(0, HINT_SAMPLE_BYTES + 1)) !== true) return;
    this.log(`${document.uri.toString(true)} is GB18030/GBK text opened as UTF-8 (${replacements} characters show as �): offered to reopen it.`);
    const reopen = vscode.l10n.t('Reopen with Encoding…');
    const never = vscode.l10n.t('Do Not Show Again');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} looks like Chinese text in GB18030 (GBK) opened as UTF-8: {1} characters show as �. Reopen it with its encoding?', baseName(document.uri), replacements),
      reopen,
      never,
    );
    if (choice === reopen) {
      // once the text reads right, the report is recognised and the user may remember the encoding (encodingMemory.ts);
      // if not remembered, the next time the file opens as UTF-8 it is offered again
      this.seen.delete(key);
      this.memory.expectReopen(document);
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
    } else if (choice === never) {
      await vscode.workspace.getConfiguration(CONFIG_SECTION).update(Setting.encodingHint, false, vscode.ConfigurationTarget.Global);
    }
  }
}
