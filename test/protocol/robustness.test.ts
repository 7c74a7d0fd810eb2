/**
 * The server's request boundary with a replaced analysis (a server inside the test process): exceptions become
 * error responses, the model is computed once per document version and dropped on close.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, LogMessageParams, SelectionRange } from 'vscode-languageserver/node';
import { analyze, type ReportModel } from '../../server/src/core';
import { Methods, type OutlineNode } from '../../server/src/protocol';
import { startInProcess } from '../util/in-process';
import { LspClient, LspResponseError } from '../util/lsp-client';

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

const INVALID_PARAMS = -32602;
const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;

async function rejectsWith(promise: Promise<unknown>, code: number, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LspResponseError, `expected an error response, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message !== undefined) assert.match(error.message, message);
    return true;
  });
}

describe('the protocol gate (built server over stdio): lifecycle and params', () => {
  const uri = 'file:///robust/gate.txt';
  const at = { textDocument: { uri }, position: { line: 1, character: 1 } };
  const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } };

  it('a request before initialize gets ServerNotInitialized; notifications before it are dropped', async () => {
    const client = LspClient.start();
    try {
      await rejectsWith(client.request(Methods.status, {}), SERVER_NOT_INITIALIZED, /not initialized/);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: REPORT } });
      await client.initialize();
      const status = await client.request<{ documents: number }>(Methods.status, {});
      assert.equal(status.documents, 0, 'the didOpen sent before initialize was dropped');
    } finally {
      await client.dispose();
    }
  });

  describe('malformed params: InvalidParams, never InternalError, and the server answers afterwards', () => {
    let client: LspClient;
    before(async () => {
      client = LspClient.start();
      await client.initialize();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: REPORT } });
    });
    after(() => client.dispose());

    const cases: ReadonlyArray<readonly [string, string, unknown, RegExp]> = [
      ['params: null', 'textDocument/documentSymbol', null, /not null/],
      ['params: null (hover)', 'textDocument/hover', null, /not null/],
      ['params: null (diagnostic)', 'textDocument/diagnostic', null, /not null/],
      ['params: null (executeCommand)', 'workspace/executeCommand', null, /not null/],
      ['params by position', 'textDocument/foldingRange', [{ textDocument: { uri } }], /not an array/],
      ['custom request with []', Methods.outline, [], /not an array/],
      ['custom request with [] (terms)', Methods.terms, [], /not an array/],
      ['custom request with [] (status)', Methods.status, [], /not an array/],
      ['workspace/symbol without a query', 'workspace/symbol', {}, /query/],
      ['workspace/symbol with a number', 'workspace/symbol', { query: 5 }, /query/],
      ['codeAction without a context', 'textDocument/codeAction', { textDocument: { uri }, range }, /context/],
      ['codeAction without a range', 'textDocument/codeAction', { textDocument: { uri }, context: { diagnostics: [] } }, /range/],
      ['codeAction with diagnostics that are not an array', 'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: 5 } }, /context/],
      ['semanticTokens/range without a range', 'textDocument/semanticTokens/range', { textDocument: { uri } }, /range/],
      ['a negative position', 'textDocument/definition', { textDocument: { uri }, position: { line: -1, character: 0 } }, /position/],
      ['a fractional position', 'textDocument/references', { textDocument: { uri }, position: { line: 0.5, character: 0 } }, /position/],
      ['rename without newName', 'textDocument/rename', at, /newName/],
      ['completion with a context that is not an object', 'textDocument/completion', { ...at, context: 5 }, /context/],
      ['selectionRange with positions that are not an array', 'textDocument/selectionRange', { textDocument: { uri }, positions: 'here' }, /positions/],
      ['a URI that is not a string', 'textDocument/foldingRange', { textDocument: { uri: 42 } }, /uri/],
      ['executeCommand with arguments that are not an array', 'workspace/executeCommand', { command: 'x', arguments: 5 }, /arguments/],
    ];
    for (const [name, method, params, message] of cases) {
      it(name, async () => {
        await rejectsWith(client.request(method, params), INVALID_PARAMS, message);
      });
    }

    it('requests whose params may be left out are served without them', async () => {
      assert.equal((await client.request<{ documents: number }>(Methods.status, undefined)).documents, 1);
      assert.equal((await client.request<{ documents: number }>(Methods.status, null)).documents, 1);
    });

    it('malformed document notifications are dropped, not half-applied; the document stays as it was', async () => {
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: -1 } }, text: 'x' }] });
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'x' });
      client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///robust/no-text.txt', languageId: 'zh-report', version: 1 } });
      const outline = await client.request<OutlineNode[]>(Methods.outline, { uri });
      assert.deepEqual(outline.map((n) => n.name), ['关于某项工作的报告']);
      await rejectsWith(client.request(Methods.outline, { uri: 'file:///robust/no-text.txt' }), INVALID_PARAMS, /not open/);
    });

    it('positions past the end of a line or of the document give ranges inside the document', async () => {
      const lines = REPORT.split('\n');
      const ranges = await client.request<SelectionRange[]>('textDocument/selectionRange', {
        textDocument: { uri },
        positions: [{ line: 1_000_000, character: 1_000_000 }, { line: 2, character: 500 }],
      });
      for (let r: SelectionRange | undefined = ranges[0]; r !== undefined; r = r.parent) {
        assert.ok(r.range.end.line < lines.length, JSON.stringify(r.range));
      }
      assert.deepEqual(ranges[1]?.range.start.line, 2);
      assert.ok((ranges[1]?.range.start.character ?? 0) <= lines[2]!.length);
    });
  });

  it('a second initialize is refused (InvalidRequest) and changes nothing: the symbol format stays as first agreed', async () => {
    const client = LspClient.start();
    try {
      await client.initialize({});
      await rejectsWith(
        client.request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } }),
        INVALID_REQUEST,
        /already initialized/,
      );
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: REPORT } });
      const symbols = await client.request<Array<Record<string, unknown>>>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
      assert.ok(symbols.every((s) => 'location' in s && !('children' in s)), 'flat SymbolInformation, as the first initialize asked');
    } finally {
      await client.dispose();
    }
  });

  it('after shutdown every request is refused (InvalidRequest), notifications are ignored, and exit ends with code 0', async () => {
    const client = LspClient.start();
    try {
      await client.initialize();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: REPORT } });
      assert.equal(await client.request('shutdown', undefined), null);
      await rejectsWith(client.request('textDocument/documentSymbol', { textDocument: { uri } }), INVALID_REQUEST, /shut/);
      await rejectsWith(client.request(Methods.status, {}), INVALID_REQUEST, /shut/);
      await rejectsWith(client.request('shutdown', undefined), INVALID_REQUEST, /shut/);
      await rejectsWith(client.request('initialize', { processId: null, capabilities: {} }), INVALID_REQUEST);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      client.notify('exit', undefined);
      assert.deepEqual(await client.exited, { code: 0, signal: null });
    } finally {
      await client.dispose();
    }
  });

  it('exit before initialize ends the process with code 1', async () => {
    const client = LspClient.start();
    try {
      client.notify('exit', undefined);
      assert.deepEqual(await client.exited, { code: 1, signal: null });
    } finally {
      await client.dispose();
    }
  });
});

describe('malformed frames (built server over stdio): skipped, and the server answers the next request', () => {
  const frame = (body: string): Buffer => {
    const bytes = Buffer.from(body, 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
  };
  const cases: ReadonlyArray<readonly [string, Buffer]> = [
    ['a body that is not JSON', frame('{"jsonrpc":"2.0","id":')],
    ['JSON that is not a message', frame('42')],
    ['a batch (JSON-RPC arrays are not LSP)', frame('[{"jsonrpc":"2.0","id":99,"method":"zh-report/status"}]')],
    ['a request with id null', frame('{"jsonrpc":"2.0","id":null,"method":"zh-report/status"}')],
    ['a header without Content-Length', Buffer.from('Content-Type: application/json\r\n\r\n{}', 'ascii')],
    ['a header that is not a header', Buffer.from('hello\r\n\r\n{}', 'ascii')],
    ['a Content-Length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{}', 'ascii')],
    ['a header with LF line ends only', Buffer.from('Content-Length: 2\n\n{}', 'ascii')],
    ['a Content-Length of 100 GB', Buffer.from('Content-Length: 99999999999\r\n\r\n{}', 'ascii')],
  ];
  let client: LspClient;
  before(async () => {
    client = LspClient.start({ timeout: 5000 });
    await client.initialize();
  });
  after(() => client.dispose());

  for (const [name, bytes] of cases) {
    it(name, async () => {
      client.writeRaw(bytes);
      const status = await client.request<{ documents: number }>(Methods.status, {});
      assert.equal(status.documents, 0);
    });
  }
});
