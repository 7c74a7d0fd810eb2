// @ts-check
// The server's resident memory over a run of documents opened and closed, as a tester outside the process sees it,
// and the CPU cost of a memory setting (two servers side by side).
//
//   node bench/memory.mjs                         200 pieces of 100 KB of the corpus, file: URIs not on disk
//   node bench/memory.mjs --kind=large            200 different 1 MB generated reports
//   node bench/memory.mjs --kind=untitled         200 different untitled: documents (100 KB)
//   node bench/memory.mjs --docs=600 --idle=5000  more documents, a longer idle at the end (ms)
//   node bench/memory.mjs --requests=none         only didOpen / didClose, no requests
//   node bench/memory.mjs --node=--semi-space-growth-factor=2   node options for the server process (repeatable)
//   node bench/memory.mjs --spaces                the server logs V8's heap spaces after each collection
//                                                 (ZH_REPORT_MEMORY_LOG=1), shown with RSS by kind of mapping
//   node bench/memory.mjs --compare=--semi-space-growth-factor=2 [--samples=20]
//        CPU time of two servers doing the same work, samples alternating: A with the given node options (comma-
//        separated), B as shipped. Each sample: 10 documents opened, analysed and closed, then 20 edits of an open
//        1 MB report each followed by pull diagnostics and semantic tokens. The server's CPU time (user + system,
//        all its threads, the collector's included, /proc/PID/stat) per sample; the ratio A ÷ B is the median of
//        the per-pair ratios. --work=10m: each sample opens a 10 MB report, asks the same and closes it.
//   node bench/memory.mjs --baseline=../other/dist/server.js    the same, A being another build (with --compare: and options)
//
// The server is started as `node dist/server.js --stdio` (no --expose-gc: the stdio server obtains the collector
// itself). For each document: didOpen, then documentSymbol, pull diagnostics and full semantic tokens, then didClose.
// Printed: VmRSS (/proc/PID/status) before the first document, after 1 and after every 10, then after `--idle` ms
// without requests. It asserts nothing.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { LspClient } from './lsp-client.mjs';
import { loadCorpus, generateReport } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.ZH_REPORT_CORPUS ?? '/work/shared/corpus';
const argv = process.argv.slice(2);
const opt = (name, fallback) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const docs = Number(opt('docs', '200'));
const kind = opt('kind', 'slices');
const idleMs = Number(opt('idle', '3000'));
const requests = opt('requests', 'all');
const serverPath = opt('server', join(ROOT, 'dist/server.js'));
const nodeArgs = argv.filter((a) => a.startsWith('--node=')).map((a) => a.slice('--node='.length));
const spaces = argv.includes('--spaces');
const every = Number(opt('every', '10'));
const compare = opt('compare', undefined);
const samples = Number(opt('samples', '20'));
const work10m = opt('work', 'mixed') === '10m';
const baseline = opt('baseline', undefined);

