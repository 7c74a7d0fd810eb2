/**
 * Switches plain-text documents that look like Chinese reports to the zh-report language when they are opened.
 *
 * Each document is considered once. A language change fires "close" and "open" again for the same document
 * object, so a user who switches a detected document back to Plain Text is not overruled; a document that is
 * really closed and opened again is a new object and is considered again.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { isExplicitlyAssociated } from './associations';
import { SAMPLE_CHARS, looksLikeReport } from './detect';
import { errorMessage } from './errors';
import { CONFIG_SECTION, Setting, maxFileSizeMB } from './settings';

/** Schemes of documents a user opens to read (not output channels, git views, settings …). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export class ReportDetector implements vscode.Disposable {
  private readonly considered = new WeakSet<vscode.TextDocument>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: (message: string) => void) {
    this.subscription = vscode.workspace.onDidOpenTextDocument((document) => void this.consider(document));
    for (const document of vscode.workspace.textDocuments) {
      void this.consider(document);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    if (this.considered.has(document)) {
      return;
    }
    this.considered.add(document);
    const languageId = document.languageId;
    try {
      if (!(await this.shouldSwitch(document))) {
        return;
      }
      // The user may have closed the document or picked a language while the file size was being read.
      if (document.isClosed || document.languageId !== languageId) {
        return;
      }
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      this.log(`Detected a Chinese report: ${document.uri.toString(true)} (${languageId} → ${LANGUAGE_ID}).`);
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
