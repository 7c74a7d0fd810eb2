/**
 * The workspace as one body of knowledge: every report file of the workspace folders summarised once
 * (core/summary.ts) and kept in memory, so that hover, definition, references, rename and workspace symbols answer
 * across files from memory, never by walking the disk per request.
 *
 * - Which files: `.txt`, `.text`, `.md`, `.markdown` below the folders (not in hidden folders or node_modules), plus
 *   the files the `extraGlobs` setting names; decoded by the host (UTF-8, UTF-16 with a BOM, else GB18030). A file
 *   that is not a report (prose, a README: `isReportModel`) is left out unless it is a glossary or named by a glob;
 *   a file over the size limit, binary or unreadable is skipped with one line in the log.
 * - Fresh: one walk when the folders are set (`build`), then the host's file changes (workspace/didChangeWatchedFiles)
 *   re-read just the files they name. Open documents override the disk (`setOpen`).
 * - Persisted: the summaries are stored in the storage folder (indexCache.ts) keyed by path, size and mtime; a file
 *   unchanged since is not read again.
 * - Responsive: the walk yields to the host between files, stops when cancelled and reports its progress.
 * - Cross-file uses: a term one file defines (本法所称危险化学品) is looked for in every other file even where that
 *   file never quotes it; when new defined terms appear, the files read before are scanned again for them only
 *   (a read and one matching pass, no analysis).
 *
 * Host-neutral: only the core, the protocol and the host's types; no Node.
 *
 * How the service uses it (service/workspace.ts): `build(folders, token, progress)` after `initialized` (work-done progress),
 * `flush()` on shutdown; `setOpen(uri, summarizeOpen(uri, text, model, terms))` for each analysed version of an open
 * document and `setOpen(uri, undefined)` on close; hover and definition on a term the document does not define:
 * `definitionsOf(key, uri)` with the key of the term at the cursor (the document's term index, else `termKeyAt`);
 * references and rename: the document's own uses plus `usesOf(key, uri)` (and `filesWithMoreUses(key)` for a rename);
 * workspace/symbol: `symbols(query)`.
 */
import {
  analyze, bigramFilter, computeLineStarts, documentNameKeys, foldForSearch, foldTable, indexTerms, isReportModel, keyOf, lineIndexOf, matchesFolded, mayContain, MentionScanner, stripCountry,
  summarizeReport,
  type CitableStructure, type FoldTable, type MarkerKind, type ReportModel, type ReportSummary, type SummaryDefinition, type SummaryHeading, type TermIndex,
} from '../core';
import type { HostDisposable, HostFileChange, HostFiles, HostFileStat, ReportHost } from './host';
import { EMPTY_INDEX, INDEX_FILE_NAME, loadIndex, serializeIndex, type CachedFile, type IndexIdentity } from './indexCache';
import { pooledSummary, pooledTerm, StringPool } from './summaryStore';

/** Entries in the index's tables (`WorkspaceIndex.tableSizes`, for tests). */
export interface IndexTableSizes {
  readonly open: number;
  readonly indexed: number;
  readonly definedIn: number;
  readonly usedIn: number;
  readonly namedIn: number;
  readonly keyGeneration: number;
  readonly foldedHeadings: number;
  readonly pooledStrings: number;
}

/** The index's host: the service's (`HostFiles.writeFile`, optional, stores the index's cache file). */
export type IndexHost = ReportHost;

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Files read so far and files to read in this pass (not those answered from the cache). */
export type IndexProgress = (done: number, total: number) => void;

export const REPORT_FILE_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown'];
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);
/** At most this many files in all the folders together. */
export const MAX_INDEXED_FILES = 5000;
/** Symbols in one answer at most (an empty query asks for everything). */
export const MAX_WORKSPACE_SYMBOLS = 2000;
/** Files larger than this are not read unless the options say otherwise (the documents' limit, 20 MB). */
const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Folded heading names remembered at most (then forgotten and made again as asked). */
const MAX_FOLDED_HEADINGS = 200_000;
/** Files stat-ed at once during the walk. */
const STAT_BATCH = 32;
/** A dirty index is written again at most this often (ms) while changes come in; `flush` writes at once. */
const SAVE_INTERVAL_MS = 30_000;

export interface WorkspaceIndexOptions {
  /** Globs (relative to a workspace folder: `**` any folders, `*` any characters but `/`, `?` one) of more files to index. */
  readonly extraGlobs?: readonly string[];
  /** Globs of files that are glossaries whatever their name (besides 名词解释, 术语, 词汇表, glossary in the name). */
  readonly glossaryGlobs?: readonly string[];
  /** Files larger than this (bytes) are skipped. Default 20 MB (the documents' limit). */
  readonly maxFileBytes?: number;
  /** The folder for the cache file (context.storageUri from the client, or `indexStorage` in initialization options). */
  readonly storageUri?: string;
  /** The analyser's version (the server's): a cache written by another version is not used. */
  readonly analyzerVersion?: string;
  /**
   * How a file's text becomes a summary; undefined = not a report. Default: the core's analysis and term index with
   * the host's codec and converter (`defaultSummarizer`). Tests count calls through it.
   */
  readonly summarize?: (uri: string, text: string, context: SummarizeContext) => ReportSummary | undefined;
}

/** What the index tells the summariser about a file besides its text. */
export interface SummarizeContext {
  /** The terms other files define, to find where this file uses them unquoted. */
  readonly mentions: MentionScanner;
  /** The glossary setting lists the file (a glossary by its name is told by the summary itself). */
  readonly glossary: boolean;
}

