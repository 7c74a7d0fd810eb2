/**
 * An LSP session fuzzer against the built stdio server (`npm run fuzz:lsp`; a small fixed budget runs in the protocol
 * tests). Seeded: a failure names its seed, session and operation, and the same options replay it.
 *
 * Each session initializes with random capabilities, opens documents (windows of the seeds and of the corpus, and
 * generated text: heading markers, glosses, brackets, quotes, lone and split surrogates, CR / CRLF line ends, NUL),
 * changes them with incremental edits at random ranges (also ranges that split a surrogate pair, or reach past a line
 * or the document), and sends requests at random positions — valid ones, positions past the end, and malformed params
 * — some cancelled right away, plus frames that are not JSON-RPC requests. It checks:
 * - the server stays up and answers every request (within the timeout) with a result or a proper error: never
 *   InternalError; InvalidParams for malformed params and unknown documents, RequestCancelled only when cancelled;
 * - every range in a result lies inside the document as the server has it (mirrored here with the same edits);
 * - the number of diagnostics stays within the cap (+1 summary);
 * - shutdown is answered, a request after it is refused with InvalidRequest, and exit ends the process with code 0;
 * - the server's resident memory (VmRSS) after each session, and over a run of documents opened and closed.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LspClient, LspResponseError } from '../util/lsp-client';
import { REPO_ROOT } from '../util/paths';

const INVALID_REQUEST = -32600;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;
const REQUEST_CANCELLED = -32800;

export interface FuzzOptions {
  readonly seed: number;
  readonly sessions: number;
  /** Operations per session. */
  readonly ops: number;
  /** The server to start (default: dist/server.js). */
  readonly server?: string;
  /** Documents opened and closed one after another in the memory run (0: none). */
  readonly memoryDocs?: number;
  readonly log?: (line: string) => void;
  /** Milliseconds a request may take (default 20 s). */
  readonly timeout?: number;
}

export interface FuzzFailure {
  readonly seed: number;
  readonly session: number;
  readonly op: number;
  readonly method: string;
  readonly problem: string;
  readonly params?: unknown;
}

export interface FuzzReport {
  readonly failures: FuzzFailure[];
  readonly requests: number;
  /** Error responses by code (expected ones included). */
  readonly errors: Record<string, number>;
  /** VmRSS (MB) at the end of each session. */
  readonly rssMB: number[];
  /** Memory run: VmRSS (MB) after the first tenth of the documents and after all of them. */
  readonly memory?: { readonly docs: number; readonly earlyMB: number; readonly halfMB: number; readonly lateMB: number; readonly peakMB: number };
}

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What generated text is made of: the pieces of reports the server cares about, and the damage it must survive. */
const PIECES = [
  '一、总体要求\n', '（一）主要目标\n', '1. 具体任务。\n', '（1）', '①', '第一条 ', '第十五条之一 ', '第一章 总则\n', '## 标题\n', '**二、重点**\n',
  '發(fā)', '網(wǎng)上沙龍', '“', '”', '「', '」', '《', '》', '（', '）', '(', ')', '（以下简称“发改委”）', '本法所称数字经济，是指', '下列用语的含义：\n',
  '国家发展和改革委员会', '数字经济', '“四个自信”', '十四五', '\r', '\r\n', '\n', '\n\n', '\uD83D\uDE00', '\uD800', '\uDC00', '\uFFFD', '锟斤拷', '鍙戝竷',
  ' ?。ㄈ┳ァ瓣P鍵少數(shù)”', '理性?！对趯W習', '当前位置：首页\n', '打印\n', '下载 打印 全屏\n', '0123456789abcdef0123456789abcdef\n', '\u0000', '\t', '　', '。', '；',
  '，', '：', '一万零二条', '第一万条 甲\n', '\uFEFF', 'ǎ', 'e\u0301', '𠀀', 'abc', '?', '!',
];

