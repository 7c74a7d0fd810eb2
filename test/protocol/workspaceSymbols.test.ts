/**
 * workspace/symbol over stdio: the report files of a workspace folder read from disk (UTF-8 and GBK), the open
 * documents as the editor has them, queries in either script; prose, Markdown READMEs, hidden folders and
 * node_modules left out.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as iconv from 'iconv-lite';
import type { SymbolInformation } from 'vscode-languageserver/node';
import { readCorpus } from '../util/corpus';
import { EDITOR_CAPABILITIES, LspClient } from '../util/lsp-client';

const SYMBOL_FIELD = 8;
const SYMBOL_KEY = 20;

const GBK_REPORT = [
  '关于二〇二五年工作的报告',
  '',
  '一、总体情况',
  '',
  '（一）主要成效',
  '',
  '推进“两重”建设。',
  '',
  '二、下一步安排',
  '',
  '名词解释',
  '1.“两重”：是指国家重大战略实施和重点领域安全能力建设。',
  '',
].join('\n');

describe('workspace/symbol', () => {
  let dir: string;
  let client: LspClient;
  const file = (name: string): string => path.join(dir, name);
  const uriOf = (name: string): string => pathToFileURL(file(name)).href;
  const write = (name: string, content: string | Buffer): void => {
    mkdirSync(path.dirname(file(name)), { recursive: true });
    writeFileSync(file(name), content);
  };
  const search = (query: string): Promise<SymbolInformation[]> => client.request<SymbolInformation[]>('workspace/symbol', { query });

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zh-report-workspace-'));
    write('laws/copyright.md', readCorpus('cn_law_copyright_law_2020.md'));
    write('gbk-report.txt', iconv.encode(GBK_REPORT, 'gbk'));
    write('notes.txt', '今天天气很好，我们去公园散步，看了一场电影。\n'.repeat(20));
    write('README.md', '# 项目说明\n\n## 安装\n\n## 使用\n');
    write('node_modules/pkg/report.txt', GBK_REPORT);
    write('.hidden/report.txt', GBK_REPORT);
    client = LspClient.start();
    const root = pathToFileURL(dir).href;
    await client.initializeFolder(root, 'reports', EDITOR_CAPABILITIES);
  });

  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the headings of report files on disk, UTF-8 and GBK, and nothing in prose, READMEs, hidden folders or node_modules', async () => {
    const articles = await search('第十条');
    const tenth = articles.find((s) => s.name === '第十条');
    assert.ok(tenth, `第十条 of the copyright law: ${JSON.stringify(articles.map((s) => s.name))}`);
    assert.equal(tenth.kind, SYMBOL_FIELD);
    assert.equal(tenth.location.uri, uriOf('laws/copyright.md'));
    assert.ok(tenth.containerName, 'an article names the unit it is in');

    const gbk = await search('主要成效');
    assert.deepEqual(gbk.map((s) => [s.name, s.location.uri, s.location.range.start.line]), [['（一）主要成效', uriOf('gbk-report.txt'), 4]]);
    assert.equal(gbk[0]!.containerName, '一、总体情况');

    const uris = new Set((await search('')).map((s) => s.location.uri));
    assert.deepEqual([...uris].sort(), [uriOf('gbk-report.txt'), uriOf('laws/copyright.md')].sort());
  });

  it('matches a query in the other script, width or case', async () => {
    const traditional = await search('總體情況');
    assert.deepEqual(traditional.map((s) => s.name), ['一、总体情况']);
    const spaced = await search('第 十 條');
    assert.ok(spaced.some((s) => s.name === '第十条'), 'spaces dropped, 條 = 条');
  });

  it('lists defined terms as Key symbols at their definition, inside their section', async () => {
    const terms = (await search('两重')).filter((s) => s.kind === SYMBOL_KEY);
    assert.equal(terms.length, 1);
    assert.equal(terms[0]!.name, '两重');
    assert.equal(terms[0]!.location.uri, uriOf('gbk-report.txt'));
    assert.equal(terms[0]!.location.range.start.line, 11);
    assert.equal(terms[0]!.containerName, '名词解释');
  });

  it('searches an open document as the editor has it, not as it is on disk', async () => {
    const uri = uriOf('gbk-report.txt');
    const edited = GBK_REPORT.replace('（一）主要成效', '（一）编辑器里的版本');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: edited } });
    try {
      assert.deepEqual((await search('编辑器里的版本')).map((s) => s.location.uri), [uri]);
      assert.deepEqual(await search('主要成效'), []);
    } finally {
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
    assert.equal((await search('主要成效')).length, 1, 'closed: the file on disk again');
  });

  it('reads a file again when it changes on disk', async () => {
    assert.deepEqual(await search('新增的一章'), []);
    write('notes.txt', '新的规定\n\n第一章 新增的一章\n\n第一条 内容。\n\n第二条 内容。\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(file('notes.txt'), later, later);
    const found = await search('新增的一章');
    assert.deepEqual(found.map((s) => [s.name, s.location.uri]), [['第一章 新增的一章', uriOf('notes.txt')]]);
  });
});
