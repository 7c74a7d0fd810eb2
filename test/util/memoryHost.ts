/**
 * A ReportHost whose files live in memory: the real codec (iconv-lite) and script converter (opencc-js), files in a
 * map by URI with a size and an mtime that moves on every write, and file-change events fired by the test (as the
 * client's watcher would send them). Used by the workspace index tests; writes (the index's cache) land in the map.
 */
import { gbkCodec } from '../../server/src/node/codec';
import { converterTo, openccConverter } from '../../server/src/opencc';
import type { HostDecoded, HostFileChange, HostFileType } from '../../server/src/service/host';
import type { IndexHost, IndexHostFiles } from '../../server/src/service/workspaceIndex';
import { decodeBytes, decodeBytesAs } from '../../server/src/node/encoding';
import * as iconv from 'iconv-lite';

interface MemoryFile {
  bytes: Uint8Array;
  mtime: number;
}

export class MemoryFiles implements IndexHostFiles {
  readonly #files = new Map<string, MemoryFile>();
  readonly #listeners = new Set<(changes: readonly HostFileChange[]) => void>();
  #clock = 1_700_000_000_000;
  /** How many times each URI was read (readFile), for tests that check what was not read again. */
  readonly reads = new Map<string, number>();

  /** Writes a file (UTF-8 for a string) without telling the listeners: the test fires the change when it wants. */
  put(uri: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.#files.set(uri, { bytes, mtime: (this.#clock += 1000) });
  }

  remove(uri: string): void {
    this.#files.delete(uri);
  }

  has(uri: string): boolean {
    return this.#files.has(uri);
  }

  get(uri: string): Uint8Array | undefined {
    return this.#files.get(uri)?.bytes;
  }

  /** Tells the listeners (the index) about changes, as workspace/didChangeWatchedFiles would. */
  fire(changes: readonly HostFileChange[]): void {
    for (const listener of this.#listeners) listener(changes);
  }

  async readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, HostFileType]> | undefined> {
    const prefix = uri.replace(/\/+$/, '') + '/';
    const entries = new Map<string, HostFileType>();
    for (const file of this.#files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
      entries.set(name, slash < 0 ? 'file' : 'directory');
    }
    return entries.size === 0 ? undefined : [...entries];
  }

  async stat(uri: string): Promise<{ size: number; mtime: number } | undefined> {
    const file = this.#files.get(uri);
    return file === undefined ? undefined : { size: file.bytes.length, mtime: file.mtime };
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    return this.#files.get(uri)?.bytes;
  }

  async writeFile(uri: string, bytes: Uint8Array): Promise<void> {
    this.put(uri, bytes);
  }

  onDidChange(listener: (changes: readonly HostFileChange[]) => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }
}

export interface MemoryHost extends IndexHost {
  readonly files: MemoryFiles;
  readonly log: string[];
}

/** A host over `files` with the server's real codec and converters; log lines collected in `log`. */
export function memoryHost(files = new MemoryFiles()): MemoryHost {
  const log: string[] = [];
  return {
    files,
    log,
    codec: {
      gbk: gbkCodec,
      encodes: (ch, encoding) => iconv.decode(iconv.encode(ch, encoding), encoding) === ch,
      decode: (bytes, encoding): HostDecoded => (encoding === undefined ? decodeBytes(bytes) : { text: decodeBytesAs(bytes, encoding), encoding, bom: false }),
      byteLength: (text) => Buffer.byteLength(text, 'utf8'),
    },
    scripts: { converter: openccConverter, converterTo },
    logger: { error: (m) => log.push(`error: ${m}`), info: (m) => log.push(m) },
    scheduler: { now: () => Date.now(), yield: () => new Promise<void>((resolve) => setImmediate(resolve)) },
  };
}
