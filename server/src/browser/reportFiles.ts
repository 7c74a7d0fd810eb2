/**
 * The report files of the workspace folders, read through the host's files (in the browser: through the client, which
 * reads them with `vscode.workspace.fs`) rather than from disk: the same behaviour and exports as
 * ../workspace/reportFiles.ts, which the browser bundle replaces with this module (scripts/bundle.mjs,
 * BROWSER_SUBSTITUTES). Folders and files are URIs of any scheme (vscode-remote:, vscode-vfs:, file:).
 *
 * Every `.txt`, `.text`, `.md` or `.markdown` file below a folder (not in hidden folders or node_modules), decoded as
 * the command line does, summarised once by the caller's function and kept until its size or modification time
 * changes. The walk yields after each file it reads and stops when the request is cancelled; one pass reads at most
 * MAX_BYTES_PER_PASS.
 */
import type { HostFiles } from '../service/host';
import { decodeBytes } from '../workspace/encoding';
import { currentFiles } from './host';
import { setImmediate } from './shims';

export const REPORT_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown']);
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);
export const MAX_REPORT_FILES = 5000;
export const MAX_BYTES_PER_PASS = 256 * 1024 * 1024;

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export type FilesProgress = (read: number, toRead: number) => void;

interface Cached<T> {
  readonly mtime: number;
  readonly size: number;
  readonly summary: T | undefined;
}

interface Candidate {
  readonly uri: string;
  readonly mtime: number;
  readonly size: number;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function child(folder: string, name: string): string {
  return `${folder.endsWith('/') ? folder.slice(0, -1) : folder}/${encodeURIComponent(name)}`;
}

export class ReportFiles<T> {
  #folders: readonly string[] = [];
  readonly #cache = new Map<string, Cached<T>>();
  readonly #summarize: (uri: string, text: string) => T | undefined;
  readonly #maxBytes: () => number;
  readonly #files: () => HostFiles | undefined;

  /**
   * @param summarize what is kept of a file (undefined: not a report); it gets the file's URI and decoded text
   * @param maxBytes the size limit in bytes (read anew for each pass)
   * @param files where the files are read (by default the running browser server's client)
   */
  constructor(summarize: (uri: string, text: string) => T | undefined, maxBytes: () => number, files: () => HostFiles | undefined = currentFiles) {
    this.#summarize = summarize;
    this.#maxBytes = maxBytes;
    this.#files = files;
  }

  /** The workspace folders' URIs. Files outside them are forgotten. */
  setFolders(uris: readonly string[]): void {
    this.#folders = uris.map((uri) => (uri.endsWith('/') ? uri.slice(0, -1) : uri));
    for (const uri of this.#cache.keys()) {
      if (!this.#folders.some((folder) => uri.startsWith(`${folder}/`))) this.#cache.delete(uri);
    }
  }

  get folderCount(): number {
    return this.#folders.length;
  }

  /** The summary of every report file, by URI, in path order; undefined when cancelled. */
  async summaries(token: Cancellation, progress?: FilesProgress): Promise<Array<{ readonly uri: string; readonly summary: T }> | undefined> {
    const candidates = await this.#candidates(token);
    if (candidates === undefined) return undefined;
    const seen = new Set(candidates.map((c) => c.uri));
    for (const uri of this.#cache.keys()) if (!seen.has(uri)) this.#cache.delete(uri);
    const stale = candidates.filter((c) => !this.#fresh(c));
    let read = 0;
    let bytes = 0;
    for (const candidate of stale) {
      if (token.isCancellationRequested) return undefined;
      bytes += candidate.size;
      if (bytes > MAX_BYTES_PER_PASS && read > 0) break;
      progress?.(read, stale.length);
      this.#cache.set(candidate.uri, { mtime: candidate.mtime, size: candidate.size, summary: await this.#read(candidate.uri) });
      read++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (stale.length > 0) progress?.(read, stale.length);
    const result: Array<{ readonly uri: string; readonly summary: T }> = [];
    for (const { uri } of candidates) {
      const summary = this.#cache.get(uri)?.summary;
      if (summary !== undefined) result.push({ uri, summary });
    }
    return result;
  }

  #fresh(candidate: Candidate): boolean {
    const cached = this.#cache.get(candidate.uri);
    return cached !== undefined && cached.mtime === candidate.mtime && cached.size === candidate.size;
  }

  async #read(uri: string): Promise<T | undefined> {
    const bytes = await this.#files()?.readFile(uri);
    if (bytes === undefined) return undefined; // unreadable (removed meanwhile): nothing to show
    try {
      return this.#summarize(uri, decodeBytes(bytes).text);
    } catch {
      return undefined;
    }
  }

  /** The report files below the folders, in path order, with their size and modification time. */
  async #candidates(token: Cancellation): Promise<Candidate[] | undefined> {
    const files = this.#files();
    if (files === undefined) return [];
    const limit = this.#maxBytes();
    const found: Candidate[] = [];
    const pending = [...this.#folders].reverse();
    const visited = new Set<string>();
    for (let dir = pending.pop(); dir !== undefined && found.length < MAX_REPORT_FILES; dir = pending.pop()) {
      if (token.isCancellationRequested) return undefined;
      if (visited.has(dir)) continue;
      visited.add(dir);
      const entries = [...((await files.readDirectory(dir)) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const subfolders: string[] = [];
      for (const [name, type] of entries) {
        if (type === 'directory') {
          if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) subfolders.push(child(dir, name));
        } else if (REPORT_FILE_EXTENSIONS.has(extensionOf(name))) {
          const uri = child(dir, name);
          const stat = await files.stat(uri);
          if (stat !== undefined && stat.size <= limit) found.push({ uri, mtime: stat.mtime, size: stat.size });
          if (found.length >= MAX_REPORT_FILES) break;
        }
      }
      pending.push(...subfolders.reverse());
    }
    return found;
  }
}
