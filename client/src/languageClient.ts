/**
 * Starts, stops and restarts the language server. Which server and how it is reached is the host's (`createClient`):
 * in Node, dist/server.js over IPC (extension.ts); in a browser, dist/browser/server.js in a Blob worker
 * (browserExtension.ts). `vscode-languageclient` is the package's common API here: its `browser` field maps it to the
 * browser build in the browser bundle.
 */
import * as vscode from 'vscode';
import { State, WorkspaceSymbolRequest, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions } from 'vscode-languageclient';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { errorMessage } from './errors';
import { CONFIG_SECTION, serverSettings } from './settings';
import { workspaceSymbolMiddleware } from './workspacePick';

/** Written to the output channel each time the server has started (tests wait for this line). */
export const SERVER_STARTED_MESSAGE = 'zh-report language server started';

/** How a host makes its language client: the client's id is CONFIG_SECTION (the trace setting is read from it). */
export type CreateClient = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

/** The zh-report documents on disk and unsaved (the Node server reads `file:` URIs). */
export const FILE_DOCUMENTS: DocumentSelector = [
  { scheme: 'file', language: LANGUAGE_ID },
  { scheme: 'untitled', language: LANGUAGE_ID },
];

export class ServerController implements vscode.Disposable {
  private readonly client: BaseLanguageClient;
  /** Start, stop and restart run one after the other, never interleaved. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    createClient: CreateClient,
    private readonly output: vscode.OutputChannel,
    documentSelector: DocumentSelector = FILE_DOCUMENTS,
    /** The extension's workspace storage (`context.storageUri`), undefined without a folder open. */
    indexStorage?: vscode.Uri,
  ) {
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: output,
      // A function: evaluated again on every (re)start. Later changes: the server registers for the `zh-report`
      // section and pulls it (workspace/configuration) once per change; the client sends nothing of its own.
      // `indexStorage`: the workspace storage folder, where the server keeps its index of the workspace's report files
      // between sessions (none without a folder open: the index then lives in memory only).
      initializationOptions: () => ({ ...serverSettings(), ...(indexStorage === undefined ? {} : { indexStorage: indexStorage.toString() }) }),
      // Ctrl+T: names glossed so that VS Code's filter keeps the matches in the other script
      middleware: workspaceSymbolMiddleware,
    };
    // The id makes the client read its trace level from `zh-report.trace.server`.
    this.client = createClient(CONFIG_SECTION, 'zh-report', clientOptions);
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startClient());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopClient());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.output.appendLine('Restarting the zh-report language server.');
      await this.stopClient();
      await this.startClient();
    });
  }

  /**
   * Sends a request to the server; undefined when it is not running, when the request fails (logged) or when `token`
   * cancels it (not logged: a newer request took its place).
   */
  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R | undefined> {
    if (this.client.state !== State.Running) {
      return undefined;
    }
    try {
      return await (token === undefined ? this.client.sendRequest<R>(method, params) : this.client.sendRequest<R>(method, params, token));
    } catch (error) {
      if (token?.isCancellationRequested !== true) this.output.appendLine(`${method} failed: ${errorMessage(error)}`);
      return undefined;
    }
  }

  /**
   * A workspace-symbol search answered through the client (for the search that started the server), glossed by the
   * same middleware as the client's own provider.
   */
  async workspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    const fetch = async (q: string, t: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> => {
      const result = await this.request<Parameters<typeof this.client.protocol2CodeConverter.asSymbolInformations>[0] | null>(WorkspaceSymbolRequest.method, { query: q }, t);
      return result ? this.client.protocol2CodeConverter.asSymbolInformations(result, t) : [];
    };
    const glossed = await workspaceSymbolMiddleware.provideWorkspaceSymbols?.(query, token, fetch);
    return (glossed ?? []) as vscode.SymbolInformation[];
  }

  dispose(): void {
    this.client.dispose().catch(() => undefined);
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async startClient(): Promise<void> {
    await this.client.start();
    this.output.appendLine(SERVER_STARTED_MESSAGE);
  }

  private async stopClient(): Promise<void> {
    if (this.client.state === State.Starting) {
      // The client restarts a crashed server by itself; a client that is starting cannot be stopped.
      await this.client.start().catch(() => undefined);
    }
    if (this.client.state === State.Running) {
      await this.client.stop();
    }
  }
}
