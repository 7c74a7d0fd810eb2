/**
 * The built language server (dist/server.js) driven over stdio, as an editor would drive it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  DocumentSymbol,
  FoldingRange,
  InitializeResult,
  SelectionRange,
  ShowMessageParams,
  SymbolInformation,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { Methods, OutlineNode, StatusResult } from '../../server/src/protocol';
import { LspClient, LspResponseError } from '../util/lsp-client';
import { SEED_PATH, packageVersion } from '../util/paths';
import { containsRange, nameTree, positionOf, range, sortFolding, walkSymbols, type NameTree } from '../util/text';

// The wire names of the custom requests, checked against the shared declaration at compile time.
const OUTLINE: (typeof Methods)['outline'] = 'zh-report/outline';
const STATUS: (typeof Methods)['status'] = 'zh-report/status';

// LSP numbers used on the wire.
const INVALID_PARAMS = -32602;
const REQUEST_CANCELLED = -32800;
const INCREMENTAL_SYNC = 2;
const MESSAGE_WARNING = 2;
const SYMBOL_FILE = 1;
const SYMBOL_CLASS = 5;
const SYMBOL_METHOD = 6;

const REPORT = '关于某项工作的报告\n\n一、总体情况\n\n（一）主要成效\n\n正文。\n\n二、下一步安排\n';

const REPORT_TREE: NameTree[] = [
  {
    name: '关于某项工作的报告',
    children: [
      { name: '一、总体情况', children: [{ name: '（一）主要成效', children: [] }] },
      { name: '二、下一步安排', children: [] },
    ],
  },
];

let uriCounter = 0;
/** A fresh document URI per test, so tests do not see each other's documents. */
function newUri(name: string): string {
  uriCounter++;
  return `file:///test/${uriCounter}-${encodeURIComponent(name)}.txt`;
}

function open(client: LspClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version, text } });
}

function change(client: LspClient, uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
}

function documentSymbols(client: LspClient, uri: string): Promise<DocumentSymbol[]> {
  return client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
}

function foldingRanges(client: LspClient, uri: string): Promise<FoldingRange[]> {
  return client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
}

