/**
 * The language server in a browser (dist/browser/server.js): runs in a web worker and talks to whoever created it
 * (the browser client makes it a Blob worker, client/src/browserExtension.ts; bench/browser.mjs too). The same
 * server as the Node one (server.ts's `startServer`); what needs Node is replaced in this bundle (the host, host.ts;
 * reportFiles.ts and serverInfo.ts, scripts/bundle.mjs's BROWSER_SUBSTITUTES).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ProtocolGate } from '../requests';
import { startServer } from '../server';
import { createBrowserHost } from './host';

/** What messages travel on: the worker's global scope (`self`), or a MessagePort. */
export type ServerPort = ConstructorParameters<typeof BrowserMessageReader>[0];

export function startBrowserServer(port: ServerPort): void {
  const gate = new ProtocolGate();
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), { messageStrategy: gate });
  createBrowserHost(connection);
  startServer(connection, gate);
}

startBrowserServer(globalThis as unknown as ServerPort);
