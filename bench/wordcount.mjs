// @ts-check
// 字数 (core/wordCount.ts) against the analysis it comes after: `node bench/wordcount.mjs [--sizes=1m,10m]`.
//
// On the bench's generated reports (plain text and the same report as Markdown, see generate.mjs), measured side by
// side with analyze() (measurePair: the ratio is the median of per-pair ratios): the document's count (what the status
// bar asks for once per version), the per-line totals behind the outline's section sizes, and the Markdown count
// (with its syntax left out). Prints the ratios; it never fails on a number. Needs `npx tsc -b` first.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateReport, loadCorpus } from './generate.mjs';
import { measurePair } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORE_JS = join(ROOT, 'out', 'server', 'src', 'core', 'index.js');
const CORPUS = process.env.ZH_REPORT_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const SIZES = { '100k': { bytes: 100 * 1024, warmup: 20, runs: 21 }, '1m': { bytes: 1024 * 1024, warmup: 10, runs: 21 }, '10m': { bytes: 10 * 1024 * 1024, warmup: 1, runs: 7 } };

if (!existsSync(CORE_JS)) {
  console.error(`bench/wordcount: ${CORE_JS} is missing: run npx tsc -b first`);
  process.exit(2);
}
const core = createRequire(import.meta.url)(CORE_JS);
const wanted = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1m,10m').split(',');
const pools = loadCorpus(CORPUS);
const fmt = (x) => `${x.toFixed(2)}×`;

for (const key of wanted) {
  const size = SIZES[key];
  if (size === undefined) throw new Error(`unknown size ${key} (one of ${Object.keys(SIZES).join(', ')})`);
  const report = generateReport(pools, size.bytes, 20261127);
  const opt = { warmup: size.warmup, runs: size.runs };
  const model = core.analyze(report.text);
  const mdModel = core.analyze(report.markdown);
  const analyze = () => core.analyze(report.text);
  const documentCount = await measurePair(() => new core.WordCounter(report.text, model).document().words, analyze, opt);
  const sections = await measurePair(() => new core.WordCounter(report.text, model).sectionWords(0), analyze, opt);
  const markdown = await measurePair(() => new core.WordCounter(report.markdown, mdModel, { markdown: true }).document().words, () => core.analyze(report.markdown), opt);
  console.log(`${key}: ${report.text.length.toLocaleString('en-US')} characters, ${documentCount.a.result.toLocaleString('en-US')} 字`);
  for (const [what, pair] of [['document count ÷ analyze', documentCount], ['per-line totals ÷ analyze', sections], ['Markdown count ÷ analyze (Markdown)', markdown]]) {
    console.log(`  ${what.padEnd(38)} ${fmt(pair.ratio)} (min ${fmt(pair.ratioOfMins)}; ${pair.a.median.toFixed(2)} ms vs ${pair.b.median.toFixed(2)} ms)`);
  }
}
