// @ts-check
// The browser build of the server (dist/browser/server.js, the bundle a web worker runs): its size, raw and gzip, and
// how long it takes to analyse a 1 MB report in a Chromium worker against a Node worker thread running the same
// bundle, in one run, sample by sample (paired: the two sides alternate, first one then the other).
//
//   npm run build && node bench/browser.mjs            (node scripts/bundle.mjs --production first: the shipped sizes)
//   node bench/browser.mjs --runs=15 --size=1m
//
// One sample: `textDocument/didOpen` of the report (a new URI each time) and `textDocument/documentSymbol` on it, timed
// from the didOpen to the answer, in the thread that drives the worker: what the user waits for after opening a
// report (analysis, the outline's symbols, the message's transfer both ways). The next sample starts after the
// document's diagnostics have come (the server's work after the answer is over) and the document is closed.
// Node: the same bundle in a worker thread given what a web worker has (postMessage, onmessage), so the two sides
// differ only in the runtime. Chromium: /usr/bin/chromium (ZH_REPORT_E2E_CHROMIUM) and playwright-core from the e2e
// tools' cache (~/.cache/zh-report-e2e, `npm run test:e2e` installs them). It asserts nothing about time; the 2×
// budget is read from the printed ratio.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { generateReport, loadCorpus } from './generate.mjs';
import { median } from './measure.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(REPO, 'dist', 'browser', 'server.js');
const CLIENT_BUNDLE = path.join(REPO, 'dist', 'browser', 'client.js');
const CORPUS = process.env.ZH_REPORT_CORPUS ?? '/work/shared/corpus';
const CACHE = process.env.ZH_REPORT_E2E_CACHE || path.join(os.homedir(), '.cache', 'zh-report-e2e');
const CHROMIUM = process.env.ZH_REPORT_E2E_CHROMIUM || '/usr/bin/chromium';
const SEED = 20261127;
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '11'));
const WARMUP = Number(arg('warmup', '2'));
const SIZE = arg('size', '1m');
const BYTES = /^(\d+)([km])$/i.test(SIZE) ? Number(SIZE.slice(0, -1)) * (/m$/i.test(SIZE) ? 1_000_000 : 1_000) : Number(SIZE);

/**
 * The LSP driver of one worker, the same source on both sides (its text is evaluated in the page too): `post` sends
 * a message to the worker, `listen` subscribes to what it sends. `sample(text, i)` returns the milliseconds of one
 * sample.
 * @param {(message: unknown) => void} post @param {(listener: (message: any) => void) => void} listen
 */
function createDriver(post, listen) {
  let nextId = 1;
  const pending = new Map();
  const waiting = [];
  listen((m) => {
    if (m.id !== undefined && m.method === undefined) {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    } else if (m.id !== undefined) {
      post({ jsonrpc: '2.0', id: m.id, result: null }); // a request of the server's (none expected): answered empty
    } else {
      for (const w of [...waiting]) if (w.test(m)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(m); }
    }
  });
  const request = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    post({ jsonrpc: '2.0', id, method, params });
  });
  const notify = (method, params) => post({ jsonrpc: '2.0', method, params });
  const notification = (test) => new Promise((resolve) => waiting.push({ test, resolve }));
  return {
    async initialize() {
      await request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
      notify('initialized', {});
    },
    async sample(text, i) {
      const uri = `untitled:bench-${i}.txt`;
      const diagnostics = notification((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
      const t0 = performance.now();
      notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
      const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } });
      const ms = performance.now() - t0;
      await Promise.race([diagnostics, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      notify('textDocument/didClose', { textDocument: { uri } });
      return { ms, symbols: Array.isArray(symbols) ? symbols.length : -1 };
    },
  };
}

/** The bundle in a Node worker thread, given what a web worker has: postMessage, onmessage, addEventListener. */
function nodeSide(source) {
  const preamble = `
    const { parentPort } = require('node:worker_threads');
    let handler = null;
    globalThis.postMessage = (message) => parentPort.postMessage(message);
    Object.defineProperty(globalThis, 'onmessage', { get: () => handler, set: (h) => { handler = h; } });
    globalThis.addEventListener = () => {};
    parentPort.on('message', (data) => handler && handler({ data }));
  `;
  const worker = new Worker(`${preamble}\n${source}`, { eval: true });
  worker.unref();
  const driver = createDriver((m) => worker.postMessage(m), (listener) => worker.on('message', listener));
  return { driver, close: () => worker.terminate() };
}

