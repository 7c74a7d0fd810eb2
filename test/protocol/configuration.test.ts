/**
 * Settings and watched files over stdio: one configuration manager (server/src/configuration.ts) — one severity change
 * costs the client one notification and the server one workspace/configuration round trip; the payload of a
 * notification is ignored where the client can answer workspace/configuration, and used where it cannot;
 * initializationOptions work for editors other than VS Code. The report files of the workspace are kept fresh by
 * workspace/didChangeWatchedFiles, which the server registers for where the client supports it.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic, RegistrationParams, SymbolInformation } from 'vscode-languageserver/node';
import { readCorpus } from '../util/corpus';
import { EDITOR_CAPABILITIES, LspClient } from '../util/lsp-client';

const ERROR = 1;
const HINT = 4;
const WARNING = 2;

/** VS Code's client, as far as settings and files go. */
const VSCODE_LIKE: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    workspaceFolders: true,
  },
};

async function waitFor(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`${what}: not in time`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function open(client: LspClient, uri: string, text: string): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
}

async function diagnostics(client: LspClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  return report.items;
}

const count = (client: LspClient, method: string): number => client.serverRequests.filter((r) => r.method === method).length;

describe('settings: one configuration manager', () => {
  it('a VS Code-like client: one change → one notification → one workspace/configuration round trip, and the pulled section wins over the payload', async () => {
    const client = LspClient.start();
    const section = { maxFileSizeMB: 20, diagnostics: {} as Record<string, string>, outline: { showTerms: false, showWordCount: false }, inlayHints: { citations: false } };
    client.onServerRequest('workspace/configuration', () => [structuredClone(section)]);
    try {
      await client.initialize(VSCODE_LIKE, { maxDocumentSizeMB: 20, diagnostics: {} });
      await waitFor(() => count(client, 'client/registerCapability') >= 1, 'registration');
      const registrations = client.serverRequests
        .filter((r) => r.method === 'client/registerCapability')
        .flatMap((r) => (r.params as RegistrationParams).registrations);
      const configuration = registrations.filter((r) => r.method === 'workspace/didChangeConfiguration');
      assert.deepEqual(configuration.map((r) => r.registerOptions), [{ section: 'zh-report' }], 'registered once, for the zh-report section');
      // vscode-languageclient answers the registration with one notification at once
      client.notify('workspace/didChangeConfiguration', { settings: { 'zh-report': structuredClone(section) } });
      await waitFor(() => count(client, 'workspace/configuration') === 1, 'the first pull');

      const uri = 'file:///configuration/one.txt';
      open(client, uri, '一、甲\n三、乙\n');
      assert.deepEqual((await diagnostics(client, uri)).map((d) => [d.code, d.severity]), [['numbering-gap', WARNING]]);

      const pulls = count(client, 'workspace/configuration');
      const refreshes = count(client, 'workspace/diagnostic/refresh');
      section.diagnostics = { 'numbering-gap': 'error' };
      // the payload says hint: the server pulls instead, and the pulled section says error
      client.notify('workspace/didChangeConfiguration', { settings: { 'zh-report': { diagnostics: { 'numbering-gap': 'hint' } } } });
      await waitFor(() => count(client, 'workspace/diagnostic/refresh') > refreshes, 'the refresh');
      assert.deepEqual((await diagnostics(client, uri)).map((d) => [d.code, d.severity]), [['numbering-gap', ERROR]]);
      await client.request('zh-report/status', {}); // anything still on its way has arrived
      assert.equal(count(client, 'workspace/configuration') - pulls, 1, 'exactly one workspace/configuration round trip per change');
      assert.equal(count(client, 'workspace/diagnostic/refresh') - refreshes, 1, 'and one refresh');
    } finally {
      await client.shutdownAndExit();
    }
  });

  it('a client that cannot answer workspace/configuration: initializationOptions, then the payload of each notification', async () => {
    const client = LspClient.start();
    try {
      await client.initialize(
        { ...EDITOR_CAPABILITIES, workspace: { diagnostics: { refreshSupport: true } } },
        { diagnostics: { 'numbering-gap': 'error' }, outline: { showWordCount: true } },
      );
      const uri = 'file:///configuration/two.txt';
      open(client, uri, '一、甲\n三、乙\n');
      assert.deepEqual((await diagnostics(client, uri)).map((d) => [d.code, d.severity]), [['numbering-gap', ERROR]]);
      const symbols = await client.request<Array<{ detail?: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.match(symbols[0]?.detail ?? '', /字/, `the outline shows 字数: ${JSON.stringify(symbols[0])}`);
      client.notify('workspace/didChangeConfiguration', { settings: { 'zh-report': { diagnostics: { 'numbering-gap': 'hint' } } } });
      await waitFor(() => count(client, 'workspace/diagnostic/refresh') >= 1, 'the refresh');
      assert.deepEqual((await diagnostics(client, uri)).map((d) => [d.code, d.severity]), [['numbering-gap', HINT]]);
      client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 20, diagnostics: { 'numbering-gap': 'off' } } } });
      await waitFor(() => count(client, 'workspace/diagnostic/refresh') >= 2, 'the second refresh');
      assert.deepEqual(await diagnostics(client, uri), []);
      assert.equal(count(client, 'workspace/configuration'), 0, 'never asked');
      assert.equal(count(client, 'client/registerCapability'), 0, 'nothing registered with a client that cannot register');
    } finally {
      await client.shutdownAndExit();
    }
  });
});

