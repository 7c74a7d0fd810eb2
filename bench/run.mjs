// @ts-check
// zh-report benchmark: `npm run bench` (see bench/README.md).
//
//   node bench/run.mjs [--sizes=100k,1m,10m] [--server=dist/server.js] [--no-lsp] [--no-baseline] [--build]
//
// Prints one table per report size and a summary of the performance targets (✓ met, ✗ missed, ? not
// measurable yet, – not run), and writes bench/out/results.json. It never fails on a number: the exit code
// is non-zero only when the bench itself cannot run (no corpus, wrong numerals).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkNumerals } from './cn-numeral.mjs';
import { countByKind, generateReport, loadCorpus } from './generate.mjs';
import { startServer, syncKind } from './lsp-client.mjs';
import { countSymbols, createBaseline } from './markdown-baseline.mjs';
import { measure, measurePair, median, ok } from './measure.mjs';
import { TERM_TARGETS, loadOpencc, measureTermsInProcess, measureTermsLsp } from './terms.mjs';
import { CHECK_TARGETS, checkRatios, loadChecks, measureChecksInProcess, measureChecksLsp } from './checks.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'bench', 'out');
const CORE_SRC = join(ROOT, 'server', 'src', 'core');
const CORE_JS = coreOutput();
const CORPUS = process.env.ZH_REPORT_CORPUS ?? '/work/shared/corpus';
const SEED = 20261127;
const require = createRequire(import.meta.url);
const { TextDocument } = require('vscode-languageserver-textdocument');

// The floor: one bare regex pass over the text, finding line starts that look like any marker kind.
const FLOOR = /^[\s\u3000]*(?:第[一二三四五六七八九十百千零〇两\d ]+[编章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)]|[①-⑳])/gm;

const TARGETS = {
  regexRatio: 3, // analyze() within 3× of the regex floor
  symbolMs: 250, // documentSymbol round trip for 10 MB
  readyMs: 300, // spawn → initialize response
  speedup: 20, // outline ≥ 20× faster than the Markdown baseline at 1 MB
};

// In-process warm-up runs let V8 optimise the analysis as it is in a server that has been running a while (the regex
// floor is native code from the first run); the 10 MB runs are long enough to warm up by themselves.
const SIZES = [
  { key: '100k', label: '100 KB', bytes: 100 * 1024, warmup: 40, runs: 31, baselineRuns: 15, lspRuns: 9, opens: 5 },
  { key: '1m', label: '1 MB', bytes: 1024 * 1024, warmup: 15, runs: 31, baselineRuns: 11, lspRuns: 7, opens: 5 },
  { key: '10m', label: '10 MB', bytes: 10 * 1024 * 1024, warmup: 1, runs: 9, baselineRuns: 3, lspRuns: 5, opens: 3 },
];

// ---------------------------------------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { sizes: SIZES, server: join(ROOT, 'dist', 'server.js'), lsp: true, baseline: true, build: false };
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if (name === '--sizes') {
      const keys = value.split(',').map((s) => s.trim().toLowerCase().replace(/b$/, ''));
      opts.sizes = SIZES.filter((s) => keys.includes(s.key));
      if (opts.sizes.length === 0) throw new Error(`--sizes: use some of ${SIZES.map((s) => s.key).join(',')}`);
    } else if (name === '--server') opts.server = resolve(value);
    else if (name === '--no-lsp') opts.lsp = false;
    else if (name === '--no-baseline') opts.baseline = false;
    else if (name === '--build') opts.build = true;
    else throw new Error(`unknown option ${arg} (see the header of bench/run.mjs)`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------- formatting

const n = (x) => x.toLocaleString('en-US');
function ms(x) {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x < 1) return `${x.toFixed(3)} ms`;
  if (x < 10) return `${x.toFixed(2)} ms`;
  if (x < 1000) return `${x.toFixed(1)} ms`;
  return `${(x / 1000).toFixed(2)} s`;
}
function ratio(x) {
  if (x === undefined || !Number.isFinite(x)) return '–';
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}
const mb = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const pad = (s, w) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const lpad = (s, w) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);

/** A mark for a target: ✓ met, ✗ missed, ? measured but not meaningful yet, – not measured. */
function mark(met, meaningful = true, measured = true) {
  if (!measured) return '–';
  if (!meaningful) return '?';
  return met ? '✓' : '✗';
}

