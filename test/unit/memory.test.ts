/**
 * Giving memory back after documents close (server/src/node/memory.ts): when the reducer collects, and that it never
 * throws or keeps the process alive. The effect on a running server is measured by the LSP session fuzzer's memory
 * run (RSS after a tenth, half and all of the documents; README, "Robustness").
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryReducer, exposedCollector } from '../../server/src/node/memory';

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

  it('finds the process collector with or without --expose-gc, and a collection returns', () => {
    const gc = exposedCollector();
    assert.equal(typeof gc, 'function');
    assert.doesNotThrow(() => gc!());
  });
});
