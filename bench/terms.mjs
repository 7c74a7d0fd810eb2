// @ts-check
// The terms section of the bench (see bench/README.md, "Terms"): key-term analysis in-process and hover/definition
// over LSP, on the same generated reports as the outline bench.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { startServer } from './lsp-client.mjs';
import { measure, measurePair } from './measure.mjs';

const require = createRequire(import.meta.url);
const { TextDocument } = require('vscode-languageserver-textdocument');

export const TERM_TARGETS = {
  fullRatio: 10, // headings + terms + uses + definitions within 10× the regex floor (1 MB)
  hoverP95Ms: 5, // hover and definition round trips, p95, 10 MB
  rssMB: 150, // server RSS with the 10 MB report open, terms indexed
};

/** The compiled opencc adapter next to the compiled core (out/server/src/opencc.js), or undefined. */
export function loadOpencc(coreJs) {
  const path = join(coreJs, '..', '..', 'opencc.js');
  return existsSync(path) ? require(path) : undefined;
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * In-process: full analysis (analyze + indexTerms, side by side with `floor`, the regex floor) and indexTerms alone; the
 * converter counts before the first term
 * analysis of the process (must be 0: nothing built for the outline) and after all runs (must be 1: built once).
 */
export async function measureTermsInProcess(core, opencc, text, opt, floor) {
  if (!core?.indexTerms || !opencc) return undefined;
  const before = { tables: core.scriptTableCount(), converters: opencc.converterBuilds() };
  const options = { converter: opencc.openccConverter };
  // the first call builds the converter and its character table: timed on its own, not among the runs
  const t0 = process.hrtime.bigint();
  const first = core.indexTerms(text, core.analyze(text), options);
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  // indexTerms is warmed (untimed) as the outline section warmed analyze before the full analysis is timed: without
  // it the full runs were calls 2–25 of indexTerms in the process, still in V8's warm-up (4–12 ms per call against a
  // steady 3.3–5 ms), while analyze had run dozens of times. A server that has been running a while is warm.
  const model = core.analyze(text);
  for (let i = 0; i < opt.warmup; i++) core.indexTerms(text, model, options);
  // the full analysis and the regex floor side by side (see measurePair)
  const pair = await measurePair(() => core.indexTerms(text, core.analyze(text), options), floor, opt);
  if (pair.error) throw new Error(`full analysis failed: ${pair.error}`);
  const { a: full, b: regex } = pair;
  const termsOnly = await measure(() => core.indexTerms(text, model, options), opt);
  const after = { tables: core.scriptTableCount(), converters: opencc.converterBuilds() };
  full.result = undefined;
  termsOnly.result = undefined;
  return {
    firstMs,
    full,
    regex,
    fullOverRegex: { median: pair.ratio, min: pair.ratioOfMins },
    termsOnly,
    converters: { before, after },
    counts: {
      terms: first.terms.length,
      uses: first.uses.count,
      defined: first.terms.filter((t) => t.definitions.length > 0).length,
    },
    index: first,
  };
}

/** Positions of term uses spread over the document: every k-th use, at most `n`. */
function usePositions(text, index, n) {
  const doc = TextDocument.create('file:///bench/terms.txt', 'zh-report', 1, text);
  const count = index.uses.count;
  const step = Math.max(1, Math.floor(count / n));
  const positions = [];
  for (let u = 0; u < count && positions.length < n; u += step) positions.push(doc.positionAt(index.uses.start[u] + 1));
  return positions;
}

/** `n` requests `method` at `at(i)`, one after another: p50, p95, max and how many had an answer. */
export async function roundTrips(client, method, at, n) {
  const samples = [];
  let answered = 0;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await client.request(method, at(i));
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r) answered++;
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), runs: samples.length, answered, samples };
}

/**
 * Over LSP (10 MB): open + outline, RSS; the first hover (it indexes the terms, building the converter); then hover and
 * definition round trips at many term uses (p50, p95); RSS at the end.
 */
export async function measureTermsLsp(serverPath, key, text, index, requests = 200) {
  const result = {};
  const { client } = await startServer(serverPath);
  const uri = `file:///bench/report-${key}-terms.txt`;
  try {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    result.memoryBeforeTerms = client.memory();
    const positions = usePositions(text, index, requests);
    if (positions.length === 0) return result;
    const at = (i) => ({ textDocument: { uri }, position: positions[i % positions.length] });
    let t0 = process.hrtime.bigint();
    const firstHover = await client.request('textDocument/hover', at(0));
    result.firstHoverMs = Number(process.hrtime.bigint() - t0) / 1e6;
    result.firstHoverHasContent = Boolean(firstHover?.contents);
    result.memoryAfterTerms = client.memory();
    for (const method of ['textDocument/hover', 'textDocument/definition']) {
      result[method === 'textDocument/hover' ? 'hover' : 'definition'] = await roundTrips(client, method, at, positions.length);
    }
    t0 = process.hrtime.bigint();
    await client.request('textDocument/references', { ...at(0), context: { includeDeclaration: true } });
    result.referencesMs = Number(process.hrtime.bigint() - t0) / 1e6;
    result.memoryAtEnd = client.memory();
  } catch (error) {
    result.error = `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`;
  } finally {
    await client.close();
  }
  return result;
}
