/**
 * The LSP session fuzzer (test/fuzz/lsp-session.ts) with a small fixed budget and fixed seeds, so it cannot flake:
 * random edits, requests at random and invalid positions, cancellations, malformed params and frames against the
 * built server. `npm run fuzz:lsp` runs it with a large budget. Cases it found are named regression tests in
 * robustness.test.ts.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fuzzLsp } from '../fuzz/lsp-session';

describe('LSP session fuzzer (small fixed budget)', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: every request answered with a result or a proper error, every range inside its document, exit 0 after shutdown`, async () => {
      const report = await fuzzLsp({ seed, sessions: 1, ops: 120 });
      const shown = report.failures.slice(0, 10).map((f) => `session ${f.session} op ${f.op} ${f.method}: ${f.problem} ${JSON.stringify(f.params ?? null).slice(0, 200)}`);
      assert.deepEqual(shown, [], `replay with: npm run fuzz:lsp -- --seed=${seed} --sessions=1 --ops=120`);
      assert.ok(report.requests > 40, `only ${report.requests} requests were sent`);
      assert.ok((report.errors['-32602'] ?? 0) > 0, 'malformed params were sent and refused with InvalidParams');
    });
  }

  it('documents opened, used and closed one after another leave no document behind, and memory stays bounded', async () => {
    const report = await fuzzLsp({ seed: 3, sessions: 0, ops: 0, memoryDocs: 40 });
    const memory = report.memory;
    assert.ok(memory !== undefined);
    // loose: the collector decides when the heap shrinks; a leak of the 40 documents' models and terms would be far more
    assert.ok(memory.lateMB - memory.earlyMB < 80, `server RSS grew from ${memory.earlyMB} MB to ${memory.lateMB} MB`);
  });
});
