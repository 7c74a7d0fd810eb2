// @ts-check
// Citations bench (see bench/README.md, "Citations"): what indexing and resolving the citations of a document adds to
// its analysis, measured side by side (measurePair), and hover / definition on citations over LSP at 10 MB.
//
//   node bench/citations.mjs                 # 1 MB in-process, 10 MB over LSP
//   node bench/citations.mjs --no-lsp
//
// Uses the built outputs (npm run build): out/server/src/core and dist/server.js.

import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { generateReport, loadCorpus } from './generate.mjs';
import { LspClient, startServer } from './lsp-client.mjs';
import { CLOCK, measurePair } from './measure.mjs';
import { loadOpencc, roundTrips } from './terms.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = process.env.ZH_REPORT_CORPUS ?? '/work/shared/corpus';
const SEED = 20261127;
const CORE_JS = join(ROOT, 'out', 'server', 'src', 'core', 'index.js');
const SERVER_JS = join(ROOT, 'dist', 'server.js');

export const CITATION_TARGETS = {
  addedRatio: 1.3, // analyze + terms + citations within 1.3× analyze + terms at 1 MB
  fullRatio: 10, // headings + terms + citations within 10× the regex floor at 1 MB
  hoverP95Ms: 5, // hover and definition on citations, p95, 10 MB
  referencesMs: 500, // references of an article over 1,000 report files, once they are indexed
};

/** @type {RegExp | undefined} The parser's own candidate line (core/analyze.ts, from the marker table), global. */
let candidateLine;

function regexFloor(text) {
  candidateLine ??= new RegExp(require(join(ROOT, 'out', 'server', 'src', 'core', 'analyze.js')).CANDIDATE_LINE.source, 'gm');
  let n = 0;
  candidateLine.lastIndex = 0;
  while (candidateLine.test(text)) n++;
  return n;
}

/** Every citation resolved, as the check and the features do. */
function citations(core, text, model) {
  const d = core.documentCitations(text, model);
  let ok = 0;
  for (let i = 0; i < d.index.citations.length; i++) if (d.resolver.target(i).status === 'ok') ok++;
  return { count: d.index.citations.length, ok };
}

async function inProcess(core, opencc, text) {
  const options = { converter: opencc.openccConverter };
  const opt = { warmup: 15, runs: 31 };
  core.indexTerms(text, core.analyze(text), options); // builds the converter once, untimed
  const added = await measurePair(
    () => {
      const model = core.analyze(text);
      core.indexTerms(text, model, options);
      return citations(core, text, model);
    },
    () => core.indexTerms(text, core.analyze(text), options),
    opt,
  );
  const full = await measurePair(
    () => {
      const model = core.analyze(text);
      core.indexTerms(text, model, options);
      return citations(core, text, model);
    },
    () => regexFloor(text),
    opt,
  );
  const withoutCitations = await measurePair(() => core.indexTerms(text, core.analyze(text), options), () => regexFloor(text), opt);
  const model = core.analyze(text);
  const alone = await measurePair(() => citations(core, text, model), () => core.analyze(text), opt);
  return { added, full, withoutCitations, alone, counts: citations(core, text, model) };
}

async function overLsp(core, text, requests = 200) {
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const { client } = await startServer(SERVER_JS);
  const uri = 'file:///bench/report-10m-citations.txt';
  const result = {};
  try {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const d = core.documentCitations(text, core.analyze(text));
    const resolved = d.index.citations.filter((_, i) => d.resolver.target(i).status === 'ok');
    const step = Math.max(1, Math.floor(resolved.length / requests));
    const doc = TextDocument.create(uri, 'zh-report', 1, text);
    const positions = [];
    for (let i = 0; i < resolved.length && positions.length < requests; i += step) positions.push(doc.positionAt(resolved[i].start + 1));
    const at = (i) => ({ textDocument: { uri }, position: positions[i] });
    const t0 = process.hrtime.bigint();
    await client.request('textDocument/hover', at(0));
    result.firstHoverMs = Number(process.hrtime.bigint() - t0) / 1e6;
    for (const method of ['textDocument/hover', 'textDocument/definition']) result[method.slice(13)] = await roundTrips(client, method, at, positions.length);
  } finally {
    await client.close();
  }
  return result;
}

/**
 * References of an article over a workspace of `files` report files (copies of real reports, each citing the
 * copyright law's 第十条 once): the first request reads and indexes the files, the next ones are timed.
 */