function row(name, m, note = '', failedLabel = 'failed') {
  if (m === undefined) return `  ${pad(name, 40)}${lpad('–', 11)}${lpad('–', 11)}${lpad('', 6)}   ${note || 'not run'}`;
  if (m.error) return `  ${pad(name, 40)}${lpad('–', 11)}${lpad('–', 11)}${lpad('', 6)}   ${failedLabel}: ${m.error} (after ${ms(m.failedAfterMs)})`;
  return `  ${pad(name, 40)}${lpad(ms(m.min), 11)}${lpad(ms(m.median), 11)}${lpad(String(m.runs), 6)}   ${note}`;
}

// ---------------------------------------------------------------------------------------------- build outputs

/** Where `tsc -b` puts the core: the outDir of server/src/core/tsconfig.json (out/server/src/core today). */
function coreOutput() {
  try {
    const config = JSON.parse(readFileSync(join(CORE_SRC, 'tsconfig.json'), 'utf8'));
    const outDir = config.compilerOptions?.outDir;
    if (typeof outDir === 'string') return join(resolve(CORE_SRC, outDir), 'index.js');
  } catch {
    // not plain JSON (comments?): fall back to the known layouts below
  }
  const candidates = [join(ROOT, 'out', 'server', 'src', 'core', 'index.js'), join(ROOT, 'out', 'server', 'core', 'index.js')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Warn when a built output is missing or older than the sources it comes from. */
function checkBuilt(path, sourcesDir, howToBuild) {
  const rel = relative(ROOT, path);
  if (!existsSync(path)) {
    console.log(`! ${rel} is missing: run \`${howToBuild}\` (or pass --build). Skipping what needs it.`);
    return false;
  }
  if (statSync(path).mtimeMs < newestMtime(sourcesDir)) {
    console.log(`! ${rel} is older than ${relative(ROOT, sourcesDir)}/: numbers below are for the last build (\`${howToBuild}\` or --build).`);
  }
  return true;
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'client'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} (+ uncommitted changes in server/ or client/)` : head;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------- in-process outline

/**
 * The server's own textDocument/documentSymbol provider (compiled next to the core), so the in-process outline is what
 * the server computes, minus IPC and JSON: positions via TextDocument, names, details and section ranges.
 */
function loadSymbolProvider(coreJs) {
  const path = join(coreJs, '..', '..', 'features', 'documentSymbols.js');
  return existsSync(path) ? require(path).provideDocumentSymbols : undefined;
}
const NEVER_CANCELLED = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

function countFloor(text) {
  const re = new RegExp(FLOOR.source, FLOOR.flags);
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/** A body line near the middle of the document, for an edit that does not touch any heading. */
function editLine(report) {
  const headingLines = new Set(report.headings.map((h) => h.line));
  const lines = report.text.split('\n');
  for (let line = lines.length >> 1; line < lines.length; line++) {
    if (!headingLines.has(line) && lines[line].length >= 4) return { line, lines };
  }
  throw new Error('no body line to edit');
}

// ---------------------------------------------------------------------------------------------- LSP

async function measureLsp(serverPath, size, report) {
  const result = {};
  const { client, capabilities, readyMs } = await startServer(serverPath);
  result.readyMs = readyMs;
  result.pid = client.pid;
  result.incremental = syncKind(capabilities) === 2;
  result.advertisesDocumentSymbol = Boolean(capabilities.documentSymbolProvider);
  const uriOf = (i) => `file:///bench/report-${size.key}-${i}.txt`;
  const symbolsOf = (uri) => client.request('textDocument/documentSymbol', { textDocument: { uri } });
  try {
    // Open + first outline, on a fresh URI each time (the previous document is closed first).
    // The first open is the warm-up; RSS is read right after it, with only that document open.
    let opened = -1;
    result.open = await measure(
      async (i) => {
        client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(i), languageId: 'zh-report', version: 1, text: report.text } });
        opened = i;
        const symbols = await symbolsOf(uriOf(i));
        if (i === 0) result.memoryAfterOpen = client.memory();
        return countSymbols(symbols);
      },
      {
        warmup: 1,
        runs: size.opens,
        between: () => {
          if (opened >= 0) client.notify('textDocument/didClose', { textDocument: { uri: uriOf(opened) } });
          opened = -1;
        },
      },
    );
    if (opened < 0) return result; // the first open failed; nothing is open
    const uri = uriOf(opened);
    result.symbols = result.open.result;

    // Outline of an unchanged document (the server may answer from its cache).
    result.documentSymbol = await measure(async () => countSymbols(await symbolsOf(uri)), { warmup: 1, runs: size.lspRuns });

    // An edit in a body paragraph mid-document, then the outline: insert 测试, next time delete it again.
    const { line, lines } = editLine(report);
    let version = 1;
    result.edit = await measure(
      async (i) => {
        const insert = i % 2 === 0;
        const range = { start: { line, character: 2 }, end: { line, character: insert ? 2 : 4 } };
        const change = result.incremental
          ? { range, text: insert ? '测试' : '' }
          : { text: lines.map((l, k) => (k === line && insert ? l.slice(0, 2) + '测试' + l.slice(2) : l)).join('\n') };
        client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
        return countSymbols(await symbolsOf(uri));
      },
      { warmup: 1, runs: size.lspRuns },
    );
    result.memoryAtEnd = client.memory();
  } finally {
    await client.close();
    if (client.stderr.trim()) result.stderr = client.stderr.trim().slice(-2000);
  }
  return result;
}

