/**
 * The extension in a browser (package.json `browser`, dist/browser/client.js): vscode.dev, github.dev and
 * code-server's web worker extension host. What the extension does is reportExtension.ts's, as in Node; what differs:
 *
 * - the language server runs in this same worker, reached over a MessageChannel (README, "In the browser": a web
 *   extension served by a remote cannot start a Worker from its own files, and one channel works on every host);
 * - it serves zh-report documents of every scheme (vscode-remote:, vscode-vfs:, untitled:), not only `file:`;
 * - it reads the workspace's files for the server (`ClientFileMethods`) with `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { startBrowserServer } from '../../server/src/browser/main';
import { ClientFileMethods, LANGUAGE_ID, type FileContent, type FileEntry, type FileParams, type FileStat } from '../../server/src/protocol';
import { activateIn, deactivateExtension } from './reportExtension';

/** A language client whose server runs in this worker: each start opens a new channel and starts a new server on it. */
class SameWorkerClient extends BaseLanguageClient {
  private channel: InstanceType<typeof MessageChannel> | undefined;

  constructor(id: string, name: string, options: LanguageClientOptions) {
    super(id, name, options);
    answerFileRequests(this);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.closeChannel(); // the previous server (after shutdown and exit) is dropped with its port
    const channel = (this.channel = new MessageChannel());
    startBrowserServer(channel.port2);
    return Promise.resolve({ reader: new BrowserMessageReader(channel.port1), writer: new BrowserMessageWriter(channel.port1) });
  }

  override async dispose(timeout?: number): Promise<void> {
    await super.dispose(timeout);
    this.closeChannel();
  }

  private closeChannel(): void {
    this.channel?.port1.close();
    this.channel?.port2.close();
    this.channel = undefined;
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
    createClient: (id, name, options) => new SameWorkerClient(id, name, options),
    documentSelector: [{ language: LANGUAGE_ID }],
  });
}

export function deactivate(): Promise<void> {
  return deactivateExtension();
}
