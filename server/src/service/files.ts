/**
 * The report files of the workspace folders, read through the host (`host.files`): every `.txt`, `.text`, `.md` or
 * `.markdown` file below a folder (not in hidden folders or node_modules), decoded by the host (UTF-8, UTF-16 with a
 * BOM, else GB18030) and analysed once; what the features derive from a file (its symbols, its citations) is kept
 * with its model.
 *
 * The folders are walked once. After that, when the host reports changes (`host.files.onDidChange`, fed by
 * workspace/didChangeWatchedFiles) and the service is told so (`watching`), only the files changed, created or
 * deleted are read again; without change events every pass walks the folders and compares each file's size and
 * modification time with what was read (the disk is the only source). Files over the size limit are not read;
 * binary files and files that are not reports are remembered as such, so they are not read again.
 *
 * A pass yields to the host after each file it reads (other requests are answered meanwhile) and stops when the
 * request is cancelled. One pass reads at most MAX_BYTES_PER_PASS; files left over are read by the next.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { ReportModel } from '../core';
import type { HostDisposable, HostFileChange, ReportHost } from './host';

export const REPORT_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown']);
/** Folders never walked (besides hidden ones: .git, .vscode …). */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);
/** At most this many files are looked at in all the folders together. */
export const MAX_REPORT_FILES = 5000;
/** One pass reads at most this many bytes (a folder full of large logs): the rest is read by the next passes. */
export const MAX_BYTES_PER_PASS = 256 * 1024 * 1024;

/** How far a pass over the files has come: files read so far (not answered from the cache) and files to read. */
export type FilesProgress = (read: number, toRead: number) => void;

/** A report file as it is on disk: its decoded text and its model. */
export interface DiskReport {
  readonly uri: string;
  readonly text: string;
  readonly model: ReportModel;
}

interface Known {
  /** Size and modification time when read; -1 before. */
  size: number;
  mtime: number;
  /** Read since the last change event (or, without events, since the last size/mtime change). */
  fresh: boolean;
  report: DiskReport | undefined;
}

export interface FilesOptions {
  /** The analysis of a file's text; undefined when it is over the size limit or binary. */
  readonly analyze: (text: string) => ReportModel | undefined;
  /** The size limit in bytes (read anew for each pass). */
  readonly maxBytes: () => number;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function isReportFileName(uri: string): boolean {
  return REPORT_FILE_EXTENSIONS.has(extensionOf(uri.slice(uri.lastIndexOf('/') + 1)));
}

/** A path segment encoded as VS Code writes URIs: everything but A–Z a–z 0–9 - . _ ~ percent-encoded (also ! ' ( ) *). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * One spelling per URI, so that a file's URI from a walk, from a change event and from an open document compare equal
 * (`file:///a/b%20(1).txt` and `file:///a/b%20%281%29.txt` are the same file): the path's segments decoded and
 * encoded again as VS Code encodes them.
 */
export function canonicalUri(uri: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*)(.*)$/.exec(uri);
  if (m === null) return uri;
  const path = (m[2] ?? '').split('/').map((segment) => {
    try {
      return encodeSegment(decodeURIComponent(segment));
    } catch {
      return segment;
    }
  });
  return `${m[1] ?? ''}${path.join('/')}`;
}

function childUri(folder: string, name: string): string {
  return `${folder.endsWith('/') ? folder : `${folder}/`}${encodeSegment(name)}`;
}

function isInside(uri: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return uri.startsWith(prefix);
}

export class WorkspaceFiles {
  readonly #host: ReportHost;
  readonly #options: FilesOptions;
  #folders: readonly string[] = [];
  /** The report files found by the last walk, in path order (undefined: walk again). */
  #list: string[] | undefined;
  readonly #known = new Map<string, Known>();
  /** True when change events keep the list fresh (the client watches the files for the server). */
  #watching = false;
  readonly #subscription: HostDisposable | undefined;

  constructor(host: ReportHost, options: FilesOptions) {
    this.#host = host;
    this.#options = options;
    this.#subscription = host.files?.onDidChange((changes) => this.#changed(changes));
  }