/** An LSP range (plain data: the lead's features pass it on as is). */
export interface IndexRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface WorkspaceDefinition {
  readonly uri: string;
  readonly range: IndexRange;
  /** The term as that file writes it where it defines it. */
  readonly name: string;
  readonly definition: SummaryDefinition;
  /** The file is a glossary (offered first). */
  readonly glossary: boolean;
  /** The file's title, if it has one, and the section holding the definition (`name` of the heading), if any. */
  readonly fileTitle: string | undefined;
  readonly section: string | undefined;
}

export interface WorkspaceUse {
  readonly uri: string;
  readonly range: IndexRange;
}

export interface WorkspaceSymbol {
  readonly name: string;
  /** A heading's marker kind, or `term` for a defined term. */
  readonly kind: MarkerKind | 'term';
  readonly uri: string;
  readonly range: IndexRange;
  /** The parent heading's name, or the section that defines the term. */
  readonly containerName: string | undefined;
}

/** A file's symbols as the search needs them: folded names only (the symbols themselves are made for the matches). */
interface FileSymbols {
  /** Folded names: the outline's headings, then the terms the file defines (each once, where first defined). */
  readonly folded: readonly string[];
  /** For each term after the headings, its definition's index in `summary.definitions`. */
  readonly definitions: readonly number[];
}

interface FileEntry {
  readonly uri: string;
  readonly size: number;
  readonly mtime: number;
  readonly summary: ReportSummary | undefined;
  /** The key generation when it was read: it has looked for every defined key of this generation or before. */
  readonly generation: number;
}

/** The range of a use on one line. */
function rangeOfUse(line: number, character: number, length: number): IndexRange {
  return { start: { line, character }, end: { line, character: character + length } };
}