describe('workspace/didChangeWatchedFiles keeps the report files fresh', () => {
  let dir: string;
  let client: LspClient;
  const file = (name: string): string => path.join(dir, name);
  const uriOf = (name: string): string => pathToFileURL(file(name)).href;
  const search = (query: string): Promise<SymbolInformation[]> => client.request<SymbolInformation[]>('workspace/symbol', { query });
  const changed = (name: string, type: 1 | 2 | 3): void => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(name), type }] });

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zh-report-watched-'));
    writeFileSync(file('copyright.md'), readCorpus('cn_law_copyright_law_2020.md'));
    client = LspClient.start();
    const root = pathToFileURL(dir).href;
    await client.initializeFolder(root, 'w', VSCODE_LIKE);
    await waitFor(
      () =>
        client.serverRequests
          .filter((r) => r.method === 'client/registerCapability')
          .some((r) => (r.params as RegistrationParams).registrations.some((g) => g.method === 'workspace/didChangeWatchedFiles')),
      'the watcher registration',
    );
  });

  after(async () => {
    await client.shutdownAndExit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers one watcher for the report files', () => {
    const watchers = client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => (r.params as RegistrationParams).registrations)
      .filter((g) => g.method === 'workspace/didChangeWatchedFiles')
      .map((g) => g.registerOptions);
    assert.deepEqual(watchers, [{ watchers: [{ globPattern: '**/*.{txt,text,md,markdown}' }] }]);
  });

  it('a created, a changed and a deleted file, each as its event says', async () => {
    assert.ok((await search('第十条')).some((s) => s.location.uri === uriOf('copyright.md')), 'the law on disk');

    writeFileSync(file('plan.txt'), '关于二〇二五年工作的报告\n\n一、总体情况\n\n（一）主要成效\n\n推进建设。\n\n二、下一步安排\n');
    changed('plan.txt', 1);
    assert.deepEqual((await search('主要成效')).map((s) => [s.name, s.location.uri]), [['（一）主要成效', uriOf('plan.txt')]]);

    writeFileSync(file('plan.txt'), '关于二〇二五年工作的报告\n\n一、总体情况\n\n（一）突出成效\n\n推进建设。\n\n二、下一步安排\n');
    changed('plan.txt', 2);
    assert.deepEqual((await search('主要成效')).map((s) => s.name), []);
    assert.deepEqual((await search('突出成效')).map((s) => s.name), ['（一）突出成效']);

    unlinkSync(file('copyright.md'));
    changed('copyright.md', 3);
    assert.equal((await search('第十条')).filter((s) => s.location.uri === uriOf('copyright.md')).length, 0, 'the deleted law is gone');
  });
});

describe('zh-report.workspace.extraFiles: more files indexed and watched', () => {
  it('a .log file named by the setting is watched (one more registration) and answers workspace symbols', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zh-report-extra-'));
    const client = LspClient.start();
    try {
      mkdirSync(path.join(dir, 'drafts'));
      writeFileSync(path.join(dir, 'drafts', 'plan.log'), '关于二〇二五年工作的报告\n\n一、总体情况\n\n（一）主要成效\n\n推进建设。\n\n二、下一步安排\n');
      writeFileSync(path.join(dir, 'other.log'), '关于二〇二五年工作的报告\n\n一、总体情况\n\n（一）次要成效\n\n推进建设。\n\n二、下一步安排\n');
      const root = pathToFileURL(dir).href;
      await client.initializeFolder(root, 'w', VSCODE_LIKE, { workspace: { extraFiles: ['drafts/*.log'] } });
      const watchers = (): unknown[] =>
        client.serverRequests
          .filter((r) => r.method === 'client/registerCapability')
          .flatMap((r) => (r.params as RegistrationParams).registrations)
          .filter((g) => g.method === 'workspace/didChangeWatchedFiles')
          .map((g) => g.registerOptions);
      await waitFor(() => watchers().length >= 2, 'both watchers');
      assert.deepEqual(watchers(), [{ watchers: [{ globPattern: '**/*.{txt,text,md,markdown}' }] }, { watchers: [{ globPattern: '**/drafts/*.log' }] }]);
      const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '成效' });
      assert.deepEqual(symbols.map((s) => [s.name, s.location.uri]), [['（一）主要成效', pathToFileURL(path.join(dir, 'drafts', 'plan.log')).href]], 'not other.log');
    } finally {
      await client.shutdownAndExit();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
