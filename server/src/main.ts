/**
 * The Node entry of the language server (bundled to dist/server.js): the server (server.ts) with the Node host
 * (node/host.ts). The transport comes from the command line:
 * `--stdio`, `--node-ipc` (how the VS Code client starts it), `--socket=PORT` or `--pipe=NAME`.
 *
 * Over stdio the frames are read by a reader that skips malformed frames instead of stalling (framing.ts); what the
 * library does for its own stdio transport is done here too: console output goes to the client's log (stdout carries
 * the protocol), and the end of stdin ends the process (code 0 after shutdown, 1 otherwise).
 */
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { ResyncingMessageReader } from './framing';
import { createNodeHost } from './node/host';
import { ProtocolGate } from './requests';
import { startServer } from './server';
import { serverVersion } from './serverInfo';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

if (!process.argv.slice(2).some((arg) => TRANSPORTS.includes(arg.split('=')[0] ?? ''))) {
  process.stderr.write('zh-report-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  process.exit(2);
}

const gate = new ProtocolGate();
/** The service's host: iconv-lite, opencc-js, node:fs; its messages go to the client's log; memory given back after closes. */
const hostFor = (connection: Connection) =>
  createNodeHost({
    logger: { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) },
    reduceMemory: true,
  });
if (process.argv.includes('--stdio')) {
  const connection = createConnection(ProposedFeatures.all, new ResyncingMessageReader(process.stdin), new StreamMessageWriter(process.stdout), {
    messageStrategy: gate,
  });
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  const end = (): never => process.exit(gate.shutDown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  startServer(connection, gate, { host: hostFor(connection), version: serverVersion() });
} else {
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: gate });
  startServer(connection, gate, { host: hostFor(connection), version: serverVersion() });
}
