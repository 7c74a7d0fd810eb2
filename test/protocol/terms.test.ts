/**
 * The term features of the built language server (dist/server.js) over stdio: hover, definition, references,
 * highlights, rename, completion, semantic tokens, the outline option, on an inline report and on the seed.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  CompletionList,
  DocumentHighlight,
  DocumentSymbol,
  Hover,
  InitializeResult,
  Location,
  MarkupContent,
  Range,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Methods, TermSummary } from '../../server/src/protocol';
import { LspClient, LspResponseError } from '../util/lsp-client';
import { SEED_PATH } from '../util/paths';
import { offsetAt, positionOf, textOf, walkSymbols } from '../util/text';

const INVALID_PARAMS = -32602;
// The wire name of the request, checked against the shared declaration at compile time.
const TERMS: (typeof Methods)['terms'] = 'zh-report/terms';
const HIGHLIGHT_READ = 2;
const HIGHLIGHT_WRITE = 3;

// Three glosses make the document count as glossed (the parser reports them as damage, the tokens show them).
const REPORT = [
  '关于某项工作的报告',
  '',
  '一、总体情况',
  '',
  '（一）“五指紧扣”，一盘棋推进',
  '',
  '  “五指紧扣”:市委会机关从制度机制入手，形成合力。开展“網(wǎng)上沙龍”活动，加强协(xié)同，发(fā)挥作用。',
  '',
  '（二）深化学习',
  '',
  '  增强“四个自信”，办好“网上沙龙”，继续五指紧扣。征集“金点子”，会后整理金点子。发表于《重庆政协报》。',
  '',
  '名词解释',
  '1.“两重”：是指国家重大战略实施和重点领域安全能力建设。',
  '',
].join('\n');

let uriCounter = 0;
function newUri(name: string): string {
  uriCounter++;
  return `file:///test/terms-${uriCounter}-${encodeURIComponent(name)}.txt`;
}

function open(client: LspClient, uri: string, text: string): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text } });
}



function markdown(hover: Hover | null): string {
  assert.ok(hover !== null, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** Applies non-overlapping edits to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

interface DecodedToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: string[];
}

function decode(tokens: SemanticTokens, legend: { tokenTypes: string[]; tokenModifiers: string[] }): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, mods] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (mods & (1 << bit)) !== 0);
    out.push({ line, character, length, type: legend.tokenTypes[type]!, modifiers });
  }
  return out;
}

describe('zh-report term features over stdio', () => {
  let client: LspClient;
  let initialized: InitializeResult;
  const uri = newUri('report');
  const at = (needle: string, offset = 1, nth = 0) => ({ textDocument: { uri }, position: positionOf(REPORT, needle, offset, nth) });

  before(async () => {
    client = LspClient.start();
    initialized = await client.initialize();
    open(client, uri, REPORT);
  });

  after(async () => {
    await client.dispose();
  });

  it('initialize: announces hover, definition, references, highlights, rename with prepare, completion and semantic tokens', () => {
    const c = initialized.capabilities;
    assert.ok(c.hoverProvider);
    assert.ok(c.definitionProvider);
    assert.ok(c.referencesProvider);
    assert.ok(c.documentHighlightProvider);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.ok(c.completionProvider?.triggerCharacters?.includes('“'));
    assert.ok(c.completionProvider?.triggerCharacters?.includes('《'));
    const legend = c.semanticTokensProvider?.legend;
    assert.deepEqual(legend?.tokenTypes, ['term', 'headingMarker', 'pinyinGloss', 'damage']);
    assert.ok(legend?.tokenModifiers.includes('definition'));
    assert.ok(legend?.tokenModifiers.includes('level1'));
  });

  describe('hover', () => {
    it('on a defined term in a heading: the definition, where it is, the uses', async () => {
      const hover = await client.request<Hover | null>('textDocument/hover', at('五指紧扣'));
      const value = markdown(hover);
      assert.match(value, /^\*\*五指紧扣\*\* · 术语$/m);
      assert.match(value, /\*\*定义\*\*：市委会机关从制度机制入手，形成合力。/);
      assert.match(value, /\*\*出处\*\*：一、总体情况 › （一）“五指紧扣”，一盘棋推进 · 第 7 行$/m);
      assert.match(value, /\*\*用例\*\*：3/);
      assert.equal(textOf(REPORT, hover!.range!), '五指紧扣');
    });

    it('on a numbered formula the document does not define: the built-in expansion, marked as such', async () => {
      const value = markdown(await client.request<Hover | null>('textDocument/hover', at('四个自信')));
      assert.match(value, /· 数字化缩略语$/m);
      assert.match(value, /\*\*内置释义\*\*：道路自信、理论自信、制度自信、文化自信/);
      assert.match(value, /文中未定义/);
    });

    it('on an undefined quoted term: the first use in context and the spellings seen', async () => {
      const value = markdown(await client.request<Hover | null>('textDocument/hover', at('网上沙龙')));
      assert.match(value, /\*\*首次出现\*\*：.*开展“\*\*網上沙龍\*\*”活动，加强协同/, 'the context is shown without its glosses');
      assert.match(value, /\*\*用例\*\*：2 · \*\*写法\*\*：/);
      assert.ok(value.includes('網\\(wǎng\\)上沙龍') && value.includes('网上沙龙'), value);
    });

    it('on a glossary term: its entry', async () => {
      const value = markdown(await client.request<Hover | null>('textDocument/hover', at('两重')));
      assert.match(value, /· 名词解释$/m);
      assert.match(value, /是指国家重大战略实施和重点领域安全能力建设。/);
    });

    it('on a heading marker: the section path and its size', async () => {
      const hover = await client.request<Hover | null>('textDocument/hover', at('一、总体情况', 0));
      const value = markdown(hover);
      assert.match(value, /^\*\*一、总体情况\*\*/);
      assert.match(value, /\*\*篇幅\*\*：[\d,]+ 字 · 2 个小节$/m);
      assert.equal(textOf(REPORT, hover!.range!), '一、');
      const sub = markdown(await client.request<Hover | null>('textDocument/hover', at('（二）', 0)));
      assert.match(sub, /\*\*位置\*\*：一、总体情况 › （二）深化学习/);
    });

    it('on plain text: nothing', async () => {
      assert.equal(await client.request<Hover | null>('textDocument/hover', at('会后整理')), null);
    });
  });

  describe('navigation', () => {
    it('definition: from a plain use to the defining text', async () => {
      const locations = await client.request<Location[]>('textDocument/definition', at('继续五指紧扣', 3));
      assert.equal(locations.length, 1);
      assert.equal(locations[0]!.uri, uri);
      assert.equal(textOf(REPORT, locations[0]!.range), '五指紧扣”:市委会机关从制度机制入手，形成合力。');
    });

    it('definition: an undefined term goes to its first use', async () => {
      const [location] = await client.request<Location[]>('textDocument/definition', at('网上沙龙'));
      assert.equal(textOf(REPORT, location!.range), '網(wǎng)上沙龍');
    });

    it('references: every use in both scripts, the glossed one included; declarations only when asked', async () => {
      const all = await client.request<Location[]>('textDocument/references', { ...at('网上沙龙'), context: { includeDeclaration: true } });
      assert.deepEqual(all.map((l) => textOf(REPORT, l.range)), ['網(wǎng)上沙龍', '网上沙龙']);
      const withDefinition = await client.request<Location[]>('textDocument/references', { ...at('五指紧扣'), context: { includeDeclaration: true } });
      const withoutDefinition = await client.request<Location[]>('textDocument/references', { ...at('五指紧扣'), context: { includeDeclaration: false } });
      assert.equal(withDefinition.length, 3);
      assert.equal(withoutDefinition.length, 2);
    });

    it('documentHighlight: all uses of 金点子, quoted or not', async () => {
      const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at('金点子'));
      assert.deepEqual(highlights.map((h) => textOf(REPORT, h.range)), ['金点子', '金点子']);
      assert.ok(highlights.every((h) => h.kind === HIGHLIGHT_READ));
      const defined = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at('五指紧扣'));
      assert.deepEqual(defined.map((h) => h.kind), [HIGHLIGHT_READ, HIGHLIGHT_WRITE, HIGHLIGHT_READ]);
    });

    it('nothing on plain text', async () => {
      assert.equal(await client.request('textDocument/definition', at('会后整理')), null);
      assert.equal(await client.request('textDocument/references', { ...at('会后整理'), context: { includeDeclaration: true } }), null);
      assert.equal(await client.request('textDocument/documentHighlight', at('会后整理')), null);
    });
  });

  describe('rename', () => {
    it('prepareRename: the use under the cursor and the term as placeholder; null on plain text', async () => {
      const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at('金点子'));
      assert.equal(textOf(REPORT, prepared.range), '金点子');
      assert.equal(prepared.placeholder, '金点子');
      assert.equal(await client.request('textDocument/prepareRename', at('会后整理')), null);
    });

    it('rename: every use, quoted or not, in any spelling, gets the new name as typed; quotes stay', async () => {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at('网上沙龙'), newName: '线上沙龙' });
      const edits = edit.changes?.[uri] ?? [];
      assert.equal(edits.length, 2);
      const renamed = applyEdits(REPORT, edits);
      assert.ok(renamed.includes('开展“线上沙龙”活动'), 'the glossed traditional use');
      assert.ok(renamed.includes('办好“线上沙龙”'), 'the simplified use');
      assert.ok(!/網|网上沙龙/.test(renamed));
    });

    it('rename: an empty new name is refused', async () => {
      await assert.rejects(client.request('textDocument/rename', { ...at('金点子'), newName: '  ' }), (error: unknown) => {
        assert.ok(error instanceof LspResponseError);
        assert.equal(error.code, INVALID_PARAMS);
        return true;
      });
    });
  });

  describe('completion', () => {
    it('after an opening quote: the known terms, defined ones first', async () => {
      const text = REPORT + '推进“';
      const u = newUri('completion');
      open(client, u, text);
      const end = positionOf(text, '推进“', 3);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: end });
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('五指紧扣') && labels.includes('網上沙龍') && labels.includes('金点子'), JSON.stringify(labels));
      assert.ok(!labels.includes('重庆政协报'), 'titles only after 《');
      assert.ok(labels.indexOf('五指紧扣') < labels.indexOf('金点子'), 'defined terms first');
      const item = list.items.find((i) => i.label === '五指紧扣')!;
      assert.ok(item.textEdit !== undefined && 'range' in item.textEdit);
      assert.equal(item.textEdit.newText, '五指紧扣”', 'the closing quote is added when it is missing');
    });

    it('after 《: titles; a typed prefix in the other script still finds the term', async () => {
      const text = REPORT + '见《\n办好“网上';
      const u = newUri('completion-2');
      open(client, u, text);
      const titles = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: positionOf(text, '见《', 2) });
      assert.deepEqual(titles.items.map((i) => i.label), ['重庆政协报']);
      const prefixed = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: positionOf(text, '办好“网上', 5) });
      assert.deepEqual(prefixed.items.map((i) => i.label), ['網上沙龍']);
      assert.ok(prefixed.items[0]!.filterText!.startsWith('网上'), 'the editor keeps it while filtering by what was typed');
    });

    it('elsewhere: no items', async () => {
      const list = await client.request<CompletionList>('textDocument/completion', at('会后整理'));
      assert.deepEqual(list.items, []);
    });
  });

  describe('semantic tokens', () => {
    it('full: heading markers by level, term definitions vs uses, glosses cut out of terms; sorted, no overlaps', async () => {
      const legend = initialized.capabilities.semanticTokensProvider!.legend;
      const tokens = decode(await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }), legend);
      const lines = REPORT.split('\n');
      const texts = tokens.map((t) => ({ ...t, text: lines[t.line]!.slice(t.character, t.character + t.length) }));
      const find = (text: string, type: string) => texts.filter((t) => t.text === text && t.type === type);
      assert.deepEqual(find('一、', 'headingMarker')[0]?.modifiers, ['level1']);
      assert.deepEqual(find('（一）', 'headingMarker')[0]?.modifiers, ['level2']);
      const fingers = find('五指紧扣', 'term');
      assert.deepEqual(fingers.map((t) => t.modifiers.includes('definition')), [false, true, false]);
      assert.deepEqual(find('(wǎng)', 'pinyinGloss').length, 1);
      assert.equal(find('網', 'term').length, 1, 'the term before the gloss');
      assert.equal(find('上沙龍', 'term').length, 1, 'the term after the gloss');
      assert.ok(find('重庆政协报', 'term')[0]?.modifiers.includes('title'));
      assert.ok(find('四个自信', 'term')[0]?.modifiers.includes('formula'));
      for (let i = 1; i < tokens.length; i++) {
        const a = tokens[i - 1]!;
        const b = tokens[i]!;
        assert.ok(a.line < b.line || (a.line === b.line && a.character + a.length <= b.character), `tokens ${i - 1} and ${i} overlap or are out of order`);
      }
    });

    it('range: only the tokens in the range', async () => {
      const legend = initialized.capabilities.semanticTokensProvider!.legend;
      const range = { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } };
      const tokens = decode(await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range }), legend);
      assert.ok(tokens.length > 0);
      assert.ok(tokens.every((t) => t.line === 10));
    });
  });

  describe('zh-report/terms (the Report Terms view)', () => {
    it('lists defined terms first with their definitions, then the others by first use, with uses and sections', async () => {
      const terms = await client.request<TermSummary[]>(TERMS, { uri });
      assert.deepEqual(
        terms.map((t) => [t.name, t.kind, t.uses]),
        [['五指紧扣', 'defined', 3], ['两重', 'defined', 1], ['網上沙龍', 'quoted', 2], ['四个自信', 'formula', 1], ['金点子', 'quoted', 2], ['重庆政协报', 'title', 1]],
      );
      const [five, twoHeavy, salon, confidence] = terms;
      assert.equal(five!.definition, '市委会机关从制度机制入手，形成合力。');
      assert.equal(five!.section, '一、总体情况 › （一）“五指紧扣”，一盘棋推进');
      assert.deepEqual(five!.range.start, positionOf(REPORT, '五指紧扣”:', 0));
      assert.equal(twoHeavy!.section, '名词解释');
      assert.equal(salon!.definition, undefined, 'no definition, no built-in');
      assert.deepEqual(salon!.range.start, positionOf(REPORT, '網(wǎng)上沙龍', 0), 'an undefined term goes to its first use');
      assert.equal(confidence!.builtin, true);
      assert.ok(confidence!.definition?.includes('道路自信'));
    });

    it('a document that is not open gives InvalidParams', async () => {
      await assert.rejects(client.request(TERMS, { uri: newUri('not-open') }), (e: unknown) => e instanceof LspResponseError && e.code === INVALID_PARAMS);
    });
  });

  describe('errors', () => {
    it('a position that is not a position, an unknown document: InvalidParams', async () => {
      for (const params of [
        { textDocument: { uri }, position: { line: -1, character: 0 } },
        { textDocument: { uri }, position: 'here' },
        { textDocument: { uri: 'file:///not/open.txt' }, position: { line: 0, character: 0 } },
      ]) {
        await assert.rejects(client.request('textDocument/hover', params), (error: unknown) => {
          assert.ok(error instanceof LspResponseError);
          assert.equal(error.code, INVALID_PARAMS);
          return true;
        });
      }
    });
  });

  describe('the seed: traditional, glossed, scraped', () => {
    const seed = readFileSync(SEED_PATH, 'utf8');
    const seedUri = pathToFileURL(SEED_PATH).href;
    const seedAt = (needle: string, offset = 1, nth = 0) => ({ textDocument: { uri: seedUri }, position: positionOf(seed, needle, offset, nth) });

    before(() => open(client, seedUri, seed));

    it('hover on 五指緊扣 in the （一） heading: its colon definition', async () => {
      const value = markdown(await client.request<Hover | null>('textDocument/hover', seedAt('(一)“五指緊扣', 4)));
      assert.match(value, /\*\*定义\*\*：“?市委會機關“四處一室”從制度機制入手/);
    });

    it('hover on 七措連環: its 即 definition', async () => {
      const value = markdown(await client.request<Hover | null>('textDocument/hover', seedAt('七措連環')));
      assert.match(value, /\*\*定义\*\*：采取大宣傳工作理念和工作格局/);
    });

    it('hover on 四個自信: the built-in expansion', async () => {
      const value = markdown(await client.request<Hover | null>('textDocument/hover', seedAt('四個自信')));
      assert.match(value, /内置释义.*道路自信、理论自信、制度自信、文化自信/);
    });

    it('references of 網上沙龍: every use, the glossed spellings included', async () => {
      const refs = await client.request<Location[]>('textDocument/references', { ...seedAt('上沙龍', 0), context: { includeDeclaration: true } });
      const expected = seed.match(/網(?:\(wǎng\))?上沙龍/g) ?? [];
      assert.equal(refs.length, expected.length);
      assert.deepEqual(refs.map((r) => seed.slice(offsetAt(seed, r.range.start), offsetAt(seed, r.range.end))), expected);
    });

    it('documentHighlight of 金點子: all of its uses', async () => {
      const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', seedAt('金點子'));
      assert.equal(highlights.length, (seed.match(/金點子/g) ?? []).length);
    });
  });
});

describe('zh-report outline option: defined terms under their sections', () => {
  it('with showTermsInOutline the defined terms are listed under the section that defines them; without, not', async () => {
    const on = LspClient.start();
    const off = LspClient.start();
    try {
      await on.initialize(undefined, { showTermsInOutline: true });
      await off.initialize();
      const uri = newUri('outline');
      open(on, uri, REPORT);
      open(off, uri, REPORT);
      const symbols = await on.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const walked = walkSymbols(symbols);
      const fingers = walked.find(({ symbol }) => symbol.name === '五指紧扣');
      assert.ok(fingers !== undefined, JSON.stringify(walked.map(({ symbol }) => symbol.name)));
      assert.equal(fingers.parent?.name, '（一）“五指紧扣”，一盘棋推进');
      assert.match(fingers.symbol.detail ?? '', /^术语 · 市委会机关/);
      assert.equal(walked.find(({ symbol }) => symbol.name === '两重')?.parent?.name, '名词解释');
      const plain = walkSymbols(await off.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      assert.ok(!plain.some(({ symbol }) => symbol.name === '五指紧扣'));
    } finally {
      await on.dispose();
      await off.dispose();
    }
  });
});
