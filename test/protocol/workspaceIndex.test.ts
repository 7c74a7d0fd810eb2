/**
 * The workspace index over stdio, on a temporary workspace of real documents: 刑法 and the procuratorate's rules
 * that use its 司法工作人员, a glossary file, and a storage folder given as `indexStorage`. The index is built after
 * `initialized` with work-done progress; hover, definition and references answer across files; a second server
 * started on the same storage reads no unchanged report file (its log line counts the files read).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, Location, MarkupContent } from 'vscode-languageserver/node';
import { readCorpus } from '../util/corpus';
import { EDITOR_CAPABILITIES, LspClient } from '../util/lsp-client';
import { positionOf } from '../util/text';

const CAPABILITIES = { ...EDITOR_CAPABILITIES, window: { ...EDITOR_CAPABILITIES.window, workDoneProgress: true } };
const INDEXED = /^workspace index: (\d+) report files, (\d+) files read$/;

describe('workspace index over stdio: across files, with progress, stored between sessions', () => {
  let dir: string;
  let storage: string;
  const law = readCorpus('cn_law_criminal_law.md');
  const rules = readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md');
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zh-report-index-'));
    storage = mkdtempSync(path.join(os.tmpdir(), 'zh-report-storage-'));
    mkdirSync(path.join(dir, 'laws'));
    mkdirSync(path.join(dir, 'rules'));
    writeFileSync(path.join(dir, 'laws', 'cn_law_criminal_law.md'), law);
    writeFileSync(path.join(dir, 'rules', 'rules.md'), rules);
    writeFileSync(path.join(dir, '名词解释.md'), '名词解释\n\n1．检察建议：人民检察院依法向有关单位提出的改进工作、完善治理的建议。\n');
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  /** A server on the workspace with the storage folder, once its index is built: the client and the files it read. */
  async function start(): Promise<{ client: LspClient; files: number; read: number }> {
    const client = LspClient.start();
    const root = pathToFileURL(dir).href;
    await client.initializeFolder(root, 'laws', CAPABILITIES, { indexStorage: pathToFileURL(storage).href });
    const log = await client.waitForNotification<{ message: string }>('window/logMessage', (p) => INDEXED.test(p.message));
    const [, files, read] = INDEXED.exec(log.message)!;
    return { client, files: Number(files), read: Number(read) };
  }

  it('builds with work-done progress; hover, definition and references answer across files; a second start reads no unchanged file', async () => {
    const first = await start();
    const { client } = first;
    try {
      assert.equal(first.files, 3, 'the law, the rules and the glossary');
      assert.ok(first.read >= 3, `${first.read} files read`);
      assert.ok(client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'), 'progress created');
      await client.waitForNotification<{ value: { kind: string } }>('$/progress', (p) => p.value.kind === 'end');
      const progress = client.notificationsOf<{ value: { kind: string; title?: string; message?: string } }>('$/progress').map((p) => p.value);
      assert.equal(progress[0]?.kind, 'begin');
      assert.match(progress[0]?.message ?? '', /3/);
      assert.equal(progress.at(-1)?.kind, 'end');

      const uri = uriOf('rules/rules.md');
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: rules } });
      const position = positionOf(rules, '司法工作人员', 2);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      const value = ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\(.)/g, '$1');
      assert.match(value, /有侦查、检察、审判、监管职责的工作人员/, value);
      assert.match(value, /cn_law_criminal_law\.md/);

      const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
      const defining = law.split('\n').findIndex((l) => l.includes('本法所称司法工作人员'));
      assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line]), [[uriOf('laws/cn_law_criminal_law.md'), defining]]);

      const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
      const inLaw = references.filter((r) => r.uri === uriOf('laws/cn_law_criminal_law.md'));
      assert.equal(inLaw.length, law.split('司法工作人员').length - 1, 'every use in the law');
      assert.equal(references.filter((r) => r.uri === uri).length, rules.split('司法工作人员').length - 1, 'and in the rules');
    } finally {
      await client.shutdownAndExit();
    }
    assert.ok(readdirSync(storage).length > 0, 'the index was stored on shutdown');

    const second = await start();
    try {
      assert.equal(second.files, 3);
      assert.equal(second.read, 1, 'only the stored index is read, no report file');
      const uri = uriOf('rules/rules.md');
      second.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: rules } });
      const hover = await second.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(rules, '司法工作人员', 2) });
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /监管职责/);
    } finally {
      await second.client.shutdownAndExit();
    }
  });
});
