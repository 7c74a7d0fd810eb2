/**
 * Checks over stdio against the built server: pull diagnostics (textDocument/diagnostic), code actions (quick fixes
 * and source.fixAll.zh-report) and the conversion command (workspace/executeCommand → workspace/applyEdit).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  FullDocumentDiagnosticReport,
  InitializeResult,
  TextEdit,
  UnchangedDocumentDiagnosticReport,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { ConvertScriptResult, OutlineNode } from '../../server/src/protocol';
import { EDITOR_CAPABILITIES, LspClient, LspResponseError } from '../util/lsp-client';
import { SEED_PATH } from '../util/paths';
import { offsetAt } from '../util/text';

const INVALID_PARAMS = -32602;
const WARNING = 2;
const ERROR = 1;

/** An editor that supports what VS Code supports here: related information, versioned edits, diagnostic refresh. */
const CAPABILITIES: ClientCapabilities = {
  ...EDITOR_CAPABILITIES,
  textDocument: {
    ...EDITOR_CAPABILITIES.textDocument,
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true }, configuration: false },
};

let uriCounter = 0;
function newUri(name: string): string {
  uriCounter++;
  return `file:///checks/${uriCounter}-${name}.txt`;
}

function open(client: LspClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version, text } });
}

function pull(client: LspClient, uri: string, previousResultId?: string): Promise<FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport> {
  return client.request('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId === undefined ? {} : { previousResultId }) });
}

async function diagnostics(client: LspClient, uri: string): Promise<Diagnostic[]> {
  const report = await pull(client, uri);
  assert.equal(report.kind, 'full');
  return (report).items;
}


/** Applies LSP text edits the way an editor does (all positions refer to the text before the edit). */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const resolved = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  resolved.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits of a workspace edit for one document (versioned documentChanges, as announced by the client). */
function editsOf(edit: WorkspaceEdit | undefined, uri: string, version: number): TextEdit[] {
  assert.ok(edit?.documentChanges !== undefined, 'versioned document changes');
  const [change] = edit.documentChanges;
  assert.ok(change !== undefined && 'textDocument' in change);
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.textDocument.version, version);
  return change.edits;
}

function codeActions(client: LspClient, uri: string, line: number, only?: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: [], ...(only === undefined ? {} : { only }) },
  });
}

