// Timing helpers: warm-up runs, then timed runs with process.hrtime.bigint; min and median are reported.

import v8 from 'node:v8';
import vm from 'node:vm';

// A full collection before each timed run keeps one run's garbage out of the next run's time.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Run `fn` `warmup` times untimed, then `runs` times timed. `fn` may be async; its last result is kept.
 * The first error stops the measurement and is returned (with how long the failing run took) instead of thrown.
 * `between` (optional, untimed) runs before each call, e.g. to reset state.
 */
export async function measure(fn, { warmup, runs, between }) {
  const samples = [];
  let result;
  for (let i = 0; i < warmup + runs; i++) {
    if (between) await between(i);
    gc();
    const t0 = process.hrtime.bigint();
    try {
      result = await fn(i);
    } catch (error) {
      const failedAfterMs = Number(process.hrtime.bigint() - t0) / 1e6;
      return { error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`, failedAfterMs, samples, result };
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= warmup) samples.push(ms);
  }
  return { min: Math.min(...samples), median: median(samples), runs: samples.length, warmup, samples, result };
}

/** A measurement with no samples (skipped, failed) has no median. */
export const ok = (m) => m !== undefined && m.error === undefined && m.runs > 0;
