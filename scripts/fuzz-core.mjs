#!/usr/bin/env node
// @ts-check
/**
 * The property tests of the analysis core (test/unit/properties*.test.ts) with a large budget:
 *   npm run fuzz:core -- [--runs N] [--seed S]      (or FUZZ_RUNS / FUZZ_SEED)
 * Each property runs N cases (default 20000) from seed S (default: the time; printed, so a run can be repeated).
 * A failure prints the seed, the path and the shrunk case; make it a named regression test in
 * test/unit/properties-regressions.test.ts. Needs a build (`npx tsc -b`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = arg('runs') ?? process.env.FUZZ_RUNS ?? '20000';
const seed = arg('seed') ?? process.env.FUZZ_SEED ?? String(Date.now() % 2147483647);
const dir = path.join(root, 'out', 'test', 'unit');
const files = readdirSync(dir).filter((f) => /^properties.*\.test\.js$/.test(f) && !f.includes('regressions')).map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error('no compiled property tests in out/test/unit: run `npx tsc -b` first');
  process.exit(2);
}
console.log(`fuzz:core: ${runs} runs per property, seed ${seed}`);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`fuzz:core: seed ${seed}, ${runs} runs per property: ${result.status === 0 ? 'no failure' : 'FAILED (see the counterexample above)'}`);
process.exit(result.status ?? 1);
