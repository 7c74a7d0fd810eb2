// Bundles the client and the server with esbuild (type-checking is `tsc -b`'s job).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
].filter((b) => existsSync(b.entryPoints[0]));

await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
console.log(`bundled ${builds.map((b) => b.outfile).join(', ')}`);
