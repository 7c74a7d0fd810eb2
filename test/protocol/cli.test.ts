/**
 * The built command line (dist/cli.js): `zh-report outline FILE`, encodings, usage errors.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import type { OutlineNode } from '../../server/src/protocol';
import { REPO_ROOT, SEED_PATH, builtFile, packageVersion } from '../util/paths';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface JsonOutline {
  readonly file: string;
  readonly encoding: string;
  readonly outline: OutlineNode[];
}

function cli(args: readonly string[], input?: Uint8Array): Run {
  const result = spawnSync(process.execPath, [builtFile('dist/cli.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    ...(input === undefined ? {} : { input }),
  });
  if (result.error !== undefined) {
    throw result.error;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonOutline(args: readonly string[], input?: Uint8Array): JsonOutline {
  const run = cli([...args, '--json'], input);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as JsonOutline;
}

const REPORT = '关于某项工作的报告\n\n一、总体情况\n\n（一）主要成效\n\n正文。\n\n二、下一步安排\n';

// One heading per line, two spaces per level, 1-based line numbers.
const REPORT_OUTLINE = ['1: 关于某项工作的报告', '  3: 一、总体情况', '    5: （一）主要成效', '  9: 二、下一步安排', ''].join('\n');

describe('zh-report command line', () => {
  let dir: string;
  const file = (name: string): string => path.join(dir, name);

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zh-report-cli-'));
    writeFileSync(file('report-utf8.txt'), REPORT, 'utf8');
    writeFileSync(file('report-gbk.txt'), iconv.encode(REPORT, 'gbk'));
    writeFileSync(file('report-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT, 'utf8')]));
    writeFileSync(file('report-utf16.txt'), iconv.encode(REPORT, 'utf-16le', { addBOM: true }));
    writeFileSync(file('seed-gb18030.txt'), iconv.encode(readFileSync(SEED_PATH, 'utf8'), 'gb18030'));
    writeFileSync(file('binary.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--help prints the usage and exits 0', () => {
    const run = cli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Usage: zh-report/);
    assert.match(run.stdout, /outline FILE/);
  });

  it('--version prints the package version', () => {
    const run = cli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), packageVersion());
  });

  it('usage errors exit 2 with a message on stderr', () => {
    for (const args of [[], ['frobnicate'], ['outline'], ['outline', 'a.txt', 'b.txt'], ['outline', '--bogus', 'a.txt'], ['outline', '--encoding', 'klingon', 'a.txt']]) {
      const run = cli(args);
      assert.equal(run.status, 2, `zh-report ${args.join(' ')}`);
      assert.equal(run.stdout, '', `zh-report ${args.join(' ')}`);
      assert.notEqual(run.stderr, '', `zh-report ${args.join(' ')}`);
    }
  });

  it('a missing file exits 1 and names the file', () => {
    const run = cli(['outline', file('nope.txt')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /nope\.txt/);
  });

  it('a binary file exits 1', () => {
    const run = cli(['outline', file('binary.bin')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /binary/);
  });

  it('outline FILE prints the indented tree with line numbers (UTF-8)', () => {
    const run = cli(['outline', file('report-utf8.txt')]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, REPORT_OUTLINE);
  });

  it('outline --json gives the encoding and the outline nodes', () => {
    const { encoding, outline } = jsonOutline(['outline', file('report-utf8.txt')]);
    assert.equal(encoding, 'utf-8');
    assert.deepEqual(
      outline.map((n) => [n.name, n.kind, n.level, n.line, n.children.map((c) => [c.name, c.line])]),
      [['关于某项工作的报告', 'title', 0, 0, [['一、总体情况', 2], ['二、下一步安排', 8]]]],
    );
  });

  it('a GBK file is detected (decoded as GB18030) and gives the same outline', () => {
    const gbk = jsonOutline(['outline', file('report-gbk.txt')]);
    assert.equal(gbk.encoding, 'gb18030');
    assert.deepEqual(gbk.outline, jsonOutline(['outline', file('report-utf8.txt')]).outline);
    const run = cli(['outline', file('report-gbk.txt')]);
    assert.equal(run.stdout, REPORT_OUTLINE);
  });

  it('--encoding forces a decoding', () => {
    const forced = jsonOutline(['outline', '--encoding', 'gbk', file('report-gbk.txt')]);
    assert.equal(forced.encoding, 'gbk');
    assert.equal(cli(['outline', '--encoding=gbk', file('report-gbk.txt')]).stdout, REPORT_OUTLINE);
  });

  it('UTF-8 with a BOM and UTF-16 with a BOM: the BOM is not part of the title', () => {
    const bom = jsonOutline(['outline', file('report-bom.txt')]);
    assert.equal(bom.encoding, 'utf-8');
    assert.equal(cli(['outline', file('report-bom.txt')]).stdout, REPORT_OUTLINE);
    const utf16 = jsonOutline(['outline', file('report-utf16.txt')]);
    assert.equal(utf16.encoding, 'utf-16le');
    assert.equal(cli(['outline', file('report-utf16.txt')]).stdout, REPORT_OUTLINE);
  });

  it('outline - reads standard input', () => {
    const run = cli(['outline', '-'], iconv.encode(REPORT, 'gbk'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, REPORT_OUTLINE);
  });

  it('the seed re-encoded as GB18030 gives the same outline as the UTF-8 seed', () => {
    const utf8 = jsonOutline(['outline', SEED_PATH]);
    const gb = jsonOutline(['outline', file('seed-gb18030.txt')]);
    assert.equal(utf8.encoding, 'utf-8');
    assert.equal(gb.encoding, 'gb18030');
    assert.deepEqual(gb.outline, utf8.outline);
    assert.deepEqual(
      utf8.outline[0]?.children.map((n) => n.name),
      ['一、主要成效', '二、基本做法', '三、主要創新及亮點', '四、存在的不足與展望'],
    );
  });

  it('the seed: plain output indents each level by two spaces', () => {
    const run = cli(['outline', SEED_PATH]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^3: 重慶市委會/, 'the title on line 3 (after the page chrome), not indented');
    assert.ok(lines.includes('  13: 一、主要成效'), run.stdout);
    assert.ok(lines.includes('  23: 二、基本做法'), run.stdout);
    assert.ok(lines.some((l) => /^ {4}25: \(一\)“五指緊扣”/.test(l)), run.stdout);
  });

  it('a file without headings prints nothing on stdout and says so on stderr', () => {
    writeFileSync(file('plain.txt'), '这是一段没有标题的文字。\n', 'utf8');
    const run = cli(['outline', file('plain.txt')]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no headings/);
  });
});
