/**
 * Citations over stdio (dist/server.js): hover, definition, references and inlay hints on real laws — the corpus
 * copyright law opened in the editor, and a report that cites it and the criminal law, both on disk in a workspace
 * folder.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, InlayHint, Location, MarkupContent, Range } from 'vscode-languageserver/node';
import { readCorpus } from '../util/corpus';
import { EDITOR_CAPABILITIES, LspClient } from '../util/lsp-client';
import { positionOf, textOf } from '../util/text';

const COPYRIGHT = readCorpus('cn_law_copyright_law_2020.md');
const CRIMINAL = readCorpus('cn_law_criminal_law.md');

const REPORT = [
  '关于著作权执法情况的报告',
  '',
  '一、基本情况',
  '',
  '依照《中华人民共和国著作权法》第十条第一款第五项和第五十三条，对侵权复制行为予以处罚；构成犯罪的，依照刑法第二百一十七条追究刑事责任。另见《中华人民共和国著作权法》。',
  '',
].join('\n');



function markdown(hover: Hover | null): string {
  assert.ok(hover !== null, 'no hover');
  return (hover.contents as MarkupContent).value;
}

describe('citations over stdio', () => {
  let client: LspClient;
  let dir: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const write = (name: string, content: string): void => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  };
  const open = (name: string, text: string): void => {
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'zh-report', version: 1, text } });
  };
  const at = (name: string, text: string, needle: string, offset = 1, nth = 0) => ({ textDocument: { uri: uriOf(name) }, position: positionOf(text, needle, offset, nth) });

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zh-report-citations-'));
    write('laws/著作权法.md', COPYRIGHT);
    write('laws/刑法.md', CRIMINAL);
    write('report.txt', REPORT);
    client = LspClient.start();
    const root = pathToFileURL(dir).href;
    await client.initializeFolder(root, 'laws', EDITOR_CAPABILITIES, { inlayHints: { citations: true } });
    open('laws/著作权法.md', COPYRIGHT);
    open('report.txt', REPORT);
  });

  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hover on 前款 shows the paragraph it cites with its path', async () => {
    const hover = await client.request<Hover>('textDocument/hover', at('laws/著作权法.md', COPYRIGHT, '前款第五项'));
    const value = markdown(hover);
    assert.match(value, /第十条第一款第五项/);
    assert.match(value, /第二章 › 第一节 › 第十条 › 第一款 › 第五项/);
    assert.match(value, /复制权/);
    assert.equal(textOf(COPYRIGHT, hover.range!), '前款第五项');
  });

  it('definition on 本法第十条第一款第五项 goes to the item; on 前款 to the paragraph', async () => {
    const [item] = await client.request<Location[]>('textDocument/definition', at('laws/著作权法.md', COPYRIGHT, '本法第十条第一款第五项', 3));
    assert.ok(item);
    assert.match(textOf(COPYRIGHT, item.range), /^（五）复制权/);
    const [paragraph] = await client.request<Location[]>('textDocument/definition', at('laws/著作权法.md', COPYRIGHT, '前款规定的权利的保护期'));
    assert.ok(paragraph);
    assert.match(textOf(COPYRIGHT, paragraph.range), /^出版者有权许可或者禁止他人使用其出版的图书、期刊的版式设计/);
  });

  it('references on the heading 第十条 list every citation of it, in the law and in the report on disk', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { ...at('laws/著作权法.md', COPYRIGHT, '第十条 著作权包括', 1), context: { includeDeclaration: false } });
    const inLaw = refs.filter((r) => r.uri === uriOf('laws/著作权法.md')).map((r) => textOf(COPYRIGHT, r.range));
    // 第十条 is cited 19 times in the law (本法第十条第一款第五项 and the 第十七项 after each, 前款/本条/本款 inside it)
    assert.equal(inLaw.length, 19, inLaw.join(' '));
    assert.ok(inLaw.includes('本法第十条第一款第五项') && inLaw.includes('前款第五项') && inLaw.includes('本款第十二项'));
    const inReport = refs.filter((r) => r.uri === uriOf('report.txt')).map((r) => textOf(REPORT, r.range));
    assert.deepEqual(inReport, ['第十条第一款第五项']);
  });

  it('a citation of another document goes to that document in the workspace, in either form of its title', async () => {
    const [copyright] = await client.request<Location[]>('textDocument/definition', at('report.txt', REPORT, '第五十三条', 2));
    assert.ok(copyright);
    assert.equal(copyright.uri, uriOf('laws/著作权法.md'));
    assert.match(textOf(COPYRIGHT, copyright.range), /^第五十三条 /);
    const [criminal] = await client.request<Location[]>('textDocument/definition', at('report.txt', REPORT, '第二百一十七条', 2));
    assert.ok(criminal);
    assert.equal(criminal.uri, uriOf('laws/刑法.md'));
    assert.match(textOf(CRIMINAL, criminal.range), /^第二百一十七条 /);
    const hover = markdown(await client.request<Hover>('textDocument/hover', at('report.txt', REPORT, '第十条第一款第五项', 2)));
    assert.match(hover, /《著作权法》第十条第一款第五项/);
    assert.match(hover, /引用 · 著作权法/); // the file it is in
    // the title alone: definition opens the file at its title
    const [title] = await client.request<Location[]>('textDocument/definition', at('report.txt', REPORT, '《中华人民共和国著作权法》。', 2));
    assert.ok(title);
    assert.equal(title.uri, uriOf('laws/著作权法.md'));
  });

  it('inlay hints say where relative citations point (setting on)', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: uriOf('laws/著作权法.md') },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    });
    const labels = hints.map((h) => h.label as string);
    assert.ok(labels.includes('→第十条第一款第五项'), labels.join(' '));
    assert.ok(labels.includes('→第十二条第一款'), labels.join(' '));
  });
});

describe('renumber action over stdio', () => {
  const LAW = ['# 示例法', '', '第一条 总则。', '', '第二条 依照第三条、第四条。', '', '第二条之一 本法第三条第一款和前条。', '', '第三条 适用第二条之一。', '', '第四条 见《刑法》第三条。', ''].join('\n');
  const uri = 'file:///test/citations-renumber.md';
  let client: LspClient;

  before(async () => {
    client = LspClient.start();
    await client.initialize();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-report', version: 1, text: LAW } });
  });

  after(async () => {
    await client.dispose();
  });

  it('citation-missing: a pulled diagnostic on a citation of an article the law does not have', async () => {
    const missingUri = 'file:///test/citations-missing.md';
    const text = ['# 示例法', '', '第一条 依照本法第九条处理。', '', '第二条 前款规定不适用。', ''].join('\n');
    client.notify('textDocument/didOpen', { textDocument: { uri: missingUri, languageId: 'zh-report', version: 1, text } });
    const report = await client.request<{ items: Array<{ code: string; message: string; range: Range }> }>('textDocument/diagnostic', { textDocument: { uri: missingUri } });
    const missing = report.items.filter((d) => d.code === 'citation-missing');
    assert.deepEqual(missing.map((d) => textOf(text, d.range)), ['本法第九条', '前款']);
    assert.match(missing[0]!.message, /第九条/);
  });

  it('is offered on an article heading as one edit, and never as a quick fix or in fix-all', async () => {
    const range = { start: positionOf(LAW, '第二条之一'), end: positionOf(LAW, '第二条之一') };
    type Edit = { newText: string };
    const actions = await client.request<Array<{ title: string; kind: string; edit: { documentChanges?: Array<{ textDocument: { version: number }; edits: Edit[] }>; changes?: Record<string, Edit[]> } }>>(
      'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['refactor'] } },
    );
    const renumber = actions.find((a) => a.kind === 'refactor.rewrite');
    assert.ok(renumber, JSON.stringify(actions));
    assert.match(renumber.title, /重新编号|Renumber/);
 
    const edits = renumber.edit.documentChanges?.[0]?.edits ?? renumber.edit.changes?.[uri] ?? [];
    assert.deepEqual(edits.map((e) => e.newText), [
      '第四条', '第五条', // 依照第三条、第四条
      '第三条', // the heading 第二条之一
      '第四条', // 本法第三条第一款
      '第四条', // the heading 第三条
      '第三条', // 适用第二条之一
      '第五条', // the heading 第四条 (《刑法》第三条 is another law's)
    ]);
    const fixAll = await client.request<Array<{ kind: string }>>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(!fixAll.some((a) => a.kind === 'refactor.rewrite'));
    const quickFixes = await client.request<Array<{ kind: string }>>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['quickfix'] } });
    assert.ok(!quickFixes.some((a) => a.kind === 'refactor.rewrite'));
    const elsewhere = await client.request<Array<{ kind: string }>>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: positionOf(LAW, '示例法'), end: positionOf(LAW, '示例法') }, context: { diagnostics: [], only: ['refactor'] },
    });
    assert.deepEqual(elsewhere.filter((a) => a.kind === 'refactor.rewrite'), [], 'only on an article heading');
  });
});
