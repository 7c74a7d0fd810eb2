#!/usr/bin/env node
// @ts-check
// `npm run test:vscode`: runs the extension-host suite (test/e2e/suite) in desktop VS Code with
// @vscode/test-electron, on the minimum version allowed by package.json's engines.vscode and on 'stable'.
// That needs to download VS Code (cached in .vscode-test/). Without internet access the download fails at once:
// this prints one line saying so and exits 2 (it never pretends to pass); `npm run test:e2e` runs the same suite in
// code-server, which installs from the npm registry.
//
// Environment: ZH_REPORT_VSCODE_VERSIONS="1.82.0,stable" overrides the versions. On a Linux machine without a
// display, run it under xvfb-run (e.g. `xvfb-run -a npm run test:vscode`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { download, runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = path.join(REPO, 'seeds');
const SUITE_INDEX = path.join(REPO, 'out', 'e2e', 'suite', 'index.js');
const CACHE = path.join(REPO, '.vscode-test');
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function minimumVersion() {
  const engines = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).engines?.vscode ?? '';
  const m = /(\d+\.\d+\.\d+)/.exec(engines);
  if (!m) throw new Error(`package.json engines.vscode (${JSON.stringify(engines)}) names no version`);
  return m[1];
}

/** The network error behind a failed download, if that is what it was: "ENOTFOUND update.code.visualstudio.com". */
function networkCause(err) {
  for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (NETWORK_CODES.has(e.code)) return `${e.code}${e.hostname ? ` ${e.hostname}` : ''}`;
    const m = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b\s*([\w.-]*)/.exec(String(e.message ?? ''));
    if (m) return `${m[1]}${m[2] ? ` ${m[2]}` : ''}`;
  }
  return undefined;
}

function run(what, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.error?.message})`);
}

async function main() {
  const versions = (process.env.ZH_REPORT_VSCODE_VERSIONS || `${minimumVersion()},stable`).split(',').map((v) => v.trim()).filter(Boolean);

  // Downloads first: on a machine without internet this is where it ends, before any build time is spent.
  const executables = new Map();
  const silent = { report() {}, error() {} };
  for (const version of versions) {
    try {
      const downloading = download({ version, cachePath: CACHE, timeout: 30_000, reporter: silent });
      const cap = new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error('download took over 15 minutes'), { code: 'ETIMEDOUT' })), 15 * 60_000).unref());
      executables.set(version, await Promise.race([downloading, cap]));
    } catch (err) {
      const cause = networkCause(err);
      if (cause) {
        console.error(`test:vscode: cannot download VS Code ${version} (${cause}): no network; run \`npm run test:e2e\` (code-server) instead`);
      } else {
        console.error(`test:vscode: cannot download VS Code ${version}: ${err?.message ?? err}`);
      }
      return 2;
    }
  }

  run('npm run build', 'npm', ['run', 'build']);
  run('compiling the suite', 'npx', ['--no-install', 'tsc', '-p', path.join('test', 'e2e')]);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('test:vscode: no DISPLAY: VS Code needs one; run `xvfb-run -a npm run test:vscode`');
  }

  const outcome = [];
  for (const version of versions) {
    console.log(`\ntest:vscode: VS Code ${version} (${executables.get(version)})`);
    try {
      await runTests({
        vscodeExecutablePath: executables.get(version),
        extensionDevelopmentPath: REPO,
        extensionTestsPath: SUITE_INDEX,
        launchArgs: [SEEDS, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
      outcome.push({ version, ok: true });
    } catch (err) {
      console.error(`test:vscode: VS Code ${version}: ${err?.message ?? err}`);
      outcome.push({ version, ok: false });
    }
  }
  const failed = outcome.filter((o) => !o.ok);
  console.log(`\ntest:vscode: ${outcome.map((o) => `${o.version} ${o.ok ? 'passed' : 'FAILED'}`).join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`test:vscode: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