describe('checks over LSP (Chinese locale)', () => {
  let client: LspClient;
  let init: InitializeResult;

  before(async () => {
    client = LspClient.start();
    init = await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, locale: 'zh-cn' });
    client.notify('initialized', {});
  });

  after(async () => {
    await client.shutdownAndExit();
  });

  it('announces pull diagnostics, quick fixes and fix-all, and the conversion command', () => {
    const caps = init.capabilities;
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'zh-report', interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.zh-report'], resolveProvider: false });
    assert.deepEqual(caps.executeCommandProvider, { commands: ['zh-report.server.convertScript'] });
  });

  it('reports a numbering gap with a stable code, a Chinese message and related information', async () => {
    const uri = newUri('gap');
    open(client, uri, '报告\n一、总体\n二、做法\n四、展望\n');
    const items = await diagnostics(client, uri);
    assert.equal(items.length, 1);
    const [d] = items;
    assert.equal(d!.code, 'numbering-gap');
    assert.equal(d!.source, 'zh-report');
    assert.equal(d!.severity, WARNING);
    assert.deepEqual(d!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    assert.equal(d!.message, '编号跳号：「二、」之后是「四、」，缺少「三、」。');
    assert.equal(d!.relatedInformation?.[0]?.location.range.start.line, 2);
  });

  it('reports term problems from the document\'s key terms', async () => {
    const uri = newUri('terms');
    open(client, uri, '一、总则\n国有土地的使用应当合理。\n城市规划区国有土地（以下简称国有土地）的使用权出让。\n二、出让\n城市规划区国有土地的出让。\n');
    const items = await diagnostics(client, uri);
    assert.deepEqual(items.map((d) => [d.code, d.severity, d.range.start.line]), [
      ['term-before-definition', WARNING, 1],
      ['term-full-form-after-abbreviation', 3, 4],
    ]);
  });

  it('answers "unchanged" for a version it already reported, and recomputes after an edit', async () => {
    const uri = newUri('versions');
    open(client, uri, '一、甲\n三、乙\n');
    const first = await pull(client, uri);
    assert.equal(first.kind, 'full');
    const again = await pull(client, uri, first.resultId);
    assert.equal(again.kind, 'unchanged');
    assert.equal(again.resultId, first.resultId);
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '二' }],
    });
    const next = await pull(client, uri, first.resultId);
    assert.equal(next.kind, 'full');
    assert.deepEqual((next).items, []);
  });

  it('offers a renumbering quick fix whose edit renumbers only the run', async () => {
    const uri = newUri('renumber');
    const text = '报告\n一、总体\n（一）甲\n（三）乙\n二、做法\n（一）丙\n';
    open(client, uri, text);
    const actions = await codeActions(client, uri, 3);
    const renumber = actions.find((a) => a.title.startsWith('重新编号'));
    assert.ok(renumber !== undefined, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(renumber.kind, 'quickfix');
    assert.equal(renumber.isPreferred, true);
    assert.equal(renumber.diagnostics?.[0]?.code, 'numbering-gap');
    assert.equal(applyTextEdits(text, editsOf(renumber.edit, uri, 1)), '报告\n一、总体\n（一）甲\n（二）乙\n二、做法\n（一）丙\n');
    assert.deepEqual(await codeActions(client, uri, 0), [], 'nothing to fix on a clean line');
  });

  it('on the seed: every gloss and damaged line is reported, and fix-all gives back the 13 headings', async () => {
    const uri = newUri('seed');
    const text = readFileSync(SEED_PATH, 'utf8');
    open(client, uri, text);
    const items = await diagnostics(client, uri);
    const count = (code: string): number => items.filter((d) => d.code === code).length;
    assert.equal(count('gbk-misaligned') >= 7, true);
    const glossLines = items.filter((d) => d.code === 'pinyin-gloss');
    const listed = glossLines.reduce((n, d) => n + Number(/本行有 (\d+) 处拼音注音/.exec(d.message)![1]), 0);
    assert.equal(listed, 109 + 2, '109 glosses and the two remnants whose "(" went with a lost byte');
    assert.ok(glossLines.every((d) => d.severity === WARNING));

    const quick = await codeActions(client, uri, glossLines[0]!.range.start.line);
    const stripAll = quick.find((a) => a.title.startsWith('删除全文全部'));
    assert.ok(stripAll !== undefined);
    assert.equal(stripAll.title, '删除全文全部 111 处拼音注音');

    const [fixAll] = await codeActions(client, uri, 0, ['source.fixAll']);
    assert.ok(fixAll !== undefined);
    assert.equal(fixAll.kind, 'source.fixAll.zh-report');
    const fixed = applyTextEdits(text, editsOf(fixAll.edit, uri, 1));
    const fixedUri = newUri('seed-fixed');
    open(client, fixedUri, fixed);
    const outline = await client.request<OutlineNode[]>('zh-report/outline', { uri: fixedUri });
    assert.equal(outline.length, 1);
    const sections = outline[0]!.children;
    assert.equal(sections.length, 4);
    assert.equal(sections.reduce((n, s) => n + 1 + s.children.length, 0), 13);
    // fix-all is settled: on the text it gave, it has nothing left to do
    assert.deepEqual(await codeActions(client, fixedUri, 0, ['source.fixAll']), []);
    const left = await diagnostics(client, fixedUri);
    const damage = left.filter((d) => ['pinyin-gloss', 'gbk-misaligned', 'mojibake', 'page-chrome'].includes(String(d.code)));
    assert.deepEqual(damage, []);
    for (const d of left.filter((x) => x.code === 'replacement-char')) {
      const start = offsetAt(fixed, d.range.start);
      const end = offsetAt(fixed, d.range.end);
      assert.match(fixed.slice(start, end), /^[\uFFFD?][^]*$/);
    }
  });

  it('rejects a conversion of a document that is not open, or with a bad target', async () => {
    await assert.rejects(client.request('workspace/executeCommand', { command: 'zh-report.server.convertScript', arguments: [{ uri: 'file:///nope.txt', target: 'tw' }] }),
      (e: unknown) => e instanceof LspResponseError && e.code === INVALID_PARAMS);
    const uri = newUri('bad-target');
    open(client, uri, '发展\n');
    await assert.rejects(client.request('workspace/executeCommand', { command: 'zh-report.server.convertScript', arguments: [{ uri, target: 'xx' }] }),
      (e: unknown) => e instanceof LspResponseError && e.code === INVALID_PARAMS);
  });

  it('converts a document to traditional with workspace/applyEdit, as one edit the client applies', async () => {
    const uri = newUri('convert');
    const text = '一、发展经济\n软件和内存的发展。\n';
    open(client, uri, text);
    const applied: ApplyWorkspaceEditParams[] = [];
    client.onServerRequest('workspace/applyEdit', (params) => {
      applied.push(params as ApplyWorkspaceEditParams);
      return { applied: true };
    });
    const result = await client.request<ConvertScriptResult>('workspace/executeCommand', { command: 'zh-report.server.convertScript', arguments: [{ uri, target: 'tw' }] });
    assert.equal(result.applied, true);
    assert.equal(applied.length, 1);
    assert.equal(applied[0]!.label, '转换为繁体（台湾）');
    const edits = editsOf(applied[0]!.edit, uri, 1);
    assert.equal(edits.length, result.edits);
    assert.ok(edits.length > 1, 'character runs, not one replacement of the whole text');
    assert.equal(applyTextEdits(text, edits), '一、發展經濟\n軟件和內存的發展。\n');

    // twp changes lengths (软件 → 軟體, 内存 → 記憶體): one replacement of the whole range
    applied.length = 0;
    const phrases = await client.request<ConvertScriptResult>('workspace/executeCommand', { command: 'zh-report.server.convertScript', arguments: [{ uri, target: 'twp' }] });
    assert.equal(phrases.edits, 1);
    const [whole] = editsOf(applied[0]!.edit, uri, 1);
    assert.deepEqual(whole!.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
    assert.equal(whole!.newText, '一、發展經濟\n軟體和記憶體的發展。\n');
  });

  it('converts only the selected ranges, and reports when the client refuses the edit', async () => {
    const uri = newUri('convert-range');
    const text = '國家發展\n國家發展\n';
    open(client, uri, text);
    client.onServerRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'refused by the test' }));
    const result = await client.request<ConvertScriptResult>('workspace/executeCommand', {
      command: 'zh-report.server.convertScript',
      arguments: [{ uri, target: 'cn', ranges: [{ start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }] }],
    });
    assert.equal(result.applied, false);
    const request = client.serverRequests.filter((r) => r.method === 'workspace/applyEdit').at(-1)!;
    const edits = editsOf((request.params as ApplyWorkspaceEditParams).edit, uri, 1);
    assert.equal(applyTextEdits(text, edits), '國家發展\n国家发展\n');
  });
});

