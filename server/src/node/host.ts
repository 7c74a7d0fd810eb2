/**
 * The Node host of the report service: iconv-lite for GBK/GB18030/Big5, opencc-js (through ../opencc.ts, one
 * converter per target per process), node:fs for the workspace's files and setImmediate for yielding. Used by the
 * language server's Node entry (main.ts), the command line (cli.ts), the tests and the bench.
 *
 * The files' change events come from the language server (workspace/didChangeWatchedFiles, see server.ts): this host
 * does not watch the disk itself.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { converterTo, openccConverter } from '../opencc';
import type { HostFiles, HostFileType, HostLogger, ReportHost } from '../service/host';
import { encodes, gbkCodec } from './codec';
import { decodeFile } from './encoding';
import { serverMemoryReducer } from './memory';

/** The path of a `file:` URI, or undefined for any other URI. */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The workspace's files on the local disk (`file:` URIs only). */
export const nodeFiles: HostFiles = {
  async readDirectory(uri) {
    const dir = pathOf(uri);
    if (dir === undefined) return undefined;
    try {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      const out: Array<readonly [string, HostFileType]> = [];
      for (const entry of entries) {
        if (entry.isDirectory()) out.push([entry.name, 'directory']);
        else if (entry.isFile()) out.push([entry.name, 'file']);
      }
      return out;
    } catch {
      return undefined;
    }
  },
  async stat(uri) {
    const file = pathOf(uri);
    if (file === undefined) return undefined;
    try {
      const stat = await fs.stat(file);
      return { size: stat.size, mtime: stat.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async readFile(uri) {
    const file = pathOf(uri);
    if (file === undefined) return undefined;
    try {
      return await fs.readFile(file);
    } catch {
      return undefined;
    }
  },
  async writeFile(uri, bytes) {
    const file = pathOf(uri);
    if (file === undefined) throw new Error(`not a file URI: ${uri}`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // written beside and renamed: a reader never sees half a file
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, file);
  },
  onDidChange: () => ({ dispose: () => undefined }),
};

/** Messages to stderr (the command line); the language server passes its connection's console instead. */
const stderrLogger: HostLogger = {
  error: (message) => void process.stderr.write(`${message}\n`),
  info: (message) => void process.stderr.write(`${message}\n`),
};

export interface NodeHostOptions {
  readonly logger?: HostLogger;
  /** False: no workspace files (the command line). */
  readonly files?: boolean;
  /**
   * True: V8's young generation held at its starting size, and a full collection after documents close
   * (node/memory.ts); the language server's entry sets it.
   */
  readonly reduceMemory?: boolean;
}

export function createNodeHost(options: NodeHostOptions = {}): ReportHost {
  return {
    codec: {
      gbk: gbkCodec,
      encodes,
      decode: decodeFile,
      byteLength: (text) => Buffer.byteLength(text, 'utf8'),
    },
    scripts: { converter: openccConverter, converterTo },
    files: options.files === false ? undefined : nodeFiles,
    logger: options.logger ?? stderrLogger,
    scheduler: {
      now: () => performance.now(),
      yield: () => new Promise<void>((resolve) => setImmediate(resolve)),
    },
    ...(options.reduceMemory === true
      ? { memory: serverMemoryReducer(process.env.ZH_REPORT_MEMORY_LOG ? (line) => void process.stderr.write(`${line}\n`) : undefined) }
      : {}),
  };
}
