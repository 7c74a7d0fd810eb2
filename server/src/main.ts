/**
 * Entry point of the language server (bundled to dist/server.js). The transport comes from the command line:
 * `--stdio`, `--node-ipc` (how the VS Code client starts it), `--socket=PORT` or `--pipe=NAME`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ProtocolGate } from './requests';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

if (!process.argv.slice(2).some((arg) => TRANSPORTS.includes(arg.split('=')[0]))) {
  process.stderr.write('zh-report-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  process.exit(2);
}

const gate = new ProtocolGate();
startServer(createConnection(ProposedFeatures.all, { messageStrategy: gate }), gate);
