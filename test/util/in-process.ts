/**
 * A language server inside the test process, on in-memory streams: for tests that need to replace a part of
 * the server (e.g. an analysis that throws). Everything else is tested against the built server (dist/server.js).
 */
import { PassThrough } from 'node:stream';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { ProtocolGate } from '../../server/src/requests';
import { startServer, type ServerDeps } from '../../server/src/server';
import { serverVersion } from '../../server/src/serverInfo';
import { nodeHost } from './host';
import { LspClient, type Exit } from './lsp-client';

export function startInProcess(options: Partial<ServerDeps>): LspClient {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  // Reader and writer objects (not raw streams), so the connection does not exit the process when they end.
  const gate = new ProtocolGate();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(fromServer), { messageStrategy: gate });
  startServer(connection, gate, { host: nodeHost, version: serverVersion(), ...options });
  return new LspClient({
    input: toServer,
    output: fromServer,
    exited: new Promise<Exit>(() => undefined),
    stderr: () => '',
    processId: null,
    stop: async () => {
      connection.dispose();
      toServer.destroy();
      fromServer.destroy();
    },
  });
}