function sources(): string[] {
  const texts: string[] = [];
  const seeds = path.join(REPO_ROOT, 'seeds');
  for (const name of readdirSync(seeds)) if (/\.(txt|md)$/.test(name) && !name.includes('gbk')) texts.push(readFileSync(path.join(seeds, name), 'utf8'));
  const corpus = process.env['ZH_REPORT_CORPUS'] ?? path.join(REPO_ROOT, '..', 'shared', 'corpus');
  if (existsSync(corpus)) {
    for (const name of readdirSync(corpus).sort().slice(0, 12)) if (name.endsWith('.txt')) texts.push(readFileSync(path.join(corpus, name), 'utf8'));
  }
  return texts;
}

interface Position {
  line: number;
  character: number;
}

interface Tally {
  failures: FuzzFailure[];
  requests: number;
  errors: Record<string, number>;
}

class Session {
  readonly #rand: () => number;
  readonly #client: LspClient;
  readonly #report: Tally;
  readonly #texts: readonly string[];
  readonly #docs = new Map<string, TextDocument>();
  readonly #seed: number;
  readonly #session: number;
  #op = 0;
  #uris = 0;
  #maxDiagnostics = 1000;

  constructor(seed: number, session: number, client: LspClient, texts: readonly string[], report: Tally) {
    this.#seed = seed;
    this.#session = session;
    this.#rand = random(seed * 1_000_003 + session);
    this.#client = client;
    this.#texts = texts;
    this.#report = report;
  }

