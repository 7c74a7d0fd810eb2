/**
 * The language server in a browser (dist/browser/server.js): runs in a web worker and talks to whoever created it
 * (the browser client makes it a Blob worker, client/src/browserExtension.ts; bench/browser.mjs too). The same
 * server as the Node one (server.ts's `startServer`) with the browser host (host.ts); Node's globals that modules
 * still use (Buffer, setImmediate) come from shims.ts, injected by scripts/bundle.mjs.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ProtocolGate } from '../requests';
import { startServer } from '../server';
import { createBrowserHost } from './host';

/** The manifest's version, written into the bundle by esbuild (`define`): no package.json to read in a worker. */
declare const ZH_REPORT_VERSION: string | undefined;

/** What messages travel on: the worker's global scope (`self`), or a MessagePort. */
export type ServerPort = ConstructorParameters<typeof BrowserMessageReader>[0];

export function startBrowserServer(port: ServerPort): void {
  const gate = new ProtocolGate();
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), { messageStrategy: gate });
  startServer(connection, gate, { host: createBrowserHost(connection), version: typeof ZH_REPORT_VERSION === 'string' ? ZH_REPORT_VERSION : undefined });
}

startBrowserServer(globalThis as unknown as ServerPort);
