#!/usr/bin/env node
// The zh-report language server. Speaks LSP over stdio unless another transport is given
// (--node-ipc, --socket=PORT, --pipe=NAME).
'use strict';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => transports.includes(arg.split('=')[0]))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
