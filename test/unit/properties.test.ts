/**
 * Property tests of the whole analysis (test/util/properties.ts states the invariants): random text, lone
 * surrogates and control characters, CR / CRLF / mixed line ends, and mutations of every corpus document and seed.
 * Fixed seeds and small budgets here, so the tests cannot flake and take a few seconds; `npm run fuzz:core` runs the
 * same properties with a large budget (FUZZ_RUNS, FUZZ_SEED). A failure prints the seed, the path and the shrunk case.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { budget, byteMutation, checkInvariants, cleanPieceText, documentWindow, linedText, mutate, mutation, pieceText, realDocuments, unitText } from '../util/properties';

const ANY = { gbk: true, mojibake: true };

describe('properties: any text', () => {
  it('random code units (lone surrogates, NUL, BOM, CR) keep every invariant', () => {
    fc.assert(fc.property(unitText(), (text) => void checkInvariants(text, ANY)), budget(300, 1001));
  });

  it('text made of report pieces (markers, glosses, chrome, damage) keeps every invariant', () => {
    fc.assert(fc.property(pieceText(120), (text) => void checkInvariants(text, ANY)), budget(300, 1002));
  });

  it('clean text made of report pieces (glosses, "?" and "!" included) keeps its Han characters through fix-all', () => {
    fc.assert(fc.property(cleanPieceText(120), (text) => void checkInvariants(text)), budget(400, 1006));
  });

  it('lines of report pieces with LF, CRLF and lone CR ends keep every invariant', () => {
    fc.assert(fc.property(linedText(), (text) => void checkInvariants(text, ANY)), budget(300, 1003));
  });
});

describe('properties: huge lines', () => {
  it('one line of 50 000 to 200 000 characters, repeated report pieces, keeps every invariant', () => {
    fc.assert(
      fc.property(pieceText(8), fc.integer({ min: 50_000, max: 200_000 }), (unit, size) => {
        const line = unit.replace(/[\r\n]/g, '') || '(fā)';
        void checkInvariants(line.repeat(Math.ceil(size / line.length)).slice(0, size), ANY);
      }),
      budget(6, 1008, 200),
    );
  });
});

describe('properties: mutated real documents', () => {
  it('every corpus document, kind and seed, whole, keeps every invariant (fix-all changes no Han character but chrome)', () => {
    for (const { name, text } of realDocuments()) {
      try {
        checkInvariants(text, { gbk: name === 'seeds/chongqing-minjin-2017-scraped.txt' });
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
  });

  it('whole documents with mutations keep every invariant', () => {
    const docs = realDocuments();
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), (d, ms) => {
        void checkInvariants(ms.reduce(mutate, docs[d]!.text), { gbk: docs[d]!.name === 'seeds/chongqing-minjin-2017-scraped.txt' });
      }),
      budget(12, 1007),
    );
  });

  it('windows of the corpus and seeds, glossed, with pairs deleted, lines spliced, renumbered, keep every invariant', () => {
    fc.assert(
      fc.property(documentWindow(60), fc.array(mutation, { maxLength: 10 }), ({ text, scraped }, ms) => void checkInvariants(ms.reduce(mutate, text), { gbk: scraped })),
      budget(150, 1004),
    );
  });

  it('with lines decoded one byte off or UTF-8 read as GBK, only those repairs change Han characters', () => {
    fc.assert(
      fc.property(documentWindow(), fc.array(mutation, { maxLength: 3 }), fc.array(byteMutation, { minLength: 1, maxLength: 3 }), ({ text }, ms, bs) => {
        void checkInvariants(bs.reduce(mutate, ms.reduce(mutate, text)), ANY);
      }),
      budget(100, 1005),
    );
  });
});
