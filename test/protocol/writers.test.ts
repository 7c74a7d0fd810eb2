/**
 * For the people who write reports, over stdio against the built server: 字数 (zh-report/wordCount), the outline's
 * section sizes and the heading hover agreeing with it, the outline as text to copy (zh-report/outlineText), the
 * glossary export (zh-report/glossary), and hover labels in one display language (en, zh-cn, zh-tw).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver/node';
import type { ExportText, Methods, WordCountResult } from '../../server/src/protocol';
import { LspClient, LspResponseError } from '../util/lsp-client';
import { SEED_PATH } from '../util/paths';
import { positionOf, walkSymbols } from '../util/text';

// The wire names, checked against the shared declarations at compile time.
const WORD_COUNT: (typeof Methods)['wordCount'] = 'zh-report/wordCount';
const OUTLINE_TEXT: (typeof Methods)['outlineText'] = 'zh-report/outlineText';
const GLOSSARY: (typeof Methods)['glossary'] = 'zh-report/glossary';

// 字数 counted by hand, line by line:
//   关于某项工作的报告 9 · 一、总体情况 6 · （一）“五指紧扣”，一盘棋推进 3+6+1+5 = 15
//   “五指紧扣”：市委会机关从制度机制入手，形成合力。 6+1+12+1+4+1 = 25, then 2025年完成GDP目标。 2025 · 年 · 完成 · GDP · 目标 · 。 = 8
//   （二）深化学习 7 · 二、下一步打算 7 · （以下简称“市委会”） in the last line: 市委员会 4 + （以下简称“市委会”） 11 + 。 = 16
// Sections: （一） 15+33 = 48 · （二） 7 · 一、 6+48+7 = 61 · 二、 7+16 = 23 · document 9+61+23 = 93.
const REPORT = [
  '关于某项工作的报告',
  '',
  '一、总体情况',
  '（一）“五指紧扣”，一盘棋推进',
  '“五指紧扣”：市委会机关从制度机制入手，形成合力。2025年完成GDP目标。',
  '（二）深化学习',
  '二、下一步打算',
  '市委员会（以下简称“市委会”）。',
  '',
].join('\n');

function open(client: LspClient, uri: string, text: string): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
}

function markdown(hover: Hover | null): string {
  assert.ok(hover !== null, 'no hover');
  return (hover.contents as MarkupContent).value;
}

/** A server initialized with a display language (VS Code sends it as `locale`). */
async function startWith(locale: string | undefined, initializationOptions?: unknown): Promise<LspClient> {
  const client = LspClient.start();
  await client.request('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    ...(locale === undefined ? {} : { locale }),
    ...(initializationOptions === undefined ? {} : { initializationOptions }),
  });
  client.notify('initialized', {});
  return client;
}

