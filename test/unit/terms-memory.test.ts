// Indexing a document keeps nothing of it once it is dropped: not its model (the extractor that keepLastInstance keeps
// lets go of it) and not its text (V8's last-match subject is reset).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, indexTerms } from '../../server/src/core';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { readSeed } from '../util/corpus';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe('terms: a dropped document is not kept alive', () => {
  const seed = readSeed('cn_gwr_2025_national_government_work_report.txt');
  indexTerms(seed, analyze(seed, { codec: gbkCodec }), { converter: openccConverter }); // tables built, code warm

  it('neither the model nor the text of a 2-million-character document survives its index', async () => {
    const before = heapAfterGc();
    const dropped = ((): WeakRef<object> => {
      const text = seed.repeat(Math.ceil(2e6 / seed.length)).slice(0, 2e6);
      const model = analyze(text, { codec: gbkCodec });
      const terms = indexTerms(text, model, { converter: openccConverter });
      assert.ok(terms.terms.length > 10);
      return new WeakRef(model);
    })();
    await new Promise((resolve) => setImmediate(resolve)); // a WeakRef's target lives until the end of the job
    const held = heapAfterGc() - before;
    assert.equal(dropped.deref(), undefined, 'the model is still referenced');
    // the text alone is 4 MB (two bytes a character); what stays is the small fixed state of the kept instances
    assert.ok(held < 1.5e6, `${(held / 1e6).toFixed(1)} MB held after the document was dropped`);
  });
});
