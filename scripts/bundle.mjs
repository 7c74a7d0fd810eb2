// @ts-check
// Bundles the client and the server with esbuild (type-checking is `tsc -b`'s job).
//   node scripts/bundle.mjs               development bundles with source maps (dist/*.js.map, not shipped)
//   node scripts/bundle.mjs --production  minified, no source maps and no sourceMappingURL comment (the .vsix:
//                                         `vscode:prepublish`, run by `vsce package`); stale maps are removed
//   node scripts/bundle.mjs --watch       development bundles rebuilt on every change, next to `tsc -b -w`
//                                         (`npm run watch`, the F5 launch in .vscode/launch.json)
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/**
 * esbuild writes code as ASCII but keeps comments as they are, and a few comments hold Chinese: one such character
 * makes V8 keep the whole bundle's source as a two-byte string (7.7 MB for the server instead of 3.9 MB, resident for
 * the server's life). Those characters, which only comments hold, are written as \uXXXX after each build.
 * @type {import('esbuild').Plugin}
 */
const asciiComments = {
  name: 'ascii-comments',
  setup(build) {
    build.onEnd(() => {
      const file = build.initialOptions.outfile;
      if (!file || !existsSync(file)) return;
      const text = readFileSync(file, 'utf8');
      // eslint-disable-next-line no-control-regex
      if (/^[\x00-\x7f]*$/.test(text)) return;
      // eslint-disable-next-line no-control-regex
      writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  plugins: [asciiComments],
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/** @type {Array<import('esbuild').BuildOptions & { entryPoints: string[], outfile: string }>} */
const builds = [
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
].filter((b) => existsSync(b.entryPoints[0] ?? ''));

/**
 * The browser build (web worker extension host: vscode.dev, github.dev, code-server): the server with its browser
 * host (server/src/browser); Node's globals that modules still use (Buffer for iconv-lite and the GBK codec,
 * setImmediate) come from server/src/browser/shims.ts (`inject`).
 */
const version = /** @type {{ version: string }} */ (JSON.parse(readFileSync('package.json', 'utf8'))).version;
/** @type {import('esbuild').BuildOptions} */
const web = { platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };
/** @type {import('esbuild').BuildOptions} */
const browser = {
  ...web,
  inject: ['server/src/browser/shims.ts'],
  define: { ZH_REPORT_VERSION: JSON.stringify(version) },
};
builds.push(
  // the extension in the web worker extension host (client/src/browserExtension.ts): CommonJS, as VS Code loads it
  { ...web, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] },
  // the server, in a worker of its own (and what bench/browser.mjs measures)
  { ...browser, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
);

if (production) {
  for (const dir of ['dist', 'dist/browser'].filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.js.map'))) rmSync(`${dir}/${name}`);
  }
}

if (watch) {
  // First bundles before tsc's first "Found 0 errors" (the launch's background task waits for that line)
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b, logLevel: 'info' })));
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.watch()));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-b', '-w', '--preserveWatchOutput'], { stdio: 'inherit' });
  const stop = () => {
    child.kill();
    void Promise.all(contexts.map((c) => c.dispose())).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  console.log(`bundled ${builds.map((b) => b.outfile).join(', ')}${production ? ' (production)' : ''}`);
}
