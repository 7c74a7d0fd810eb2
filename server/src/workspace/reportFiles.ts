/**
 * The report files of the workspace folders, read from disk (for workspace symbols): every `.txt`, `.text`, `.md` or
 * `.markdown` file below a folder (not in hidden folders or node_modules), decoded as the command line does (UTF-8,
 * UTF-16 with a BOM, else GB18030), summarised once by the caller's function and kept until the file's size or
 * modification time changes. Files over the size limit are not read; binary files and files that are not reports
 * are the summary's to turn down (undefined), and that answer is kept too, so they are not read again.
 *
 * The walk yields to the event loop after each file it reads, so other requests are answered meanwhile, and stops
 * when the request is cancelled. One pass reads at most MAX_BYTES_PER_PASS; files left over are read by the next.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeBytes } from './encoding';

export const REPORT_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown']);
/** Folders never walked (besides hidden ones: .git, .vscode …). */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);
/** At most this many files are looked at in all the folders together. */
export const MAX_REPORT_FILES = 5000;
/** One pass reads at most this many bytes (a folder full of large logs): the rest is read by the next passes. */
export const MAX_BYTES_PER_PASS = 256 * 1024 * 1024;

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** How far a pass over the files has come: files read so far (not answered from the cache) and files in all. */
export type FilesProgress = (read: number, toRead: number) => void;

interface Cached<T> {
  readonly mtimeMs: number;
  readonly size: number;
  readonly summary: T | undefined;
}

interface Candidate {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export class ReportFiles<T> {
  #folders: readonly string[] = [];
  readonly #cache = new Map<string, Cached<T>>();
  readonly #summarize: (uri: string, text: string) => T | undefined;
  readonly #maxBytes: () => number;

  /**
   * @param summarize what is kept of a file (undefined: not a report); it gets the file's URI and decoded text
   * @param maxBytes the size limit in bytes (the documents' limit, read anew for each pass)
   */
  constructor(summarize: (uri: string, text: string) => T | undefined, maxBytes: () => number) {
    this.#summarize = summarize;
    this.#maxBytes = maxBytes;
  }

  /** The workspace folders, as `file:` URIs (others are ignored). Files outside them are forgotten. */
  setFolders(uris: readonly string[]): void {
    this.#folders = uris.flatMap((uri) => {
      try {
        return [path.resolve(fileURLToPath(uri))];
      } catch {
        return [];
      }
    });
    for (const file of this.#cache.keys()) {
      if (!this.#folders.some((folder) => isInside(file, folder))) this.#cache.delete(file);
    }
  }

  get folderCount(): number {
    return this.#folders.length;
  }

  /**
   * The summary of every report file, by URI, in path order; undefined when cancelled. Reads only the files that
   * are new or changed since the last pass.
   */
  async summaries(token: Cancellation, progress?: FilesProgress): Promise<Array<{ readonly uri: string; readonly summary: T }> | undefined> {
    const candidates = await this.#candidates(token);
    if (candidates === undefined) return undefined;
    const seen = new Set(candidates.map((c) => c.file));
    for (const file of this.#cache.keys()) if (!seen.has(file)) this.#cache.delete(file);
    const stale = candidates.filter((c) => !this.#fresh(c));
    let read = 0;
    let bytes = 0;
    for (const candidate of stale) {
      if (token.isCancellationRequested) return undefined;
      bytes += candidate.size;
      if (bytes > MAX_BYTES_PER_PASS && read > 0) break;
      progress?.(read, stale.length);
      this.#cache.set(candidate.file, { mtimeMs: candidate.mtimeMs, size: candidate.size, summary: await this.#read(candidate.file) });
      read++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (stale.length > 0) progress?.(read, stale.length);
    const result: Array<{ readonly uri: string; readonly summary: T }> = [];
    for (const { file } of candidates) {
      const summary = this.#cache.get(file)?.summary;
      if (summary !== undefined) result.push({ uri: pathToFileURL(file).href, summary });
    }
    return result;
  }

  #fresh(candidate: Candidate): boolean {
    const cached = this.#cache.get(candidate.file);
    return cached !== undefined && cached.mtimeMs === candidate.mtimeMs && cached.size === candidate.size;
  }

  async #read(file: string): Promise<T | undefined> {
    try {
      const bytes = await fs.readFile(file);
      return this.#summarize(pathToFileURL(file).href, decodeBytes(bytes).text);
    } catch {
      return undefined; // unreadable (removed meanwhile, no permission): nothing to show
    }
  }

  /** The report files below the folders, in path order, with their size and modification time. */
  async #candidates(token: Cancellation): Promise<Candidate[] | undefined> {
    const limit = this.#maxBytes();
    const files: Candidate[] = [];
    const pending = [...this.#folders].reverse();
    const visited = new Set<string>();
    for (let dir = pending.pop(); dir !== undefined && files.length < MAX_REPORT_FILES; dir = pending.pop()) {
      if (token.isCancellationRequested) return undefined;
      if (visited.has(dir)) continue;
      visited.add(dir);
      let entries: Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subfolders: string[] = [];
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) subfolders.push(full);
        } else if (entry.isFile() && REPORT_FILE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
          try {
            const stat = await fs.stat(full);
            if (stat.size <= limit) files.push({ file: full, mtimeMs: stat.mtimeMs, size: stat.size });
          } catch {
            // removed meanwhile
          }
          if (files.length >= MAX_REPORT_FILES) break;
        }
      }
      pending.push(...subfolders.reverse());
    }
    return files;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
