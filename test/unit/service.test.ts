/**
 * The report service in process, on an in-memory host (test/util/memory.ts): the features as a host calls them —
 * (document, params, token) → LSP result — on the seed, a corpus law and small inline documents with the cursor ‸.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, DocumentSymbol, Hover, Location, MarkupContent, SymbolInformation, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, SEMANTIC_TOKENS_LEGEND } from '../../server/src/service';
import { readCorpus, readSeed } from '../util/corpus';
import { InMemoryWorkspace, NEVER, positionOf } from '../util/memory';

const REGULATION = 'file:///w/seeds/cn_reg_hazardous_chemicals_regulation_2013.md';
const SICHUAN = 'file:///w/seeds/cn_prov_2026_sichuan_government_work_report.txt';

const at = (document: TextDocument, position: { line: number; character: number }) => ({ textDocument: { uri: document.uri }, position });
const hoverText = (hover: Hover | null): string => (hover?.contents as MarkupContent | undefined)?.value ?? '';
const lines = (document: TextDocument, locations: readonly Location[]): string[] =>
  locations.map((l) => document.getText(l.range));

describe('report service in process: term features on the seed regulation', () => {
  const workspace = new InMemoryWorkspace();
  const { document } = workspace.open(REGULATION, readSeed('cn_reg_hazardous_chemicals_regulation_2013.md'), 'markdown');
  const { service } = workspace;
  const TERM = '易制爆危险化学品';
  // the definition: 危险化学品(以下简称易制爆危险化学品); a use: the next mention after it
  const definition = positionOf(document, `(以下简称${TERM})`, 0, '(以下简称'.length + 1);
  const use = positionOf(document, TERM, 3, 2);

  it('hover on a use: the abbreviation, its full form and where it is defined', async () => {
    const text = hoverText(await service.hover(document, at(document, use), NEVER));
    assert.match(text, new RegExp(`^\\*\\*${TERM}\\*\\* · 简称`));
    assert.match(text, /\*\*全称\*\*：/);
    assert.match(text, /\*\*出处\*\*：第二章 生产、储存安全 › 第二十三条 · 第 145 行/);
  });

  it('definition from a use goes to the term where it is defined', async () => {
    const locations = (await service.definition(document, at(document, use), NEVER)) ?? [];
    assert.equal(locations.length, 1);
    assert.equal(locations[0]!.range.start.line, definition.line);
    const target = document.getText(locations[0]!.range);
    assert.ok(target.endsWith(`(以下简称${TERM}`) && target.startsWith('生产、储存剧毒化学品'), target);
  });

  it('references: every use of the term, the definition among them', async () => {
    const locations = (await service.references(document, { ...at(document, use), context: { includeDeclaration: true } }, NEVER)) ?? [];
    const count = document.getText().split(TERM).length - 1;
    assert.equal(locations.length, count, `${count} mentions in the text`);
    assert.deepEqual(new Set(lines(document, locations)), new Set([TERM]));
    assert.ok(locations.some((l) => l.range.start.line === definition.line));
  });

  it('rename: one edit per use, each replacing exactly the term', async () => {
    const prepared = await service.prepareRename(document, at(document, use), NEVER);
    assert.equal(prepared?.placeholder, TERM);
    const edit = await service.rename(document, { ...at(document, use), newName: '易制爆品' }, NEVER);
    const edits: TextEdit[] = edit?.changes?.[document.uri] ?? [];
    assert.equal(edits.length, document.getText().split(TERM).length - 1);
    assert.ok(edits.every((e) => document.getText(e.range) === TERM && e.newText === '易制爆品'));
  });

  it('semantic tokens: the term at its definition carries the definition modifier, its uses do not', () => {
    const { data } = service.semanticTokens(document, { textDocument: { uri: document.uri } }, NEVER);
    const term = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('term');
    const definitionBit = 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf('definition');
    const tokens: Array<{ line: number; character: number; length: number; type: number; modifiers: number }> = [];
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
      tokens.push({ line, character, length: data[i + 2]!, type: data[i + 3]!, modifiers: data[i + 4]! });
    }
    const atDefinition = tokens.find((t) => t.line === definition.line && t.type === term && t.length === TERM.length && (t.modifiers & definitionBit) !== 0);
    assert.ok(atDefinition, 'the definition is a term token with the definition modifier');
    const atUse = tokens.find((t) => t.line === use.line && t.character <= use.character && use.character < t.character + t.length);
    assert.equal(atUse?.type, term);
    assert.equal((atUse?.modifiers ?? definitionBit) & definitionBit, 0);
  });

  it('document symbols: the regulation’s chapters with their articles', () => {
    const symbols = service.documentSymbols(document, { textDocument: { uri: document.uri } }, NEVER) as DocumentSymbol[];
    const chapters = symbols.flatMap((s) => (s.name.startsWith('第') ? [s] : (s.children ?? []))).filter((s) => /^第.+章/.test(s.name));
    assert.equal(chapters.length, 8, chapters.map((c) => c.name).join(' / '));
    assert.match(chapters[0]!.name, /^第一章 总则/);
    assert.equal(chapters[0]!.children?.[0]?.name.startsWith('第一条'), true);
  });

  it('closing the document drops its entry from the per-version cache', async () => {
    const other = new InMemoryWorkspace();
    const { document: doc } = other.open('file:///w/closing.txt', readSeed('cn_reg_hazardous_chemicals_regulation_2013.md'));
    await other.service.hover(doc, at(doc, positionOf(doc, TERM, 3)), NEVER);
    assert.equal(other.service.cache.has(doc.uri), true);
    other.close(doc.uri);
    assert.equal(other.service.cache.has(doc.uri), false);
    assert.equal(other.service.cache.size, 0);
  });
});

describe('report service in process: citations and completion on the seeds', () => {
  const TW_LAW = 'file:///w/seeds/tw_law_personal_data_protection_act.txt';

  it('hover and definition on 前項 in 第 8 條 of the Taiwan law: the paragraph it cites', async () => {
    const workspace = new InMemoryWorkspace();
    const { document } = workspace.open(TW_LAW, readSeed('tw_law_personal_data_protection_act.txt'));
    const position = positionOf(document, '得免為前項之告知', 0, 3);
    assert.equal(position.line, 85);
    const text = hoverText(await workspace.service.hover(document, at(document, position), NEVER));
    assert.match(text, /第 8 條第一項/);
    assert.match(text, /第 一 章 › 第 8 條 › 第一項/);
    const target = ((await workspace.service.definition(document, at(document, position), NEVER)) ?? [])[0];
    assert.ok(target !== undefined && target.range.start.line > 77 && target.range.start.line < 85, JSON.stringify(target));
  });

  it('completion after “ in the Sichuan seed offers its defined terms', () => {
    const workspace = new InMemoryWorkspace();
    const seed = readSeed('cn_prov_2026_sichuan_government_work_report.txt');
    const { document, position } = workspace.open(SICHUAN, `${seed}\n加快推进“两‸\n`);
    const labels = workspace.service.completion(document, { ...at(document, position), context: { triggerKind: 1 } }, NEVER).items.map((i) => i.label);
    assert.ok(labels.includes('两重') && labels.includes('两新'), labels.slice(0, 20).join(' '));
  });
});

describe('report service in process: inline documents with the cursor ‸', () => {
  it('hover on a defined term: its definition; on a heading marker: the section', async () => {
    const workspace = new InMemoryWorkspace();
    const { document, position } = workspace.open('file:///w/a.txt', '一、名词解释\n\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n\n二、工作\n\n推进“两‸重”建设。\n');
    const text = hoverText(await workspace.service.hover(document, at(document, position), NEVER));
    assert.match(text, /^\*\*两重\*\*/);
    assert.match(text, /国家重大战略实施和重点领域安全能力建设/);
    const heading = hoverText(await workspace.service.hover(document, at(document, { line: 4, character: 0 }), NEVER));
    assert.match(heading, /二、工作/);
    assert.equal(await workspace.service.hover(document, at(document, { line: 6, character: 0 }), NEVER), null, 'plain text: nothing');
  });

  it('completion after an opening quote offers the document’s terms, closing the quote', () => {
    const workspace = new InMemoryWorkspace();
    const { document, position } = workspace.open(
      'file:///w/b.txt',
      '一、名词解释\n\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新和消费品以旧换新。\n\n二、工作\n\n推进“两‸\n',
    );
    const list = workspace.service.completion(document, { ...at(document, position), context: { triggerKind: 1 } }, NEVER);
    const items: CompletionItem[] = list.items;
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('两重') && labels.includes('两新'), labels.join(' '));
    const item = items.find((i) => i.label === '两新')!;
    const edit = item.textEdit as TextEdit | undefined;
    assert.equal(edit?.newText.endsWith('”'), true, JSON.stringify(item.textEdit));
  });

  it('a flat symbol list for a client without hierarchical symbols', () => {
    const workspace = new InMemoryWorkspace({ client: { hierarchicalSymbols: false } });
    const { document } = workspace.open('file:///w/c.txt', '关于工作的报告\n\n一、总体\n\n（一）成效\n\n二、安排\n');
    const symbols = workspace.service.documentSymbols(document, { textDocument: { uri: document.uri } }, NEVER) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.containerName]),
      [['关于工作的报告', undefined], ['一、总体', '关于工作的报告'], ['（一）成效', '一、总体'], ['二、安排', '关于工作的报告']],
    );
  });

  it('a document over the size limit gets empty answers and one warning', async () => {
    const workspace = new InMemoryWorkspace({ settings: { ...DEFAULT_SETTINGS, maxDocumentSizeMB: 0.0001 } });
    const text = '一、甲\n'.repeat(100);
    const { document, warning } = workspace.open('file:///w/big.txt', text);
    assert.match(warning ?? '', /big\.txt/);
    assert.equal(workspace.service.documentChanged(document), undefined, 'told once');
    assert.deepEqual(workspace.service.documentSymbols(document, { textDocument: { uri: document.uri } }, NEVER), []);
    assert.equal(await workspace.service.hover(document, at(document, { line: 0, character: 0 }), NEVER), null);
  });
});