/** The bundle in a Chromium worker (a Blob worker of a blank page), driven from the page. */
async function chromiumSide(source) {
  const pw = path.join(CACHE, `playwright-core-${'1.65.1'}`, 'node_modules', 'playwright-core', 'package.json');
  const found = existsSync(pw) ? pw : readdirSync(CACHE).filter((d) => d.startsWith('playwright-core-')).map((d) => path.join(CACHE, d, 'node_modules', 'playwright-core', 'package.json')).find(existsSync);
  if (!found) throw new Error(`playwright-core is not in ${CACHE} (npm run test:e2e installs it)`);
  const { chromium } = createRequire(found)('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.evaluate(({ source, driverSource }) => {
    /** @type {any} a web worker (the script's types are Node's) */
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    worker.onerror = (e) => { throw new Error(`worker: ${e.message}`); };
    const listeners = [];
    worker.onmessage = (e) => { for (const l of listeners) l(e.data); };
    const create = new Function(`return (${driverSource})`)();
    /** @type {any} */ (globalThis).benchDriver = create((m) => worker.postMessage(m), (l) => listeners.push(l));
  }, { source, driverSource: createDriver.toString() });
  const call = (method, ...a) => page.evaluate(([m, a]) => /** @type {any} */ (globalThis).benchDriver[m](...a), [method, a]);
  // the report is sent to the page once, not with every sample
  return {
    driver: {
      initialize: () => call('initialize'),
      setText: (text) => page.evaluate((t) => { /** @type {any} */ (globalThis).benchText = t; }, text),
      sample: (_text, i) => page.evaluate((n) => /** @type {any} */ (globalThis).benchDriver.sample(/** @type {any} */ (globalThis).benchText, n), i),
    },
    errors,
    close: () => browser.close(),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

async function main() {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: npm run build first`);
  const source = readFileSync(BUNDLE, 'utf8');
  const production = !/sourceMappingURL=/.test(source.slice(-200));
  console.log(`browser bundle ${path.relative(REPO, BUNDLE)}: ${kb(statSync(BUNDLE).size)} raw, ${kb(gzipSync(source).length)} gzip${production ? ' (production: minified)' : ' (development: not minified; node scripts/bundle.mjs --production for the shipped size)'}`);
  if (existsSync(CLIENT_BUNDLE)) {
    const client = readFileSync(CLIENT_BUNDLE);
    console.log(`browser extension ${path.relative(REPO, CLIENT_BUNDLE)} (the client; it starts the server bundle in a Blob worker): ${kb(client.length)} raw, ${kb(gzipSync(client).length)} gzip`);
  }
  const report = generateReport(loadCorpus(CORPUS), BYTES, SEED);
  console.log(`report: ${(Buffer.byteLength(report.text) / 1e6).toFixed(2)} MB, ${report.text.length} UTF-16 units; ${WARMUP} warm-up, ${RUNS} paired samples`);

  const node = nodeSide(source);
  const web = await chromiumSide(source);
  try {
    await web.driver.setText(report.text);
    await Promise.all([node.driver.initialize(), web.driver.initialize()]);
    const sides = [
      { name: 'node', sample: (i) => node.driver.sample(report.text, i), ms: /** @type {number[]} */ ([]), symbols: 0 },
      { name: 'chromium', sample: (i) => web.driver.sample(report.text, i), ms: /** @type {number[]} */ ([]), symbols: 0 },
    ];
    let n = 0;
    for (const side of sides) for (let w = 0; w < WARMUP; w++) side.symbols = (await side.sample(n++)).symbols;
    if (sides[0].symbols !== sides[1].symbols || sides[0].symbols <= 0) throw new Error(`the two sides disagree: ${sides[0].symbols} vs ${sides[1].symbols} top-level symbols`);
    const ratios = [];
    for (let s = 0; s < RUNS; s++) {
      for (const side of s % 2 === 0 ? sides : [sides[1], sides[0]]) side.ms.push((await side.sample(n++)).ms);
      ratios.push(/** @type {number} */ (sides[1].ms[s]) / /** @type {number} */ (sides[0].ms[s]));
    }
    if (web.errors.length) throw new Error(`the page reported: ${web.errors.join('; ')}`);
    for (const side of sides) console.log(`  ${side.name.padEnd(9)} didOpen + documentSymbol: median ${median(side.ms).toFixed(0)} ms, min ${Math.min(...side.ms).toFixed(0)} ms`);
    const ratio = median(ratios);
    console.log(`  chromium ÷ node: ${ratio.toFixed(2)} (median of ${RUNS} paired ratios, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); budget 2×: ${ratio <= 2 ? 'within' : 'OVER'}`);
  } finally {
    await node.close();
    await web.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench/browser: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
