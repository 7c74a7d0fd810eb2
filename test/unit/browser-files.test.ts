/**
 * The browser build reads the workspace's report files through the client (server/src/browser/reportFiles.ts over
 * `HostFiles`) instead of walking the disk (server/src/workspace/reportFiles.ts): on the same folder both must find
 * the same files, in the same order, with the same decoded text; a file that changes is read again, one that is
 * removed is forgotten. The files here are served from disk by URI, as `vscode.workspace.fs` serves them to the client.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ReportFiles as ClientReportFiles } from '../../server/src/browser/reportFiles';
import type { HostFiles } from '../../server/src/service/host';
import { ReportFiles as DiskReportFiles } from '../../server/src/workspace/reportFiles';
import { REPO_ROOT } from '../util/paths';

/** Files by URI from disk, with a count of the reads (what the browser client answers with vscode.workspace.fs). */
function diskFiles(): HostFiles & { reads: number } {
  const files = {
    reads: 0,
    readDirectory: async (uri: string) => {
      try {
        const entries = await fs.readdir(fileURLToPath(uri), { withFileTypes: true });
        return entries.flatMap((e): Array<readonly [string, 'file' | 'directory']> => (e.isFile() ? [[e.name, 'file']] : e.isDirectory() ? [[e.name, 'directory']] : []));
      } catch {
        return undefined;
      }
    },
    stat: async (uri: string) => {
      try {
        const stat = await fs.stat(fileURLToPath(uri));
        return { size: stat.size, mtime: stat.mtimeMs };
      } catch {
        return undefined;
      }
    },
    readFile: async (uri: string) => {
      files.reads++;
      try {
        return new Uint8Array(await fs.readFile(fileURLToPath(uri)));
      } catch {
        return undefined;
      }
    },
    onDidChange: () => ({ dispose: () => undefined }),
  };
  return files;
}

const never = { isCancellationRequested: false };
/** What is kept of a file: its first line (undefined for an empty file: not a report). */
const firstLine = (_uri: string, text: string): string | undefined => text.split('\n')[0]?.trim() || undefined;
const LIMIT = () => 20 * 1024 * 1024;

describe('workspace files read through the client (browser build)', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'zh-report-files-'));
  cpSync(path.join(REPO_ROOT, 'seeds'), path.join(folder, 'seeds'), { recursive: true });
  writeFileSync(path.join(folder, 'seeds', '第二份 报告.txt'), '二〇二六年工作报告\n一、总体要求\n');
  after(() => rmSync(folder, { recursive: true, force: true }));
  const folderUri = pathToFileURL(folder).href;

  it('finds the files the disk walk finds, in order, with the same text (GBK decoded too)', async () => {
    const disk = new DiskReportFiles(firstLine, LIMIT);
    disk.setFolders([folderUri]);
    const files = diskFiles();
    const client = new ClientReportFiles(firstLine, LIMIT, () => files);
    client.setFolders([folderUri]);
    const want = await disk.summaries(never);
    const got = await client.summaries(never);
    assert.ok(want !== undefined && got !== undefined);
    assert.ok(want.length >= 5, `the seeds hold report files (${want.length})`);
    // the client's URIs encode as vscode.Uri does (a space as %20, Han characters percent-encoded): compare decoded
    assert.deepEqual(got.map((f) => [decodeURIComponent(f.uri), f.summary]), want.map((f) => [decodeURIComponent(f.uri), f.summary]));
    assert.ok(got.some((f) => f.summary === '二〇二六年工作报告'));
    const gbk = got.find((f) => f.uri.endsWith('_gbk.txt'));
    assert.ok(gbk !== undefined && /[\u4e00-\u9fff]/.test(gbk.summary), `the GBK seed decodes to Chinese: ${gbk?.summary}`);
  });

  it('reads again only what changed, and forgets what was removed', async () => {
    const files = diskFiles();
    const client = new ClientReportFiles(firstLine, LIMIT, () => files);
    client.setFolders([folderUri]);
    const first = await client.summaries(never);
    const readsFirst = files.reads;
    assert.ok(first !== undefined && first.length > 0 && readsFirst >= first.length, `each report file read once: ${readsFirst} reads, ${first?.length} reports`);
    await client.summaries(never);
    assert.equal(files.reads, readsFirst, 'a second pass reads nothing unchanged');
    const changed = path.join(folder, 'seeds', '第二份 报告.txt');
    writeFileSync(changed, '二〇二七年工作报告（修订稿）\n');
    const second = await client.summaries(never);
    assert.equal(files.reads, readsFirst + 1, 'only the changed file is read again');
    assert.ok(second?.some((f) => f.summary === '二〇二七年工作报告（修订稿）'));
    rmSync(changed);
    const third = await client.summaries(never);
    assert.equal(third?.length, (second?.length ?? 0) - 1);
    assert.ok(!third?.some((f) => f.summary.startsWith('二〇二七年')));
  });

  it('stops when cancelled, and has nothing to read without a client', async () => {
    const files = diskFiles();
    const cancelled = new ClientReportFiles(firstLine, LIMIT, () => files);
    cancelled.setFolders([folderUri]);
    assert.equal(await cancelled.summaries({ isCancellationRequested: true }), undefined);
    assert.equal(files.reads, 0);
    const none = new ClientReportFiles(firstLine, LIMIT, () => undefined);
    none.setFolders([folderUri]);
    assert.deepEqual(await none.summaries(never), []);
  });
});
