#!/usr/bin/env node
// @ts-check
// Same output as another build: the term index (terms with their keys, kinds, definitions, builtins and uses; the
// use list; key lookups) and the citations (each citation and its resolved target) of this build and of another one
// (a checkout or a copy of its out/ directory), compared deep-equal on every real document (the corpus, its kinds/,
// test/fixtures/kinds, seeds/), the bench's generated reports and the adversarial patterns (100 KB; those with many
// distinct terms or cited documents at 1 MB too). A speed-only change to the term or citation scan must leave every one
// of them unchanged.
//
//   node bench/same-output.mjs --against=/tmp/main-out     (a directory holding out/server/src, or out/ itself)
//
// Exit code 1 on the first difference, with the document and the first differing path.

import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import { PATTERNS, buildPattern } from './adversarial.mjs';
import { generateReport, loadCorpus } from './generate.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.ZH_REPORT_CORPUS ?? '/work/shared/corpus';

/** The compiled core and opencc adapter of a build: `dir` is a checkout (dir/out/server/src) or an out/ (dir/server/src). */
function loadBuild(dir) {
  const src = [join(dir, 'out', 'server', 'src'), join(dir, 'server', 'src')].find((d) => existsSync(join(d, 'core', 'index.js')));
  if (src === undefined) throw new Error(`no built core under ${dir}`);
  return { core: require(join(src, 'core', 'index.js')), opencc: require(join(src, 'opencc.js')) };
}

/** Everything the term index and the citations say about `text`, as plain data. */
function outputs({ core, opencc }, text) {
  const model = core.analyze(text);
  const index = core.indexTerms(text, model, { converter: opencc.openccConverter });
  const terms = index.terms.map((t) => ({ ...t, uses: Array.from(t.uses), lookup: index.termOfKey(t.key), keyOfName: index.keyOf(t.name) }));
  const u = index.uses;
  const uses = { count: u.count, start: Array.from(u.start), end: Array.from(u.end), term: Array.from(u.term), flags: Array.from(u.flags) };
  const d = core.documentCitations(text, model);
  const plain = (x) => JSON.parse(JSON.stringify(x ?? null));
  const citations = d.index.citations.map((c, i) => {
    // a target holds the structure it points into (this document's): compared as which one, not field by field
    const { structure, ...target } = d.resolver.target(i);
    return { citation: c, target: plain(target), own: structure === d.structure };
  });
  const { boxes, mentions, documents, taiwan, headingValues } = d.index;
  return { terms, uses, longestUse: index.longestUse, citations, citationIndex: plain({ boxes, mentions, documents, taiwan, headingValues }) };
}

/** The first path where `a` and `b` differ, or undefined. */
function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[k], b[k], `${path}.${k}`);
    if (d !== undefined) return d;
  }
  return `${path}: differ (prototype or kind)`;
}

function* documents() {
  const dirs = [CORPUS, join(CORPUS, 'kinds'), join(ROOT, 'test', 'fixtures', 'kinds'), join(ROOT, 'seeds')];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(txt|md)$/.test(f) || f === 'README.md' || f === 'NOTES.md') continue;
      yield { name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') };
    }
  }
  const pools = loadCorpus(CORPUS);
  for (const [bytes, seed] of [[100 * 1024, 1], [1024 * 1024, 20261127], [4 * 1024 * 1024, 20261127]]) {
    yield { name: `generated ${bytes} B, seed ${seed}`, text: generateReport(pools, bytes, seed).text };
  }
  for (const p of PATTERNS) yield { name: `adversarial ${p.name} 100 KB`, text: buildPattern(p, 100 * 1024) };
  // the patterns with the most distinct terms and documents, at a size where the tables outgrow the caches
  for (const p of PATTERNS.filter((x) => /distinct|colon-defs|laws-/.test(x.name))) yield { name: `adversarial ${p.name} 1 MB`, text: buildPattern(p, 1024 * 1024) };
}

function main() {
  const against = process.argv.find((a) => a.startsWith('--against='))?.slice('--against='.length);
  if (against === undefined) throw new Error('usage: node bench/same-output.mjs --against=DIR');
  const here = loadBuild(ROOT);
  const there = loadBuild(resolve(against));
  let n = 0;
  for (const { name, text } of documents()) {
    const d = firstDifference(outputs(here, text), outputs(there, text));
    if (d !== undefined) {
      console.error(`${name}: differs at ${d}`);
      process.exit(1);
    }
    n++;
  }
  console.log(`same term index and citations on ${n} documents`);
}

main();