describe('report service in process: workspace symbols over open documents and in-memory files', () => {
  const folder = 'file:///w';
  const lawUri = `${folder}/laws/copyright.md`;

  it('finds headings and defined terms of files and open documents; walks the folders once, then follows change events', async () => {
    const workspace = new InMemoryWorkspace({ folders: [folder], watched: true });
    const { files, service } = workspace;
    files.write(lawUri, readCorpus('cn_law_copyright_law_2020.md'), false);
    files.write(`${folder}/notes/readme.md`, '# 说明\n\n随便写写。\n', false);
    workspace.open(SICHUAN, readSeed('cn_prov_2026_sichuan_government_work_report.txt'));

    const tenth = await service.workspaceSymbols({ query: '第十条' }, NEVER);
    assert.ok(tenth.some((s) => s.name === '第十条' && s.location.uri === lawUri), JSON.stringify(tenth.map((s) => s.name)));
    const term = await service.workspaceSymbols({ query: '两重' }, NEVER);
    assert.ok(term.some((s) => s.name === '两重' && s.location.uri === SICHUAN && s.kind === 20), 'a defined term of the open seed (Key)');
    // either script: 著作權歸屬 finds 第二节 著作权归属
    assert.deepEqual((await service.workspaceSymbols({ query: '著作權歸屬' }, NEVER)).map((s) => [s.name, s.location.uri]), [['第二节 著作权归属', lawUri]]);
    assert.equal(service.files.walks, 1, 'walked once');
    const reads = service.files.reads;
    const statsBefore = files.calls.stat;
    await service.workspaceSymbols({ query: '第十条' }, NEVER);
    assert.equal(service.files.walks, 1, 'no walk without a change');
    assert.equal(files.calls.stat, statsBefore, 'no stat without a change');
    assert.equal(service.files.reads, reads, 'nothing read again');

    files.write(`${folder}/plan.txt`, '关于二〇二五年工作的报告\n\n一、总体情况\n\n（一）主要成效\n\n二、下一步安排\n');
    assert.deepEqual((await service.workspaceSymbols({ query: '主要成效' }, NEVER)).map((s) => s.name), ['（一）主要成效']);
    assert.equal(service.files.reads, reads + 1, 'only the new file is read');
    files.write(`${folder}/plan.txt`, '关于二〇二五年工作的报告\n\n一、总体情况\n\n（一）突出成效\n\n二、下一步安排\n');
    assert.deepEqual((await service.workspaceSymbols({ query: '主要成效' }, NEVER)).map((s) => s.name), []);
    assert.equal(service.files.reads, reads + 2, 'only the changed file is read again');
    files.delete(lawUri);
    assert.equal((await service.workspaceSymbols({ query: '第十条' }, NEVER)).filter((s) => s.location.uri === lawUri).length, 0);
  });

  it('a file over the size limit is left out, and read once the limit is raised', async () => {
    const workspace = new InMemoryWorkspace({ folders: [folder], watched: true, settings: { ...DEFAULT_SETTINGS, maxDocumentSizeMB: 0.01 } });
    workspace.files.write(lawUri, readCorpus('cn_law_copyright_law_2020.md'), false);
    assert.deepEqual(await workspace.service.workspaceSymbols({ query: '第十条' }, NEVER), [], 'the law (32 KB) is over 0.01 MB');
    workspace.service.updateSettings({ ...workspace.service.settings, maxDocumentSizeMB: 20 });
    assert.ok((await workspace.service.workspaceSymbols({ query: '第十条' }, NEVER)).some((s) => s.location.uri === lawUri));
  });

  it('one file however its URI is spelled: ( ) written as is or percent-encoded, in events and open documents', async () => {
    const workspace = new InMemoryWorkspace({ folders: [folder], watched: true });
    const plain = `${folder}/条例(2013).md`;
    const encoded = `${folder}/%E6%9D%A1%E4%BE%8B%282013%29.md`;
    workspace.files.write(plain, '# 条例\n\n## 第一章 总则\n\n第一条 为了加强管理，制定本条例。\n', false);
    const names = async (query: string): Promise<string[]> => (await workspace.service.workspaceSymbols({ query }, NEVER)).map((s) => s.name);
    assert.deepEqual(await names('总则'), ['第一章 总则']);
    workspace.files.write(plain, '# 条例\n\n## 第一章 一般规定\n\n第一条 为了加强管理，制定本条例。\n', false);
    workspace.files.fire([{ uri: encoded, type: 'changed' }]); // the watcher spells it as VS Code does
    assert.deepEqual(await names('一般规定'), ['第一章 一般规定']);
    workspace.files.write(plain, '# 条例\n\n## 第一章 附则\n\n第一条 为了加强管理，制定本条例。\n', false);
    workspace.files.fire([{ uri: plain, type: 'changed' }]); // another client may leave ( ) as they are
    assert.deepEqual(await names('附则'), ['第一章 附则']);
    workspace.open(plain, '# 条例\n\n## 第一章 一般规定\n\n第一条 为了加强管理，制定本条例。\n', 'markdown');
    assert.deepEqual(await names('一般规定'), ['第一章 一般规定'], 'the open document, not also its file');
  });

  it('without change events every request looks at the files again (size and time), and reads only the changed ones', async () => {
    const workspace = new InMemoryWorkspace({ folders: [folder], watched: false });
    const { files, service } = workspace;
    files.write(lawUri, readCorpus('cn_law_copyright_law_2020.md'), false);
    await service.workspaceSymbols({ query: '第十条' }, NEVER);
    files.write(`${folder}/plan.txt`, '关于工作的报告\n\n一、总体情况\n\n（一）主要成效\n\n二、下一步安排\n', false);
    assert.deepEqual((await service.workspaceSymbols({ query: '主要成效' }, NEVER)).map((s) => s.name), ['（一）主要成效']);
    assert.equal(service.files.walks, 2);
    assert.equal(service.files.reads, 2, 'the law once, the new file once');
  });
});
