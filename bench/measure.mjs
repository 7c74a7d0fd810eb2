// @ts-check
// Timing helpers: warm-up runs, then timed runs with process.hrtime.bigint; min and median are reported.

import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/**
 * The clock of in-process samples. Wall time by default. `ZH_REPORT_BENCH_CLOCK=cpu`: the CPU time of this process
 * (user + system, all its threads, the collector's included) — on a machine shared with other work, a sample's wall
 * time includes the time the process waited for a core (at load 6 on 2 cores, most of it), its CPU time does not.
 * Round trips to a server process are always timed by the wall clock.
 */
export const CLOCK = process.env.ZH_REPORT_BENCH_CLOCK === 'cpu' ? 'cpu' : 'wall';

/** Milliseconds on the in-process clock (`CLOCK`). */
export function clockMs() {
  if (CLOCK === 'cpu') {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A batch of in-process calls should take about this long, so the time of each sample includes its share of GC. */
const BATCH_TARGET_MS = 30;
const BATCH_MAX = 1000;

/** How many calls make a batch of about BATCH_TARGET_MS, given one call took `oneMs`. */
function batchSize(oneMs) {
  return Math.max(1, Math.min(BATCH_MAX, Math.round(BATCH_TARGET_MS / Math.max(oneMs, 0.001))));
}

/** What a measurement reports from its samples. */
function summary(samples, batch, warmup, result) {
  return { min: Math.min(...samples), median: median(samples), runs: samples.length, batch, warmup, samples, result };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Run `fn` `warmup` times untimed, then take `runs` timed samples. `fn` may be async; its last result is kept (so the
 * last result stays alive while the next one is computed, as a server keeps the model of an open document).
 *
 * `batch: 'auto'` (in-process work): each sample is the mean time of a batch of consecutive calls, as many as take
 * about 30 ms (one for slow calls), so the collector's work for the garbage the calls make is shared among them as
 * it is in a running server. There is no forced collection between samples: a full collection before every call
 * (what this bench did before) made the next call of a short function 2–3× slower than in steady state (V8 throws
 * optimised code away when the hidden classes it was specialised for die, and caches start cold), which charged
 * ~3 ms of bench artefact to a 3 ms outline and far less, relatively, to a 100 ms baseline. One collection before
 * the first sample keeps the garbage of the previous measurement out of this one.
 *
 * Without `batch` (round trips to a server process) each sample is one call, after a full collection in this process.
 * The first error stops the measurement and is returned (with how long the failing run took) instead of thrown.
 * `between` (optional, untimed) runs before each call, e.g. to reset state; it cannot be combined with `batch`.
 * @param {(i: number) => unknown} fn
 * @param {{ warmup: number, runs: number, between?: (i: number) => void, batch?: string }} options `batch`: 'auto' or absent
 */
export async function measure(fn, { warmup, runs, between, batch }) {
  const samples = [];
  let result;
  let size = 1;
  let i = 0;
  let callStart = process.hrtime.bigint();
  const call = async () => {
    callStart = process.hrtime.bigint();
    result = await fn(i);
    i++;
  };
  try {
    for (let w = 0; w < warmup; w++) {
      if (between) await between(i);
      await call();
    }
    if (batch === 'auto') {
      if (between) throw new Error('measure: `between` cannot be combined with batches');
      const c0 = process.hrtime.bigint();
      await call();
      size = batchSize(Number(process.hrtime.bigint() - c0) / 1e6);
      gc();
    }
    for (let s = 0; s < runs; s++) {
      if (batch !== 'auto') {
        if (between) await between(i);
        gc();
      }
      if (batch === 'auto') {
        const s0 = clockMs();
        for (let k = 0; k < size; k++) await call();
        samples.push((clockMs() - s0) / size);
        continue;
      }
      const s0 = process.hrtime.bigint();
      await call();
      samples.push(Number(process.hrtime.bigint() - s0) / 1e6);
    }
  } catch (error) {
    const failedAfterMs = Number(process.hrtime.bigint() - callStart) / 1e6;
    return { error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`, failedAfterMs, samples, result };
  }
  return summary(samples, size, warmup, result);
}

/**
 * Two in-process functions measured side by side, for a ratio: after their warm-ups, samples of `a` and of `b`
 * alternate (a batch of each, as with `batch: 'auto'`; the order flips each time), so a busy moment of the machine
 * lands on both sides of a pair. `ratio` is the median of the per-pair ratios a ÷ b, `ratioOfMins` min(a) ÷ min(b).
 * @param {() => unknown} fnA
 * @param {() => unknown} fnB
 * @param {{ warmup: number, runs: number, warmupB?: number }} options
 * @returns {Promise<any>} the pair, or `{ error }`
 */
export async function measurePair(fnA, fnB, { warmup, runs, warmupB = warmup }) {
  const sides = [
    { fn: fnA, warmup, size: 1, samples: [], result: undefined },
    { fn: fnB, warmup: warmupB, size: 1, samples: [], result: undefined },
  ];
  const ratios = [];
  try {
    for (const side of sides) {
      for (let w = 0; w < side.warmup; w++) side.result = await side.fn();
      const c0 = process.hrtime.bigint();
      side.result = await side.fn();
      side.size = batchSize(Number(process.hrtime.bigint() - c0) / 1e6);
    }
    gc();
    for (let s = 0; s < runs; s++) {
      for (const side of s % 2 === 0 ? sides : [sides[1], sides[0]]) {
        const s0 = clockMs();
        for (let k = 0; k < side.size; k++) side.result = await side.fn();
        side.samples.push((clockMs() - s0) / side.size);
      }
      ratios.push(sides[0].samples[s] / sides[1].samples[s]);
    }
  } catch (error) {
    return { error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}` };
  }
  const [a, b] = sides.map(({ samples, size, warmup: w, result }) => summary(samples, size, w, result));
  return { a, b, ratios, ratio: median(ratios), ratioOfMins: a.min / b.min };
}

/** A measurement with no samples (skipped, failed) has no median. */
export const ok = (m) => m !== undefined && m.error === undefined && m.runs > 0;
