/**
 * Switches plain-text documents that look like Chinese reports to the zh-report language when they are opened.
 *
 * Each document is considered once when it opens. A language change fires "close" and "open" again for the same
 * document object, so a user who switches a detected document back to Plain Text is not overruled; a document that
 * is really closed and opened again is a new object and is considered again.
 *
 * An untitled plain-text document that was not a report when it opened (a new, empty one) is considered again after
 * each paste-sized insertion (at least `PASTE_MIN_CHARS` characters in one change), until it is switched: pasting a
 * report into a new file switches it as opening one does. Typing is never re-checked.
 *
 * A document whose text was replaced by a reopen with another encoding (a GBK file first read as UTF-8) is looked at
 * again when encodingMemory.ts asks (`reconsider`).
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { isExplicitlyAssociated } from './associations';
import { SAMPLE_CHARS, looksLikeReport } from './detect';
import { errorMessage } from './errors';
import { CONFIG_SECTION, Setting, maxFileSizeMB } from './settings';

/** Schemes of documents a user opens to read (not output channels, git views, settings …). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** An insertion at least this long, in one change, is a paste (or a snippet): worth looking at the document again. */
export const PASTE_MIN_CHARS = 200;

export class ReportDetector implements vscode.Disposable {
  private readonly considered = new WeakSet<vscode.TextDocument>();
  /** Untitled plain-text documents that were not reports when considered: a paste may make them one. */
  private readonly awaitingPaste = new WeakSet<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: (message: string) => void) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => void this.consider(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onChange(event)),
    ];
    for (const document of vscode.workspace.textDocuments) {
      void this.consider(document);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    if (this.considered.has(document)) {
      return;
    }
    this.considered.add(document);
    await this.detect(document, '');
  }

  /** Looks at `document` again after its text was replaced (`why`: how, for the log), as when it opened. */
  reconsider(document: vscode.TextDocument, why: string): Promise<void> {
    this.considered.add(document);
    return this.detect(document, ` ${why}`);
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    const { document } = event;
    if (!this.awaitingPaste.has(document) || document.languageId !== 'plaintext') {
      return;
    }
    if (!event.contentChanges.some((change) => change.text.length >= PASTE_MIN_CHARS)) {
      return;
    }
    // one check at a time per document: it is watched again if this paste does not make it a report
    this.awaitingPaste.delete(document);
    void this.detect(document, ' after a paste');
  }

  private async detect(document: vscode.TextDocument, how: string): Promise<void> {
    const languageId = document.languageId;
    try {
      if (!(await this.shouldSwitch(document))) {
        if (document.uri.scheme === 'untitled' && document.languageId === 'plaintext' && !document.isClosed) {
          this.awaitingPaste.add(document);
        }
        return;
      }
      // The user may have closed the document or picked a language while the file size was being read.
      if (document.isClosed || document.languageId !== languageId) {
        return;
      }
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      this.log(`Detected a Chinese report${how}: ${document.uri.toString(true)} (${languageId} → ${LANGUAGE_ID}).`);
    } catch (error) {
      this.log(`Could not check or switch the language of ${document.uri.toString(true)}: ${errorMessage(error)}`);
    }
  }

  private async shouldSwitch(document: vscode.TextDocument): Promise<boolean> {
    if (!SCHEMES.has(document.uri.scheme)) {
      return false;
    }
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION, document);
    if (!config.get<boolean>(Setting.detectEnabled, true)) {
      return false;
    }
    const candidate = document.languageId === 'plaintext' || (document.languageId === 'markdown' && config.get<boolean>(Setting.detectMarkdown, false));
    if (!candidate) {
      return false;
    }
    if (document.uri.scheme !== 'untitled') {
      const associations = vscode.workspace.getConfiguration('files', document).get<Record<string, unknown>>('associations');
      if (isExplicitlyAssociated(associations, document.uri.path)) {
        return false;
      }
      if (await this.isTooLarge(document)) {
        return false;
      }
    }
    const sample = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(SAMPLE_CHARS)));
    return looksLikeReport(sample);
  }

  /** Larger than `zh-report.maxFileSizeMB` on disk: the server would not analyse it, so leave it as it is. */
  private async isTooLarge(document: vscode.TextDocument): Promise<boolean> {
    const limit = maxFileSizeMB(document) * 1024 * 1024;
    try {
      return (await vscode.workspace.fs.stat(document.uri)).size > limit;
    } catch {
      // Not on a file system we can ask: judge by the text (UTF-16 code units, at least one byte each).
      return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > limit;
    }
  }
}
