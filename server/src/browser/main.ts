/**
 * The language server in a browser: started on a message port, by the browser client in its own worker (over a
 * MessageChannel, client/src/browserExtension.ts) or, as dist/browser/server.js, in a worker of its own (worker.ts).
 * The same server as the Node one (server.ts's `startServer`); what needs Node is replaced in this bundle (the
 * host, host.ts; reportFiles.ts and serverInfo.ts, scripts/bundle.mjs's BROWSER_SUBSTITUTES).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ProtocolGate } from '../requests';
import { startServer } from '../server';
import { createBrowserHost } from './host';

/** What messages travel on: a MessagePort, or a worker's global scope (`self`). */
export type ServerPort = ConstructorParameters<typeof BrowserMessageReader>[0];

export function startBrowserServer(port: ServerPort): void {
  const gate = new ProtocolGate();
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), { messageStrategy: gate });
  createBrowserHost(connection);
  startServer(connection, gate);
}