if (!existsSync(serverPath)) throw new Error(`${serverPath} not found: npm run build`);
if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS} (set ZH_REPORT_CORPUS)`);

const corpusText = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort().map((n) => readFileSync(join(CORPUS, n), 'utf8')).join('\n');
/** Document i: a 100 KB piece of the corpus (`slices`, `untitled`) or a 1 MB generated report (`large`); all differ. */
function textOf(i, size = kind === 'large' ? 1_000_000 : 100_000) {
  if (size >= 1_000_000) {
    pools ??= loadCorpus(CORPUS);
    return `第${i}号\n${generateReport(pools, size, 1000 + i).text}`;
  }
  const start = (i * 7919 * 13) % Math.max(1, corpusText.length - size);
  return `文件${i}\n${corpusText.slice(start, start + size)}`;
}
let pools;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `node [args] dist/server.js --stdio`, initialized; with `log`, the server's memory lines are kept. */
async function start(args, log = false, env = {}, path = serverPath) {
  const proc = spawn(process.execPath, [...args, path, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env, ...(log ? { ZH_REPORT_MEMORY_LOG: '1' } : {}) },
  });
  const client = new LspClient(proc);
  const server = { proc, client, lastLog: '' };
  if (log) {
    let buffer = '';
    proc.stderr.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('zh-report memory ')) server.lastLog = line.slice('zh-report memory '.length);
      }
    });
  }
  await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'zh-report-memory-bench' },
    rootUri: null,
    workspaceFolders: null,
    capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: {} } },
  }, 30_000);
  client.notify('initialized', {});
  await client.request('zh-report/status', {});
  return server;
}

const rssMB = (pid) => {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
/** The process's CPU time in ms (utime + stime, /proc/PID/stat, clock ticks of 10 ms). */
const cpuMs = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
/** RSS by kind of mapping (/proc/PID/smaps): files (node's code, ICU), [heap] (malloc's main arena), anonymous. */
const smapsMB = (pid) => {
  const out = { file: 0, brk: 0, anon: 0 };
  let current = 'anon';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) current = head[1] === '' || head[1].startsWith('[stack') || head[1].startsWith('[anon') ? 'anon' : head[1] === '[heap]' ? 'brk' : head[1].startsWith('[') ? 'anon' : 'file';
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[current] += Number(rss[1]);
  }
  return Object.entries(out).map(([k, v]) => `${k} ${Math.round(v / 1024)}`).join(' ');
};

/** Open document i, ask for its outline, diagnostics and semantic tokens (unless --requests=none), close it. */
async function openUseClose(client, i, uri) {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: textOf(i) } });
  if (requests !== 'none') {
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/diagnostic', { textDocument: { uri } });
    await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  }
  client.notify('textDocument/didClose', { textDocument: { uri } });
}

async function curve() {
  const server = await start(nodeArgs, spaces);
  const { proc, client } = server;
  const rows = [];
  const row = (label) => {
    rows.push({ label, rss: rssMB(proc.pid) });
    console.log(`${label.padEnd(22)} RSS ${String(rows.at(-1)?.rss).padStart(4)} MB${spaces ? ` (${smapsMB(proc.pid)})` : ''}${spaces && server.lastLog ? `   ${server.lastLog}` : ''}`);
  };
  console.log(`server ${serverPath}${nodeArgs.length ? ` (node ${nodeArgs.join(' ')})` : ''}; ${docs} documents (${kind}), requests: ${requests}`);
  row('before the first');
  for (let i = 0; i < docs; i++) {
    await openUseClose(client, i, kind === 'untitled' ? `untitled:Untitled-${i + 1}` : `file:///memory-bench/doc-${i}.txt`);
    if (i === 0 || (i + 1) % every === 0) {
      await client.request('zh-report/status', {});
      row(`after ${i + 1}`);
    }
  }
  await sleep(idleMs);
  row(`after ${idleMs} ms idle`);
  const status = await client.request('zh-report/status', {});
  console.log(`documents open at the end: ${status.documents}`);
  const first = rows.find((r) => r.label === 'after 1')?.rss ?? NaN;
  const twenty = rows.find((r) => r.label === 'after 20')?.rss ?? NaN;
  const end = rows.at(-1)?.rss ?? NaN;
  console.log(`RSS at the end (idle) minus after 1 document: ${end - first} MB; minus after 20: ${end - twenty} MB; minus before the first: ${end - rows[0].rss} MB`);
  await client.close();
}

async function compareCpu() {
  const argsA = (compare ?? '').split(',').filter((a) => a.length > 0 && !a.includes('=') || a.startsWith('--'));
  const envA = Object.fromEntries((compare ?? '').split(',').filter((a) => !a.startsWith('--') && a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const sides = [
    { name: `A (${[compare, baseline].filter(Boolean).join(' ')})`, server: await start(argsA, false, envA, baseline ?? serverPath), samples: [] },
    { name: 'B (as shipped)', server: await start([]), samples: [] },
  ];
  const big = textOf(100_000, 1_000_000);
  for (const side of sides) {
    side.server.client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///memory-bench/big.txt', languageId: 'zh-report', version: 1, text: big } });
    side.version = 1;
  }
  const huge = work10m ? textOf(200_000, 10_000_000) : '';
  const work = async (side, doc) => {
    const { client } = side.server;
    if (work10m) {
      // open a 10 MB report, its outline, diagnostics and semantic tokens, close it
      const uri = `file:///memory-bench/huge-${doc}.txt`;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: huge } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/diagnostic', { textDocument: { uri } });
      await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      client.notify('textDocument/didClose', { textDocument: { uri } });
      return;
    }
    for (let k = 0; k < 10; k++) await openUseClose(client, doc + k, `file:///memory-bench/doc-${doc + k}.txt`);
    const uri = 'file:///memory-bench/big.txt';
    for (let k = 0; k < 20; k++) {
      const line = (doc * 37 + k * 101) % 5000;
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: ++side.version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: k % 2 === 0 ? '改' : '' }],
      });
      await client.request('textDocument/diagnostic', { textDocument: { uri } });
      await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    }
  };
  for (let w = 0; w < 3; w++) for (const side of sides) await work(side, 10); // warm-up
  const ratios = [];
  for (let s = 0; s < samples; s++) {
    const doc = 10; // the same documents in every sample
    for (const side of s % 2 === 0 ? sides : [sides[1], sides[0]]) {
      const pid = side.server.proc.pid;
      const c0 = cpuMs(pid);
      await work(side, doc);
      side.samples.push(cpuMs(pid) - c0);
    }
    ratios.push(sides[0].samples[s] / sides[1].samples[s]);
  }
  const median = (v) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  for (const side of sides) console.log(`${side.name.padEnd(50)} server CPU per sample: median ${median(side.samples)} ms, min ${Math.min(...side.samples)} ms; RSS at the end ${rssMB(side.server.proc.pid)} MB`);
  console.log(`A ÷ B (median of ${samples} paired ratios): ${median(ratios).toFixed(3)}`);
  if (argv.includes("--verbose")) for (const side of sides) console.log(side.samples.join(" "));
  for (const side of sides) await side.server.client.close();
}

await (compare === undefined && baseline === undefined ? curve() : compareCpu());
