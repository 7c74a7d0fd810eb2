/**
 * The server's request boundary with a replaced analysis (a server inside the test process): exceptions become
 * error responses, the model is computed once per document version and dropped on close.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, LogMessageParams } from 'vscode-languageserver/node';
import { analyze, type ReportModel } from '../../server/src/core';
import { Methods, type OutlineNode } from '../../server/src/protocol';
import { startInProcess } from '../util/in-process';
import { LspResponseError, type LspClient } from '../util/lsp-client';

const INTERNAL_ERROR = -32603;
const MESSAGE_ERROR = 1;

const REPORT = '关于某项工作的报告\n\n一、总体情况\n\n正文。\n';

describe('request boundary (in-process server, instrumented analysis)', () => {
  let client: LspClient;
  const analysed: string[] = [];

  before(async () => {
    client = startInProcess({
      analyze: (text: string): ReportModel => {
        analysed.push(text);
        if (text.includes('BOOM')) {
          throw new Error('analysis exploded');
        }
        return analyze(text);
      },
    });
    await client.initialize();
  });

  after(() => client.dispose());

  it('an exception in the analysis becomes an InternalError response, logged, and the server stays up', async () => {
    const broken = 'file:///robust/broken.txt';
    client.notify('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'zh-report', version: 1, text: 'BOOM\n' } });
    await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: { uri: broken } }), (error: unknown) => {
      assert.ok(error instanceof LspResponseError);
      assert.equal(error.code, INTERNAL_ERROR);
      assert.match(error.message, /analysis exploded/);
      return true;
    });
    const logged = await client.waitForNotification<LogMessageParams>('window/logMessage', (p) => p.message.includes('analysis exploded'));
    assert.equal(logged.type, MESSAGE_ERROR);
    assert.match(logged.message, /textDocument\/documentSymbol/);

    const fine = 'file:///robust/fine.txt';
    client.notify('textDocument/didOpen', { textDocument: { uri: fine, languageId: 'zh-report', version: 1, text: REPORT } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fine } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['关于某项工作的报告'],
    );
  });

  it('the model is computed once per version, again after an edit, and dropped on close', async () => {
    const uri = 'file:///robust/cached.txt';
    const count = (): number => analysed.filter((t) => t.includes('缓存测试')).length;
    const text = `缓存测试${REPORT}`;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
    assert.equal(count(), 0, 'opening does not analyse: the model is computed on the first request');

    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/foldingRange', { textDocument: { uri } });
    await client.request<OutlineNode[]>(Methods.outline, { uri });
    await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 0 }] });
    assert.equal(count(), 1, 'four requests on one version: one analysis');

    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '更多' }],
    });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.equal(count(), 2, 'a new version is analysed once');

    client.notify('textDocument/didClose', { textDocument: { uri } });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 2, text } });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(count(), 3, 'closing drops the model, even when the document comes back with the same version');
  });
});
