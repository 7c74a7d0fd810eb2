// @ts-check
// The checks section of the bench (see bench/README.md, "Checks"): diagnostics in-process and over LSP, on the same
// generated reports as the outline bench, against the analysis time.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { startServer } from './lsp-client.mjs';
import { measure, ok } from './measure.mjs';

const require = createRequire(import.meta.url);
const { TextDocument } = require('vscode-languageserver-textdocument');

export const CHECK_TARGETS = {
  analyzeRatio: 2, // diagnostics for a 1 MB report within 2× the analysis time
};

/** The compiled checks and codec next to the compiled core (out/server/src/core/checks, out/server/src/node/codec.js). */
export function loadChecks(coreJs) {
  const checks = join(coreJs, '..', 'checks', 'index.js');
  const codec = join(coreJs, '..', '..', 'node', 'codec.js');
  if (!existsSync(checks) || !existsSync(codec)) return undefined;
  return { ...require(checks), gbkCodec: require(codec).gbkCodec };
}

/** Timed runs (at least) of analyze, runChecks and diagnostics in-process. */
const RATIO_RUNS = 30;

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

/** What the server does for a pull once the model (and terms) are there: run the checks, map them to LSP diagnostics. */
function diagnosticsOf(checks, text, model, terms, doc) {
  const findings = checks.runChecks(text, model, { codec: checks.gbkCodec, ...(terms ? { terms } : {}) });
  return findings.map((f) => ({
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: SEVERITY[checks.ruleInfo(f.code).defaultSeverity] ?? 4,
    code: f.code,
    source: 'zh-report',
    message: f.message.zh,
  }));
}

/**
 * In-process: the checks alone on a built model and term index (the workspace caches both per version, shared with
 * the outline, hover and semantic tokens), the checks mapped to LSP diagnostics, and — for information — the checks
 * with the term index built in the same run.
 */
export async function measureChecksInProcess(core, checks, opencc, text, opt) {
  if (!core || !checks) return undefined;
  const model = core.analyze(text, { codec: checks.gbkCodec });
  const termOptions = opencc ? { converter: opencc.openccConverter } : {};
  const terms = core.indexTerms ? core.indexTerms(text, model, termOptions) : undefined;
  const doc = TextDocument.create('file:///bench/checks.txt', 'zh-report', 1, text);
  // the ratio's two sides take at least RATIO_RUNS timed runs each: a median of a few runs of a millisecond or two
  // moves with whatever else the machine is doing
  const ratioOpt = { ...opt, runs: Math.max(opt.runs, RATIO_RUNS) };
  const analyzeWithCodec = await measure(() => core.analyze(text, { codec: checks.gbkCodec }), ratioOpt);
  analyzeWithCodec.result = undefined;
  const run = await measure(() => checks.runChecks(text, model, { codec: checks.gbkCodec, ...(terms ? { terms } : {}) }).length, ratioOpt);
  const diagnostics = await measure(() => diagnosticsOf(checks, text, model, terms, doc).length, ratioOpt);
  const withTerms = core.indexTerms
    ? await measure(() => diagnosticsOf(checks, text, model, core.indexTerms(text, model, termOptions), doc).length, opt)
    : undefined;
  const byCode = {};
  for (const f of checks.runChecks(text, model, { codec: checks.gbkCodec, ...(terms ? { terms } : {}) })) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return { analyzeWithCodec, run, diagnostics, withTerms, byCode };
}

/**
 * Over LSP: didOpen + textDocument/diagnostic on a fresh document (the server analyses, indexes the terms and checks),
 * a pull naming the previous result id (answered "unchanged" without work), and didChange + pull (recomputed for
 * the new version only).
 */
export async function measureChecksLsp(serverPath, key, text, runs) {
  const result = {};
  const { client, capabilities } = await startServer(serverPath);
  result.advertises = capabilities.diagnosticProvider !== undefined;
  if (!result.advertises) {
    await client.close();
    return result;
  }
  let version = 1;
  let uri = '';
  let resultId;
  const pull = (previousResultId) => client.request('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  try {
    let opened = 0;
    result.open = await measure(async () => {
      uri = `file:///bench/report-${key}-checks-${opened++}.txt`;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
      const report = await pull();
      resultId = report.resultId;
      return report.items.length;
    }, { warmup: 1, runs, between: () => uri && client.notify('textDocument/didClose', { textDocument: { uri } }) });
    result.unchanged = await measure(async () => (await pull(resultId)).kind, { warmup: 1, runs });
    // an edit in a body paragraph (insert 测试, then delete it), then a pull
    const line = text.split('\n').findIndex((l) => l.length > 40 && !/^[\s\u3000]*[一二三四五六七八九十（(第\d]/.test(l));
    let inserted = false;
    result.edit = await measure(async () => {
      version++;
      const at = { line: Math.max(0, line), character: 2 };
      const change = inserted ? { range: { start: at, end: { line: at.line, character: 4 } }, text: '' } : { range: { start: at, end: at }, text: '测试' };
      inserted = !inserted;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const report = await pull(resultId);
      resultId = report.resultId;
      return report.kind;
    }, { warmup: 1, runs });
    result.memoryAtEnd = client.memory();
  } catch (error) {
    result.error = `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`;
  } finally {
    await client.close();
  }
  return result;
}

/** Ratios of a size: diagnostics (checks mapped to LSP) ÷ analyze with the codec, as the server runs it. */
export function checkRatios(r) {
  const c = r.checks;
  if (!c || !ok(c.diagnostics) || !ok(c.analyzeWithCodec)) return undefined;
  return {
    overAnalyze: c.diagnostics.median / c.analyzeWithCodec.median,
    overAnalyzeMin: c.diagnostics.min / c.analyzeWithCodec.min,
    overFull: ok(r.terms?.full) ? c.diagnostics.median / r.terms.full.median : undefined,
    overFullMin: ok(r.terms?.full) ? c.diagnostics.min / r.terms.full.min : undefined,
  };
}
