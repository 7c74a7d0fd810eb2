/**
 * The browser build's host (server/src/browser/host.ts) against the Node host (server/src/node/host.ts): the same
 * decoding (GBK and UTF-8 seeds), the same answers to "can this character be written in GBK / Big5", the same UTF-8
 * byte counts; and the workspace's files read through the client (zh-report/readDirectory, stat, readFile), here
 * answered from disk the way the browser client answers them with vscode.workspace.fs (bytes as base64).
 */
import { strict as assert } from 'node:assert';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { createBrowserHost } from '../../server/src/browser/host';
import { createNodeHost } from '../../server/src/node/host';
import { ClientFileMethods, type FileParams } from '../../server/src/protocol';
import { REPO_ROOT } from '../util/paths';

const SEEDS = path.join(REPO_ROOT, 'seeds');
const GBK_SEED = path.join(SEEDS, 'cn_prov_2026_sichuan_excerpt_gbk.txt');
const UTF8_SEED = path.join(SEEDS, 'chongqing-minjin-2017-scraped.txt');

/** A connection whose client answers the file requests from disk, as client/src/browserExtension.ts does. */
function clientOnDisk(answer: (method: string, uri: string) => Promise<unknown> = fromDisk): Connection & { requests: string[] } {
  const requests: string[] = [];
  const connection = {
    requests,
    sendRequest: (method: string, params: FileParams) => {
      requests.push(method);
      return answer(method, params.uri);
    },
    console: { error: () => undefined, info: () => undefined },
  };
  return connection as unknown as Connection & { requests: string[] };
}

async function fromDisk(method: string, uri: string): Promise<unknown> {
  const file = fileURLToPath(uri);
  try {
    if (method === ClientFileMethods.readDirectory) {
      const entries = await fs.readdir(file, { withFileTypes: true });
      return entries.flatMap((e) => (e.isFile() ? [[e.name, 'file']] : e.isDirectory() ? [[e.name, 'directory']] : []));
    }
    if (method === ClientFileMethods.stat) {
      const stat = await fs.stat(file);
      return { size: stat.size, mtime: stat.mtimeMs };
    }
    if (method === ClientFileMethods.readFile) return { base64: (await fs.readFile(file)).toString('base64') };
  } catch {
    return null;
  }
  throw new Error(`unexpected request ${method}`);
}

describe('the browser host', () => {
  const node = createNodeHost({ files: false });
  const browser = createBrowserHost(clientOnDisk());

  it('decodes the GBK and the UTF-8 seed as the Node host does', () => {
    for (const file of [GBK_SEED, UTF8_SEED]) {
      const bytes = new Uint8Array(readFileSync(file));
      const want = node.codec.decode(bytes);
      const got = browser.codec.decode(bytes);
      assert.deepEqual(got, want, path.basename(file));
      assert.match(got.text, /[\u4e00-\u9fff]{20}/u);
    }
    assert.equal(browser.codec.decode(new Uint8Array(readFileSync(GBK_SEED))).encoding, 'gb18030');
    const big5 = new Uint8Array([0xa4, 0xa4, 0xb0, 0xea]); // 中國 in Big5
    assert.equal(browser.codec.decode(big5, 'big5').text, '中國');
  });

  it('says which characters GBK and Big5 have, as the Node host does', () => {
    const text = readFileSync(UTF8_SEED, 'utf8') + '发發后後体體内內裡里𠀀€?☃';
    const chars = [...new Set(text)];
    for (const encoding of ['gbk', 'big5'] as const) {
      const differ = chars.filter((ch) => browser.codec.encodes(ch, encoding) !== node.codec.encodes(ch, encoding));
      assert.deepEqual(differ, [], encoding);
    }
    assert.equal(browser.codec.encodes('发', 'big5'), false);
    assert.equal(browser.codec.encodes('發', 'big5'), true);
  });

  it('counts UTF-8 bytes as Buffer.byteLength does (surrogate pairs, lone surrogates)', () => {
    for (const text of [readFileSync(UTF8_SEED, 'utf8'), 'a\u00e9中𠀀\ud800x\udc00', '']) {
      assert.equal(browser.codec.byteLength(text), Buffer.byteLength(text, 'utf8'));
    }
  });

  it('reads the workspace files through the client: the same entries, sizes and bytes as the disk', async () => {
    const connection = clientOnDisk();
    const files = createBrowserHost(connection).files;
    assert.ok(files !== undefined);
    const seeds = pathToFileURL(SEEDS).href;
    const entries = await files.readDirectory(seeds);
    assert.deepEqual(new Set(entries?.map(([name]) => name)), new Set((await fs.readdir(SEEDS, { withFileTypes: true })).filter((e) => e.isFile() || e.isDirectory()).map((e) => e.name)));
    const gbk = pathToFileURL(GBK_SEED).href;
    assert.equal((await files.stat(gbk))?.size, readFileSync(GBK_SEED).length);
    assert.deepEqual(await files.readFile(gbk), new Uint8Array(readFileSync(GBK_SEED)));
    assert.deepEqual(connection.requests, [ClientFileMethods.readDirectory, ClientFileMethods.stat, ClientFileMethods.readFile]);
  });

  it('answers undefined where the client cannot read (null, or a failed request)', async () => {
    const missing = pathToFileURL(path.join(SEEDS, 'no such file.txt')).href;
    const files = createBrowserHost(clientOnDisk()).files;
    assert.equal(await files?.readFile(missing), undefined);
    assert.equal(await files?.stat(missing), undefined);
    const failing = createBrowserHost(clientOnDisk(() => Promise.reject(new Error('the client went away')))).files;
    assert.equal(await failing?.readDirectory(pathToFileURL(SEEDS).href), undefined);
    assert.equal(await failing?.readFile(pathToFileURL(GBK_SEED).href), undefined);
  });
});
