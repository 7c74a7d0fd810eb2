/**
 * The service's one view of the workspace's report files: the workspace index (workspaceIndex.ts), built once after
 * the client is ready (`build`, with progress), kept fresh by the host's file changes (workspace/didChangeWatchedFiles)
 * and stored in the storage folder the client gives (`indexStorage`), with the open documents' current versions laid
 * over the disk (`syncOpen`). Workspace symbols, cross-file definitions, references and rename read the index; the
 * citations feature finds the file a citation names through it and reads just that file (`readReport`, a few kept).
 *
 * Without change events from the client (`watched` false) a request that lists the workspace (symbols, references,
 * rename) first walks the folders again; only files whose size or modification time changed are read.
 */
import type { ReportModel } from '../core';
import type { DocumentCache, OpenDocuments } from './documents';
import type { HostDisposable, HostFiles, ReportHost } from './host';
import { maxDocumentBytes, type ReportSettings } from './settings';
import { fileKey, WorkspaceIndex, type Cancellation, type IndexProgress, type IndexTableSizes } from './workspaceIndex';

/** Report files read for citations, kept (most recently used last). */
const KEPT_REPORTS = 8;
/** The stored index is written this long (ms) after the last change to the files (and on shutdown). */
const FLUSH_DELAY_MS = 5_000;

export interface DiskReport {
  readonly uri: string;
  readonly text: string;
  readonly model: ReportModel;
}

/** Entries in the workspace's tables and its index's (tests). */
export interface WorkspaceTableSizes extends IndexTableSizes {
  readonly openUris: number;
  readonly keptReports: number;
}

export interface WorkspaceOptions {
  readonly host: ReportHost;
  readonly cache: DocumentCache;
  readonly open: OpenDocuments;
  readonly settings: () => ReportSettings;
  /** The server's version: a stored index written by another version is not used. */
  readonly version: string;
}

export class Workspace {
  readonly #options: WorkspaceOptions;
  /** `host.files` counting reads (tests and the status: an unchanged workspace reopened reads none). */
  readonly #host: ReportHost;
  #index: WorkspaceIndex;
  #folders: readonly string[] = [];
  #storage: string | undefined;
  #watched = false;
  /** The running or last build (undefined: none asked for yet). */
  #build: Promise<boolean> | undefined;
  /** Bumped when the index's content may have changed: open documents are summarised again against it. */
  #epoch = 0;
  readonly #openSummaries = new WeakMap<ReportModel, { readonly epoch: number; readonly uri: string }>();
  readonly #openUris = new Set<string>();
  readonly #reports = new Map<string, DiskReport>();
  readonly #subscription: HostDisposable | undefined;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** Files read through the host (tests: a second start over an unchanged workspace reads only the stored index). */
  reads = 0;
  /** Builds started (each walks the folders once). */
  walks = 0;

