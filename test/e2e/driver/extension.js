// Test-only extension: copied by scripts/e2e-code-server.mjs into the --extensions-dir of a throw-away code-server
// as zh-report.zh-report-e2e-driver-0.0.1, next to an e2e-config.json that the harness writes:
//   { "suiteIndex": "<repo>/out/e2e/suite/index.js", "resultsFile": "<user-data-dir>/e2e-results.json" }
// On startup it runs the mocha suite inside this extension host (full vscode API) and writes the results JSON;
// the harness waits for that file. ZH_REPORT_E2E_RESULTS, when set, overrides the results path.
'use strict';
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file + '.tmp', JSON.stringify(value, null, 2));
  fs.renameSync(file + '.tmp', file);
}

async function activate() {
  const configFile = path.join(__dirname, 'e2e-config.json');
  if (!fs.existsSync(configFile)) return; // not started by the harness: do nothing
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  const resultsFile = process.env.ZH_REPORT_E2E_RESULTS || config.resultsFile;
  const startedFile = resultsFile + '.started';
  // One run per harness start: a reloaded window or a restarted extension host must not run the suite again.
  if (fs.existsSync(startedFile)) return;
  writeJson(startedFile, { pid: process.pid, at: new Date().toISOString(), vscode: vscode.version });
  try {
    const suite = require(config.suiteIndex);
    await suite.runToFile(resultsFile);
  } catch (err) {
    const error = (err && err.stack) || String(err);
    writeJson(resultsFile, {
      passed: 0,
      failed: 1,
      pending: 0,
      tests: [{ title: 'e2e driver: load and run the suite', state: 'failed', error }],
      summary: '  1) e2e driver: load and run the suite\n     ' + error.split('\n').join('\n     ') + '\n',
    });
  } finally {
    // Leave a clean workbench for the harness's UI checks.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors').then(undefined, () => undefined);
  }
}

function deactivate() {}

module.exports = { activate, deactivate };
