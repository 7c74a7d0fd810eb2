// @ts-check
// The workspace index at the scale of the issue: `node bench/workspace-index.mjs [--files=1000] [--kb=60] [--keep]`
// (after `npx tsc -b`). Writes N reports generated from the corpus text (generate.mjs, ~60 KB each) and a copy of the
// corpus into a temporary folder, then measures, with a Node host of its own (node:fs, iconv-lite, opencc-js):
//
//   cold build        a fresh index over the folder (every file read and analysed), cache written at the end
//   warm build        a second index over the same folder and cache: time to the first answer (nothing analysed)
//   queries           definitionsOf / usesOf on keys the workspace defines, workspace symbols for typed prefixes
//   one change        a file rewritten, the change event fired, until the index has it
//   memory            heap and RSS of this process with the index built (after a full collection)
//   service           the report service (what the server answers) with the index loaded from the stored one:
//                     hover, definition and references on uses of terms another file defines (up to 100)
//   server RSS        the real server (dist/server.js over stdio, `npm run build` first) on the same folder, its own
//                     storage: the resident memory of its process (/proc/<pid>/status VmRSS, and the peak VmHWM) once
//                     the index is built (a workspace/symbol request waits for the build) and after 5 s idle (no
//                     collection can be forced from outside; V8 collects when idle)
//
// Nothing here asserts a time: it prints the numbers (p50 / p95 / max and the spread) and the targets.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { generateReport, loadCorpus } from './generate.mjs';
import { LspClient } from './lsp-client.mjs';
import { median } from './measure.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'out', 'server', 'src');
const CORPUS = process.env.ZH_REPORT_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const require = createRequire(import.meta.url);
const core = require(join(OUT, 'core', 'index.js'));
const { WorkspaceIndex } = require(join(OUT, 'service', 'workspaceIndex.js'));
const { INDEX_FILE_NAME } = require(join(OUT, 'service', 'indexCache.js'));
const { decodeBytes } = require(join(OUT, 'node', 'encoding.js'));
const { gbkCodec } = require(join(OUT, 'node', 'codec.js'));
const { createReportService } = require(join(OUT, 'service', 'index.js'));
const { openccConverter, converterTo } = require(join(OUT, 'opencc.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']));
const FILES = Number(args.files ?? 1000);
const KB = Number(args.kb ?? 60);