  int(n: number): number {
    return Math.floor(this.#rand() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.#rand() < p;
  }

  fail(method: string, problem: string, params?: unknown): void {
    this.#report.failures.push({ seed: this.#seed, session: this.#session, op: this.#op, method, problem, ...(params === undefined ? {} : { params }) });
  }

  generated(): string {
    let s = '';
    const n = 1 + this.int(60);
    for (let i = 0; i < n; i++) s += this.pick(PIECES);
    return s;
  }

  text(): string {
    if (this.#texts.length === 0 || this.chance(0.4)) return this.generated();
    const source = this.pick(this.#texts);
    const start = this.int(source.length);
    return source.slice(start, start + 1 + this.int(this.chance(0.2) ? 60_000 : 8_000));
  }

  /** A position in the document, sometimes past the end of its line or of the document, or inside a surrogate pair. */
  position(doc: TextDocument): Position {
    const text = doc.getText();
    const r = this.#rand();
    if (r < 0.08) return { line: doc.lineCount + this.int(1000), character: this.int(100) };
    if (r < 0.16) {
      const line = this.int(doc.lineCount);
      return { line, character: 200 + this.int(100_000) };
    }
    if (r < 0.26) {
      const surrogates: number[] = [];
      for (let i = 1; i < text.length && surrogates.length < 50; i++) if (text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff) surrogates.push(i);
      if (surrogates.length > 0) return doc.positionAt(this.pick(surrogates));
    }
    return doc.positionAt(this.int(text.length + 1));
  }

  range(doc: TextDocument): { start: Position; end: Position } {
    const a = this.position(doc);
    const b = this.position(doc);
    const oa = doc.offsetAt(a);
    const ob = doc.offsetAt(b);
    return oa <= ob ? { start: a, end: b } : { start: b, end: a };
  }

  anyDoc(): [string, TextDocument] | undefined {
    const uris = [...this.#docs.keys()];
    if (uris.length === 0) return undefined;
    const uri = this.pick(uris);
    return [uri, this.#docs.get(uri)!];
  }

  open(): void {
    const uri = `file:///fuzz/s${this.#session}-${this.#uris++}.txt`;
    const text = this.text();
    const version = 1;
    this.#docs.set(uri, TextDocument.create(uri, 'zh-report', version, text));
    this.#client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version, text } });
  }

  close(uri: string): void {
    this.#docs.delete(uri);
    this.#client.notify('textDocument/didClose', { textDocument: { uri } });
  }

  change(uri: string, doc: TextDocument): void {
    const changes: TextDocumentContentChangeEvent[] = [];
    const n = 1 + this.int(3);
    let mirror = doc;
    for (let i = 0; i < n; i++) {
      const change: TextDocumentContentChangeEvent = this.chance(0.05)
        ? { text: this.text() }
        : { range: this.range(mirror), text: this.chance(0.3) ? '' : this.chance(0.5) ? this.pick(PIECES) : this.generated() };
      changes.push(change);
      mirror = TextDocument.update(TextDocument.create(uri, 'zh-report', mirror.version, mirror.getText()), [change], mirror.version + 1);
    }
    this.#docs.set(uri, mirror);
    this.#client.notify('textDocument/didChange', { textDocument: { uri, version: mirror.version }, contentChanges: changes });
  }

  async request(method: string, params: unknown, expect: 'result' | 'invalid' | 'refused', doc: TextDocument | undefined, cancel = false): Promise<unknown> {
    this.#report.requests++;
    try {
      const result = await (cancel ? this.#client.requestAndCancel(method, params) : this.#client.request(method, params));
      if (expect !== 'result') this.fail(method, `expected an error (${expect}), got a result`, params);
      else if (doc !== undefined) this.checkResult(method, result, doc, params);
      return result;
    } catch (error) {
      if (!(error instanceof LspResponseError)) {
        this.fail(method, `no answer: ${String(error).split('\n')[0]}`, params);
        return undefined;
      }
      this.#report.errors[error.code] = (this.#report.errors[error.code] ?? 0) + 1;
      if (error.code === INTERNAL_ERROR) this.fail(method, `InternalError: ${error.message}`, params);
      else if (error.code === REQUEST_CANCELLED && cancel) return undefined;
      else if (expect === 'invalid' && error.code !== INVALID_PARAMS) this.fail(method, `expected InvalidParams, got ${error.code}: ${error.message}`, params);
      else if (expect === 'refused' && error.code !== INVALID_REQUEST) this.fail(method, `expected InvalidRequest, got ${error.code}`, params);
      else if (expect === 'result') this.fail(method, `error ${error.code}: ${error.message}`, params);
      return undefined;
    }
  }

  /** Every range in the result lies inside its document (the request's, or the one a nested `uri` names). */
  checkResult(method: string, result: unknown, doc: TextDocument, params: unknown): void {
    const lines = doc.getText().split(/\r\n|\r|\n/);
    const lineLength = (line: number): number => lines[line]?.length ?? -1;
    const inDoc = (p: unknown, where: string): boolean => {
      const pos = p as Position;
      if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0 || pos.line >= lines.length || pos.character > lineLength(pos.line)) {
        this.fail(method, `${where}: position ${JSON.stringify(p)} outside the document (${lines.length} lines)`, params);
        return false;
      }
      return true;
    };
    const isPos = (v: unknown): boolean => typeof v === 'object' && v !== null && 'line' in v && 'character' in v;
    const walk = (value: unknown, where: string, sameDoc: boolean): void => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${where}[${i}]`, sameDoc));
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const record = value as Record<string, unknown>;
      let here = sameDoc;
      const uri = typeof record['uri'] === 'string' ? record['uri'] : undefined;
      if (uri !== undefined) here = uri === doc.uri;
      if (sameDoc && isPos(record['start']) && isPos(record['end'])) {
        if (inDoc(record['start'], where) && inDoc(record['end'], where) && doc.offsetAt(record['start'] as Position) > doc.offsetAt(record['end'] as Position)) {
          this.fail(method, `${where}: inverted range ${JSON.stringify(record)}`, params);
        }
      }
      for (const [key, v] of Object.entries(record)) {
        if (key === 'changes' && typeof v === 'object' && v !== null) {
          for (const [u, edits] of Object.entries(v as Record<string, unknown>)) walk(edits, `${where}.changes`, u === doc.uri);
        } else if (key !== 'start' && key !== 'end') walk(v, `${where}.${key}`, here);
      }
    };
    if (method === 'textDocument/semanticTokens/full' || method === 'textDocument/semanticTokens/range') {
      const data = (result as { data: number[] }).data;
      let line = 0;
      let char = 0;
      for (let i = 0; i + 4 < data.length + 0 && i < data.length; i += 5) {
        line += data[i]!;
        char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
        if (line >= lines.length || char + data[i + 2]! > lineLength(line)) {
          this.fail(method, `token ${i / 5} at ${line}:${char}+${data[i + 2]} outside the document`, params);
          break;
        }
      }
    } else if (method === 'textDocument/foldingRange') {
      for (const r of result as Array<{ startLine: number; endLine: number }>) {
        if (r.startLine > r.endLine || r.endLine >= lines.length) this.fail(method, `folding range ${JSON.stringify(r)} outside the document`, params);
      }
    } else if (method === 'zh-report/outline') {
      const visit = (nodes: Array<{ line: number; children: unknown[] }>): void => {
        for (const n of nodes) {
          if (n.line < 0 || n.line >= lines.length) this.fail(method, `outline line ${n.line} outside the document`, params);
          visit(n.children as typeof nodes);
        }
      };
      visit(result as Array<{ line: number; children: unknown[] }>);
    } else {
      walk(result, 'result', true);
    }
    if (method === 'textDocument/diagnostic') {
      const items = (result as { items?: unknown[] }).items;
      if (items !== undefined && items.length > this.#maxDiagnostics + 1) this.fail(method, `${items.length} diagnostics, more than the cap + 1`, params);
    }
  }

  /** One random operation. */
  async step(): Promise<void> {
    this.#op++;
    const current = this.anyDoc();
    const r = this.#rand();
    if (current === undefined || (r < 0.08 && this.#docs.size < 6)) return this.open();
    const [uri, doc] = current;
    if (r < 0.12) return this.close(uri);
    if (r < 0.4) return this.change(uri, doc);
    if (r < 0.47) return void this.malformed(uri, doc);
    if (r < 0.49) {
      this.#maxDiagnostics = this.chance(0.5) ? 1 + this.int(50) : 1000;
      this.#client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 20, diagnostics: { maxPerDocument: this.#maxDiagnostics } } } });
      return;
    }
    if (r < 0.51) {
      // frames that are not requests the server can serve: it logs them and stays up
      // and frames whose header is damaged: the server skips to the next header
      const frame = this.pick(['{"jsonrpc":"2.0","id":', '42', '[]', '{"jsonrpc":"2.0","id":null,"method":"zh-report/status"}', '{"jsonrpc":"2.0","method":5}', '{"id":"x"}']);
      const body = Buffer.from(frame, 'utf8');
      const damaged = ['hello\r\n\r\n{}', 'Content-Length: x\r\n\r\n{}', 'Content-Length: 2\n\n{}', 'Content-Type: a\r\n\r\n', 'Content-Length: 99999999999\r\n\r\n'];
      this.#client.writeRaw(
        this.chance(0.5)
          ? Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body])
          : Buffer.from(this.pick(damaged), 'latin1'),
      );
      return void (await this.request('zh-report/status', {}, 'result', undefined));
    }
    const cancel = this.chance(0.1);
    const td = { textDocument: { uri } };
    const at = (): { textDocument: { uri: string }; position: Position } => ({ ...td, position: this.position(doc) });
    const requests: Array<[string, () => unknown]> = [
      ['textDocument/documentSymbol', () => td],
      ['textDocument/foldingRange', () => td],
      ['textDocument/selectionRange', () => ({ ...td, positions: [this.position(doc), this.position(doc)] })],
      ['textDocument/hover', at],
      ['textDocument/definition', at],
      ['textDocument/references', () => ({ ...at(), context: { includeDeclaration: this.chance(0.5) } })],
      ['textDocument/documentHighlight', at],
      ['textDocument/prepareRename', at],
      ['textDocument/rename', () => ({ ...at(), newName: this.pick(['新名称', '網上沙龍', 'X']) })],
      ['textDocument/completion', at],
      ['textDocument/semanticTokens/full', () => td],
      ['textDocument/semanticTokens/range', () => ({ ...td, range: this.range(doc) })],
      ['textDocument/diagnostic', () => td],
      ['textDocument/codeAction', () => ({ ...td, range: this.range(doc), context: { diagnostics: [], ...(this.chance(0.5) ? { only: ['source.fixAll.zh-report'] } : {}) } })],
      ['zh-report/outline', () => ({ uri })],
      ['zh-report/terms', () => ({ uri })],
      ['workspace/symbol', () => ({ query: this.pick(['', '总则', '一', '發', '\uD800']) })],
    ];
    const [method, params] = this.pick(requests);
    await this.request(method, params(), 'result', doc, cancel);
  }

  /** Params that are not what the method takes, and a document that is not open: InvalidParams. */
  async malformed(uri: string, doc: TextDocument): Promise<void> {
    const td = { textDocument: { uri } };
    const cases: Array<[string, unknown]> = [
      ['textDocument/hover', null],
      ['textDocument/hover', { ...td, position: { line: -1, character: 0 } }],
      ['textDocument/definition', { ...td, position: { line: 0.5, character: 0 } }],
      ['textDocument/references', { ...td, position: 'here' }],
      ['textDocument/documentSymbol', []],
      ['textDocument/documentSymbol', { textDocument: { uri: 'file:///fuzz/not-open.txt' } }],
      ['textDocument/semanticTokens/range', td],
      ['textDocument/codeAction', { ...td, range: this.range(doc) }],
      ['textDocument/selectionRange', { ...td, positions: [{ line: 0 }] }],
      ['textDocument/rename', { ...td, position: { line: 0, character: 0 } }],
      ['workspace/symbol', {}],
      ['workspace/symbol', null],
      ['zh-report/outline', []],
      ['zh-report/terms', { uri: 5 }],
      ['textDocument/diagnostic', { textDocument: {} }],
    ];
    const [method, params] = this.pick(cases);
    await this.request(method, params, 'invalid', undefined);
  }

  async end(): Promise<void> {
    await this.request('zh-report/status', {}, 'result', undefined);
  }
}

function rssMB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
  } catch {
    return 0;
  }
}

function peakMB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
  } catch {
    return 0;
  }
}

export async function fuzzLsp(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? ((): void => undefined);
  const texts = sources();
  const report: Tally = { failures: [], requests: 0, errors: {} };
  const rss: number[] = [];
  for (let s = 0; s < options.sessions; s++) {
    const client = LspClient.start({ timeout: options.timeout ?? 20_000, ...(options.server === undefined ? {} : { server: options.server }) });
    const session = new Session(options.seed, s, client, texts, report);
    try {
      const hierarchical = session.chance(0.7);
      await client.request('initialize', {
        processId: process.pid,
        rootUri: null,
        locale: session.pick(['zh-cn', 'en', 'zh-tw']),
        capabilities: {
          textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: hierarchical }, publishDiagnostics: { relatedInformation: true } },
          workspace: { workspaceEdit: { documentChanges: session.chance(0.5) } },
        },
      });
      client.notify('initialized', {});
      for (let i = 0; i < options.ops; i++) await session.step();
      await session.end();
      rss.push(rssMB(client.pid));
      // the end of a session: shutdown answered, a request after it refused, exit with code 0
      await session.request('shutdown', undefined, 'result', undefined);
      await session.request('zh-report/status', {}, 'refused', undefined);
      client.notify('exit', undefined);
      const exit = await Promise.race([client.exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5000))]);
      if (exit === undefined || exit.code !== 0) session.fail('exit', `the server did not exit with code 0 after shutdown + exit: ${JSON.stringify(exit)}`);
      log(`session ${s}: ${options.ops} operations, ${report.failures.length} failures so far, server RSS ${rss[rss.length - 1]} MB`);
    } catch (error) {
      session.fail('session', `the session broke: ${String(error)}\n${client.stderr.slice(-2000)}`);
    } finally {
      await client.dispose();
    }
  }
  const memory = options.memoryDocs ? await memoryRun(options, texts) : undefined;
  if (memory !== undefined) log(`memory: ${memory.docs} documents opened and closed: RSS ${memory.earlyMB} MB after ${Math.ceil(memory.docs / 10)}, ${memory.halfMB} MB after ${Math.ceil(memory.docs / 2)}, ${memory.lateMB} MB after all (peak ${memory.peakMB} MB)`);
  return { ...report, rssMB: rss, ...(memory === undefined ? {} : { memory }) };
}

/** Opens, uses and closes `memoryDocs` documents one after another; the server's RSS after a tenth of them and after all. */
async function memoryRun(options: FuzzOptions, texts: readonly string[]): Promise<FuzzReport['memory']> {
  const docs = options.memoryDocs ?? 0;
  const client = LspClient.start({ timeout: options.timeout ?? 20_000, ...(options.server === undefined ? {} : { server: options.server }) });
  try {
    await client.initialize();
    const rand = random(options.seed);
    let early = 0;
    let half = 0;
    const pool = texts.length > 0 ? texts : [PIECES.join('')];
    for (let i = 0; i < docs; i++) {
      const uri = `file:///fuzz/memory-${i}.txt`;
      const source = pool[Math.floor(rand() * pool.length)]!;
      const start = Math.floor(rand() * Math.max(1, source.length - 100_000));
      const text = source.slice(start, start + 100_000);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/diagnostic', { textDocument: { uri } });
      await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      client.notify('textDocument/didClose', { textDocument: { uri } });
      if (i + 1 === Math.ceil(docs / 10)) {
        await client.request('zh-report/status', {});
        early = rssMB(client.pid);
      }
      if (i + 1 === Math.ceil(docs / 2)) {
        await client.request('zh-report/status', {});
        half = rssMB(client.pid);
      }
    }
    const status = await client.request<{ documents: number }>('zh-report/status', {});
    if (status.documents !== 0) throw new Error(`${status.documents} documents still open after closing all`);
    return { docs, earlyMB: early, halfMB: half, lateMB: rssMB(client.pid), peakMB: peakMB(client.pid) };
  } finally {
    await client.dispose();
  }
}

function parse(argv: readonly string[]): FuzzOptions {
  const get = (name: string, fallback: number): number => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    return arg === undefined ? fallback : Number(arg.split('=')[1]);
  };
  const server = argv.find((a) => a.startsWith('--server='))?.split('=')[1];
  return {
    seed: get('seed', 1),
    sessions: get('sessions', 20),
    ops: get('ops', 400),
    memoryDocs: get('memory-docs', 200),
    ...(server === undefined ? {} : { server: path.resolve(server) }),
    log: (line) => console.log(line),
  };
}

if (require.main === module) {
  const options = parse(process.argv.slice(2));
  console.log(`LSP session fuzzer: seed ${options.seed}, ${options.sessions} sessions of ${options.ops} operations, then ${options.memoryDocs} documents opened and closed`);
  void fuzzLsp(options).then((report) => {
    console.log(`${report.requests} requests; error responses by code: ${JSON.stringify(report.errors)}; server RSS per session (MB): ${report.rssMB.join(' ')}`);
    for (const f of report.failures.slice(0, 30)) console.log(`FAIL seed=${f.seed} session=${f.session} op=${f.op} ${f.method}: ${f.problem}${f.params === undefined ? '' : `\n  params: ${JSON.stringify(f.params).slice(0, 300)}`}`);
    console.log(report.failures.length === 0 ? 'no failures' : `${report.failures.length} failures`);
    process.exitCode = report.failures.length === 0 ? 0 : 1;
  });
}