  /** The workspace folders (URIs). Files outside them are forgotten; the next pass walks again. */
  setFolders(uris: readonly string[]): void {
    this.#folders = uris.map(canonicalUri);
    this.#list = undefined;
    for (const uri of this.#known.keys()) {
      if (!this.#folders.some((folder) => isInside(uri, folder))) this.#known.delete(uri);
    }
  }

  get folderCount(): number {
    return this.#host.files === undefined ? 0 : this.#folders.length;
  }

  /** Whether change events arrive for the workspace's files (then the folders are walked once, not on every pass). */
  set watching(value: boolean) {
    this.#watching = value;
  }

  /** How many times the folders were walked (tests: once while change events arrive). */
  walks = 0;
  /** How many files were read (tests). */
  reads = 0;

  /**
   * Every report file, in path order; undefined when cancelled. Reads only the files that are new or changed since
   * they were last read.
   */
  async reports(token: CancellationToken, progress?: FilesProgress): Promise<DiskReport[] | undefined> {
    const files = this.#host.files;
    if (files === undefined || this.#folders.length === 0) return [];
    if (this.#list === undefined || !this.#watching) {
      const list = await this.#walk(token);
      if (list === undefined) return undefined;
      this.#list = list;
    }
    const list = this.#list;
    const limit = this.#options.maxBytes();
    const stale: Array<{ uri: string; known: Known | undefined; size: number; mtime: number }> = [];
    for (const uri of list) {
      if (token.isCancellationRequested) return undefined;
      const known = this.#known.get(uri);
      if (known?.fresh === true && this.#watching) continue;
      const stat = await files.stat(uri);
      if (stat === undefined) continue;
      if (known !== undefined && known.size === stat.size && known.mtime === stat.mtime) {
        known.fresh = true;
        continue;
      }
      if (stat.size > limit) {
        this.#known.set(uri, { size: stat.size, mtime: stat.mtime, fresh: true, report: undefined });
        continue;
      }
      stale.push({ uri, known, size: stat.size, mtime: stat.mtime });
    }
    let read = 0;
    let bytes = 0;
    for (const file of stale) {
      if (token.isCancellationRequested) return undefined;
      bytes += file.size;
      if (bytes > MAX_BYTES_PER_PASS && read > 0) break;
      progress?.(read, stale.length);
      this.#known.set(file.uri, { size: file.size, mtime: file.mtime, fresh: true, report: await this.#read(file.uri) });
      read++;
      await this.#host.scheduler.yield();
    }
    if (stale.length > 0) progress?.(read, stale.length);
    const out: DiskReport[] = [];
    for (const uri of list) {
      const report = this.#known.get(uri)?.report;
      if (report !== undefined) out.push(report);
    }
    return out;
  }

  /** The size limit changed: every file is looked at again on the next pass (some are now over it, some under). */
  limitChanged(): void {
    this.#known.clear();
  }

  dispose(): void {
    this.#subscription?.dispose();
    this.#known.clear();
  }

  #changed(changes: readonly HostFileChange[]): void {
    for (const { uri, type } of changes) {
      const change = { uri: canonicalUri(uri), type };
      if (!isReportFileName(change.uri) && change.type !== 'deleted') continue;
      if (change.type === 'changed') {
        const known = this.#known.get(change.uri);
        if (known !== undefined) {
          // read again whatever stat says (a write within the same millisecond keeps size and mtime)
          known.fresh = false;
          known.size = -1;
        }
        continue;
      }
      // created or deleted (a file, or a folder with everything below it): walk again on the next pass
      this.#list = undefined;
      if (change.type === 'deleted') {
        for (const uri of this.#known.keys()) if (uri === change.uri || isInside(uri, change.uri)) this.#known.delete(uri);
      }
    }
  }

  async #read(uri: string): Promise<DiskReport | undefined> {
    this.reads++;
    const bytes = await this.#host.files?.readFile(uri);
    if (bytes === undefined) return undefined; // unreadable (removed meanwhile, no permission): nothing to show
    const { text } = this.#host.codec.decode(bytes);
    const model = this.#options.analyze(text);
    return model === undefined ? undefined : { uri, text, model };
  }

  /** The report files below the folders, in path order. */
  async #walk(token: CancellationToken): Promise<string[] | undefined> {
    const files = this.#host.files;
    if (files === undefined) return [];
    this.walks++;
    const out: string[] = [];
    const pending = [...this.#folders].reverse();
    const visited = new Set<string>();
    for (let dir = pending.pop(); dir !== undefined && out.length < MAX_REPORT_FILES; dir = pending.pop()) {
      if (token.isCancellationRequested) return undefined;
      if (visited.has(dir)) continue;
      visited.add(dir);
      const entries = [...((await files.readDirectory(dir)) ?? [])];
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const subfolders: string[] = [];
      for (const [name, type] of entries) {
        if (type === 'directory') {
          if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) subfolders.push(childUri(dir, name));
        } else if (REPORT_FILE_EXTENSIONS.has(extensionOf(name))) {
          out.push(childUri(dir, name));
          if (out.length >= MAX_REPORT_FILES) break;
        }
      }
      pending.push(...subfolders.reverse());
    }
    const listed = new Set(out);
    for (const uri of this.#known.keys()) if (!listed.has(uri)) this.#known.delete(uri);
    return out;
  }
}
