/**
 * Giving memory back after documents close (server/src/node/memory.ts): when the reducer collects, and that it never
 * throws or keeps the process alive; when the young generation is held. The effect on a running server is measured by
 * bench/memory.mjs (RSS after each tenth document and after idling) and the LSP session fuzzer's memory run.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryReducer, exposedCollector, holdYoungGeneration, memoryLine } from '../../server/src/node/memory';

/** Timers under the test's control: `fire()` runs the one pending callback. */
function fakeTimers() {
  let pending: { callback: () => void; ms: number; unrefed: boolean } | undefined;
  const timers = {
    setTimer(callback: () => void, ms: number) {
      const timer = { callback, ms, unrefed: false, unref: () => void (timer.unrefed = true) };
      pending = timer;
      return timer;
    },
    clearTimer(timer: unknown) {
      if (timer === pending) pending = undefined;
    },
  };
  return {
    timers,
    get pending() {
      return pending;
    },
    fire() {
      const p = pending;
      pending = undefined;
      p?.callback();
    },
  };
}

describe('memory reducer', () => {
  it('collects once after the last of several closes, when they pause', () => {
    let collected = 0;
    const t = fakeTimers();
    const memory = createMemoryReducer({ collect: () => collected++, idleMs: 1000, everyChars: 1_000_000, ...t.timers });
    memory.released(100_000);
    memory.released(100_000);
    memory.released(100_000);
    assert.equal(collected, 0, 'nothing runs inside the close');
    assert.equal(t.pending?.ms, 1000, 'one timer, re-armed by every close');
    assert.equal(t.pending?.unrefed, true, 'a pending collection does not keep the process alive');
    t.fire();
    assert.equal(collected, 1);
    assert.equal(memory.collections, 1);
    assert.equal(t.pending, undefined);
  });

  it('collects on the next turn when the closed documents held everyChars or more, then counts afresh', () => {
    let collected = 0;
    const t = fakeTimers();
    const memory = createMemoryReducer({ collect: () => collected++, idleMs: 1000, everyChars: 250_000, ...t.timers });
    memory.released(100_000);
    memory.released(100_000);
    assert.equal(t.pending?.ms, 1000);
    memory.released(100_000); // 300,000 ≥ 250,000
    assert.equal(t.pending?.ms, 0);
    assert.equal(collected, 0, 'not inside the close');
    t.fire();
    assert.equal(collected, 1);
    memory.released(100_000);
    assert.equal(t.pending?.ms, 1000, 'the count starts again after a collection');
  });

  it('after a collection, waits for closes of a sixteenth of the live heap when that is more than everyChars', () => {
    let collected = 0;
    let live = 64_000_000; // bytes: 4,000,000 UTF-16 units before the next collection at once
    const t = fakeTimers();
    const memory = createMemoryReducer({ collect: () => collected++, idleMs: 1000, everyChars: 1_000_000, liveBytes: () => live, ...t.timers });
    memory.released(1_000_000);
    assert.equal(t.pending?.ms, 0, 'before the first collection: everyChars');
    t.fire();
    memory.released(3_000_000);
    assert.equal(t.pending?.ms, 1000, '3,000,000 < 64 MB / 16');
    memory.released(1_000_000);
    assert.equal(t.pending?.ms, 0);
    live = 1_000_000; // a small heap: everyChars again
    t.fire();
    assert.equal(collected, 2);
    memory.released(1_000_000);
    assert.equal(t.pending?.ms, 0);
  });

  it('does nothing without a collector, ignores nonsense sizes, and survives a collector that throws', () => {
    const t = fakeTimers();
    const none = createMemoryReducer({ ...t.timers });
    none.released(10_000_000);
    assert.equal(t.pending, undefined);
    const u = fakeTimers();
    const throwing = createMemoryReducer({
      collect: () => {
        throw new Error('no');
      },
      everyChars: 10,
      ...u.timers,
    });
    throwing.released(Number.NaN);
    throwing.released(-5);
    assert.equal(u.pending?.ms, 1000, 'NaN and negative sizes count as nothing');
    throwing.released(11);
    assert.equal(u.pending?.ms, 0);
    assert.doesNotThrow(() => u.fire());
    assert.equal(throwing.collections, 0);
  });

  it('leaves the young generation alone when the process was given a semi-space option', () => {
    assert.equal(holdYoungGeneration(['--max-semi-space-size=8'], ''), false);
    assert.equal(holdYoungGeneration([], '--max-old-space-size=4096 --semi-space-growth-factor=2'), false);
    assert.equal(holdYoungGeneration(['--expose-gc'], '--max-old-space-size=4096'), true);
    assert.match(memoryLine(), /^rss \d+\.\d heap [\d.]+\/[\d.]+ external [\d.]+ \| .*new [\d.]+\/[\d.]+/);
  });

  it('finds the process collector with or without --expose-gc, and a collection returns', () => {
    const gc = exposedCollector();
    assert.equal(typeof gc, 'function');
    assert.doesNotThrow(() => gc!());
  });
});
