#!/usr/bin/env node
// @ts-check
/**
 * Outline score against hand labels: `node scripts/score-outline.mjs [labels-file] [--misses]` (needs `npx tsc -b`).
 * Labels (default test/fixtures/kinds/heldout-labels.txt, the format test/unit/kinds.test.ts reads): "file <name>",
 * "title <line>[,<line>]" or "title -", then "<line> <parent line>" per heading (0 = root, lines from 1).
 * Prints per document and in all: precision and recall of heading lines, parent (matched headings whose parent line
 * is the labelled one) and title; --misses lists every false, missed and wrongly nested heading.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyze } = require(path.join(root, 'out', 'server', 'src', 'core', 'index.js'));
const { gbkCodec } = require(path.join(root, 'out', 'server', 'src', 'node', 'codec.js'));

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const labelsFile = args.find((a) => !a.startsWith('--')) ?? path.join(root, 'test', 'fixtures', 'kinds', 'heldout-labels.txt');
const dir = path.dirname(labelsFile);

/** @type {{ file: string, titles: number[], headings: Map<number, number> }[]} */
const docs = [];
for (const row of readFileSync(labelsFile, 'utf8').split('\n')) {
  if (row.trim() === '' || row.startsWith('#')) continue;
  const [a, b] = row.split(' ');
  if (a === 'file') docs.push({ file: b, titles: [], headings: new Map() });
  else if (a === 'title') docs[docs.length - 1].titles.push(...(b === '-' ? [] : b.split(',').map(Number)));
  else docs[docs.length - 1].headings.set(Number(a), Number(b));
}

const fmt = (n, d) => (d === 0 ? '  -  ' : (n / d).toFixed(3));
const total = { predicted: 0, labelled: 0, matched: 0, found: 0, parents: 0, titles: 0 };
console.log('document'.padEnd(58) + 'prec   recall parent title');
for (const doc of docs) {
  const text = readFileSync(path.join(dir, doc.file), 'utf8');
  const lines = text.split('\n');
  const model = analyze(text, { codec: gbkCodec });
  const docRoot = doc.titles[0] ?? 0;
  const title = model.headings[0]?.kind === 'title' ? model.headings[0].line + 1 : 0;
  const titleOk = doc.titles.length === 0 ? title === 0 : doc.titles.includes(title);
  const s = { predicted: 0, matched: 0, parents: 0 };
  const misses = [];
  const seen = new Set();
  for (const h of model.headings) {
    if (h.kind === 'title') continue;
    s.predicted++;
    const want = doc.headings.get(h.line + 1);
    if (want === undefined) {
      misses.push(`  false  ${h.line + 1}: ${h.name}`);
      continue;
    }
    seen.add(h.line + 1);
    s.matched++;
    const parent = h.parent >= 0 && model.headings[h.parent].kind !== 'title' ? model.headings[h.parent].line + 1 : docRoot;
    if (parent === want) s.parents++;
    else misses.push(`  parent ${h.line + 1}: ${h.name}  (got ${parent}, want ${want}: ${(lines[want - 1] ?? '(root)').slice(0, 30)})`);
  }
  for (const line of doc.headings.keys()) if (!seen.has(line)) misses.push(`  missed ${line}: ${(lines[line - 1] ?? '').slice(0, 40)}`);
  if (!titleOk) misses.push(`  title  got line ${title}, want ${doc.titles.join(',') || '-'}`);
  total.predicted += s.predicted;
  total.labelled += doc.headings.size;
  total.matched += s.matched;
  total.found += seen.size; // recall counts labelled lines found (本院认为，…判决如下： is two headings on one line)
  total.parents += s.parents;
  if (titleOk) total.titles++;
  console.log(
    `${doc.file.slice(0, 56).padEnd(58)}${fmt(s.matched, s.predicted)}  ${fmt(seen.size, doc.headings.size)}  ${fmt(s.parents, s.matched)}  ${titleOk ? 'ok' : 'NO'}` +
      `   (${s.matched}/${s.predicted} predicted, ${doc.headings.size} labelled, parents ${s.parents})`,
  );
  if (showMisses) for (const m of misses) console.log(m);
}
console.log(
  `${'all'.padEnd(58)}${fmt(total.matched, total.predicted)}  ${fmt(total.found, total.labelled)}  ${fmt(total.parents, total.matched)}  ${total.titles}/${docs.length}` +
    `   (${total.matched}/${total.predicted} predicted, ${total.labelled} labelled, parents ${total.parents})`,
);
