/**
 * The extension in VS Code's Node extension host (package.json `main`, dist/client.js): the language server is
 * dist/server.js, a Node process of its own reached over IPC. What the extension does is reportExtension.ts's.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateIn, deactivateExtension } from './reportExtension';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // --expose-gc: the server gives memory back after documents close (server/src/node/memory.ts)
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc', '--nolazy', '--inspect=6010'] } },
  };
  activateIn(context, { createClient: (id, name, options) => new LanguageClient(id, name, serverOptions, options) });
}

export function deactivate(): Promise<void> {
  return deactivateExtension();
}