  constructor(options: WorkspaceOptions) {
    this.#options = options;
    const files = options.host.files;
    this.#host = files === undefined ? options.host : { ...options.host, files: this.#counting(files) };
    this.#index = this.#create();
    this.#subscription = files?.onDidChange((changes) => {
      for (const { uri } of changes) this.#reports.delete(fileKey(uri));
      // once the index has taken the changes in (new terms defined), open documents are scanned again for them
      void options.host.scheduler
        .yield()
        .then(() => this.#index.settled())
        .then(() => {
          this.#epoch++;
          this.#flushLater();
        });
    });
  }

  get index(): WorkspaceIndex {
    return this.#index;
  }

  /** What the workspace holds (tests: nothing of a closed document that is not a workspace file). */
  get tableSizes(): WorkspaceTableSizes {
    return { openUris: this.#openUris.size, keptReports: this.#reports.size, ...this.#index.tableSizes };
  }

  get folderCount(): number {
    return this.#options.host.files === undefined ? 0 : this.#folders.length;
  }

  /** The folder the index's cache file is stored in (undefined: not stored). Takes effect at the next build. */
  setStorage(uri: string | undefined): void {
    this.#storage = uri;
    this.#replaceIndex();
  }

  setFolders(uris: readonly string[]): void {
    this.#folders = [...uris];
    this.#reports.clear();
    if (this.#build !== undefined) void this.build();
  }

  set watched(value: boolean) {
    this.#watched = value;
  }

  /** The settings that choose files (globs, the size limit) changed: a new index, built again if one was. */
  settingsChanged(): void {
    this.#replaceIndex();
    if (this.#build !== undefined) void this.build();
  }

  /** A new index with the current options: the open documents are given to it anew. */
  #replaceIndex(): void {
    this.#index.dispose();
    this.#index = this.#create();
    this.#openUris.clear();
    this.#reports.clear();
    this.#epoch++;
  }

  /** Builds (or brings up to date) the index over the folders; false when cancelled. */
  build(token?: Cancellation, progress?: IndexProgress): Promise<boolean> {
    this.walks++;
    const index = this.#index;
    const run = index.build(this.#folders, token, progress).then(
      (done) => {
        this.#epoch++;
        this.#options.host.logger.info(`workspace index: ${index.filesCount} report files, ${this.reads} files read`);
        return done;
      },
      (e: unknown) => {
        // never a rejection nobody handles (a build started by a folder change is not awaited)
        this.#options.host.logger.error(`workspace index: ${String(e)}`);
        return false;
      },
    );
    this.#build = run;
    return run;
  }

  /**
   * The index as a request that lists the workspace needs it: built (started now if no build was asked for), walked
   * again when no change events keep it fresh, the open documents' versions laid over it.
   */
  async current(token?: Cancellation, progress?: IndexProgress): Promise<WorkspaceIndex> {
    if (this.#build === undefined || !this.#watched) await this.build(token, progress);
    else await this.#build;
    await this.#index.settled(); // the changes reported so far

    this.syncOpen();
    return this.#index;
  }

  /**
   * Waits for the build in progress, if one is (none is started): for a request that found nothing in the index as it
   * was (a citation of a law the first walk has not reached yet). True when it waited.
   */
  async waitForBuild(): Promise<boolean> {
    const run = this.#build;
    if (run === undefined || this.#built.has(run)) return false;
    await run;
    this.#built.add(run);
    return true;
  }

  /** Builds known to have ended (waitForBuild waits once for each). */
  readonly #built = new WeakSet<Promise<boolean>>();

  /** The index as hover and definition need it: what it holds now (a build in progress is not waited for). */
  async answering(): Promise<WorkspaceIndex> {
    if (this.#build === undefined) void this.build();
    await this.#index.ready();
    this.syncOpen();
    return this.#index;
  }

  /** Gives the index the summary of each open document's current version (made once per version and index state). */
  syncOpen(): void {
    const { cache, open } = this.#options;
    const seen = new Set<string>();
    for (const document of open.all()) {
      const analyzed = cache.analyzed(document);
      if (analyzed === undefined) continue;
      seen.add(document.uri);
      const known = this.#openSummaries.get(analyzed.model);
      if (known !== undefined && known.epoch === this.#epoch && known.uri === document.uri && this.#openUris.has(document.uri)) continue;
      const terms = cache.terms(analyzed);
      if (terms === undefined) continue;
      this.#index.setOpen(document.uri, this.#index.summarizeOpen(document.uri, analyzed.document.getText(), analyzed.model, terms));
      this.#openSummaries.set(analyzed.model, { epoch: this.#epoch, uri: document.uri });
      this.#openUris.add(document.uri);
    }
    for (const uri of [...this.#openUris]) if (!seen.has(uri)) this.closed(uri);
  }

  /** A document was closed: the disk's file counts again. */
  closed(uri: string): void {
    if (!this.#openUris.delete(uri)) return;
    this.#index.setOpen(uri, undefined);
  }

  /** A report file as it is on disk, read and analysed (the last few kept until they change); undefined if unreadable or not analysed. */
  async readReport(uri: string): Promise<DiskReport | undefined> {
    const key = fileKey(uri);
    const kept = this.#reports.get(key);
    if (kept !== undefined) {
      this.#reports.delete(key);
      this.#reports.set(key, kept);
      return kept;
    }
    const files = this.#host.files;
    const stat = await files?.stat(uri);
    if (files === undefined || stat === undefined || stat.size > maxDocumentBytes(this.#options.settings())) return undefined;
    const bytes = await files.readFile(uri);
    if (bytes === undefined) return undefined;
    const text = this.#host.codec.decode(bytes).text;
    const model = this.#options.cache.analyzeText(text);
    if (model === undefined) return undefined;
    const report = { uri, text, model };
    this.#reports.set(key, report);
    if (this.#reports.size > KEPT_REPORTS) this.#reports.delete(this.#reports.keys().next().value!);
    return report;
  }

  /** Writes the stored index now if it changed (on shutdown). */
  flush(): Promise<void> {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    return this.#index.flush();
  }

  /** Writes the stored index once the changes have stopped for FLUSH_DELAY_MS (a timer: both hosts have one). */
  #flushLater(): void {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      void this.#index.flush();
    }, FLUSH_DELAY_MS);
    // in Node the timer does not keep the process alive (a worker's timer is a number, without unref)
    (this.#flushTimer as { unref?: () => void }).unref?.();
  }

  dispose(): void {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    this.#subscription?.dispose();
    this.#index.dispose();
    this.#reports.clear();
  }

  #create(): WorkspaceIndex {
    const settings = this.#options.settings();
    return new WorkspaceIndex(this.#host, {
      extraGlobs: settings.extraFileGlobs,
      glossaryGlobs: settings.glossaryGlobs,
      maxFileBytes: maxDocumentBytes(settings),
      analyzerVersion: this.#options.version,
      ...(this.#storage === undefined ? {} : { storageUri: this.#storage }),
    });
  }

  #counting(files: HostFiles): HostFiles {
    return {
      readDirectory: (uri) => files.readDirectory(uri),
      stat: (uri) => files.stat(uri),
      readFile: (uri) => {
        this.reads++;
        return files.readFile(uri);
      },
      ...(files.writeFile === undefined ? {} : { writeFile: (uri: string, bytes: Uint8Array) => files.writeFile!(uri, bytes) }),
      onDidChange: (listener) => files.onDidChange(listener),
    };
  }
}