describe('字数, 提纲 and glossary over stdio', () => {
  let client: LspClient;
  const uri = 'file:///test/writers-report.txt';
  const at = (needle: string, offset = 0) => positionOf(REPORT, needle, offset);

  before(async () => {
    client = await startWith(undefined, { showWordCountInOutline: true });
    open(client, uri, REPORT);
  });

  after(async () => {
    await client.dispose();
  });

  it('wordCount: the document, the section under the cursor with its path, the selections added up', async () => {
    const result = await client.request<WordCountResult>(WORD_COUNT, {
      uri,
      position: at('市委会机关'),
      selections: [
        { start: at('市委会机关'), end: at('市委会机关', 5) },
        { start: at('2025'), end: at('GDP', 3) },
        { start: at('深化'), end: at('深化') },
      ],
    });
    assert.equal(result.document.words, 93);
    assert.equal(result.document.nonCjkWords, 2);
    assert.deepEqual({ path: result.section?.path, name: result.section?.name, words: result.section?.counts.words }, { path: '一、 › （一）', name: '（一）“五指紧扣”，一盘棋推进', words: 48 });
    // 市委会机关 (5) + 2025 · 年 · 完成 · GDP (5); the empty selection adds nothing
    assert.equal(result.selection?.words, 10);
    assert.equal(result.selection?.chars, 5 + 10);
  });

  it('wordCount: no section in the title, no selection when none is given; bad params are InvalidParams', async () => {
    const result = await client.request<WordCountResult>(WORD_COUNT, { uri, position: at('关于') });
    assert.equal(result.section, undefined);
    assert.equal(result.selection, undefined);
    await assert.rejects(client.request(WORD_COUNT, { uri, position: { line: -1, character: 0 } }), (e: unknown) => e instanceof LspResponseError && e.code === -32602);
    await assert.rejects(client.request(WORD_COUNT, { uri, selections: 'all' }), (e: unknown) => e instanceof LspResponseError && e.code === -32602);
  });

  it('the outline’s section sizes and the heading hover give the same 字数', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const details = new Map<string, string>();
    for (const { symbol } of walkSymbols(symbols)) details.set(symbol.name, symbol.detail ?? '');
    assert.match(details.get('一、总体情况')!, /^61 字 · /);
    assert.match(details.get('（一）“五指紧扣”，一盘棋推进')!, /^48 字 · /);
    assert.match(details.get('二、下一步打算')!, /^23 字 · /);
    const hover = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at('（一）') }));
    assert.match(hover, /\*\*篇幅\*\*：48 字 · 0 个小节/);
  });

  it('the seed: 2,826 字, its 109 pinyin glosses left out', async () => {
    const seedUri = pathToFileURL(SEED_PATH).href;
    open(client, seedUri, readFileSync(SEED_PATH, 'utf8'));
    const result = await client.request<WordCountResult>(WORD_COUNT, { uri: seedUri });
    assert.equal(result.document.words, 2826);
    assert.equal(result.document.glosses, 109);
  });

  it('outlineText: markers and indentation, Markdown headings, a Markdown list; or the section under the cursor', async () => {
    const text = await client.request<ExportText>(OUTLINE_TEXT, { uri, format: 'text' });
    assert.equal(text.text, '关于某项工作的报告\n\u3000\u3000一、总体情况\n\u3000\u3000\u3000\u3000（一）“五指紧扣”，一盘棋推进\n\u3000\u3000\u3000\u3000（二）深化学习\n\u3000\u3000二、下一步打算\n');
    assert.equal(text.items, 5);
    const headings = await client.request<ExportText>(OUTLINE_TEXT, { uri, format: 'markdownHeadings', position: at('深化') });
    assert.equal(headings.text, '# （二）深化学习\n');
    const list = await client.request<ExportText>(OUTLINE_TEXT, { uri, format: 'markdownList', position: at('总体') });
    assert.equal(list.text, '- 一、总体情况\n  - （一）“五指紧扣”，一盘棋推进\n  - （二）深化学习\n');
    await assert.rejects(client.request(OUTLINE_TEXT, { uri, format: 'html' }), (e: unknown) => e instanceof LspResponseError && e.code === -32602);
  });

  it('glossary: the defined terms with their definitions and where, as Markdown or as CSV with a BOM', async () => {
    const md = await client.request<ExportText>(GLOSSARY, { uri, format: 'markdown' });
    assert.equal(md.items, 2);
    assert.equal(md.text, [
      '# 术语表',
      '',
      '| 术语 | 释义 | 出处 | 行 |',
      '| --- | --- | --- | ---: |',
      '| 五指紧扣 | 市委会机关从制度机制入手，形成合力。 | 一、总体情况 › （一）“五指紧扣”，一盘棋推进 | 5 |',
      '| 市委会 | 市委员会 | 二、下一步打算 | 8 |',
      '',
    ].join('\n'));
    const csv = await client.request<ExportText>(GLOSSARY, { uri, format: 'csv' });
    assert.ok(csv.text.startsWith('\ufeff术语,释义,出处,行\r\n'), JSON.stringify(csv.text.slice(0, 30)));
    assert.ok(csv.text.includes('\r\n五指紧扣,市委会机关从制度机制入手，形成合力。,一、总体情况 › （一）“五指紧扣”，一盘棋推进,5\r\n'), csv.text);
  });
});

describe('hover labels in the display language only', () => {
  const uri = 'file:///test/writers-labels.txt';
  const position = positionOf(REPORT, '五指紧扣', 1, 1);

  for (const [locale, expected, foreign] of [
    ['en', /\*\*Definition\*\*: 市委会机关/, /定义|定義|出处|出處/],
    ['zh-cn', /\*\*定义\*\*：市委会机关.*\n\n\*\*出处\*\*：/s, /Definition|定義/],
    ['zh-tw', /\*\*定義\*\*：市委会机关.*\n\n\*\*出處\*\*：/s, /Definition|定义|出处/],
    ['zh-hk', /\*\*定義\*\*：/, /Definition|定义/],
  ] as const) {
    it(`${locale}`, async () => {
      const client = await startWith(locale);
      try {
        open(client, uri, REPORT);
        const value = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }));
        assert.match(value, expected);
        assert.doesNotMatch(value, foreign);
      } finally {
        await client.dispose();
      }
    });
  }
});

describe('the checks in traditional Chinese for a zh-tw client', () => {
  it('a numbering gap and its related text, in Taiwan usage, the markers quoted as written', async () => {
    const client = await startWith('zh-tw');
    try {
      const uri = 'file:///test/writers-zh-tw.txt';
      open(client, uri, '一、总体要求\n三、主要任务\n');
      const report = await client.request<{ items: Array<{ message: string; code: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
      const gap = report.items.find((d) => d.code === 'numbering-gap');
      assert.equal(gap?.message, '編號跳號：「一、」之後是「三、」，缺少「二、」。');
    } finally {
      await client.dispose();
    }
  });
});
