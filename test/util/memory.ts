/**
 * The report service in the test process, with an in-memory host (the Markdown language service's InMemoryWorkspace,
 * for this service): the workspace's files are a map from URI to bytes that a test writes and deletes (and whose
 * change events it fires, or not), the open documents are a map a test opens and closes documents in, written with
 * the cursor marked ‸. The codec and the script converters are the Node host's (iconv-lite, opencc-js): they are
 * what the service must be given, not what is tested here. Lives under test/: never in a product bundle.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, Position } from 'vscode-languageserver';
import { createReportService, type ReportLanguageService, type ReportServiceOptions } from '../../server/src/service';
import type { OpenDocuments } from '../../server/src/service/documents';
import { canonicalUri } from '../../server/src/service/files';
import type { HostFileChange, HostFiles, HostFileStat, HostFileType, ReportHost } from '../../server/src/service/host';
import { withCursor } from './corpus';
import { nodeHost } from './host';

export const NEVER: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** Files by URI (as a file system: one file however its URI is spelled), in memory. Each call is counted, so a test can tell what the service read. */
export class MemoryFiles implements HostFiles {
  readonly #files = new Map<string, { readonly bytes: Uint8Array; readonly mtime: number }>();
  readonly #listeners = new Set<(changes: readonly HostFileChange[]) => void>();
  #clock = 1;
  readonly calls = { readDirectory: 0, stat: 0, readFile: 0 };

  /** Writes a file (UTF-8 for a string) and, unless `notify` is false, fires its change event. */
  write(written: string, content: string | Uint8Array, notify = true): void {
    const uri = canonicalUri(written);
    const existed = this.#files.has(uri);
    this.#files.set(uri, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime: this.#clock++ });
    if (notify) this.fire([{ uri: written, type: existed ? 'changed' : 'created' }]);
  }

  delete(written: string, notify = true): void {
    this.#files.delete(canonicalUri(written));
    if (notify) this.fire([{ uri: written, type: 'deleted' }]);
  }

  fire(changes: readonly HostFileChange[]): void {
    for (const listener of this.#listeners) listener(changes);
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, HostFileType]> | undefined> {
    this.calls.readDirectory++;
    const folder = canonicalUri(uri);
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const entries = new Map<string, HostFileType>();
    for (const file of this.#files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash)), slash < 0 ? 'file' : 'directory');
    }
    return entries.size === 0 ? undefined : [...entries];
  }

  async stat(uri: string): Promise<HostFileStat | undefined> {
    this.calls.stat++;
    const file = this.#files.get(canonicalUri(uri));
    return file === undefined ? undefined : { size: file.bytes.length, mtime: file.mtime };
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    this.calls.readFile++;
    return this.#files.get(canonicalUri(uri))?.bytes;
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

export function memoryHost(files: MemoryFiles | undefined = new MemoryFiles()): ReportHost {
  return {
    codec: nodeHost.codec,
    scripts: nodeHost.scripts,
    files,
    logger: { error: () => undefined, info: () => undefined },
    scheduler: { now: () => 0, yield: () => Promise.resolve() },
  };
}

/** A service on an in-memory host, with the documents a test opens in it. */
export class InMemoryWorkspace {
  readonly files: MemoryFiles;
  readonly documents = new MemoryDocuments();
  readonly service: ReportLanguageService;

  constructor(options: ReportServiceOptions & { readonly folders?: readonly string[]; readonly watched?: boolean } = {}) {
    this.files = new MemoryFiles();
    this.service = createReportService(memoryHost(this.files), { ...options, documents: this.documents });
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
