/**
 * The report service (and the workspace index) in the test process, with an in-memory host (the Markdown language
 * service's InMemoryWorkspace, for this service): the workspace's files are a map from URI to bytes that a test writes and deletes (and whose
 * change events it fires, or not), the open documents are a map a test opens and closes documents in, written with
 * the cursor marked ‸. The codec and the script converters are the Node host's (iconv-lite, opencc-js): they are
 * what the service must be given, not what is tested here. Lives under test/: never in a product bundle.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, Position } from 'vscode-languageserver';
import { createReportService, type ReportLanguageService, type ReportServiceOptions } from '../../server/src/service';
import type { OpenDocuments } from '../../server/src/service/documents';
import type { HostFileChange, HostFiles, HostFileStat, HostFileType, ReportHost } from '../../server/src/service/host';
import { fileKey } from '../../server/src/service/workspaceIndex';
import { withCursor } from './corpus';
import { nodeHost } from './host';

export const NEVER: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/**
 * Files by URI (as a file system: one file however its URI is spelled: %E5… or 名), in memory, with a size and an
 * mtime that moves on every write. Each call is counted (`calls`, and `reads` per URI as asked), so a test can tell
 * what the service or the index read; writes (the index's cache file) land in the map.
 */
export class MemoryFiles implements HostFiles {
  readonly #files = new Map<string, { readonly bytes: Uint8Array; readonly mtime: number }>();
  readonly #listeners = new Set<(changes: readonly HostFileChange[]) => void>();
  #clock = 1_700_000_000_000;
  readonly calls = { readDirectory: 0, stat: 0, readFile: 0, writeFile: 0 };
  /** How many times each URI (as asked) was read. */
  readonly reads = new Map<string, number>();

  /** Writes a file (UTF-8 for a string) and, unless `notify` is false, fires its change event. */
  write(written: string, content: string | Uint8Array, notify = true): void {
    const existed = this.has(written);
    this.put(written, content);
    if (notify) this.fire([{ uri: written, type: existed ? 'changed' : 'created' }]);
  }

  /** Writes a file without telling the listeners: the test fires the change when it wants. */
  put(uri: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.#files.set(fileKey(uri), { bytes, mtime: (this.#clock += 1000) });
  }

  delete(written: string, notify = true): void {
    this.remove(written);
    if (notify) this.fire([{ uri: written, type: 'deleted' }]);
  }

  /** Removes a file without telling the listeners. */
  remove(uri: string): void {
    this.#files.delete(fileKey(uri));
  }

  has(uri: string): boolean {
    return this.#files.has(fileKey(uri));
  }

  get(uri: string): Uint8Array | undefined {
    return this.#files.get(fileKey(uri))?.bytes;
  }

  /** Tells the listeners about changes, as workspace/didChangeWatchedFiles would. */
  fire(changes: readonly HostFileChange[]): void {
    for (const listener of this.#listeners) listener(changes);
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, HostFileType]> | undefined> {
    this.calls.readDirectory++;
    const prefix = `${fileKey(uri).replace(/\/+$/, '')}/`;
    const entries = new Map<string, HostFileType>();
    for (const file of this.#files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return entries.size === 0 ? undefined : [...entries];
  }

  async stat(uri: string): Promise<HostFileStat | undefined> {
    this.calls.stat++;
    const file = this.#files.get(fileKey(uri));
    return file === undefined ? undefined : { size: file.bytes.length, mtime: file.mtime };
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    this.calls.readFile++;
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    return this.#files.get(fileKey(uri))?.bytes;
  }

  async writeFile(uri: string, bytes: Uint8Array): Promise<void> {
    this.calls.writeFile++;
    this.put(uri, bytes);
  }

  onDidChange(listener: (changes: readonly HostFileChange[]) => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }
}

/** The open documents, by URI. */
export class MemoryDocuments implements OpenDocuments {
  readonly #documents = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.#documents.get(uri);
  }

  all(): readonly TextDocument[] {
    return [...this.#documents.values()];
  }

  set(document: TextDocument): void {
    this.#documents.set(document.uri, document);
  }

  delete(uri: string): void {
    this.#documents.delete(uri);
  }
}

export interface MemoryHost extends ReportHost {
  readonly files: MemoryFiles;
  /** The log lines (`error: …` for errors). */
  readonly log: string[];
}

/** A host over `files` with the Node host's codec and converters (iconv-lite, opencc-js); log lines kept in `log`. */
export function memoryHost(files = new MemoryFiles()): MemoryHost {
  const log: string[] = [];
  return {
    codec: nodeHost.codec,
    scripts: nodeHost.scripts,
    files,
    log,
    logger: { error: (m) => log.push(`error: ${m}`), info: (m) => log.push(m) },
    scheduler: { now: () => Date.now(), yield: () => new Promise<void>((resolve) => setImmediate(resolve)) },
  };
}

/** A service on an in-memory host, with the documents a test opens in it. */
export class InMemoryWorkspace {
  readonly files: MemoryFiles;
  readonly host: MemoryHost;
  readonly documents = new MemoryDocuments();
  readonly service: ReportLanguageService;

  /** `files`: the disk (shared by several services in a test of the stored index); a new one by default. */
  constructor(options: ReportServiceOptions & { readonly folders?: readonly string[]; readonly watched?: boolean; readonly files?: MemoryFiles } = {}) {
    this.files = options.files ?? new MemoryFiles();
    this.host = memoryHost(this.files);
    this.service = createReportService(this.host, { ...options, documents: this.documents });
    this.service.setFolders(options.folders ?? []);
    this.service.setFilesWatched(options.watched ?? true);
  }

  /** Opens a document; text with one ‸ gives the cursor's position too. */
  open(uri: string, text: string, languageId = 'zh-report'): { readonly document: TextDocument; readonly position: Position; readonly warning: string | undefined } {
    const marked = text.includes('‸');
    const { text: plain, offset } = marked ? withCursor(text) : { text, offset: 0 };
    const version = (this.documents.get(uri)?.version ?? 0) + 1;
    const document = TextDocument.create(uri, languageId, version, plain);
    this.documents.set(document);
    const warning = this.service.documentChanged(document);
    return { document, position: document.positionAt(offset), warning };
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.service.documentClosed(uri);
  }
}

/** The position of the `n`-th (0-based) occurrence of `needle` in the document, `into` code units into it. */
export function positionOf(document: TextDocument, needle: string, n = 0, into = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = document.getText().indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} #${n} not in ${document.uri}`);
  }
  return document.positionAt(at + into);
}
