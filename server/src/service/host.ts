/**
 * What the report service needs from the place it runs in: the seam between the host-neutral service
 * (server/src/service) and a host (server/src/node: iconv-lite, opencc-js, node:fs; server/src/browser: the web
 * worker, files read through the client). The service imports nothing that needs Node; everything that does comes
 * through one `ReportHost`.
 */
import type { GbkCodec, ScriptConverter } from '../core';

/** A file's size and modification time (ms since the epoch), as `stat` reports them. */
export interface HostFileStat {
  readonly size: number;
  readonly mtime: number;
}

export type HostFileType = 'file' | 'directory';

/** One change to a file, as workspace/didChangeWatchedFiles (or the host's own watcher) reports it. */
export interface HostFileChange {
  readonly uri: string;
  readonly type: 'created' | 'changed' | 'deleted';
}

export interface HostDisposable {
  dispose(): void;
}

/** The workspace's files, by URI. Each method resolves to undefined when the file or folder cannot be read. */
export interface HostFiles {
  /** The entries of a folder: [name, type]. */
  readDirectory(uri: string): Promise<ReadonlyArray<readonly [string, HostFileType]> | undefined>;
  stat(uri: string): Promise<HostFileStat | undefined>;
  readFile(uri: string): Promise<Uint8Array | undefined>;
  /**
   * Writes a file (creating its folder): only the workspace index's cache file in the storage folder the client gave
   * (`indexStorage`). Optional: a host without it (a browser worker) keeps the index in memory only.
   */
  writeFile?(uri: string, bytes: Uint8Array): Promise<void>;
  /** Changes to files below the workspace folders (created, changed, deleted): the index is kept fresh by these. */
  onDidChange(listener: (changes: readonly HostFileChange[]) => void): HostDisposable;
}

/** A file's bytes decoded: the text, the encoding read (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`) and whether it had a BOM. */
export interface HostDecoded {
  readonly text: string;
  readonly encoding: string;
  readonly bom: boolean;
}

export interface HostCodec {
  /** GBK, byte pair by byte pair: what the core needs to repair misaligned (mojibake) lines. */
  readonly gbk: GbkCodec;
  /** Whether `ch` (one character) can be written in the legacy encoding (GBK for simplified, Big5/CP950 for traditional). */
  encodes(ch: string, encoding: 'gbk' | 'big5'): boolean;
  /** A file's bytes as text: UTF-8, UTF-16 with a BOM, else GB18030; `encoding` forces one. */
  decode(bytes: Uint8Array, encoding?: string): HostDecoded;
  /** The UTF-8 length of `text` in bytes (the size limit is in bytes). */
  byteLength(text: string): number;
}

export type HostScriptTarget = 'cn' | 'tw' | 'hk' | 'twp';

export interface HostScripts {
  /** What the core needs for one key per term (traditional → simplified). */
  readonly converter: ScriptConverter;
  /** The opencc converter to `target`, built on first use and kept. */
  converterTo(target: HostScriptTarget): (text: string) => string;
}

export interface HostLogger {
  error(message: string): void;
  info(message: string): void;
}

export interface HostScheduler {
  /** Milliseconds, monotonic enough for durations. */
  now(): number;
  /** Resolves after the host has handled pending work (setImmediate in Node, a macrotask in a worker). */
  yield(): Promise<void>;
}

export interface HostMemory {
  /**
   * The service let go of a closed document of `chars` UTF-16 units (its text, model and term index): the host may
   * give the memory back to the system (Node: node/memory.ts). Never throws.
   */
  released(chars: number): void;
  /** A text of `chars` UTF-16 units is about to be analysed (Node: a large one lets V8's young generation grow). Never throws. */
  analysing?(chars: number): void;
}

export interface ReportHost {
  readonly codec: HostCodec;
  readonly scripts: HostScripts;
  /** Undefined where there are no workspace files to read (a client without folders, a test). */
  readonly files: HostFiles | undefined;
  readonly logger: HostLogger;
  readonly scheduler: HostScheduler;
  /** Undefined where the host cannot give memory back (a browser worker, a test). */
  readonly memory?: HostMemory;
}
