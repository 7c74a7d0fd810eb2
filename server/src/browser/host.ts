/**
 * The report service's host in a web worker (vscode.dev, github.dev, code-server's web worker extension host): the
 * `ReportHost` of ../service/host.ts with nothing from Node.
 *
 * - codec: iconv-lite, bundled for the browser (its `Buffer` comes from the `buffer` package, shims.ts), so GBK,
 *   GB18030 and Big5 read and write exactly as in the Node server;
 * - scripts: opencc-js (plain JavaScript);
 * - files: read through the client (`ClientFileMethods`, answered with `vscode.workspace.fs`);
 * - logger: the connection's console; scheduler: performance.now and a MessageChannel task.
 */
import type { Connection } from 'vscode-languageserver';
import { encodes, gbkCodec } from '../node/codec';
import { converterTo, openccConverter } from '../opencc';
import { ClientFileMethods, type FileContent, type FileEntry, type FileParams, type FileStat } from '../protocol';
import type { HostCodec, HostFiles, ReportHost } from '../service/host';
import { decodeFile } from '../node/encoding';
import { setImmediate } from './shims';

/**
 * The workspace's files read through the client: each request answers undefined when the client cannot. Their
 * changes reach the service through the server (workspace/didChangeWatchedFiles, server.ts), as in Node.
 */
export function filesThroughClient(connection: Connection): HostFiles {
  const ask = async <R>(method: string, uri: string): Promise<R | undefined> => {
    try {
      return (await connection.sendRequest<R | null>(method, { uri } satisfies FileParams)) ?? undefined;
    } catch {
      return undefined;
    }
  };
  return {
    readDirectory: (uri) => ask<FileEntry[]>(ClientFileMethods.readDirectory, uri),
    stat: (uri) => ask<FileStat>(ClientFileMethods.stat, uri),
    readFile: async (uri) => {
      const content = await ask<FileContent>(ClientFileMethods.readFile, uri);
      return content === undefined ? undefined : fromBase64(content.base64);
    },
    onDidChange: () => ({ dispose: () => undefined }),
  };
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
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
  decode: decodeFile,
  byteLength: utf8Length,
};

/** The browser host of the server on `connection`. */
export function createBrowserHost(connection: Connection): ReportHost {
  return {
    codec,
    scripts: { converter: openccConverter, converterTo },
    files: filesThroughClient(connection),
    logger: { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) },
    scheduler: { now: () => performance.now(), yield: () => new Promise<void>((resolve) => setImmediate(resolve)) },
  };
}
