/**
 * Giving memory back after documents close (the Node host's `memory`), and keeping the resident memory of a server
 * that opens and closes documents one after another level from the first document on.
 *
 * Measured over stdio (bench/memory.mjs: 100 KB pieces of the corpus, each opened, asked for its outline, diagnostics
 * and semantic tokens, and closed): with V8's defaults the resident memory rose from 82 MB after the first document
 * to 128 MB after 20 and 150 MB after 50, then stayed there; heapUsed after a full collection was 21 MB throughout.
 * Nothing was retained: the rise was
 * - V8's young generation growing from 4 MB to its default maximum of 32 MB (two 16 MB semi-spaces; memory once
 *   touched stays resident, a full collection does not shrink it);
 * - old-generation garbage between collections (V8 collects lazily and sizes its heap by the allocation rate);
 * - malloc's arenas of V8's worker threads and the main arena growing while the code warms up (about 20 MB over the
 *   first 20 documents, then level; not reachable from JavaScript).
 *
 * So:
 * - `holdYoungGeneration`: the young generation keeps the size it has when the server starts (4 MB). V8 reads its
 *   growth factor at each growth, so setting it to 1 at run time holds the size (given on the command line, V8 raises
 *   a factor below 2 to 2). Cost measured with the same work on two servers side by side (bench/memory.mjs
 *   --compare, server CPU time): within the noise of the machine (±5%) for documents of 100 KB and edits of an open
 *   1 MB report, but 12% on a 10 MB report (a 16 MB young generation still cost 4%). So the first document of
 *   `LARGE_DOCUMENT_CHARS` or more lets it grow as V8 does by default, for the rest of the process
 *   (`releaseYoungGeneration`). A process started with a semi-space option of its own keeps it.
 * - the reducer: after a document closes, a full collection runs once the server has had no further close for
 *   `idleMs`, or at once (on the next turn of the event loop) when the documents closed since the last collection held
 *   enough UTF-16 units: `everyChars` (1M), or more when the live heap is large (a sixteenth of its bytes), so that a
 *   collection, whose cost grows with the live heap, stays small next to the work of analysing what was closed.
 *   A collection of a 20 MB heap takes a few milliseconds; it never runs inside a request.
 *
 * The collector is `global.gc` when the process runs with `--expose-gc` (the VS Code client starts the server so),
 * otherwise the same function obtained at start (V8's flag set at run time, then `gc` read from a new context); if
 * neither works the reducer does nothing. ZH_REPORT_MEMORY_LOG=1 writes one line per collection to stderr (resident
 * memory and V8's heap spaces after it; bench/memory.mjs --spaces).
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HostMemory } from '../service/host';

export interface MemoryReducerOptions {
  /** The full collection; undefined: none (the reducer does nothing). */
  readonly collect?: (() => void) | undefined;
  /** A collection runs this long after the last close (ms). */
  readonly idleMs?: number;
  /** ... or at once when the documents closed since the last one held this many UTF-16 units ... */
  readonly everyChars?: number;
  /** ... or a sixteenth of the bytes live after the last collection, if more (undefined: `everyChars` alone). */
  readonly liveBytes?: () => number;
  /** Timers (tests pass their own). */
  readonly setTimer?: (callback: () => void, ms: number) => { unref?(): unknown };
  readonly clearTimer?: (timer: { unref?(): unknown }) => void;
}

/** The process's full collection: `global.gc` if exposed, else obtained through V8's flags; undefined if neither. */
export function exposedCollector(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** A collection at once after closes that held at least a sixteenth of the live heap's bytes in UTF-16 units. */
const LIVE_BYTES_PER_CHAR = 16;

/** Options that size V8's young generation; a process given one of them keeps its own choice. */
const SEMI_SPACE_OPTION = /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/;

/**
 * Holds V8's young generation at the size it has now (see above); false when the process was started with a
 * semi-space option (`execArgv` or NODE_OPTIONS) or V8 refused the flag.
 */
export function holdYoungGeneration(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if (execArgv.some((a) => SEMI_SPACE_OPTION.test(a)) || SEMI_SPACE_OPTION.test(nodeOptions)) return false;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  } catch {
    return false;
  }
}

/** Lets V8's young generation grow again as it does by default (its default growth factor, 2). */
export function releaseYoungGeneration(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=2');
  } catch {
    // the size stays held: slower on very large documents, never wrong
  }
}

/** A document this large (UTF-16 units, about 3 MB of Chinese text) lets the young generation grow for good. */
export const LARGE_DOCUMENT_CHARS = 1_000_000;

/** The resident memory and V8's heap spaces (MB used / committed), one line. */
export function memoryLine(): string {
  const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);
  const usage = process.memoryUsage();
  const spaces = getHeapSpaceStatistics()
    .filter((space) => space.space_size > 0)
    .map((space) => `${space.space_name.replace(/_space$/, '')} ${mb(space.space_used_size)}/${mb(space.space_size)}`);
  return `rss ${mb(usage.rss)} heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} external ${mb(usage.external)} | ${spaces.join(', ')}`;
}

/**
 * The language server's reducer: the young generation held, the process's collector, the live heap from V8; with
 * `log`, a `zh-report memory …` line (memoryLine) after each collection.
 */
export function serverMemoryReducer(log?: (line: string) => void): HostMemory & { readonly collections: number } {
  let held = holdYoungGeneration();
  const collect = exposedCollector();
  const reducer = createMemoryReducer({
    collect:
      collect === undefined || log === undefined
        ? collect
        : () => {
            collect();
            log(`zh-report memory ${memoryLine()}`);
          },
    liveBytes: () => getHeapStatistics().used_heap_size,
  });
  return {
    get collections() {
      return reducer.collections;
    },
    released: (chars) => reducer.released(chars),
    analysing(chars) {
      if (!held || !(chars >= LARGE_DOCUMENT_CHARS)) return;
      held = false;
      releaseYoungGeneration();
    },
  };
}

export function createMemoryReducer(options: MemoryReducerOptions = {}): HostMemory & { readonly collections: number } {
  const collect = options.collect;
  const idleMs = options.idleMs ?? 1000;
  const everyChars = options.everyChars ?? 1_000_000;
  let threshold = everyChars;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer: { unref?(): unknown }) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let pending = 0;
  let timer: { unref?(): unknown } | undefined;
  let collections = 0;
  const run = (): void => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    pending = 0;
    try {
      collect?.();
      collections++;
      const live = options.liveBytes?.();
      threshold = live !== undefined && Number.isFinite(live) ? Math.max(everyChars, live / LIVE_BYTES_PER_CHAR) : everyChars;
    } catch {
      // a collector that fails is not the user's problem: memory stays as V8 keeps it
    }
  };
  return {
    get collections() {
      return collections;
    },
    released(chars) {
      if (collect === undefined) return;
      pending += Number.isFinite(chars) && chars > 0 ? chars : 0;
      if (timer !== undefined) clearTimer(timer);
      // at once when much was let go, else after a pause; never inside the caller (a notification handler)
      timer = setTimer(run, pending >= threshold ? 0 : idleMs);
      timer.unref?.(); // a pending collection never keeps the process alive
    },
  };
}