/** A Node host for the index: files by `file:` URI, the server's codec and converter, setImmediate between files. */
function nodeHost() {
  const listeners = new Set();
  return {
    fire: (changes) => listeners.forEach((l) => l(changes)),
    files: {
      async readDirectory(uri) {
        try {
          const entries = await fs.readdir(fileURLToPath(uri), { withFileTypes: true });
          return entries.filter((e) => e.isFile() || e.isDirectory()).map((e) => [e.name, e.isDirectory() ? 'directory' : 'file']);
        } catch {
          return undefined;
        }
      },
      async stat(uri) {
        try {
          const s = await fs.stat(fileURLToPath(uri));
          return { size: s.size, mtime: s.mtimeMs };
        } catch {
          return undefined;
        }
      },
      async readFile(uri) {
        try {
          return await fs.readFile(fileURLToPath(uri));
        } catch {
          return undefined;
        }
      },
      async writeFile(uri, bytes) {
        const file = fileURLToPath(uri);
        mkdirSync(join(file, '..'), { recursive: true });
        await fs.writeFile(file, bytes);
      },
      onDidChange(listener) {
        listeners.add(listener);
        return { dispose: () => listeners.delete(listener) };
      },
    },
    codec: { gbk: gbkCodec, encodes: () => true, decode: (bytes) => decodeBytes(bytes), byteLength: (t) => Buffer.byteLength(t) },
    scripts: { converter: openccConverter, converterTo },
    logger: { error: (m) => console.error(m), info: () => undefined },
    scheduler: { now: () => performance.now(), yield: () => new Promise((resolve) => setImmediate(resolve)) },
  };
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
function row(label, samples, target = '') {
  console.log(`${label.padEnd(44)} p50 ${ms(median(samples)).padStart(8)} ms  p95 ${ms(percentile(samples, 95)).padStart(8)} ms  max ${ms(Math.max(...samples)).padStart(8)} ms  n=${samples.length}  ${target}`);
}
function time(fn) {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}
async function timeAsync(fn) {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}
const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

// ---- the workspace
const dir = mkdtempSync(join(os.tmpdir(), 'zh-report-wsindex-'));
const folder = pathToFileURL(join(dir, 'ws')).href;
const storage = pathToFileURL(join(dir, 'storage')).href;
const pools = loadCorpus(CORPUS);
let bytes = 0;
mkdirSync(join(dir, 'ws', 'corpus'), { recursive: true });
for (let i = 0; i < FILES; i++) {
  const sub = join(dir, 'ws', 'reports', String(Math.floor(i / 100)));
  mkdirSync(sub, { recursive: true });
  const { text } = generateReport(pools, KB * 1024, 20261203 + i);
  writeFileSync(join(sub, `report-${String(i).padStart(4, '0')}.txt`), text);
  bytes += Buffer.byteLength(text);
}
for (const name of readdirSync(CORPUS).filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')) {
  const text = readFileSync(join(CORPUS, name));
  writeFileSync(join(dir, 'ws', 'corpus', name), text);
  bytes += text.length;
}
console.log(`workspace: ${FILES} generated reports (~${KB} KB each) + the corpus, ${mb(bytes)}, in ${dir}`);
core.foldTable(openccConverter); // the script table is built once per process (~0.1 s): not part of either side

// ---- cold build
gc();
const heap0 = process.memoryUsage();
const host = nodeHost();
const index = new WorkspaceIndex(host, { storageUri: storage, analyzerVersion: 'bench' });
let lastProgress = [0, 0];
const [coldMs] = await timeAsync(() => index.build([folder], undefined, (d, t) => (lastProgress = [d, t])));
gc();
const heap1 = process.memoryUsage();
const cacheBytes = readFileSync(join(dir, 'storage', INDEX_FILE_NAME)).length;
console.log(`cold build: ${(coldMs / 1000).toFixed(2)} s for ${index.filesCount} files (progress ${lastProgress.join('/')}), cache ${mb(cacheBytes)}  target ≤ 10 s`);
console.log(`memory with the index: heap +${mb(heap1.heapUsed - heap0.heapUsed)} (${mb(heap1.heapUsed)} in all), RSS ${mb(heap1.rss)}  target RSS ≤ 300 MB (the server's)`);

// ---- warm build: a new index, same cache; it answers once the cache is loaded, the walk checks the disk after
const firstAnswer = [];
const warmBuild = [];
for (let k = 0; k < 5; k++) {
  gc();
  const again = new WorkspaceIndex(nodeHost(), { storageUri: storage, analyzerVersion: 'bench' });
  const t0 = performance.now();
  const done = again.build([folder]);
  await again.ready();
  again.symbols('总则');
  firstAnswer.push(performance.now() - t0);
  await done;
  warmBuild.push(performance.now() - t0);
  again.dispose();
}
row('reopen: first answer (cache loaded, symbols)', firstAnswer, 'target ≤ 1000 ms');
row('reopen: build done (every file stat-ed, none read)', warmBuild);

// ---- queries
const files = index.files();
const definedKeys = [...new Set(files.flatMap((f) => f.summary.definitions.map((d) => d.key)))];
const usedKeys = [...new Set(files.flatMap((f) => f.summary.terms.filter((t) => t.kind !== 'title').map((t) => t.key)))];
const pick = (list, n) => Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
const defs = pick(definedKeys, Math.min(300, definedKeys.length)).map((key) => time(() => index.definitionsOf(key))[0]);
row(`definitionsOf (${definedKeys.length} defined keys, 300 asked)`, defs, 'target (cross-file hover) p95 ≤ 5 ms');
const uses = pick(usedKeys, Math.min(300, usedKeys.length)).map((key) => time(() => index.usesOf(key))[0]);
row(`usesOf (${usedKeys.length} keys, 300 asked)`, uses);
const typed = ['总', '总则', '總則', '发展', '高质量发展', '第一百', '政府工作报告', '国家工作人员', '著作权', '两重', 'ESI', ''];
const queries = typed.flatMap((q) => Array.from({ length: q.length + 1 }, (_, i) => q.slice(0, i))).filter((q, i, a) => a.indexOf(q) === i);
for (const q of queries) index.symbols(q); // warm-up
const symbolTimes = [];
for (let r = 0; r < 5; r++) for (const q of queries) symbolTimes.push(time(() => index.symbols(q))[0]);
row(`workspace symbols (${queries.length} typed prefixes × 5)`, symbolTimes, 'target p95 ≤ 50 ms');

// ---- one changed file: an edit that defines nothing new, then one that defines a new term (the other files that may
// hold it, by their bigram filters, are scanned again for it, as work of its own after the changed file is in)
const victim = join(dir, 'ws', 'reports', '0', 'report-0007.txt');
const original = readFileSync(victim, 'utf8');
async function change(text) {
  writeFileSync(victim, text);
  const t0 = performance.now();
  host.fire([{ uri: pathToFileURL(victim).href, type: 'changed' }]);
  await index.settled();
  return performance.now() - t0;
}
const plain = [];
for (let k = 0; k < 10; k++) plain.push(await change(original.replace('。', k % 2 === 0 ? '，并且。' : '。')));
row('one changed file re-indexed (event → settled)', plain, 'target ≤ 50 ms');
const newTerm = [];
for (let k = 0; k < 3; k++) newTerm.push(await change(original + `\n附：名词解释\n\n1.“测试术语${k}”：是指第${k}次修改。\n`));
row('a change defining a new term (+ files that may hold it)', newTerm);
console.log(`  (the new term's uses found across the workspace: ${index.usesOf(core.keyOf('测试术语2', core.foldTable(openccConverter))).length})`);

// ---- through the service (what the server answers): hover, definition and references on terms a report uses and
// another file defines, from a service whose index is loaded from the stored one
const documents = new Map();
const service = createReportService(nodeHost(), { documents: { get: (uri) => documents.get(uri), all: () => [...documents.values()] }, version: 'bench' });
service.setFolders([folder]);
service.setFilesWatched(true);
service.setIndexStorage(storage);
const [serviceBuildMs] = await timeAsync(() => service.buildIndex());
console.log(`service: index built from the stored one in ${(serviceBuildMs / 1000).toFixed(2)} s`);
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
const targets = [];
for (const key of definedKeys) {
  if (targets.length >= 100) break;
  const definers = new Set(index.definitionsOf(key).map((d) => d.uri));
  const use = index.usesOf(key).find((u) => !definers.has(u.uri) && u.uri.includes('/reports/'));
  if (use !== undefined) targets.push(use);
}
for (const { uri } of targets) {
  if (!documents.has(uri)) documents.set(uri, TextDocument.create(uri, 'zh-report', 1, readFileSync(fileURLToPath(uri), 'utf8')));
}
for (const document of documents.values()) service.documentChanged(document);
const params = (t) => ({ textDocument: { uri: t.uri }, position: t.range.start });
for (const t of targets) await service.hover(documents.get(t.uri), params(t), token); // warm-up: each document analysed once
const hovers = [];
const definitions = [];
const references = [];
let shown = 0;
for (const t of targets) {
  const document = documents.get(t.uri);
  const [h, hover] = await timeAsync(() => service.hover(document, params(t), token));
  hovers.push(h);
  if (String(hover?.contents?.value ?? '').includes('工作区中的定义')) shown++; // the other file's definition shown
  definitions.push((await timeAsync(() => service.definition(document, params(t), token)))[0]);
  references.push((await timeAsync(() => service.references(document, { ...params(t), context: { includeDeclaration: true } }, token)))[0]);
}
row(`service hover, term defined in another file (${targets.length})`, hovers, 'target p95 ≤ 5 ms');
console.log(`  (${shown} of ${targets.length} hovers show the other file's definition)`);
row('service definition across files', definitions);
row('service references across the workspace', references);
service.dispose();
index.dispose();

// ---- the real server over stdio: its RSS with the 1,000 reports indexed
const serverPath = join(ROOT, 'dist', 'server.js');
{
  const { client } = LspClient.spawn(serverPath);
  try {
    await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'zh-report-bench' },
      rootUri: null,
      workspaceFolders: [{ uri: folder, name: 'ws' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { indexStorage: pathToFileURL(join(dir, 'server-storage')).href },
    }, 30_000);
    const idle = client.memory();
    client.notify('initialized', {});
    const [buildMs, found] = await timeAsync(() => client.request('workspace/symbol', { query: '总则' }, 300_000));
    const built = client.memory();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const rested = client.memory();
    const show = (m) => (m?.rss === undefined ? 'unknown (no /proc)' : `RSS ${mb(m.rss)} (peak ${mb(m.peak ?? 0)})`);
    console.log(`server (dist/server.js, stdio): index built in ${(buildMs / 1000).toFixed(2)} s (${Array.isArray(found) ? found.length : 0} symbols for 总则)`);
    console.log(`  server memory: started ${show(idle)}; index built ${show(built)}; after 5 s idle ${show(rested)}  target RSS ≤ 300 MB`);
  } finally {
    await client.close();
  }
}
if (args.keep !== 'true') rmSync(dir, { recursive: true, force: true });
