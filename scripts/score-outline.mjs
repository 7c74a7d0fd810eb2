#!/usr/bin/env node
// @ts-check
/**
 * Outline score against hand labels: `node scripts/score-outline.mjs [labels-file] [--misses]` (needs `npx tsc -b`).
 * Labels: default test/fixtures/kinds/heldout-labels.txt; their format and the measure are test/util/heldout.ts's,
 * which test/unit/kinds.test.ts uses too. Prints per document and in all: precision and recall of heading lines,
 * parent (matched headings whose parent line is the labelled one) and title; --misses lists every false, missed and
 * wrongly nested heading.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyze } = require(path.join(root, 'out', 'server', 'src', 'core', 'index.js'));
const { gbkCodec } = require(path.join(root, 'out', 'server', 'src', 'node', 'codec.js'));
const { readLabels, scoreOutline } = require(path.join(root, 'out', 'test', 'util', 'heldout.js'));

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const labelsFile = args.find((a) => !a.startsWith('--')) ?? path.join(root, 'test', 'fixtures', 'kinds', 'heldout-labels.txt');
const dir = path.dirname(labelsFile);

const docs = readLabels(readFileSync(labelsFile, 'utf8'));

const fmt = (n, d) => (d === 0 ? '  -  ' : (n / d).toFixed(3));
const total = { predicted: 0, labelled: 0, matched: 0, found: 0, parents: 0, titles: 0 };
console.log('document'.padEnd(58) + 'prec   recall parent title');
for (const doc of docs) {
  const text = readFileSync(path.join(dir, doc.file), 'utf8');
  const s = scoreOutline(doc, analyze(text, { codec: gbkCodec }), text.split('\n'));
  total.predicted += s.predicted;
  total.labelled += doc.headings.size;
  total.matched += s.matched;
  total.found += s.found;
  total.parents += s.parents;
  if (s.titleOk) total.titles++;
  console.log(
    `${doc.file.slice(0, 56).padEnd(58)}${fmt(s.matched, s.predicted)}  ${fmt(s.found, doc.headings.size)}  ${fmt(s.parents, s.matched)}  ${s.titleOk ? 'ok' : 'NO'}` +
      `   (${s.matched}/${s.predicted} predicted, ${doc.headings.size} labelled, parents ${s.parents})`,
  );
  if (showMisses) for (const m of s.misses) console.log(m);
}
console.log(
  `${'all'.padEnd(58)}${fmt(total.matched, total.predicted)}  ${fmt(total.found, total.labelled)}  ${fmt(total.parents, total.matched)}  ${total.titles}/${docs.length}` +
    `   (${total.matched}/${total.predicted} predicted, ${total.labelled} labelled, parents ${total.parents})`,
);
