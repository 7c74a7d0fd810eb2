/**
 * The extension in a browser (package.json `browser`, dist/browser/client.js): vscode.dev, github.dev and
 * code-server's web worker extension host. What the extension does is reportExtension.ts's, as in Node; what differs:
 *
 * - the language server (dist/browser/server.js) runs in a worker of its own made from a Blob of its source, read
 *   with `vscode.workspace.fs` (README, "In the browser": a web extension installed on a remote such as code-server
 *   cannot start a Worker from its own `vscode-remote:` URI; a `blob:` URL works on every host);
 * - it serves zh-report documents of every scheme (vscode-remote:, vscode-vfs:, untitled:), not only `file:`;
 * - it reads the workspace's files for the server (`ClientFileMethods`) with `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { ClientFileMethods, LANGUAGE_ID, type FileContent, type FileEntry, type FileParams, type FileStat } from '../../server/src/protocol';
import { activateIn, deactivateExtension } from './reportExtension';

/** A web worker, as this file uses it (the client's types are Node's and VS Code's, not the DOM's). */
interface WebWorker {
  terminate(): void;
}
type WorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;
type WorkerPort = ConstructorParameters<typeof BrowserMessageReader>[0];

/** A language client whose server runs in a Blob worker: each start terminates the previous worker and starts a new one. */
class WorkerClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;
  /** The Blob URL of the server's source, made on the first start and kept for restarts. */
  private url: string | undefined;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly serverUri: vscode.Uri,
  ) {
    super(id, name, options);
    answerFileRequests(this);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.url ??= URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(this.serverUri)], { type: 'text/javascript' }));
    const Worker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
    const worker = (this.worker = new Worker(this.url, { name: 'zh-report language server' }));
    const port = worker as unknown as WorkerPort;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  }

  override async dispose(timeout?: number): Promise<void> {
    await super.dispose(timeout);
    this.worker?.terminate();
    this.worker = undefined;
    if (this.url !== undefined) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }
}

/** The server's requests for workspace files, answered with `vscode.workspace.fs` (null when it cannot read them). */
function answerFileRequests(client: BaseLanguageClient): void {
  const answer = <R>(method: string, read: (uri: vscode.Uri) => Promise<R>) =>
    client.onRequest(method, async (params: FileParams): Promise<R | null> => {
      try {
        return await read(vscode.Uri.parse(params.uri, true));
      } catch {
        return null;
      }
    });
  answer(ClientFileMethods.readDirectory, async (uri): Promise<FileEntry[]> => {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    // symbolic links are not followed (as the Node server's walk does not)
    return entries.flatMap(([name, type]): FileEntry[] => (type === vscode.FileType.File ? [[name, 'file']] : type === vscode.FileType.Directory ? [[name, 'directory']] : []));
  });
  answer(ClientFileMethods.stat, async (uri): Promise<FileStat> => {
    const stat = await vscode.workspace.fs.stat(uri);
    return { size: stat.size, mtime: stat.mtime };
  });
  answer(ClientFileMethods.readFile, async (uri): Promise<FileContent> => ({ base64: toBase64(await vscode.workspace.fs.readFile(uri)) }));
}

function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  activateIn(context, {
    createClient: (id, name, options) => new WorkerClient(id, name, options, vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js')),
    documentSelector: [{ language: LANGUAGE_ID }],
  });
}

export function deactivate(): Promise<void> {
  return deactivateExtension();
}
