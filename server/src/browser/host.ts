/**
 * The report service's host in a web worker (vscode.dev, github.dev, code-server's web worker extension host): the
 * `ReportHost` of ../service/host.ts with nothing from Node.
 *
 * - codec: iconv-lite, bundled for the browser (its `Buffer` comes from the `buffer` package, shims.ts), so GBK,
 *   GB18030 and Big5 read and write exactly as in the Node server;
 * - scripts: opencc-js (plain JavaScript);
 * - files: read through the client (`ClientFileMethods`, answered with `vscode.workspace.fs`), changes from
 *   workspace/didChangeWatchedFiles;
 * - logger: the connection's console; scheduler: performance.now and a MessageChannel task.
 */
import * as iconv from 'iconv-lite';
import type { Connection } from 'vscode-languageserver';
import { gbkCodec } from '../codec';
import { converterTo, openccConverter } from '../opencc';
import { ClientFileMethods, type FileContent, type FileEntry, type FileParams, type FileStat } from '../protocol';
import type { HostCodec, HostFileChange, HostFiles, ReportHost } from '../service/host';
import { decodeBytes, decodeBytesAs } from '../workspace/encoding';
import { setImmediate } from './shims';

/** The files the client reads for the server (undefined until a browser server has started on a connection). */
let clientFiles: HostFiles | undefined;

/** The workspace files of the running browser server (the browser ReportFiles reads them, reportFiles.ts). */
export function currentFiles(): HostFiles | undefined {
  return clientFiles;
}

const CHANGE_TYPES = { 1: 'created', 2: 'changed', 3: 'deleted' } as const;

/** The workspace's files read through the client: each request answers undefined when the client cannot. */
export function filesThroughClient(connection: Connection): HostFiles {
  const ask = async <R>(method: string, uri: string): Promise<R | undefined> => {
    try {
      return (await connection.sendRequest<R | null>(method, { uri } satisfies FileParams)) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const listeners = new Set<(changes: readonly HostFileChange[]) => void>();
  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes.map((c): HostFileChange => ({ uri: c.uri, type: CHANGE_TYPES[c.type as 1 | 2 | 3] ?? 'changed' }));
    for (const listener of listeners) listener(changes);
  });
  return {
    readDirectory: (uri) => ask<FileEntry[]>(ClientFileMethods.readDirectory, uri),
    stat: (uri) => ask<FileStat>(ClientFileMethods.stat, uri),
    readFile: async (uri) => {
      const content = await ask<FileContent>(ClientFileMethods.readFile, uri);
      return content === undefined ? undefined : fromBase64(content.base64);
    },
    onDidChange: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether `ch` has bytes in the legacy encoding (iconv-lite writes "?" for a character it lacks). */
function encodes(ch: string, encoding: 'gbk' | 'big5'): boolean {
  if (encoding === 'gbk') return gbkCodec.encodeChar(ch) !== undefined;
  const bytes = iconv.encode(ch, 'cp950');
  return ch === '?' || !(bytes.length === 1 && bytes[0] === 0x3f);
}

/** UTF-8 bytes of `text`, counted (no copy of a large text). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const codec: HostCodec = {
  gbk: gbkCodec,
  encodes,
  decode: (bytes, encoding) => (encoding === undefined ? decodeBytes(bytes) : { text: decodeBytesAs(bytes, encoding), encoding, bom: false }),
  byteLength: utf8Length,
};

/** The browser host on `connection`; its files are also what the browser ReportFiles reads from now on. */
export function createBrowserHost(connection: Connection): ReportHost {
  clientFiles = filesThroughClient(connection);
  return {
    codec,
    scripts: { converter: openccConverter, converterTo },
    files: clientFiles,
    logger: { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) },
    scheduler: { now: () => performance.now(), yield: () => new Promise<void>((resolve) => setImmediate(resolve)) },
  };
}
