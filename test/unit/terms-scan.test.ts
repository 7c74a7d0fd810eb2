/**
 * The use scan (core/terms/matcher.ts) against a plain search: every occurrence of every key of a real document, nested
 * and overlapping ones included, is what folding the whole text through the same table and searching each key with
 * indexOf finds (folding is one code unit for one, so offsets agree). The scan only walks from the starts its pair and
 * triple tables let through, so a table that missed a spelling would lose uses here. Documents with pinyin glosses are
 * left to the gloss tests (the scan steps over a gloss, a plain search cannot); the corpus has enough without.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, indexTerms } from '../../server/src/core';
import { findGlosses } from '../../server/src/core/gloss';
import { KeyTrie, Matches } from '../../server/src/core/terms/matcher';
import { foldTable } from '../../server/src/core/terms/normalize';
import { openccConverter } from '../../server/src/opencc';
import { corpusFiles, readCorpus } from '../util/corpus';

type Occurrence = [start: number, end: number, id: number];

function scanned(keys: readonly string[], text: string, table: Uint16Array): Occurrence[] {
  const trie = new KeyTrie();
  keys.forEach((k, id) => trie.add(k, id));
  const m = trie.scan(text, table, new Matches());
  const out: Occurrence[] = [];
  for (let i = 0; i < m.count; i++) out.push([m.start[i]!, m.end[i]!, m.id[i]!]);
  return out;
}

function searched(keys: readonly string[], text: string, table: Uint16Array): Occurrence[] {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(table[text.charCodeAt(i)]!);
  const out: Occurrence[] = [];
  keys.forEach((k, id) => {
    if (k.length < 2) return;
    for (let p = folded.indexOf(k); p >= 0; p = folded.indexOf(k, p + 1)) out.push([p, p + k.length, id]);
  });
  // the scan's order: by start, then shorter first
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

describe('the use scan finds what a plain search of the folded text finds', () => {
  it('on every corpus document without glosses, with and without the script converter', () => {
    let documents = 0;
    let occurrences = 0;
    for (const f of corpusFiles()) {
      const text = readCorpus(f);
      if (findGlosses(text).length > 0) continue;
      documents++;
      for (const converter of [openccConverter, undefined]) {
        const table = foldTable(converter);
        const keys = indexTerms(text, analyze(text), { converter }).terms.map((t) => t.key);
        const expected = searched(keys, text, table);
        assert.deepEqual(scanned(keys, text, table), expected, f);
        occurrences += expected.length;
      }
    }
    assert.ok(documents >= 25, `${documents} documents without glosses`);
    assert.ok(occurrences > 10_000, `${occurrences} occurrences compared`);
  });

  it('finds keys in the other script, in full width and at the very ends of the text', () => {
    const table = foldTable(openccConverter);
    const keys = ['网上沙龙', '作品', 'ESI', '两重', '十四五'];
    for (const text of ['網上沙龍作品', '作品', 'ＥＳＩ与ESI；兩重“十四五”', '十四五', '品作品作', '网上网上沙龙沙']) {
      assert.deepEqual(scanned(keys, text, table), searched(keys, text, table), text);
    }
  });
});