async function rejectsWith(promise: Promise<unknown>, code: number, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof LspResponseError, `expected an error response, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (message !== undefined) {
      assert.match(error.message, message);
    }
    return true;
  });
}

/** The chain of a selection range, innermost first. */
function chain(selection: SelectionRange): SelectionRange[] {
  const links: SelectionRange[] = [];
  for (let link: SelectionRange | undefined = selection; link !== undefined; link = link.parent) {
    links.push(link);
  }
  return links;
}

describe('zh-report language server over stdio', () => {
  let client: LspClient;
  let initialized: InitializeResult;

  before(async () => {
    client = LspClient.start();
    initialized = await client.initialize();
  });

  after(async () => {
    await client.dispose();
  });

  it('initialize: announces incremental sync, symbols, folding and selection ranges', () => {
    const { capabilities, serverInfo } = initialized;
    assert.ok(typeof capabilities.textDocumentSync === 'object' && capabilities.textDocumentSync !== null);
    assert.equal(capabilities.textDocumentSync.change, INCREMENTAL_SYNC);
    assert.equal(capabilities.textDocumentSync.openClose, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
    assert.ok(capabilities.selectionRangeProvider);
    assert.equal(serverInfo?.name, 'zh-report');
    assert.equal(serverInfo?.version, packageVersion());
  });

  describe('a small inline report', () => {
    const uri = newUri('inline');

    before(() => open(client, uri, REPORT));

    it('documentSymbol: title → 一、总体情况 → （一）主要成效, and 二、下一步安排 under the title', async () => {
      const symbols = await documentSymbols(client, uri);
      assert.deepEqual(nameTree(symbols), REPORT_TREE);
    });

    it('documentSymbol: kinds tell the levels apart; ranges cover the sections without trailing blank lines', async () => {
      const symbols = await documentSymbols(client, uri);
      const byName = new Map(walkSymbols(symbols).map(({ symbol }) => [symbol.name, symbol]));
      const title = byName.get('关于某项工作的报告');
      const first = byName.get('一、总体情况');
      const sub = byName.get('（一）主要成效');
      const second = byName.get('二、下一步安排');
      assert.ok(title && first && sub && second, `missing symbols in ${JSON.stringify(nameTree(symbols))}`);

      assert.deepEqual([title.kind, first.kind, sub.kind, second.kind], [SYMBOL_FILE, SYMBOL_CLASS, SYMBOL_METHOD, SYMBOL_CLASS]);
      assert.equal(title.detail, '标题');

      // The title's section is the whole report, up to the end of its last non-blank line.
      assert.deepEqual(title.range, range(0, 0, 8, 7));
      assert.deepEqual(title.selectionRange, range(0, 0, 0, 9));
      // 一、 ends with 正文。 (line 6), not on the blank line before 二、.
      assert.deepEqual(first.range, range(2, 0, 6, 3));
      assert.deepEqual(first.selectionRange, range(2, 0, 2, 6));
      assert.deepEqual(sub.range, range(4, 0, 6, 3));
      assert.deepEqual(sub.selectionRange, range(4, 0, 4, 7));
      assert.deepEqual(second.range, range(8, 0, 8, 7));
    });

    it('shows a law article\'s first sentence and an appendix\'s title line as the symbol detail', async () => {
      const uri = newUri('law');
      open(client, uri, '某某条例\n\n第一章 总则\n\n第一条　为了加强管理，制定本条例。\n\n附件1\n有关单位名单\n');
      const byName = new Map(walkSymbols(await documentSymbols(client, uri)).map(({ symbol }) => [symbol.name, symbol]));
      assert.equal(byName.get('第一条')?.detail, '为了加强管理，制定本条例');
      assert.equal(byName.get('附件1')?.detail, '有关单位名单');
      assert.equal(byName.get('第一章 总则')?.detail, '章');
    });

    it('documentSymbol: every selectionRange lies in its range, every child in its parent', async () => {
      const symbols = await documentSymbols(client, uri);
      assert.ok(symbols.length > 0, 'no symbols');
      for (const { symbol, parent } of walkSymbols(symbols)) {
        assert.ok(containsRange(symbol.range, symbol.selectionRange), `${symbol.name}: selectionRange outside range`);
        if (parent !== undefined) {
          assert.ok(containsRange(parent.range, symbol.range), `${symbol.name} sticks out of ${parent.name}`);
        }
      }
    });

    it('zh-report/outline: the same tree, with kinds, levels and zero-based lines', async () => {
      const outline = await client.request<OutlineNode[]>(OUTLINE, { uri });
      assert.deepEqual(nameTree(outline), REPORT_TREE);
      const [title] = outline;
      assert.ok(title !== undefined);
      assert.deepEqual(
        [title, ...title.children, ...title.children.flatMap((c) => c.children)].map((n) => [n.kind, n.level, n.line]),
        [
          ['title', 0, 0],
          ['cn', 1, 2],
          ['cn', 1, 8],
          ['cnParen', 2, 4],
        ],
      );
    });

    it('foldingRange: one range per section with content, from the heading to its last non-blank line', async () => {
      const ranges = await foldingRanges(client, uri);
      assert.deepEqual(sortFolding(ranges), [
        { startLine: 0, endLine: 8 },
        { startLine: 2, endLine: 6 },
        { startLine: 4, endLine: 6 },
      ]);
    });

    it('selectionRange: grows from the sentence through （一）, 一、 and the title, each range containing the last', async () => {
      const at = positionOf(REPORT, '正文', 1);
      const [selection, ...others] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
        textDocument: { uri },
        positions: [at],
      });
      assert.equal(others.length, 0, 'one result per position');
      assert.ok(selection !== undefined);
      const links = chain(selection);
      assert.ok(containsRange(links[0]!.range, { start: at, end: at }), 'the innermost range holds the position');
      for (let i = 1; i < links.length; i++) {
        assert.ok(containsRange(links[i]!.range, links[i - 1]!.range), `link ${i} does not contain link ${i - 1}`);
        assert.notDeepEqual(links[i]!.range, links[i - 1]!.range, `link ${i} repeats link ${i - 1}`);
      }
      assert.deepEqual(links[0]!.range, range(6, 0, 6, 3), 'the innermost range is the sentence 正文。');
      const sectionStarts = links.map((l) => l.range.start).filter((p) => p.character === 0 && p.line !== 6);
      // （一） starts on line 4, 一、 on line 2, the title on line 0: the chain climbs the outline in that order.
      assert.deepEqual(
        sectionStarts.map((p) => p.line).filter((line, i, all) => all.indexOf(line) === i),
        [4, 2, 0],
      );
    });

    it('selectionRange: answers every position of a batch, in order', async () => {
      const positions = [positionOf(REPORT, '总体'), positionOf(REPORT, '正文'), positionOf(REPORT, '下一步')];
      const selections = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
      assert.equal(selections.length, positions.length);
      selections.forEach((selection, i) => {
        assert.ok(containsRange(selection.range, { start: positions[i]!, end: positions[i]! }), `result ${i} does not hold its position`);
      });
    });
  });

  describe('incremental edits', () => {
    it('didChange with incremental edits: documentSymbol and outline reflect the new text', async () => {
      const uri = newUri('edited');
      open(client, uri, REPORT);
      assert.deepEqual(nameTree(await documentSymbols(client, uri)), REPORT_TREE);

      // Append a third section at the end (line 9 is the empty line after the final newline).
      change(client, uri, 2, [{ range: range(9, 0, 9, 0), text: '三、保障措施\n\n加强组织领导。\n' }]);
      // Rename 二、下一步安排 → 二、工作打算 (replace 下一步安排, characters 2 to 7 of line 8).
      change(client, uri, 3, [{ range: range(8, 2, 8, 7), text: '工作打算' }]);

      const symbols = await documentSymbols(client, uri);
      assert.deepEqual(nameTree(symbols), [
        {
          name: '关于某项工作的报告',
          children: [
            { name: '一、总体情况', children: [{ name: '（一）主要成效', children: [] }] },
            { name: '二、工作打算', children: [] },
            { name: '三、保障措施', children: [] },
          ],
        },
      ]);
      const outline = await client.request<OutlineNode[]>(OUTLINE, { uri });
      assert.deepEqual(outline[0]?.children.map((n) => [n.name, n.line]), [
        ['一、总体情况', 2],
        ['二、工作打算', 8],
        ['三、保障措施', 9],
      ]);
      const folding = sortFolding(await foldingRanges(client, uri));
      assert.deepEqual(folding.find((r) => r.startLine === 9), { startLine: 9, endLine: 11 }, JSON.stringify(folding));
    });

    it('a "\\r" typed before a "\\n" makes one line break: the outline stays on the lines of the text (fuzzer seed 11)', async () => {
      const uri = newUri('cr-before-lf');
      open(client, uri, '关于某项工作的报告\n一、总体情况\n正文。\n二、下一步安排\n正文。');
      // "\r" at the end of line 0 makes its "\n" a "\r\n"; then, in the same didChange, 一、 becomes 三、 on line 1
      change(client, uri, 2, [
        { range: range(0, 9, 0, 9), text: '\r' },
        { range: range(1, 0, 1, 1), text: '三' },
      ]);
      const symbols = await documentSymbols(client, uri);
      assert.deepEqual(nameTree(symbols), [{ name: '关于某项工作的报告', children: [{ name: '三、总体情况', children: [] }, { name: '二、下一步安排', children: [] }] }]);
      assert.deepEqual(symbols[0]!.children!.map((s) => s.selectionRange.start.line), [1, 3]);
    });

    it('several changes in one didChange are applied in order', async () => {
      const uri = newUri('multi-change');
      open(client, uri, '标题\n');
      change(client, uri, 2, [
        { range: range(0, 0, 0, 2), text: '关于某项工作的报告' },
        { range: range(1, 0, 1, 0), text: '\n一、总体情况\n\n正文。\n' },
      ]);
      const outline = await client.request<OutlineNode[]>(OUTLINE, { uri });
      assert.deepEqual(nameTree(outline), [{ name: '关于某项工作的报告', children: [{ name: '一、总体情况', children: [] }] }]);
    });
  });

  describe('the seed: a scraped traditional-Chinese report with pinyin glosses and GBK mojibake', () => {
    const seed = readFileSync(SEED_PATH, 'utf8');
    const uri = pathToFileURL(SEED_PATH).href;

    before(() => open(client, uri, seed));

    it('documentSymbol: the title, then 一、 to 四、 at the top, glosses stripped', async () => {
      const symbols = await documentSymbols(client, uri);
      assert.equal(symbols.length, 1, `one root (the title), got ${JSON.stringify(nameTree(symbols))}`);
      const [title] = symbols;
      assert.ok(title !== undefined);
      assert.equal(title.kind, SYMBOL_FILE);
      assert.match(title.name, /凝聚共識/);
      assert.doesNotMatch(title.name, /當前位置|首頁/, 'page chrome is not the title');
      assert.deepEqual(
        (title.children ?? []).map((c) => c.name),
        ['一、主要成效', '二、基本做法', '三、主要創新及亮點', '四、存在的不足與展望'],
      );
    });

    it('documentSymbol: 二、基本做法 holds (一) to (五), the mojibake lines (三) to (五) repaired', async () => {
      const symbols = await documentSymbols(client, uri);
      const practice = walkSymbols(symbols).find(({ symbol }) => symbol.name === '二、基本做法')?.symbol;
      assert.ok(practice !== undefined, 'no 二、基本做法');
      const names = (practice.children ?? []).map((c) => c.name);
      assert.ok(names.length >= 5, `expected at least (一) to (五), got ${JSON.stringify(names)}`);
      ['一', '二', '三', '四', '五'].forEach((numeral, i) => {
        assert.match(names[i] ?? '', new RegExp(`^[(（]${numeral}[)）]`), `child ${i}: ${names[i]}`);
      });
      assert.match(names[0] ?? '', /五指緊扣/);
      assert.match(names[2] ?? '', /關鍵少數/);
      for (const name of names) {
        assert.doesNotMatch(name, /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/, `gloss left in ${name}`);
      }
    });

    it('documentSymbol: no web-page chrome among the headings', async () => {
      const names = walkSymbols(await documentSymbols(client, uri)).map(({ symbol }) => symbol.name);
      for (const chrome of ['當前位置', '放大', '縮小', '責任編輯', '發布時間']) {
        assert.ok(!names.some((n) => n.startsWith(chrome)), `${chrome} taken for a heading`);
      }
    });

    it('foldingRange: valid ranges, one starting at each section with content', async () => {
      const lineCount = seed.split('\n').length;
      const ranges = await foldingRanges(client, uri);
      assert.ok(ranges.length > 0, 'no folding ranges');
      for (const r of ranges) {
        assert.ok(r.startLine < r.endLine && r.endLine < lineCount, JSON.stringify(r));
      }
      const starts = new Set(ranges.map((r) => r.startLine));
      const symbols = walkSymbols(await documentSymbols(client, uri));
      for (const { symbol } of symbols) {
        assert.ok(starts.has(symbol.range.start.line), `no folding range for ${symbol.name}`);
      }
    });
  });

  describe('errors and bad input', () => {
    it('a request for an unknown document gives InvalidParams, and the server answers afterwards', async () => {
      await rejectsWith(documentSymbols(client, 'file:///not/open.txt'), INVALID_PARAMS, /not open/);
      await rejectsWith(client.request(OUTLINE, { uri: 'file:///not/open.txt' }), INVALID_PARAMS, /not open/);
      const status = await client.request<StatusResult>(STATUS, {});
      assert.equal(status.version, packageVersion());
    });

    it('malformed params give InvalidParams, not a crash', async () => {
      await rejectsWith(client.request('textDocument/documentSymbol', {}), INVALID_PARAMS, /uri/);
      await rejectsWith(client.request('textDocument/foldingRange', { textDocument: {} }), INVALID_PARAMS, /uri/);
      await rejectsWith(client.request(OUTLINE, { path: '/x' }), INVALID_PARAMS, /uri/);
      const uri = newUri('positions');
      open(client, uri, REPORT);
      await rejectsWith(client.request('textDocument/selectionRange', { textDocument: { uri }, positions: 'here' }), INVALID_PARAMS, /positions/);
      await rejectsWith(
        client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: -1, character: 0 }] }),
        INVALID_PARAMS,
        /positions/,
      );
      assert.ok(Array.isArray(await foldingRanges(client, uri)), 'the server still answers');
    });

    it('malformed notifications are survived: didOpen without a document, didChange of an unknown document', async () => {
      client.notify('textDocument/didOpen', {});
      client.notify('textDocument/didOpen', { textDocument: { uri: 42 } });
      client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
      client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 'big' } } });
      const status = await client.request<StatusResult>(STATUS, {});
      assert.equal(status.version, packageVersion());
      await rejectsWith(documentSymbols(client, 'file:///never/opened.txt'), INVALID_PARAMS, /not open/);
    });

    it('a cancelled request gives RequestCancelled, and the server answers afterwards', async () => {
      const uri = newUri('cancel');
      open(client, uri, REPORT);
      await rejectsWith(client.requestAndCancel('textDocument/documentSymbol', { textDocument: { uri } }), REQUEST_CANCELLED);
      await rejectsWith(client.requestAndCancel('textDocument/foldingRange', { textDocument: { uri } }), REQUEST_CANCELLED);
      assert.deepEqual(nameTree(await documentSymbols(client, uri)), REPORT_TREE);
    });

    it('a binary document: one warning, empty results, through later edits', async () => {
      const uri = newUri('binary');
      const isForUs = (p: ShowMessageParams): boolean => p.message.includes('binary') && p.message.includes(uri.slice(uri.lastIndexOf('/') + 1));
      open(client, uri, '一、总体情况\n\0\0\0\x01\x02');
      const warning = await client.waitForNotification<ShowMessageParams>('window/showMessage', isForUs);
      assert.equal(warning.type, MESSAGE_WARNING);
      assert.deepEqual(await documentSymbols(client, uri), []);
      assert.deepEqual(await foldingRanges(client, uri), []);
      const at = { line: 0, character: 1 };
      assert.deepEqual(await client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [at] }), [
        { range: { start: at, end: at } },
      ]);
      assert.deepEqual(await client.request(OUTLINE, { uri }), []);

      change(client, uri, 2, [{ range: range(1, 0, 1, 0), text: '\0' }]);
      // The status answer comes after the didChange has been handled: any second warning would be here by now.
      await client.request(STATUS, {});
      assert.equal(client.notificationsOf<ShowMessageParams>('window/showMessage').filter(isForUs).length, 1, 'warned once');
    });

    it('zh-report/status: the version and the number of open documents', async () => {
      const before = await client.request<StatusResult>(STATUS, {});
      const uri = newUri('status');
      open(client, uri, REPORT);
      const opened = await client.request<StatusResult>(STATUS, {});
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const closed = await client.request<StatusResult>(STATUS, {});
      assert.deepEqual([opened.documents - before.documents, closed.documents - before.documents], [1, 0]);
      assert.equal(opened.version, packageVersion());
      await rejectsWith(documentSymbols(client, uri), INVALID_PARAMS, /not open/);
    });
  });
});

describe('zh-report language server: settings, clients and lifecycle', () => {
  it('a document over maxDocumentSizeMB: one warning and empty results until the limit is raised', async () => {
    const client = LspClient.start();
    try {
      await client.initialize(undefined, { maxDocumentSizeMB: 0.01 }); // 10,485 bytes
      const big = REPORT + '正文。'.repeat(2000); // about 18 KB in UTF-8
      const uri = newUri('big');
      open(client, uri, big);
      const warning = await client.waitForNotification<ShowMessageParams>('window/showMessage', (p) => p.message.includes('maxDocumentSizeMB'));
      assert.equal(warning.type, MESSAGE_WARNING);
      assert.match(warning.message, /maxDocumentSizeMB/);
      assert.deepEqual(await documentSymbols(client, uri), []);
      assert.deepEqual(await foldingRanges(client, uri), []);

      client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 1 } } });
      const symbols = await documentSymbols(client, uri);
      assert.deepEqual(
        nameTree(symbols).map((t) => t.name),
        ['关于某项工作的报告'],
      );
      assert.equal(client.notificationsOf('window/showMessage').length, 1);

      // lowered again: the open document is over it, and the user is told (once: it was told before, on open)
      const other = newUri('big-too');
      open(client, other, big.slice(0, 6000)); // about 18 KB: under 1 MB, over 0.01
      client.notify('workspace/didChangeConfiguration', { settings: { zhReport: { maxDocumentSizeMB: 0.01 } } });
      await client.waitForNotification<ShowMessageParams>('window/showMessage', (p) => p.message.includes('big-too'));
      assert.deepEqual(await documentSymbols(client, other), []);
      assert.equal(client.notificationsOf('window/showMessage').length, 2, 'the first document was told already');
    } finally {
      await client.dispose();
    }
  });

  it('a client without hierarchical symbol support gets flat SymbolInformation with container names', async () => {
    const client = LspClient.start();
    try {
      await client.initialize({});
      const uri = newUri('flat');
      open(client, uri, REPORT);
      const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((s) => [s.name, s.containerName ?? null, s.location.uri]),
        [
          ['关于某项工作的报告', null, uri],
          ['一、总体情况', '关于某项工作的报告', uri],
          ['（一）主要成效', '一、总体情况', uri],
          ['二、下一步安排', '关于某项工作的报告', uri],
        ],
      );
    } finally {
      await client.dispose();
    }
  });

  it('shutdown then exit ends the process with code 0', async () => {
    const client = LspClient.start();
    try {
      await client.initialize();
      open(client, newUri('exit'), REPORT);
      const exit = await client.shutdownAndExit();
      assert.deepEqual(exit, { code: 0, signal: null });
    } finally {
      await client.dispose();
    }
  });

  it('exit without shutdown ends the process with code 1 (as the protocol says)', async () => {
    const client = LspClient.start();
    try {
      await client.initialize();
      client.notify('exit', undefined);
      assert.deepEqual(await client.exited, { code: 1, signal: null });
    } finally {
      await client.dispose();
    }
  });
});