describe('checks over LSP: settings and locale', () => {
  let client: LspClient;

  before(async () => {
    client = LspClient.start();
    await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: CAPABILITIES,
      locale: 'en',
      initializationOptions: { maxDocumentSizeMB: 20, diagnostics: { 'numbering-gap': 'off', 'unbalanced-pair': 'hint' } },
    });
    client.notify('initialized', {});
  });

  after(async () => {
    await client.shutdownAndExit();
  });

  it('speaks English to an English client and follows the per-rule settings', async () => {
    const uri = newUri('settings');
    open(client, uri, '一、甲\n三、乙“引文\n');
    const items = await diagnostics(client, uri);
    assert.deepEqual(items.map((d) => [d.code, d.severity, d.message]), [['unbalanced-pair', 4, '「“」 has no matching 「”」.']]);
  });

  it('applies changed settings and asks the client to pull again', async () => {
    const uri = newUri('settings-change');
    open(client, uri, '一、甲\n三、乙\n');
    assert.deepEqual(await diagnostics(client, uri), []);
    const refreshes = client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
    client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 20, diagnostics: { 'numbering-gap': 'error' } } } });
    const items = await diagnostics(client, uri);
    assert.deepEqual(items.map((d) => [d.code, d.severity]), [['numbering-gap', ERROR]]);
    assert.match(items[0]!.message, /^Numbering gap: 「三、」 follows 「一、」; 「二、」 is missing\.$/);
    await waitFor(() => client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a cap on the diagnostics of one document (zh-report.diagnostics.maxPerDocument)', () => {
  let client: LspClient;

  before(async () => {
    client = LspClient.start();
    await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, locale: 'en' });
    client.notify('initialized', {});
  });

  after(() => client.dispose());

  it('a text with thousands of findings gives the first 1000 and one diagnostic that counts the rest and names the setting', async () => {
    const uri = newUri('many-brackets');
    // 3000 lines, each with an unmatched （ : 3000 unbalanced-pair findings
    const text = Array.from({ length: 3000 }, (_, i) => `第${i}行（未闭合的括号`).join('\n') + '\n';
    open(client, uri, text);
    const items = await diagnostics(client, uri);
    assert.equal(items.length, 1001);
    const summary = items[1000]!;
    assert.equal(summary.code, 'too-many-problems');
    assert.match(summary.message, /^2000 more problems/);
    assert.match(summary.message, /zh-report\.diagnostics\.maxPerDocument/);
    assert.equal(summary.range.start.line, 1000, 'the summary stands where the first problem left out is');
    assert.deepEqual(
      items.slice(0, 1000).map((d) => d.range.start.line),
      Array.from({ length: 1000 }, (_, i) => i),
      'the first 1000 in document order',
    );
  });

  it('the setting changes the cap; fix-all still fixes the findings beyond it', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 20, diagnostics: { maxPerDocument: 10 } } } });
    const uri = newUri('many-glosses');
    const lines = Array.from({ length: 40 }, (_, i) => `第${i}段：發(fā)布网(wǎng)上沙龙。`);
    const text = lines.join('\n') + '\n';
    open(client, uri, text);
    const items = await diagnostics(client, uri);
    assert.equal(items.length, 11);
    assert.match(items[10]!.message, /^30 more problems/);
    const [fixAll] = await codeActions(client, uri, 0, ['source.fixAll.zh-report']);
    assert.ok(fixAll?.edit !== undefined, 'a fix-all action');
    const fixed = applyTextEdits(text, editsOf(fixAll.edit, uri, 1));
    assert.equal(fixed, lines.map((_, i) => `第${i}段：發布网上沙龙。`).join('\n') + '\n', 'every gloss removed, also on the lines past the cap');
    client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 20, diagnostics: {} } } });
    assert.equal((await diagnostics(client, uri)).length, 40, 'back to the default cap');
  });
});
