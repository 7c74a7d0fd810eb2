/**
 * After a GB18030 (GBK) file has been reopened with its encoding: the report in it is recognised (the language becomes
 * zh-report, the outline shows) and the user is offered to remember the encoding, so that the file reads right the
 * next time it opens.
 *
 * VS Code has no per-file encoding setting: `files.encoding` is set per user, workspace, workspace folder or language.
 * So the two choices are:
 * - this file: the extension remembers the file (global state) and, when it opens again as UTF-8 full of �, reopens it
 *   with the remembered encoding (`workspace.openTextDocument(uri, { encoding })`, VS Code 1.100 and later; older
 *   versions get the offer to reopen instead);
 * - this folder: `files.encoding` in the workspace folder's settings — VS Code then reads every file of the folder
 *   with it (right for a folder of GBK files; UTF-8 files without a BOM there would be read wrongly, hence the choice).
 */
import * as vscode from 'vscode';
import { baseName } from './uris';
import type { ReportDetector } from './autoDetect';
import { HINT_SAMPLE_CHARS, replacementsWorthChecking } from './encodingHint';
import { errorMessage } from './errors';

/** Where the files' remembered encodings are kept: URI → VS Code encoding id. */
const STATE_KEY = 'zh-report.rememberedEncodings';
/** What VS Code reopens these files with when it does not say (before 1.100, TextDocument has no `encoding`). */
export const DEFAULT_ENCODING = 'gb18030';
/** How many files are remembered; the oldest are forgotten first. */
const MAX_REMEMBERED = 1000;

/** `TextDocument.encoding` and `openTextDocument(uri, { encoding })` exist from VS Code 1.100; the types here are 1.82. */
interface EncodingAware { readonly encoding?: unknown }
type OpenWithEncoding = (uri: vscode.Uri, options: { encoding: string }) => Thenable<vscode.TextDocument>;

function encodingOf(document: vscode.TextDocument): string | undefined {
  const encoding = (document as EncodingAware).encoding;
  return typeof encoding === 'string' ? encoding : undefined;
}

/** Why a document is watched until its text reads right. */
type Watch = 'offer' | 'remembered';

export class EncodingMemory implements vscode.Disposable {
  /**
   * Documents being reopened with another encoding, by URI, until their text reads right (an entry stays when the user
   * leaves VS Code's encoding picker: a later reopen from the status bar then gets the offer).
   */
  private readonly watched = new Map<string, Watch>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly state: vscode.Memento,
    private readonly detector: ReportDetector,
    private readonly log: (message: string) => void,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => void this.onChange(event.document)),
      // should the editor reload the text as a new document rather than change it
      vscode.workspace.onDidOpenTextDocument((document) => void this.onChange(document)),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** The user is reopening `document` with another encoding: once its text reads right, recognise it and offer to remember. */
  expectReopen(document: vscode.TextDocument): void {
    this.watched.set(document.uri.toString(), 'offer');
  }

  /**
   * Reopens `document` with the encoding remembered for its file, if there is one and this VS Code can; true when it
   * did (the caller then offers nothing).
   */
  async reopenRemembered(document: vscode.TextDocument): Promise<boolean> {
    const key = document.uri.toString();
    const encoding = this.remembered()[key];
    if (encoding === undefined || encodingOf(document) === undefined) return false;
    this.watched.set(key, 'remembered');
    try {
      const open = vscode.workspace.openTextDocument as unknown as OpenWithEncoding;
      const reopened = await open(document.uri, { encoding });
      this.log(`Reopened ${document.uri.toString(true)} with its remembered encoding ${encoding}.`);
      // the text may have changed before this answer came back, or arrive in the same document without a change event
      await this.onChange(reopened);
      return true;
    } catch (error) {
      this.watched.delete(key);
      this.log(`Could not reopen ${document.uri.toString(true)} with ${encoding}: ${errorMessage(error)}`);
      return false;
    }
  }

  private remembered(): Record<string, string> {
    return this.state.get<Record<string, string>>(STATE_KEY) ?? {};
  }

  private async onChange(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const watch = this.watched.get(key);
    if (watch === undefined) return;
    const sample = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(HINT_SAMPLE_CHARS)));
    if (replacementsWorthChecking(sample) > 0) return; // not reopened yet, or not with the right encoding
    this.watched.delete(key);
    await this.detector.reconsider(document, 'reopened with its encoding');
    if (watch === 'offer') await this.offerToRemember(document);
  }

  private async offerToRemember(document: vscode.TextDocument): Promise<void> {
    const known = encodingOf(document);
    const encoding = known ?? DEFAULT_ENCODING;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    // a file can be reopened with its encoding only where TextDocument knows its encoding (VS Code 1.100 and later)
    const thisFile = known === undefined ? undefined : vscode.l10n.t('Remember for This File');
    const thisFolder = folder === undefined ? undefined : vscode.l10n.t('Use for All Files in {0}', folder.name);
    const choices = [thisFile, thisFolder].filter((choice): choice is string => choice !== undefined);
    if (choices.length === 0) return;
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} now reads as {1}. Open it with this encoding next time?', baseName(document.uri), encoding.toUpperCase()),
      ...choices,
    );
    if (choice === undefined) return; // dismissed
    try {
      if (choice === thisFile) {
        await this.rememberFile(document.uri, encoding);
        this.log(`Remembered the encoding ${encoding} for ${document.uri.toString(true)}.`);
      } else if (choice === thisFolder && folder !== undefined) {
        await vscode.workspace.getConfiguration('files', folder.uri).update('encoding', encoding, vscode.ConfigurationTarget.WorkspaceFolder);
        this.log(`Set files.encoding to ${encoding} in the settings of the folder ${folder.uri.toString(true)}.`);
      }
    } catch (error) {
      this.log(`Could not remember the encoding of ${document.uri.toString(true)}: ${errorMessage(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('zh-report: could not remember the encoding: {0}', errorMessage(error)));
    }
  }

  private async rememberFile(uri: vscode.Uri, encoding: string): Promise<void> {
    const entries = Object.entries(this.remembered()).filter(([key]) => key !== uri.toString());
    entries.push([uri.toString(), encoding]);
    await this.state.update(STATE_KEY, Object.fromEntries(entries.slice(-MAX_REMEMBERED)));
  }
}
