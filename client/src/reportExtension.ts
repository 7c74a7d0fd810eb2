/**
 * The zh-report extension, the same in every host (Node: extension.ts; browser: browserExtension.ts): a thin client. It registers its commands and the Report Terms view, switches plain-text
 * documents that look like Chinese reports to the zh-report language (in the client: cheap), helps with GB18030 files
 * (offer to reopen, remembered encodings), and starts the language server lazily: when the first zh-report document
 * is open, or when a command, a view or a workspace-symbol search needs it. Activation by a plain-text or Markdown
 * file alone (for the detection) starts no server process.
 */
import * as vscode from 'vscode';
import { WorkspaceSymbolRequest, type DocumentSelector } from 'vscode-languageclient';
import { ReportDetector } from './autoDetect';
import { EncodingAdvisor } from './encodingAdvisor';
import { EncodingMemory } from './encodingMemory';
import { registerConvertCommands } from './convert';
import { errorMessage } from './errors';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { ServerController, type CreateClient } from './languageClient';
import { TermsView } from './termsView';
import { WordCountStatus } from './wordCountStatus';
import { registerExportCommands } from './exportCommands';
import { registerWorkspacePick } from './workspacePick';

export const Commands = {
  restartServer: 'zh-report.restartServer',
  showOutput: 'zh-report.showOutput',
} as const;

/** What differs between hosts: how the language client reaches its server, and which documents it serves. */
export interface ClientHost {
  readonly createClient: CreateClient;
  readonly documentSelector?: DocumentSelector;
}

class ZhReportExtension implements vscode.Disposable {
  private readonly output: vscode.OutputChannel;
  private readonly server: ServerController;
  private readonly termsView: TermsView;
  private readonly wordCount: WordCountStatus;
  private readonly disposables: vscode.Disposable[] = [];
  /** The first start (the first zh-report document, or a command, view or search that needs the server). */
  private started: Promise<void> | undefined;

  constructor(context: vscode.ExtensionContext, host: ClientHost) {
    this.output = vscode.window.createOutputChannel('zh-report');
    this.server = new ServerController(host.createClient, this.output, host.documentSelector, context.storageUri);
    const request = async <R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R | undefined> => {
      await this.start();
      return this.server.request<R>(method, params, token);
    };
    this.termsView = new TermsView(request);
    this.wordCount = new WordCountStatus(request);
    this.disposables.push(
      this.output,
      this.server,
      vscode.commands.registerCommand(Commands.restartServer, () => this.restartServer()),
      vscode.commands.registerCommand(Commands.showOutput, () => this.output.show()),
    );
    const log = (message: string): void => this.output.appendLine(message);
    const detector = new ReportDetector(log);
    const encodingMemory = new EncodingMemory(context.globalState, detector, log);
    this.disposables.push(
      detector,
      encodingMemory,
      new EncodingAdvisor(encodingMemory, log),
      ...registerConvertCommands(),
      this.termsView,
      this.wordCount,
      ...registerExportCommands(request),
      registerWorkspacePick((query, token) => request(WorkspaceSymbolRequest.method, { query }, token)),
      // Before the server runs, Ctrl+T would not reach it: this provider starts it and answers that first search;
      // afterwards the language client's own provider answers and this one adds nothing.
      vscode.languages.registerWorkspaceSymbolProvider({
        provideWorkspaceSymbols: async (query, token) => (this.started === undefined ? (await this.start(), this.server.workspaceSymbols(query, token)) : []),
      }),
    );
  }

  /** Starts the server now if a zh-report document is open, else when the first one opens. */
  startWhenNeeded(): void {
    const isReport = (document: vscode.TextDocument): boolean => document.languageId === LANGUAGE_ID;
    if (vscode.workspace.textDocuments.some(isReport)) {
      void this.start();
      return;
    }
    // A language switch (the detector's, or the user's) closes the document and opens it again in its new language.
    const listener = vscode.workspace.onDidOpenTextDocument((document) => {
      if (isReport(document)) {
        listener.dispose();
        void this.start();
      }
    });
    this.disposables.push(listener);
  }

  /**
   * Starts the server once (the first zh-report document, or the first command, view or search that needs it); a
   * failure is reported but does not fail activation (the restart command stays available).
   */
  start(): Promise<void> {
    return (this.started ??= this.startServer());
  }

  private async startServer(): Promise<void> {
    try {
      await this.server.start();
      void this.termsView.refresh();
      void this.wordCount.refresh();
    } catch (error) {
      this.output.appendLine(`The zh-report language server could not start: ${errorMessage(error)}`);
      void this.offerOutput(vscode.l10n.t('zh-report: the language server could not start: {0}', errorMessage(error)));
    }
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  dispose(): void {
    // Reverse order: the server stops before its output channel goes away.
    for (const disposable of this.disposables.reverse()) {
      disposable.dispose();
    }
  }

  private async restartServer(): Promise<void> {
    this.started ??= Promise.resolve(); // a restart before the first start is that start
    try {
      await this.server.restart();
      void this.termsView.refresh();
      void this.wordCount.refresh();
      vscode.window.setStatusBarMessage(vscode.l10n.t('zh-report: language server restarted'), 5000);
    } catch (error) {
      this.output.appendLine(`The zh-report language server could not restart: ${errorMessage(error)}`);
      void this.offerOutput(vscode.l10n.t('zh-report: the language server could not restart: {0}', errorMessage(error)));
    }
  }

  private async offerOutput(message: string): Promise<void> {
    const showOutput = vscode.l10n.t('Show Output');
    if ((await vscode.window.showErrorMessage(message, showOutput)) === showOutput) {
      this.output.show();
    }
  }
}

/** The running extension, kept only so that deactivate() can stop the server and wait for it. */
let extension: ZhReportExtension | undefined;

/** Activates the extension in a host (the entries' `activate`). */
export function activateIn(context: vscode.ExtensionContext, host: ClientHost): void {
  const instance = new ZhReportExtension(context, host);
  extension = instance;
  context.subscriptions.push(instance);
  instance.startWhenNeeded();
}

/** Stops the server (the entries' `deactivate`). */
export async function deactivateExtension(): Promise<void> {
  const instance = extension;
  extension = undefined;
  await instance?.stop().catch(() => undefined);
}