/** Ready time of `runs` fresh servers after `warmup` untimed ones: the time startServer reports. */
async function measureReady(serverPath, warmup, runs) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    try {
      const { client, readyMs } = await startServer(serverPath);
      await client.close();
      if (i >= warmup) samples.push(readyMs);
    } catch (error) {
      return { error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`, samples };
    }
  }
  return { min: Math.min(...samples), median: median(samples), runs: samples.length, warmup, samples };
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS} (set ZH_REPORT_CORPUS)`);
  mkdirSync(OUT_DIR, { recursive: true });

  if (opts.build) {
    console.log('building: npx tsc -b && node scripts/bundle.mjs');
    execFileSync('npx', ['tsc', '-b'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  checkNumerals(); // the core's formatter (out/), which the generated reports are numbered with

  const cpus = os.cpus();
  const env = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    commit: gitCommit(),
    seed: SEED,
  };
  console.log(`zh-report bench · node ${env.node} · ${env.cpu} · commit ${env.commit ?? '?'}`);

  const haveCore = checkBuilt(CORE_JS, CORE_SRC, 'npx tsc -b');
  const haveServer = opts.lsp && checkBuilt(opts.server, join(ROOT, 'server', 'src'), 'node scripts/bundle.mjs');
  const core = haveCore ? require(CORE_JS) : undefined;
  const provideSymbols = core ? loadSymbolProvider(CORE_JS) : undefined;
  const opencc = core ? loadOpencc(CORE_JS) : undefined;
  const checks = core ? loadChecks(CORE_JS) : undefined;

  const pools = loadCorpus(CORPUS);
  const results = { env, targets: TARGETS, sizes: [] };

  // Server ready time: spawn → initialize response, on fresh processes (the first one is a warm-up).
  if (haveServer) results.ready = await measureReady(opts.server, 1, 5);

  for (const size of opts.sizes) {
    const report = generateReport(pools, size.bytes, SEED);
    writeFileSync(join(OUT_DIR, `report-${size.key}.txt`), report.text);
    writeFileSync(join(OUT_DIR, `report-${size.key}.md`), report.markdown);
    const written = countByKind(report.headings);
    const r = {
      key: size.key,
      label: size.label,
      bytes: report.bytes,
      chars: report.text.length,
      lines: report.lineCount,
      headingsWritten: report.headings.length,
      headingsWrittenByKind: written,
      markdownBytes: Buffer.byteLength(report.markdown, 'utf8'),
    };
    results.sizes.push(r);
    const opt = { warmup: size.warmup, runs: size.runs, batch: 'auto' };

    const floor = () => countFloor(report.text);
    if (core) {
      // analyze and the regex floor side by side (see measurePair): the ratio is the median of per-pair ratios
      const pair = await measurePair(() => core.analyze(report.text), floor, opt);
      if (pair.error) r.analyze = pair;
      else {
        Object.assign(r, { analyze: pair.a, regex: pair.b, analyzeOverRegex: { median: pair.ratio, min: pair.ratioOfMins } });
        const model = r.analyze.result;
        r.analyze.result = undefined;
        r.headingsFound = model.headings.length;
        r.headingsFoundByKind = countByKind(model.headings);
      }
    }
    if (!r.regex) r.regex = await measure(floor, opt);

    // Ours in-process: what the server does for didOpen + documentSymbol, minus IPC and JSON: a fresh TextDocument
    // (its line table is built on the first positionAt), the analysis, and the server's own documentSymbol provider.
    // A run returns the document and its model, which a server keeps while the document is open, so the last ones
    // stay alive while the next are computed.
    const outline = core && provideSymbols
      ? () => {
        const document = TextDocument.create(`file:///bench/report-${size.key}.txt`, 'zh-report', 1, report.text);
        const analyzed = { document, model: core.analyze(report.text) };
        return { analyzed, symbols: provideSymbols(analyzed, { textDocument: { uri: document.uri } }, NEVER_CANCELLED) };
      }
      : undefined;
    const baseline = opts.baseline ? createBaseline() : undefined;
    if (baseline) {
      // one untimed call first: the baseline overflows its stack on the 10 MB report
      const t0 = process.hrtime.bigint();
      try {
        await baseline.documentSymbols(report.markdown);
      } catch (error) {
        r.baseline = { error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`, failedAfterMs: Number(process.hrtime.bigint() - t0) / 1e6 };
      }
    }
    if (baseline && outline && !r.baseline) {
      // the baseline and ours side by side: the speed-up is the median of per-pair ratios baseline ÷ ours
      const pair = await measurePair(() => baseline.documentSymbols(report.markdown), outline, { warmup: 1, warmupB: size.warmup, runs: size.baselineRuns });
      if (pair.error) r.baseline = pair;
      else Object.assign(r, { baseline: pair.a, outline: pair.b, speedup: { median: pair.ratio, min: pair.ratioOfMins } });
    } else if (baseline && !r.baseline) {
      r.baseline = await measure(() => baseline.documentSymbols(report.markdown), { warmup: 0, runs: size.baselineRuns, batch: 'auto' });
    }
    if (outline && !r.outline) r.outline = await measure(outline, opt);
    baseline?.dispose();
    if (ok(r.outline)) r.outline.result = countSymbols(r.outline.result.symbols);
    if (ok(r.baseline)) r.baseline.result = countSymbols(r.baseline.result.symbols);

    // Terms: full analysis in-process; hover/definition over LSP on the 10 MB report (see bench/terms.mjs).
    if (core && opencc) {
      const terms = await measureTermsInProcess(core, opencc, report.text, opt, floor);
      if (terms) {
        const { index, ...kept } = terms;
        r.terms = kept;
        if (haveServer && size.key === '10m') r.termsLsp = await measureTermsLsp(opts.server, size.key, report.text, index);
      }
    }

    // Checks: diagnostics in-process against the analysis, and pull diagnostics over LSP (see bench/checks.mjs).
    if (core && checks) {
      r.checks = await measureChecksInProcess(core, checks, opencc, report.text, opt);
      if (haveServer) r.checksLsp = await measureChecksLsp(opts.server, size.key, report.text, size.lspRuns);
    }

    if (haveServer) {
      try {
        r.lsp = await measureLsp(opts.server, size, report);
      } catch (error) {
        r.lsp = { error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}` };
      }
    }

    printSize(r);
  }

  results.summary = [...summarize(results, { haveCore, haveServer, lspRun: opts.lsp, baselineRun: opts.baseline }), ...summarizeTerms(results), ...summarizeChecks(results)];
  printSummary(results);
  results.elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${relative(ROOT, join(OUT_DIR, 'results.json'))} and the generated reports in ${relative(ROOT, OUT_DIR)}/ · ${results.elapsedSeconds.toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------- report

/** A stub finds no headings at all; times measured on it say nothing about a parser. */
const meaningful = (found) => found !== undefined && found > 0;
/** e.g. "  (finds 48% of the headings written)" when an outline is incomplete. */
function coverageNote(found, written, what) {
  if (!meaningful(found)) return `  (${what} found no headings: not meaningful yet)`;
  return found < written * 0.9 ? `  (${what} finds only ${Math.round((100 * found) / written)}% of the headings written)` : '';
}

function derived(r) {
  const d = {};
  // Medians of per-pair ratios (two sides measured alternately, see measurePair) decide the marks; ratios of the
  // two sides' minimums are printed next to them.
  if (r.analyzeOverRegex) {
    d.analyzeOverRegex = r.analyzeOverRegex.median;
    d.analyzeOverRegexMin = r.analyzeOverRegex.min;
  }
  if (r.speedup) {
    d.speedupInProcess = r.speedup.median;
    d.speedupInProcessMin = r.speedup.min;
  }
  if (ok(r.baseline) && ok(r.lsp?.edit)) {
    d.speedupLsp = r.baseline.median / r.lsp.edit.median;
    d.speedupLspMin = r.baseline.min / r.lsp.edit.min;
  }
  d.coreMeaningful = meaningful(r.headingsFound);
  d.serverMeaningful = meaningful(r.lsp?.symbols);
  return d;
}

function printSize(r) {
  const d = derived(r);
  r.derived = d;
  console.log(`\n── ${r.label} report: ${n(r.bytes)} bytes · ${n(r.chars)} UTF-16 chars · ${n(r.lines)} lines · ${n(r.headingsWritten)} headings written ──`);
  console.log(`  ${pad('', 40)}${lpad('min', 11)}${lpad('median', 11)}${lpad('runs', 6)}   outline found`);
  const stub = r.headingsFound === 0 ? '  ← no headings: stub core?' : '';
  const found = r.headingsFound === undefined ? '' : `${n(r.headingsFound)} / ${n(r.headingsWritten)} headings${stub}`;
  console.log(row('analyze(text)', r.analyze, found || 'core not built'));
  if (r.headingsFoundByKind) {
    const kinds = Object.entries(r.headingsWrittenByKind).map(([k, w]) => `${k} ${n(r.headingsFoundByKind[k] ?? 0)}/${n(w)}`);
    const extra = Object.entries(r.headingsFoundByKind).filter(([k]) => !(k in r.headingsWrittenByKind)).map(([k, f]) => `${k} ${n(f)}/0`);
    console.log(`  ${pad('', 40)}by kind, found/written: ${[...kinds, ...extra].join(' · ')}`);
  }
  console.log(row('regex floor (one /gm scan)', r.regex, ok(r.regex) ? `${n(r.regex.result)} marker lines` : ''));
  console.log(row('ours in-process: analyze + documentSymbol', r.outline, ok(r.outline) ? `${n(r.outline.result)} symbols` : ''));
  console.log(row('Markdown baseline getDocumentSymbols', r.baseline, ok(r.baseline) ? `${n(r.baseline.result)} symbols` : '', 'baseline failed'));
  const lsp = r.lsp;
  if (lsp?.error && !lsp.open) {
    console.log(`  LSP: failed: ${lsp.error}`);
  } else {
    const sym = (m) => (ok(m) ? `${n(m.result)} symbols` : '');
    console.log(row('LSP didOpen + documentSymbol', lsp?.open, lsp ? sym(lsp.open) : 'server not built'));
    console.log(row('LSP documentSymbol (unchanged)', lsp?.documentSymbol, lsp ? sym(lsp.documentSymbol) : 'server not built'));
    const sync = lsp ? `, ${lsp.incremental ? 'incremental' : 'full-text'} sync` : '';
    console.log(row('LSP didChange + documentSymbol', lsp?.edit, lsp ? sym(lsp.edit) + sync : 'server not built'));
    if (lsp?.memoryAfterOpen) {
      console.log(`  ${pad('server RSS after didOpen + outline', 40)}${lpad(mb(lsp.memoryAfterOpen.rss), 11)}   peak ${mb(lsp.memoryAtEnd?.peak ?? lsp.memoryAfterOpen.peak)} by the end of the runs`);
    }
    if (lsp && !lsp.advertisesDocumentSymbol) console.log('  (the server does not advertise documentSymbolProvider)');
    if (lsp?.stderr) console.log(`  server stderr (tail): ${lsp.stderr.split('\n').slice(-3).join(' | ')}`);
  }

  printTermRows(r);
  printCheckRows(r);

  const line = (name, value, min, target, m, note = '') => console.log(`    ${pad(name, 36)}${lpad(value, 9)}${lpad(min, 9)}   ${pad(target, 26)}${m}${note}`);
  console.log(`  ${pad('ratios and targets', 38)}${lpad('median', 9)}${lpad('min', 9)}`);
  const coreNote = coverageNote(r.headingsFound, r.headingsWritten, 'analyze()');
  line('analyze ÷ regex floor', ratio(d.analyzeOverRegex), ratio(d.analyzeOverRegexMin), `target ≤ ${TARGETS.regexRatio}×`,
    mark(d.analyzeOverRegex <= TARGETS.regexRatio, d.coreMeaningful, d.analyzeOverRegex !== undefined), coreNote);
  const is1m = r.key === '1m';
  const speedNote = r.baseline?.error ? `  baseline failed: ${r.baseline.error}` : coreNote;
  line('baseline ÷ ours in-process', ratio(d.speedupInProcess), ratio(d.speedupInProcessMin), is1m ? `target ≥ ${TARGETS.speedup}× (faster)` : `info (target at 1 MB)`,
    is1m ? mark(d.speedupInProcess >= TARGETS.speedup, d.coreMeaningful, d.speedupInProcess !== undefined) : ' ', speedNote);
  line('baseline ÷ ours over LSP (edit)', ratio(d.speedupLsp), ratio(d.speedupLspMin), 'info (incl. IPC and JSON)', ' ', r.baseline?.error ? '  baseline failed' : '');
  printTermRatios(r, line);
  printCheckRatios(r, line);
  if (r.key === '10m') {
    const serverNote = coverageNote(lsp?.symbols, r.headingsWritten, 'the server');
    for (const [name, m] of [['LSP documentSymbol', lsp?.documentSymbol], ['LSP didChange + documentSymbol', lsp?.edit]]) {
      line(name, ok(m) ? ms(m.median) : '–', ok(m) ? ms(m.min) : '–', `target < ${TARGETS.symbolMs} ms`, mark(ok(m) && m.median < TARGETS.symbolMs, d.serverMeaningful, ok(m)), ok(m) ? serverNote : '');
    }
  }
}

/** The terms rows of a size's table: full analysis and terms alone in-process, then (10 MB) hover/definition over LSP. */
function printTermRows(r) {
  const t = r.terms;
  if (!t) return;
  const c = t.counts;
  console.log(`  terms: ${n(c.terms)} terms (${n(c.defined)} defined), ${n(c.uses)} uses; first indexTerms of the process ${ms(t.firstMs)} (builds the opencc converter and its table once)`);
  console.log(row('full analysis: analyze + indexTerms', t.full, 'headings + terms + uses + definitions'));
  console.log(row('indexTerms (terms alone)', t.termsOnly));
  const l = r.termsLsp;
  if (l?.error) console.log(`  LSP terms: failed: ${l.error}`);
  if (l?.hover) {
    console.log(`  ${pad('LSP first hover (indexes the terms)', 40)}${lpad(ms(l.firstHoverMs), 11)}`);
    for (const [name, m] of [['LSP hover', l.hover], ['LSP definition', l.definition]]) {
      console.log(`  ${pad(name, 40)}${lpad(ms(m.p50), 11)}${lpad(ms(m.p95), 11)}${lpad(String(m.runs), 6)}   p50 · p95 · runs; max ${ms(m.max)}; ${m.answered} answered`);
    }
    if (l.referencesMs !== undefined) console.log(`  ${pad('LSP references (one term)', 40)}${lpad(ms(l.referencesMs), 11)}`);
    console.log(`  ${pad('server RSS before terms / after terms', 40)}${lpad(mb(l.memoryBeforeTerms?.rss), 11)}${lpad(mb(l.memoryAfterTerms?.rss), 11)}   at the end ${mb(l.memoryAtEnd?.rss)}, peak ${mb(l.memoryAtEnd?.peak)}`);
  }
}

/** The terms lines of a size's ratios and targets. */
function printTermRatios(r, line) {
  const t = r.terms;
  if (!t) return;
  const l = r.termsLsp;
  const full = t.fullOverRegex?.median;
  const fullMin = t.fullOverRegex?.min;
  const is1m = r.key === '1m';
  line('full analysis ÷ regex floor', ratio(full), ratio(fullMin), is1m ? `target ≤ ${TERM_TARGETS.fullRatio}×` : 'info (target at 1 MB)', is1m ? mark(full <= TERM_TARGETS.fullRatio, true, full !== undefined) : ' ');
  if (l?.hover) {
    for (const [name, m] of [['LSP hover p95', l.hover], ['LSP definition p95', l.definition]]) {
      line(name, ms(m.p95), ms(m.p50), `target < ${TERM_TARGETS.hoverP95Ms} ms (p50 shown)`, mark(m.p95 < TERM_TARGETS.hoverP95Ms, m.answered > 0));
    }
  }
}

/** The checks rows of a size's table: diagnostics in-process on a built model and term index, then over LSP. */
function printCheckRows(r) {
  const c = r.checks;
  if (!c) return;
  const found = Object.entries(c.byCode).map(([code, k]) => `${code} ${n(k)}`).join(' · ') || 'no findings';
  console.log(`  checks: ${found}`);
  console.log(row('analyze(text, { codec }) (as the server)', c.analyzeWithCodec));
  console.log(row('runChecks (model and terms built)', c.run));
  console.log(row('diagnostics: runChecks + LSP mapping', c.diagnostics));
  console.log(row('diagnostics incl. indexTerms', c.withTerms, 'info: the term index is cached per version and shared'));
  const l = r.checksLsp;
  if (l?.error) console.log(`  LSP diagnostics: failed: ${l.error}`);
  else if (l && !l.advertises) console.log('  (the server does not advertise diagnosticProvider)');
  else if (l) {
    console.log(row('LSP didOpen + textDocument/diagnostic', l.open, ok(l.open) ? `${n(l.open.result)} diagnostics` : ''));
    console.log(row('LSP diagnostic (previous result id)', l.unchanged, ok(l.unchanged) ? String(l.unchanged.result) : ''));
    console.log(row('LSP didChange + diagnostic', l.edit, ok(l.edit) ? `${l.edit.result}: recomputed for the new version` : ''));
  }
}

/** The checks lines of a size's ratios and targets. */
function printCheckRatios(r, line) {
  const d = checkRatios(r);
  if (!d) return;
  const is1m = r.key === '1m';
  line('diagnostics ÷ analyze', ratio(d.overAnalyze), ratio(d.overAnalyzeMin), is1m ? `target ≤ ${CHECK_TARGETS.analyzeRatio}×` : 'info (target at 1 MB)',
    is1m ? mark(d.overAnalyze <= CHECK_TARGETS.analyzeRatio) : ' ');
  line('diagnostics ÷ full analysis', ratio(d.overFull), ratio(d.overFullMin), 'info (analysis with terms)', ' ');
}

/** Checks targets for the summary. */
function summarizeChecks(results) {
  const one = results.sizes.find((r) => r.key === '1m');
  const d = one ? checkRatios(one) : undefined;
  if (!one || !d) return [];
  const c = one.checks;
  return [{
    target: `1 MB: diagnostics ≤ ${CHECK_TARGETS.analyzeRatio}× the analysis time`,
    value: `${ratio(d.overAnalyze)} (${ms(c.diagnostics.median)} vs analyze ${ms(c.analyzeWithCodec.median)}; by minimums ${ratio(d.overAnalyzeMin)}; ÷ analyze + terms ${ratio(d.overFull)})`,
    mark: mark(d.overAnalyze <= CHECK_TARGETS.analyzeRatio),
  }];
}

/** Terms targets for the summary. */
function summarizeTerms(results) {
  const out = [];
  const bySize = Object.fromEntries(results.sizes.map((r) => [r.key, r]));
  const first = results.sizes.find((r) => r.terms)?.terms;
  if (first) {
    const { before, after } = first.converters;
    const lazy = before.converters === 0 && before.tables === 0;
    out.push({
      target: 'no opencc converter built before terms are needed',
      value: `before the first term analysis: ${before.converters} converter(s), ${before.tables} table(s) (after ${results.sizes.length > 0 ? 'the outline runs' : '–'}); after all runs: ${after.converters}, ${after.tables}`,
      mark: mark(lazy && after.converters === 1 && after.tables === 1),
    });
  }
  const one = bySize['1m'];
  if (one?.terms?.fullOverRegex) {
    const full = one.terms.fullOverRegex.median;
    out.push({
      target: `1 MB: full analysis (headings + terms) ≤ ${TERM_TARGETS.fullRatio}× the regex floor`,
      value: `${ratio(full)} (${ms(one.terms.full.median)} vs ${ms(one.terms.regex.median)}; by minimums ${ratio(one.terms.fullOverRegex.min)})`,
      mark: mark(full <= TERM_TARGETS.fullRatio),
    });
  }
  const l = bySize['10m']?.termsLsp;
  if (l) {
    for (const [name, m] of [['hover', l.hover], ['definition', l.definition]]) {
      out.push({
        target: `10 MB: LSP ${name} p95 < ${TERM_TARGETS.hoverP95Ms} ms`,
        value: m ? `p95 ${ms(m.p95)} (p50 ${ms(m.p50)}, ${m.runs} requests; the first hover, which indexes the terms: ${ms(l.firstHoverMs)})` : l.error ?? 'not measured',
        mark: mark(m !== undefined && m.p95 < TERM_TARGETS.hoverP95Ms, true, m !== undefined),
      });
    }
    const rss = l.memoryAtEnd?.rss ?? l.memoryAfterTerms?.rss;
    out.push({
      target: `10 MB: server RSS with the report open and its terms indexed < ${TERM_TARGETS.rssMB} MB`,
      value: rss !== undefined ? `${mb(rss)} (before terms ${mb(l.memoryBeforeTerms?.rss)}, peak ${mb(l.memoryAtEnd?.peak)})` : 'not measured',
      mark: mark(rss !== undefined && rss < TERM_TARGETS.rssMB * 1024 * 1024, true, rss !== undefined),
    });
  }
  return out;
}

function summarize(results, { haveCore, haveServer, lspRun, baselineRun }) {
  const noServer = lspRun ? 'server not built' : 'not run (--no-lsp)';
  const bySize = Object.fromEntries(results.sizes.map((r) => [r.key, r]));
  const out = [];
  const ready = results.ready;
  out.push({
    target: `server ready (spawn → initialize response) < ${TARGETS.readyMs} ms`,
    value: ok(ready) ? `median ${ms(ready.median)} (min ${ms(ready.min)})` : haveServer ? `failed: ${ready?.error}` : noServer,
    mark: mark(ok(ready) && ready.median < TARGETS.readyMs, true, ok(ready)),
  });
  for (const r of results.sizes) {
    const d = r.derived;
    out.push({
      target: `${r.label}: analyze ≤ ${TARGETS.regexRatio}× the regex floor`,
      value: d.analyzeOverRegex !== undefined ? `${ratio(d.analyzeOverRegex)} (${ms(r.analyze.median)} vs ${ms(r.regex.median)})${coverageNote(r.headingsFound, r.headingsWritten, 'analyze()')}` : haveCore ? 'failed' : 'core not built',
      mark: mark(d.analyzeOverRegex <= TARGETS.regexRatio, d.coreMeaningful, d.analyzeOverRegex !== undefined),
    });
  }
  const one = bySize['1m'];
  if (one) {
    const d = one.derived;
    out.push({
      target: `1 MB: outline ≥ ${TARGETS.speedup}× faster than the Markdown baseline`,
      value: d.speedupInProcess !== undefined ? `${ratio(d.speedupInProcess)} (${ms(one.outline.median)} vs ${ms(one.baseline.median)})${coverageNote(one.headingsFound, one.headingsWritten, 'analyze()')}` : !baselineRun ? 'baseline not run' : one.baseline?.error ? `baseline failed: ${one.baseline.error}` : 'core not built',
      mark: mark(d.speedupInProcess >= TARGETS.speedup, d.coreMeaningful, d.speedupInProcess !== undefined),
    });
  }
  const ten = bySize['10m'];
  if (ten) {
    const d = ten.derived;
    for (const [name, m] of [['documentSymbol', ten.lsp?.documentSymbol], ['didChange + documentSymbol', ten.lsp?.edit]]) {
      out.push({
        target: `10 MB: LSP ${name} < ${TARGETS.symbolMs} ms`,
        value: ok(m) ? `median ${ms(m.median)} (min ${ms(m.min)}), ${n(m.result)} symbols${coverageNote(ten.lsp.symbols, ten.headingsWritten, 'the server')}` : m?.error ? `failed: ${m.error}` : ten.lsp?.error ?? (haveServer ? 'not run' : noServer),
        mark: mark(ok(m) && m.median < TARGETS.symbolMs, d.serverMeaningful, ok(m)),
      });
    }
    const mem = ten.lsp?.memoryAfterOpen;
    out.push({ target: '10 MB: server RSS after opening the report (no target)', value: mem ? `${mb(mem.rss)} (peak ${mb(ten.lsp.memoryAtEnd?.peak ?? mem.peak)} by the end)` : 'not measured', mark: ' ' });
    out.push({
      target: '10 MB: Markdown baseline',
      value: ok(ten.baseline) ? `median ${ms(ten.baseline.median)}` : ten.baseline?.error ? `baseline failed: ${ten.baseline.error} (after ${ms(ten.baseline.failedAfterMs)})` : 'not run',
      mark: ' ',
    });
  }
  return out;
}

function printSummary(results) {
  console.log('\n── targets (✓ met · ✗ missed · ? measured but not meaningful yet · – not measured) ──');
  for (const t of results.summary) console.log(`  ${t.mark} ${pad(t.target, 58)} ${t.value}`);
  const stub = results.sizes.some((r) => r.headingsFound === 0);
  if (stub) console.log('  note: analyze() found no headings at all, so its times measure a stub, not a parser.');
}

main().catch((error) => {
  console.error(`bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