async function workspaceReferences(files = 1000, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'zh-report-bench-citations-'));
  try {
    const law = readFileSync(join(CORPUS, 'cn_law_copyright_law_2020.md'), 'utf8');
    const report = readFileSync(join(CORPUS, 'cn_gwr_2025_national_government_work_report.txt'), 'utf8');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, '著作权法.md'), law);
    for (let i = 0; i < files; i++) {
      writeFileSync(join(dir, 'reports', `report-${i}.txt`), `${report}\n依照《中华人民共和国著作权法》第十条第一款第${['五', '六', '七'][i % 3]}项处理。\n`);
    }
    const { client } = LspClient.spawn(SERVER_JS);
    const root = pathToFileURL(dir).href;
    await client.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities: {} }, 30_000);
    client.notify('initialized', {});
    const uri = pathToFileURL(join(dir, '著作权法.md')).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: law } });
    const line = law.split('\n').findIndex((l) => l.startsWith('第十条 '));
    const params = { textDocument: { uri }, position: { line, character: 1 }, context: { includeDeclaration: false } };
    let t0 = process.hrtime.bigint();
    const first = await client.request('textDocument/references', params, 600_000);
    const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      t0 = process.hrtime.bigint();
      await client.request('textDocument/references', params, 600_000);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    await client.close();
    return { files, found: first.length, firstMs, samples };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x) => (typeof x === 'number' ? x.toFixed(2) : String(x));

async function main() {
  if (!existsSync(CORE_JS)) throw new Error('build first: npx tsc -b && node scripts/bundle.mjs');
  const core = require(CORE_JS);
  const opencc = loadOpencc(CORE_JS);
  const pools = loadCorpus(CORPUS);
  const oneMb = generateReport(pools, 1024 * 1024, SEED).text;
  const r = await inProcess(core, opencc, oneMb);
  console.log(`1 MB: ${r.counts.count} citations, ${r.counts.ok} resolved (in-process clock: ${CLOCK === 'cpu' ? 'CPU time of this process' : 'wall'})`);
  console.log(`  analyze + terms + citations ÷ analyze + terms: median of pair ratios ${fmt(r.added.ratio)} (ratio of mins ${fmt(r.added.ratioOfMins)}; ${fmt(r.added.a.median)} ms vs ${fmt(r.added.b.median)} ms) — target ≤ ${CITATION_TARGETS.addedRatio} ${r.added.ratio <= CITATION_TARGETS.addedRatio ? '✓' : '✗'}`);
  console.log(`  analyze + terms + citations ÷ regex floor: ${fmt(r.full.ratio)} (mins ${fmt(r.full.ratioOfMins)}) — target ≤ ${CITATION_TARGETS.fullRatio} ${r.full.ratio <= CITATION_TARGETS.fullRatio ? '✓' : '✗'}`);
  console.log(`  (the same run without citations: analyze + terms ÷ regex floor ${fmt(r.withoutCitations.ratio)}, mins ${fmt(r.withoutCitations.ratioOfMins)})`);
  console.log(`  citations alone ÷ analyze: ${fmt(r.alone.ratio)} (${fmt(r.alone.a.median)} ms vs ${fmt(r.alone.b.median)} ms)`);
  if (!process.argv.includes('--no-lsp') && existsSync(SERVER_JS)) {
    const tenMb = generateReport(pools, 10 * 1024 * 1024, SEED).text;
    const l = await overLsp(core, tenMb);
    console.log(`10 MB over LSP: first hover on a citation ${fmt(l.firstHoverMs)} ms`);
    for (const m of ['hover', 'definition']) {
      const x = l[m];
      console.log(`  ${m}: p50 ${fmt(x.p50)} ms, p95 ${fmt(x.p95)} ms, max ${fmt(x.max)} ms (${x.answered}/${x.runs} answered) — target p95 ≤ ${CITATION_TARGETS.hoverP95Ms} ms ${x.p95 <= CITATION_TARGETS.hoverP95Ms ? '✓' : '✗'}`);
    }
    const w = await workspaceReferences();
    const sorted = [...w.samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`references of 第十条 over ${w.files} report files: ${w.found} found; first (reads and indexes the files) ${fmt(w.firstMs)} ms, then median ${fmt(median)} ms (max ${fmt(sorted[sorted.length - 1])}) — target ≤ ${CITATION_TARGETS.referencesMs} ms ${median <= CITATION_TARGETS.referencesMs ? '✓' : '✗'}`);
  }
}

await main();