/** The key of a file: its URI with percent escapes decoded (clients encode URIs differently: %E5… or 名). */
export function fileKey(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The summary of a text as the server makes it: analysis with the host's GBK codec, terms with its converter. */
export function defaultSummarizer(host: ReportHost): NonNullable<WorkspaceIndexOptions['summarize']> {
  return (uri, text, { mentions, glossary }) => {
    const model = analyze(text, { codec: host.codec.gbk });
    return summarizeIfReport(uri, text, model, indexTerms(text, model, { converter: host.scripts.converter }), { glossary, mentions });
  };
}

/** The summary of an analysed text, or undefined when it is prose (not a report, not a glossary) and not forced. */
function summarizeIfReport(
  uri: string,
  text: string,
  model: ReportModel,
  terms: TermIndex,
  options: { readonly glossary: boolean; readonly mentions: MentionScanner; readonly citations?: CitableStructure; readonly force?: boolean },
): ReportSummary | undefined {
  const summary = summarizeReport(text, model, terms, { path: uri, glossary: options.glossary, mentions: options.mentions, ...(options.citations ? { citations: options.citations } : {}) });
  if (options.force === true || summary.glossary || isReportModel(model)) return summary;
  return undefined;
}

export class WorkspaceIndex {
  readonly #host: IndexHost;
  readonly #options: WorkspaceIndexOptions;
  readonly #summarize: NonNullable<WorkspaceIndexOptions['summarize']>;
  readonly #extraGlobs: ReadonlyArray<(path: string) => boolean>;
  readonly #glossaryGlobs: ReadonlyArray<(path: string) => boolean>;
  readonly #table: FoldTable;
  readonly #identity: IndexIdentity;
  #folders: string[] = [];
  /** Files on disk, by file key: summary undefined = not a report. */
  readonly #disk = new Map<string, FileEntry>();
  /** Open documents, by file key: they override the disk. */
  readonly #open = new Map<string, { readonly uri: string; readonly summary: ReportSummary | undefined }>();
  /** What the lookup tables below hold for each file key (the open summary, else the disk's). */
  readonly #indexed = new Map<string, { readonly uri: string; readonly summary: ReportSummary }>();
  readonly #definedIn = new Map<string, Set<string>>();
  readonly #usedIn = new Map<string, Set<string>>();
  /**
   * The bigram filter of each disk file read in this session (`bigramFilter`, 4 KB each, not stored): a newly defined
   * term is looked for only in the files that may hold it. Files answered from the stored index have none until read.
   */
  readonly #filters = new Map<string, Uint32Array>();
  /** Files by the names other documents cite them by (`documentNameKeys`: title and file name, folded). */
  readonly #namedIn = new Map<string, Set<string>>();
  readonly #symbols = new WeakMap<ReportSummary, FileSymbols>();
  /** The strings the disk summaries keep, copied out of their texts and shared (summaryStore.ts). */
  readonly #pool = new StringPool();
  /** Heading names folded for the search, by name (the same headings recur across files: 总则, 附则, 第一条 …). */
  readonly #foldedHeadings = new Map<string, string>();
  /** The indexed file keys in path order (made again after a file comes or goes). */
  #order: string[] | undefined;
  /** Defined keys every disk summary has been scanned for. */
  #scannedKeys = new Set<string>();
  /** When each defined key appeared (a counter bumped for each new key): files read before it have not looked for it. */
  readonly #keyGeneration = new Map<string, number>();
  #generation = 0;
  #scanner: { readonly generation: number; readonly scanner: MentionScanner } | undefined;
  /** Serialises the walk, the rescans and the handling of file changes. */
  #work: Promise<void> = Promise.resolve();
  #subscription: HostDisposable | undefined;
  #dirty = false;
  #lastSave = 0;
  #disposed = false;
  readonly #ready = deferred();

  constructor(host: IndexHost, options: WorkspaceIndexOptions = {}) {
    this.#host = host;
    this.#options = options;
    this.#summarize = options.summarize ?? defaultSummarizer(host);
    this.#extraGlobs = (options.extraGlobs ?? []).map(compileGlob);
    this.#glossaryGlobs = (options.glossaryGlobs ?? []).map(compileGlob);
    this.#table = foldTable(host.scripts.converter);
    this.#identity = { analyzer: options.analyzerVersion ?? '', fold: keyOf('網絡與數據庫「」１Ａ', this.#table) };
    this.#subscription = host.files?.onDidChange((changes) => this.#changed(changes));
  }

  /** Number of files the index answers for (report files on disk and open documents). */
  get filesCount(): number {
    return this.#indexed.size;
  }

  /**
   * How many entries each of the index's tables holds (tests: a closed document that is not a workspace file leaves
   * none behind; the disk's files keep theirs).
   */
  get tableSizes(): IndexTableSizes {
    return {
      open: this.#open.size,
      indexed: this.#indexed.size,
      definedIn: this.#definedIn.size,
      usedIn: this.#usedIn.size,
      namedIn: this.#namedIn.size,
      keyGeneration: this.#keyGeneration.size,
      foldedHeadings: this.#foldedHeadings.size,
      pooledStrings: this.#pool.size,
    };
  }

  /**
   * Sets the workspace folders and builds the index: the persisted cache first (if any), then one walk that reads only
   * new and changed files, then a scan of earlier files for terms defined by later ones. Resolves when done (false when
   * cancelled: what was read so far is kept and answered from).
   */
  build(folders: readonly string[], token: Cancellation = { isCancellationRequested: false }, progress?: IndexProgress): Promise<boolean> {
    this.#folders = folders.map((f) => f.replace(/\/+$/, ''));
    return this.#serial(async () => {
      if (this.#disk.size === 0) await this.#load();
      this.#markReady();
      const done = await this.#walk(token, progress);
      if (!done) return false;
      if (!(await this.#rescan(token))) return false;
      await this.flush();
      return true;
    });
  }

  /**
   * Resolves once the index can answer: the stored index loaded (or found missing) at the start of the first build.
   * Answers until the build ends may include files changed or removed while the workspace was closed.
   */
  ready(): Promise<void> {
    return this.#ready.promise;
  }

  #markReady(): void {
    this.#ready.resolve();
  }

  /** Waits for the work queued so far (the walk, file changes) to finish. */
  settled(): Promise<void> {
    return this.#work;
  }

  /** An open document's summary (see `summarizeOpen`), or undefined when it is closed: the disk's file counts again. */
  setOpen(uri: string, summary: ReportSummary | undefined): void {
    const key = fileKey(uri);
    if (summary === undefined) this.#open.delete(key);
    else this.#open.set(key, { uri, summary });
    this.#reindex(key);
  }

  /**
   * The summary of an open document's version, made from what the server already has (its model, its term index and
   * optionally its citable structure), with the uses of the terms the workspace defines. Kept whatever the document
   * looks like: an open document is always searched.
   */
  summarizeOpen(uri: string, text: string, model: ReportModel, terms: TermIndex, citations?: CitableStructure): ReportSummary {
    return summarizeIfReport(uri, text, model, terms, {
      glossary: this.#glossaryGlobs.some((g) => g(this.#relative(fileKey(uri)))),
      mentions: this.#mentions(),
      force: true,
      ...(citations === undefined ? {} : { citations }),
    })!;
  }

  /**
   * The definitions of a term (its folded key: `TermIndex.keyOf` / `Term.key`) in the workspace's files, glossaries
   * first, then in path order; `exceptUri` leaves out the asking document (whose own definition always wins: the
   * caller asks only when it has none). When several files define the term differently, all are returned.
   */
  definitionsOf(termKey: string, exceptUri?: string): WorkspaceDefinition[] {
    const out: WorkspaceDefinition[] = [];
    for (const { uri, summary } of this.#filesWith(this.#definedIn, termKey, exceptUri)) {
      for (const d of summary.definitions) {
        if (d.key !== termKey) continue;
        out.push({
          uri,
          range: definitionRange(d),
          name: d.name,
          definition: d,
          glossary: summary.glossary,
          fileTitle: summary.title,
          section: d.section >= 0 ? summary.outline[d.section]?.name : undefined,
        });
      }
    }
    return out.sort((a, b) => Number(b.glossary) - Number(a.glossary)); // stable: path order within each group
  }

  /** Every use of a term in the workspace's files (either script, through glosses), by file in path order. */
  usesOf(termKey: string, exceptUri?: string): WorkspaceUse[] {
    const out: WorkspaceUse[] = [];
    for (const { uri, summary } of this.#filesWith(this.#usedIn, termKey, exceptUri)) {
      for (const t of summary.terms) {
        if (t.key !== termKey) continue;
        for (let k = 0; k + 2 < t.uses.length; k += 3) out.push({ uri, range: rangeOfUse(t.uses[k]!, t.uses[k + 1]!, t.uses[k + 2]!) });
      }
    }
    return out;
  }

  /**
   * The files another document cites by `name` — 《中华人民共和国刑法》, 《刑法》, 刑法, in either script — by their
   * title or file name (`documentNameKeys`), in path order, without `exceptUri` (the citing document).
   */
  filesNamed(name: string, exceptUri?: string): Array<{ readonly uri: string; readonly summary: ReportSummary }> {
    const key = foldForSearch(stripCountry(name.replace(/[《》]/g, '').trim()), this.#table);
    return this.#filesWith(this.#namedIn, key, exceptUri);
  }

  /** The line of article `value` (第十条 → 1000, 第十条之一 → 1001: `articleValue`) in an indexed file, if it has one. */
  articleLine(uri: string, value: number): number | undefined {
    return this.#indexed.get(fileKey(uri))?.summary.articles.find(([v]) => v === value)?.[1];
  }

  /**
   * The files where `usesOf` lists fewer uses than there are (more than MAX_USES_PER_TERM of the term in one file): a
   * rename must read those files, or refuse, rather than leave uses behind.
   */
  filesWithMoreUses(termKey: string): string[] {
    return this.#filesWith(this.#usedIn, termKey, undefined)
      .filter(({ summary }) => summary.terms.some((t) => t.key === termKey && t.count * 3 > t.uses.length))
      .map(({ uri }) => uri);
  }

  /**
   * The encoding a file is stored in, as the index decodes it (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`), read
   * again from the host; undefined when it cannot be read. A rename edits a closed file by the positions of this
   * decoding, which match the editor's only for Unicode encodings.
   */
  async storedEncoding(uri: string): Promise<string | undefined> {
    const bytes = await this.#host.files?.readFile(uri).then((b) => b, () => undefined);
    if (bytes === undefined) return undefined;
    try {
      return this.#host.codec.decode(bytes).encoding;
    } catch {
      return undefined;
    }
  }

  /**
   * Every use of a term in one indexed file, none capped (for a rename where `filesWithMoreUses` names the file): the
   * file read again through the host and decoded as when it was indexed, or `text` when the caller has the file's
   * current version (an open document); found by the same matchers as the summary's — the file's term index for a term
   * of its own, the mention scanner (with the file's own terms covering) for a term it only mentions. None when the
   * term is no longer in it; undefined when the file cannot be read.
   */
  async allUsesIn(uri: string, termKey: string, text?: string): Promise<WorkspaceUse[] | undefined> {
    const at = this.#indexed.get(fileKey(uri))?.uri ?? uri;
    if (text === undefined) {
      const bytes = await this.#host.files?.readFile(uri).then((b) => b, () => undefined);
      if (bytes === undefined) return undefined;
      try {
        text = this.#host.codec.decode(bytes).text;
      } catch {
        return undefined;
      }
    }
    const model = analyze(text, { codec: this.#host.codec.gbk });
    const terms = indexTerms(text, model, { converter: this.#host.scripts.converter });
    const starts = model.lineStarts;
    const own = terms.terms.find((t) => t.key === termKey);
    const out: WorkspaceUse[] = [];
    if (own !== undefined) {
      for (const u of own.uses) {
        const start = terms.uses.start[u]!;
        const line = lineIndexOf(starts, start);
        out.push({ uri: at, range: rangeOfUse(line, start - starts[line]!, terms.uses.end[u]! - start) });
      }
      return out;
    }
    const found = this.#mentions().scan(text, starts, new Set(terms.terms.map((t) => t.key)), Infinity).find((t) => t.key === termKey);
    for (let k = 0; found !== undefined && k + 2 < found.uses.length; k += 3) {
      out.push({ uri: at, range: rangeOfUse(found.uses[k]!, found.uses[k + 1]!, found.uses[k + 2]!) });
    }
    return out;
  }

  /** The indexed files a lookup table lists for a term, in path order, without `exceptUri`. */
  #filesWith(table: ReadonlyMap<string, ReadonlySet<string>>, termKey: string, exceptUri: string | undefined): Array<{ readonly uri: string; readonly summary: ReportSummary }> {
    const files = table.get(termKey);
    if (files === undefined) return [];
    const except = exceptUri === undefined ? undefined : fileKey(exceptUri);
    return [...files].filter((k) => k !== except).sort().map((k) => this.#indexed.get(k)!);
  }

  /** The key of the term used at a position of an indexed file (an open document: also a term only the workspace defines). */
  termKeyAt(uri: string, line: number, character: number): string | undefined {
    return this.termAt(uri, line, character)?.key;
  }

  /** The term used at a position of an indexed file, with the range of that use (the shortest use holding it). */
  termAt(uri: string, line: number, character: number): { readonly key: string; readonly range: IndexRange } | undefined {
    const summary = this.#indexed.get(fileKey(uri))?.summary;
    if (summary === undefined) return undefined;
    let best: { key: string; range: IndexRange } | undefined;
    let bestLength = Infinity;
    for (const t of summary.terms) {
      for (let k = 0; k + 2 < t.uses.length; k += 3) {
        if (t.uses[k] !== line) continue;
        const start = t.uses[k + 1]!;
        const length = t.uses[k + 2]!;
        if (character >= start && character <= start + length && length < bestLength) {
          best = { key: t.key, range: { start: { line, character: start }, end: { line, character: start + length } } };
          bestLength = length;
        }
      }
    }
    return best;
  }

  /** The summaries of the indexed files (open documents as the editor has them), in path order. */
  files(): Array<{ readonly uri: string; readonly summary: ReportSummary }> {
    return this.#sortedKeys().map((k) => this.#indexed.get(k)!);
  }

  #sortedKeys(): readonly string[] {
    return (this.#order ??= [...this.#indexed.keys()].sort());
  }

  /**
   * Workspace symbols for a query, from memory: headings and defined terms whose names hold the query's characters in
   * order, whatever the script, width or case (总则 finds 總則). Ranked: exact names first (a document's title first
   * among them), then headings that hold the query as it is typed, then such terms, then the looser matches (headings,
   * then terms); in path and document order within a rank; at most `limit`.
   */
  symbols(query: string, limit = MAX_WORKSPACE_SYMBOLS): WorkspaceSymbol[] {
    const q = foldForSearch(query, this.#table);
    // per rank, the matches as pairs (file's place in path order, symbol's index in it): symbols are made for those answered
    const ranks: number[][] = [[], [], [], [], [], []];
    const keys = this.#sortedKeys();
    for (let f = 0; f < keys.length; f++) {
      const file = this.#indexed.get(keys[f]!)!;
      const { outline } = file.summary;
      const { folded } = this.#fileSymbols(file);
      for (let i = 0; i < folded.length; i++) {
        const name = folded[i]!;
        if (!matchesFolded(q, name)) continue;
        const heading = i < outline.length ? outline[i] : undefined;
        const term = heading === undefined ? 1 : 0;
        const exact = q.length > 0 && (name === q || (heading !== undefined && name.endsWith(q) && foldForSearch(heading.title, this.#table) === q));
        const rank = exact ? (heading?.kind === 'title' ? 0 : 1) : name.includes(q) ? 2 + term : 4 + term;
        const list = ranks[rank]!;
        if (list.length < 2 * limit) list.push(f, i);
      }
    }
    const out: WorkspaceSymbol[] = [];
    for (const list of ranks) {
      for (let k = 0; k < list.length; k += 2) {
        if (out.length >= limit) return out;
        out.push(this.#symbolAt(this.#indexed.get(keys[list[k]!]!)!, list[k + 1]!));
      }
    }
    return out;
  }

  /** Writes the cache file now if anything changed since it was last written (on shutdown, after the build). */
  async flush(): Promise<void> {
    const storage = this.#options.storageUri;
    const write = this.#host.files?.writeFile;
    if (!this.#dirty || storage === undefined || write === undefined) return;
    this.#dirty = false;
    this.#lastSave = this.#host.scheduler.now();
    const files = new Map<string, CachedFile>();
    for (const entry of this.#disk.values()) files.set(entry.uri, { size: entry.size, mtime: entry.mtime, summary: entry.summary });
    try {
      await write.call(this.#host.files, `${storage.replace(/\/+$/, '')}/${INDEX_FILE_NAME}`, serializeIndex({ files, mentionKeys: [...this.#scannedKeys] }, this.#identity));
    } catch (e) {
      this.#dirty = true;
      this.#host.logger.error(`workspace index: the cache could not be written: ${String(e)}`);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#subscription?.dispose();
    this.#subscription = undefined;
  }

  // ---- building ----

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#work.then(task);
    this.#work = run.then(
      () => undefined,
      (e: unknown) => this.#host.logger.error(`workspace index: ${String(e)}`),
    );
    return run;
  }

  async #load(): Promise<void> {
    const storage = this.#options.storageUri;
    const files = this.#host.files;
    if (storage === undefined || files === undefined) return;
    let bytes: Uint8Array | undefined;
    try {
      bytes = await files.readFile(`${storage.replace(/\/+$/, '')}/${INDEX_FILE_NAME}`);
    } catch {
      bytes = undefined;
    }
    const stored = loadIndex(bytes, this.#identity);
    if (bytes !== undefined && stored === EMPTY_INDEX) this.#host.logger.info('workspace index: the stored index is not usable (another version, or damaged); the files are read again');
    this.#scannedKeys = new Set(stored.mentionKeys);
    // answerable at once: the walk that follows corrects what changed while the workspace was closed
    for (const [uri, file] of stored.files) {
      const key = fileKey(uri);
      if (!this.#folders.some((f) => isInside(key, fileKey(f)))) continue;
      this.#disk.set(key, { uri, size: file.size, mtime: file.mtime, summary: file.summary, generation: 0 });
      this.#reindex(key);
    }
  }

  /** One walk over the folders: new and changed files read, vanished ones forgotten. */
  async #walk(token: Cancellation, progress: IndexProgress | undefined): Promise<boolean> {
    const files = this.#host.files;
    if (files === undefined) return true;
    const candidates: string[] = [];
    for (const folder of this.#folders) {
      const found = await this.#candidates(files, folder, token, MAX_INDEXED_FILES - candidates.length);
      if (found === undefined) return false;
      candidates.push(...found);
    }
    const seen = new Set(candidates.map(fileKey));
    for (const key of [...this.#disk.keys()]) {
      if (!seen.has(key)) {
        this.#disk.delete(key);
        this.#filters.delete(key);
        this.#dirty = true;
        this.#reindex(key);
      }
    }
    // stat everything first (cheap; a batch at a time, the host answers them in parallel), then read what is new or changed
    const stale: Array<{ uri: string; size: number; mtime: number }> = [];
    const stats: Array<HostFileStat | undefined> = [];
    for (let i = 0; i < candidates.length; i += STAT_BATCH) {
      if (token.isCancellationRequested) return false;
      stats.push(...(await Promise.all(candidates.slice(i, i + STAT_BATCH).map((uri) => files.stat(uri)))));
    }
    for (const [i, uri] of candidates.entries()) {
      const stat = stats[i];
      if (stat === undefined) continue;
      const cached = this.#disk.get(fileKey(uri));
      if (cached !== undefined && cached.size === stat.size && cached.mtime === stat.mtime) {
        if (cached.uri !== uri) this.#disk.set(fileKey(uri), { ...cached, uri });
        this.#reindex(fileKey(uri));
        continue;
      }
      stale.push({ uri, size: stat.size, mtime: stat.mtime });
    }
    // the next file is read from disk while this one is analysed
    const fetch = (i: number): Promise<Uint8Array | undefined> | undefined => {
      const next = stale[i];
      return next === undefined || next.size > this.#maxFileBytes() ? undefined : files.readFile(next.uri).catch(() => undefined);
    };
    let bytes = fetch(0);
    for (let i = 0; i < stale.length; i++) {
      if (token.isCancellationRequested || this.#disposed) return false;
      progress?.(i, stale.length);
      const { uri, size, mtime } = stale[i]!;
      const current = bytes;
      bytes = fetch(i + 1);
      await this.#read(uri, size, mtime, current);
      await this.#host.scheduler.yield();
    }
    if (stale.length > 0) progress?.(stale.length, stale.length);
    return true;
  }

  /** The report files below `folder`, in path order (an explicit stack; hidden folders and node_modules skipped). */
  async #candidates(files: HostFiles, folder: string, token: Cancellation, room: number): Promise<string[] | undefined> {
    const out: string[] = [];
    const pending = [folder];
    const visited = new Set<string>();
    for (let dir = pending.pop(); dir !== undefined && out.length < room; dir = pending.pop()) {
      if (token.isCancellationRequested) return undefined;
      if (visited.has(dir)) continue;
      visited.add(dir);
      const entries = await files.readDirectory(dir);
      if (entries === undefined) continue;
      const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const subfolders: string[] = [];
      for (const [name, type] of sorted) {
        const uri = `${dir}/${encodeURIComponent(name)}`;
        if (type === 'directory') {
          if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) subfolders.push(uri);
        } else if (this.#selects(uri)) {
          out.push(uri);
          if (out.length >= room) break;
        }
      }
      pending.push(...subfolders.reverse());
    }
    return out;
  }

  /** Is this file (a URI below a folder) one the index reads: a report extension, or named by an extra glob? */
  #selects(uri: string): boolean {
    const key = fileKey(uri);
    const folder = this.#folders.find((f) => isInside(key, fileKey(f)));
    if (folder === undefined) return false;
    const relative = key.slice(fileKey(folder).length + 1);
    if (relative.split('/').some((part, i, all) => i < all.length - 1 && (part.startsWith('.') || SKIPPED_FOLDERS.has(part)))) return false;
    const lower = relative.toLowerCase();
    return REPORT_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext)) || this.#extraGlobs.some((g) => g(relative));
  }

  /** Reads (unless `pending` already is), decodes and summarises one file into the disk map. */
  async #read(uri: string, size: number, mtime: number, pending?: Promise<Uint8Array | undefined>): Promise<void> {
    const key = fileKey(uri);
    const limit = this.#maxFileBytes();
    let summary: ReportSummary | undefined;
    if (size > limit) {
      this.#host.logger.info(`workspace index: skipped ${key} (${size} bytes, over the limit of ${limit})`);
    } else {
      const bytes = await (pending ?? this.#host.files?.readFile(uri).catch(() => undefined));
      if (bytes === undefined) {
        this.#host.logger.info(`workspace index: skipped ${key} (unreadable)`);
      } else if (bytes.includes(0) && bytes[0] !== 0xff && bytes[0] !== 0xfe) {
        this.#host.logger.info(`workspace index: skipped ${key} (binary)`);
      } else {
        try {
          const text = this.#host.codec.decode(bytes).text;
          this.#filters.set(key, bigramFilter(text, this.#table));
          const relative = this.#relative(key);
          summary = this.#summarize(uri, text, { mentions: this.#mentions(), glossary: this.#glossaryGlobs.some((g) => g(relative)) });
          if (summary === undefined && this.#extraGlobs.some((g) => g(relative))) {
            summary = this.#summarizeForced(uri, text);
          }
          if (summary !== undefined) summary = pooledSummary(summary, this.#pool); // nothing kept holds the text
        } catch (e) {
          this.#host.logger.error(`workspace index: skipped ${key}: ${String(e)}`);
        }
        if (summary === undefined) this.#filters.delete(key); // not a report: never scanned
      }
    }
    this.#disk.set(key, { uri, size, mtime, summary, generation: this.#generation });
    this.#dirty = true;
    this.#reindex(key);
  }

  #maxFileBytes(): number {
    return this.#options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  #summarizeForced(uri: string, text: string): ReportSummary {
    const model = analyze(text, { codec: this.#host.codec.gbk });
    return this.summarizeOpen(uri, text, model, indexTerms(text, model, { converter: this.#host.scripts.converter }));
  }

  #relative(key: string): string {
    const folder = this.#folders.find((f) => isInside(key, fileKey(f)));
    return folder === undefined ? key : key.slice(fileKey(folder).length + 1);
  }

  /**
   * The scanner for the keys disk summaries are (or will be) scanned for: those scanned so far and those defined now;
   * made again when a new key is defined (a key no longer defined anywhere may stay in it: looking for it is harmless).
   */
  #mentions(): MentionScanner {
    if (this.#scanner === undefined || this.#scanner.generation !== this.#generation) {
      const keys = new Set(this.#scannedKeys);
      for (const key of this.#definedIn.keys()) if (this.#mentionable(key)) keys.add(key);
      this.#scanner = { generation: this.#generation, scanner: new MentionScanner(keys, this.#table) };
    }
    return this.#scanner.scanner;
  }

  /**
   * Is a defined key looked for where other files write it without quotes? Yes for a term of three characters or more
   * (司法工作人员, 危险化学品) and for any term a glossary, an abbreviation (以下简称) or a colon entry defines; not for a
   * two-character word a law defines for itself (本条例所称技术, 本法所称以上): elsewhere it is an ordinary word —
   * 技术 in a work report is not the export regulation's 技术. (Where another file quotes it, it is that file's own term
   * and found anyway.)
   */
  #mentionable(key: string): boolean {
    if (key.length >= 3) return true;
    for (const file of this.#definedIn.get(key) ?? []) {
      const summary = this.#indexed.get(file)?.summary;
      if (summary === undefined) continue;
      if (summary.glossary) return true;
      for (const d of summary.definitions) {
        if (d.key === key && (d.kind === 'glossary' || d.kind === 'abbreviation' || d.kind === 'colon')) return true;
      }
    }
    return false;
  }

  /**
   * Files summarised before a term was defined by another file have not looked for it: read them again and scan for
   * the new keys only (no analysis). Open documents are made anew by their owner.
   */
  async #rescan(token: Cancellation): Promise<boolean> {
    const pending = [...this.#definedIn.keys()].filter((k) => !this.#scannedKeys.has(k) && this.#mentionable(k));
    if (pending.length === 0) return true;
    const files = this.#host.files;
    if (files === undefined) return true;
    const scanners = new Map<string, MentionScanner>(); // by the keys a file misses: most miss the same ones
    for (const [key, entry] of [...this.#disk]) {
      if (token.isCancellationRequested || this.#disposed) return false;
      const summary = entry.summary;
      if (summary === undefined) continue;
      const has = new Set(summary.terms.map((t) => t.key));
      const filter = this.#filters.get(key);
      const missing = pending.filter((k) => (this.#keyGeneration.get(k) ?? 0) > entry.generation && !has.has(k) && (filter === undefined || mayContain(filter, k)));
      if (missing.length === 0) {
        if (filter !== undefined) this.#disk.set(key, { ...entry, generation: this.#generation }); // none can occur in it
        continue;
      }
      const stat = await files.stat(entry.uri);
      if (stat === undefined) continue;
      if (stat.size !== entry.size || stat.mtime !== entry.mtime) {
        await this.#read(entry.uri, stat.size, stat.mtime); // changed meanwhile: read whole (with every key)
        continue;
      }
      const bytes = await files.readFile(entry.uri);
      if (bytes === undefined) continue;
      const text = this.#host.codec.decode(bytes).text;
      if (filter === undefined) this.#filters.set(key, bigramFilter(text, this.#table));
      const id = missing.join('\n');
      let scanner = scanners.get(id);
      if (scanner === undefined) scanners.set(id, (scanner = new MentionScanner(missing, this.#table)));
      const found = scanner.scan(text, computeLineStarts(text));
      const terms = found.length === 0 ? summary.terms : [...summary.terms, ...found.map(pooledTerm(this.#pool))];
      this.#disk.set(key, { ...entry, summary: found.length === 0 ? summary : { ...summary, terms }, generation: this.#generation });
      this.#dirty = true;
      this.#reindex(key);
      await this.#host.scheduler.yield();
    }
    for (const k of pending) this.#scannedKeys.add(k);
    this.#dirty = true;
    return true;
  }

  #changed(changes: readonly HostFileChange[]): void {
    this.#serial(async () => {
      const files = this.#host.files;
      if (files === undefined || this.#disposed) return;
      for (const change of changes) {
        const key = fileKey(change.uri);
        if (change.type === 'deleted') {
          // a file, or a folder with everything below it
          for (const k of [...this.#disk.keys()]) {
            if (k === key || isInside(k, key)) {
              this.#disk.delete(k);
              this.#filters.delete(k);
              this.#dirty = true;
              this.#reindex(k);
            }
          }
          continue;
        }
        if (!this.#selects(change.uri)) continue;
        const stat = await files.stat(change.uri);
        if (stat === undefined) continue;
        const cached = this.#disk.get(key);
        if (cached !== undefined && cached.size === stat.size && cached.mtime === stat.mtime && change.type !== 'changed') continue;
        await this.#read(change.uri, stat.size, stat.mtime);
      }
    }).catch(() => undefined); // logged by #serial
    // then, as work of its own (the changed files already answer), the other files for terms they newly define
    this.#serial(async () => {
      await this.#rescan({ isCancellationRequested: false });
      if (this.#host.scheduler.now() - this.#lastSave >= SAVE_INTERVAL_MS) await this.flush();
    }).catch(() => undefined);
  }

  // ---- lookup tables ----

  /** Brings the lookup tables up to date for one file key (after its disk entry or its open summary changed). */
  #reindex(key: string): void {
    const before = this.#indexed.get(key);
    const open = this.#open.get(key);
    const disk = this.#disk.get(key);
    const now = open !== undefined ? open : disk?.summary === undefined ? undefined : { uri: disk.uri, summary: disk.summary };
    if (before !== undefined && now !== undefined && before.summary === now.summary && before.uri === now.uri) return;
    if (before !== undefined) {
      for (const n of documentNameKeys(before.summary.title ?? '', before.uri, this.#table)) removeFrom(this.#namedIn, n, key);
      // a key defined nowhere now is forgotten: defined again later, it is a new key with a new generation
      for (const d of before.summary.definitions) if (removeFrom(this.#definedIn, d.key, key)) this.#keyGeneration.delete(d.key);
      for (const t of before.summary.terms) removeFrom(this.#usedIn, t.key, key);
      this.#indexed.delete(key);
      this.#order = undefined;
    }
    if (now?.summary === undefined) return;
    if (!this.#indexed.has(key)) this.#order = undefined;
    this.#indexed.set(key, { uri: now.uri, summary: now.summary });
    for (const d of now.summary.definitions) {
      // a new key, or a short one defined by one more file (it may now be a glossary's: see #mentionable)
      const files = this.#definedIn.get(d.key);
      if (files === undefined || (d.key.length < 3 && !files.has(key))) this.#keyGeneration.set(d.key, ++this.#generation);
      addTo(this.#definedIn, d.key, key);
    }
    for (const t of now.summary.terms) if (t.uses.length > 0) addTo(this.#usedIn, t.key, key);
    for (const n of documentNameKeys(now.summary.title ?? '', now.uri, this.#table)) addTo(this.#namedIn, n, key);
  }

  #fileSymbols(file: { readonly uri: string; readonly summary: ReportSummary }): FileSymbols {
    const { summary } = file;
    const cached = this.#symbols.get(summary);
    if (cached !== undefined) return cached;
    // A disk file's names are shared through the pool and the folded headings; an open version's are its own, so that
    // nothing of a document that is not a workspace file outlives its closing (its symbols go with its summary).
    const shared = this.#disk.get(fileKey(file.uri))?.summary === summary;
    const own = (s: string): string => (shared ? this.#pool.intern(s, true) : s);
    const folded: string[] = [];
    for (const h of summary.outline) {
      let name = this.#foldedHeadings.get(h.name);
      if (name === undefined) {
        name = own(foldForSearch(headingSymbolName(h), this.#table));
        if (shared && h.name.trim() !== '') this.#foldedHeadings.set(h.name, name); // a blank name's symbol is its marker or kind
        if (this.#foldedHeadings.size > MAX_FOLDED_HEADINGS) this.#foldedHeadings.clear();
      }
      folded.push(name);
    }
    const definitions: number[] = [];
    const seen = new Set<string>();
    summary.definitions.forEach((d, i) => {
      if (seen.has(d.key)) return; // a term once, where it is first defined
      seen.add(d.key);
      folded.push(own(foldForSearch(d.name, this.#table)));
      definitions.push(i);
    });
    const result = { folded, definitions };
    this.#symbols.set(summary, result);
    return result;
  }

  /** The `i`th symbol of a file (`#fileSymbols`): a heading of its outline, then a term it defines. */
  #symbolAt(file: { readonly uri: string; readonly summary: ReportSummary }, i: number): WorkspaceSymbol {
    const { uri, summary } = file;
    const container = (section: number): string | undefined => (section >= 0 ? summary.outline[section]?.name : undefined);
    const h = summary.outline[i];
    if (h !== undefined) return { name: headingSymbolName(h), kind: h.kind, uri, range: { start: h.start, end: h.end }, containerName: container(h.parent) };
    const d = summary.definitions[this.#fileSymbols(file).definitions[i - summary.outline.length]!]!;
    return { name: d.name, kind: 'term', uri, range: definitionRange(d), containerName: container(d.section) };
  }
}

/** A heading's name in workspace symbols: one line, or its marker or kind when it has no title. */
function headingSymbolName(h: SummaryHeading): string {
  return h.name.replace(/\s+/g, ' ').trim() || h.marker.trim() || h.kind;
}

/** Where a definition's term is written (a term is on one line). */
function definitionRange(d: SummaryDefinition): IndexRange {
  return { start: { line: d.line, character: d.character }, end: { line: d.line, character: d.character + d.length } };
}

function deferred(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function addTo(map: Map<string, Set<string>>, key: string, file: string): void {
  let set = map.get(key);
  if (set === undefined) map.set(key, (set = new Set()));
  set.add(file);
}

/** Takes `file` out of the set at `key`, and the set out of the map once empty; true when it took the set out. */
function removeFrom(map: Map<string, Set<string>>, key: string, file: string): boolean {
  const files = map.get(key);
  if (files === undefined) return false;
  files.delete(file);
  return files.size === 0 && map.delete(key);
}

function isInside(key: string, folderKey: string): boolean {
  return key.length > folderKey.length && key.startsWith(folderKey) && key.charCodeAt(folderKey.length) === 0x2f;
}

/**
 * A glob as a test on a path relative to a workspace folder (`/`-separated): `**` any run of characters (folders
 * too; `**\/` also none), `*` any run without `/`, `?` one character but `/`; anything else itself (case-sensitive).
 * Matched by dynamic programming over pattern and path: O(pattern × path), no backtracking.
 */
export function compileGlob(glob: string): (path: string) => boolean {
  type Token = { readonly kind: 'any' | 'dirs' | 'star' | 'one' } | { readonly kind: 'char'; readonly code: number };
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        tokens.push({ kind: 'dirs' });
        i += 2;
      } else {
        tokens.push({ kind: 'any' });
        i += 1;
      }
    } else if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', code: glob.charCodeAt(i) });
  }
  return (path: string): boolean => {
    // reach[j]: the tokens so far can match path[0, j)
    let reach = new Uint8Array(path.length + 1);
    reach[0] = 1;
    for (const t of tokens) {
      const next = new Uint8Array(path.length + 1);
      for (let j = 0; j <= path.length; j++) {
        if (t.kind === 'any' || t.kind === 'star' || t.kind === 'dirs') {
          // carries a match forward over characters (star: not over '/'); dirs: only to just after a '/'
          if (reach[j] === 1 || (j > 0 && next[j - 1] === 1 && (t.kind !== 'star' || path.charCodeAt(j - 1) !== 0x2f) && t.kind !== 'dirs')) next[j] = 1;
        } else if (j > 0 && reach[j - 1] === 1) {
          const c = path.charCodeAt(j - 1);
          if (t.kind === 'one' ? c !== 0x2f : t.kind === 'char' && c === t.code) next[j] = 1;
        }
      }
      if (t.kind === 'dirs') {
        // ** followed by /: none, or any run that ends with '/'
        let open = false;
        for (let j = 0; j <= path.length; j++) {
          if (reach[j] === 1) open = true;
          if (open && j > 0 && path.charCodeAt(j - 1) === 0x2f) next[j] = 1;
        }
      }
      reach = next;
    }
    return reach[path.length] === 1;
  };
}
