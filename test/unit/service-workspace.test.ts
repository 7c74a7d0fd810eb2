/**
 * The report service across the workspace, in process with the in-memory host, on real documents of the corpus:
 * a term defined in one file and used in another (刑法's 司法工作人员 in the procuratorate's rules), a glossary file
 * (by its name and by the setting), the same term in both scripts (技术措施 / 技術措施 in the mainland and Taiwan
 * copyright laws), a rename over several files, and the stored index read by a second service.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, Location, MarkupContent, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_USES_PER_TERM } from '../../server/src/core';
import { DEFAULT_SETTINGS } from '../../server/src/service';
import * as iconv from 'iconv-lite';
import { readCorpus } from '../util/corpus';
import { InMemoryWorkspace, MemoryFiles, NEVER, positionOf } from '../util/memory';

const FOLDER = 'file:///w';
const LAW = `${FOLDER}/laws/cn_law_criminal_law.md`;
const RULES = `${FOLDER}/rules/cn_reg_procuratorate_criminal_procedure_rules_2019.md`;
const CN_COPYRIGHT = `${FOLDER}/cn_law_copyright_law_2020.md`;
const TW_COPYRIGHT = `${FOLDER}/tw_law_copyright_act.txt`;

/** The hover's Markdown with its escapes removed (cn\\_law → cn_law). */
const hoverText = (hover: Hover | null): string => ((hover?.contents as MarkupContent | undefined)?.value ?? '').replace(/\\(.)/g, '$1');
const at = (document: TextDocument, position: { line: number; character: number }) => ({ textDocument: { uri: document.uri }, position });

/** A workspace over the folder with these corpus files on disk, the index built. */
async function workspaceWith(files: Record<string, string>, settings = DEFAULT_SETTINGS): Promise<InMemoryWorkspace> {
  const workspace = new InMemoryWorkspace({ folders: [FOLDER], watched: true, settings });
  for (const [uri, text] of Object.entries(files)) workspace.files.write(uri, text, false);
  assert.equal(await workspace.service.buildIndex(), true);
  return workspace;
}

/** The line (0-based) of the first line holding `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return text.slice(0, at).split('\n').length - 1;
}

/** `text` with the edits applied (non-overlapping, any order). */
function applied(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create('file:///x', 'zh-report', 1, text);
  return TextDocument.applyEdits(document, [...edits]);
}

function editsByFile(edit: WorkspaceEdit | null): Map<string, { version: number | null; edits: TextEdit[] }> {
  const out = new Map<string, { version: number | null; edits: TextEdit[] }>();
  for (const change of edit?.documentChanges ?? []) {
    const c = change as TextDocumentEdit;
    out.set(c.textDocument.uri, { version: c.textDocument.version, edits: c.edits as TextEdit[] });
  }
  for (const [uri, edits] of Object.entries(edit?.changes ?? {})) out.set(uri, { version: null, edits });
  return out;
}

describe('report service: definitions across files', () => {
  it('hover and definition on 司法工作人员 in the procuratorate rules show and open 刑法 第九十四条', async () => {
    const law = readCorpus('cn_law_criminal_law.md');
    const rules = readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md');
    const workspace = await workspaceWith({ [LAW]: law, [RULES]: rules });
    const { document } = workspace.open(RULES, rules, 'markdown');
    const use = positionOf(document, '司法工作人员', 0, 2);
    const hover = await workspace.service.hover(document, at(document, use), NEVER);
    const text = hoverText(hover);
    assert.match(text, /有侦查、检察、审判、监管职责的工作人员/, text);
    assert.match(text, /cn_law_criminal_law\.md/, 'names the file');
    assert.match(text, new RegExp(`第 ${lineOf(law, '本法所称司法工作人员') + 1} 行`), 'and the line');
    assert.equal(document.getText(hover!.range!), '司法工作人员');

    const locations = (await workspace.service.definition(document, at(document, use), NEVER)) ?? [];
    assert.deepEqual(
      locations.map((l: Location) => [l.uri, l.range.start.line]),
      [[LAW, lineOf(law, '本法所称司法工作人员')]],
    );
  });

  it('the document’s own definition wins over the workspace’s', async () => {
    const law = readCorpus('cn_law_criminal_law.md');
    const workspace = await workspaceWith({ [LAW]: law });
    const own = '关于工作的报告\n\n一、总体情况\n\n本报告所称司法工作人员，是指本院的员额检察官。\n\n司法工作人员应当依法履职。\n';
    const { document } = workspace.open(`${FOLDER}/report.txt`, own);
    const use = positionOf(document, '司法工作人员', 1, 1);
    const text = hoverText(await workspace.service.hover(document, at(document, use), NEVER));
    assert.match(text, /员额检察官/);
    assert.doesNotMatch(text, /监管职责/);
    const locations = (await workspace.service.definition(document, at(document, use), NEVER)) ?? [];
    assert.deepEqual(locations.map((l) => l.uri), [document.uri]);
  });

  it('a glossary file (名词解释 by its name, another by the setting) defines terms for every report; differing definitions are all listed', async () => {
    const glossaryUri = `${FOLDER}/${encodeURIComponent('名词解释')}.md`;
    const listedUri = `${FOLDER}/refs/defs.md`;
    const report = '关于二〇二五年工作的报告\n\n一、总体情况\n\n全年新建智慧社区服务站一百二十个，智慧社区服务站覆盖全部街道。\n';
    const settings = { ...DEFAULT_SETTINGS, glossaryGlobs: ['refs/*.md'] };
    const workspace = await workspaceWith(
      {
        [glossaryUri]: '名词解释\n\n1．智慧社区服务站：依托社区党群服务中心设立、提供线上线下政务服务的站点。\n',
        [listedUri]: '# 附件\n\n智慧社区服务站：在社区设立的便民数字服务点。\n',
        [`${FOLDER}/report.txt`]: report,
      },
      settings,
    );
    const { document } = workspace.open(`${FOLDER}/report.txt`, report);
    const text = hoverText(await workspace.service.hover(document, at(document, positionOf(document, '智慧社区服务站', 1, 1)), NEVER));
    assert.match(text, /线上线下政务服务的站点/, text);
    assert.match(text, /便民数字服务点/, text);
    assert.match(text, /2 处不同的定义/);
    assert.match(text, /名词解释\.md/);
    const locations = (await workspace.service.definition(document, at(document, positionOf(document, '智慧社区服务站', 0, 1)), NEVER)) ?? [];
    assert.deepEqual(new Set(locations.map((l) => l.uri)), new Set([glossaryUri, listedUri]));
  });
});

describe('report service: references and rename across files', () => {
  it('references of 技术措施 in the mainland law list the Taiwan act’s 技術措施 too', async () => {
    const cn = readCorpus('cn_law_copyright_law_2020.md');
    const tw = readCorpus('tw_law_copyright_act.txt');
    const workspace = await workspaceWith({ [CN_COPYRIGHT]: cn, [TW_COPYRIGHT]: tw });
    const { document } = workspace.open(CN_COPYRIGHT, cn, 'markdown');
    const refs = (await workspace.service.references(document, { ...at(document, positionOf(document, '技术措施', 0, 1)), context: { includeDeclaration: true } }, NEVER)) ?? [];
    const inTaiwan = refs.filter((r) => r.uri === TW_COPYRIGHT);
    const twDocument = TextDocument.create(TW_COPYRIGHT, 'zh-report', 0, tw);
    assert.ok(inTaiwan.length >= 3, `${inTaiwan.length} uses in the Taiwan act`);
    for (const r of inTaiwan) assert.equal(twDocument.getText(r.range), '技術措施');
    assert.ok(refs.filter((r) => r.uri === CN_COPYRIGHT).every((r) => document.getText(r.range) === '技术措施'));
  });

  it('rename of 司法工作人员 edits the law and the rules (open: by version) at exactly their uses', async () => {
    const law = readCorpus('cn_law_criminal_law.md');
    const rules = readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md');
    const workspace = await workspaceWith({ [LAW]: law, [RULES]: rules });
    workspace.service.setClient({ documentChanges: true });
    const { document } = workspace.open(RULES, rules, 'markdown');
    const position = positionOf(document, '司法工作人员', 1, 1);
    const prepared = await workspace.service.prepareRename(document, at(document, position), NEVER);
    assert.equal(prepared?.placeholder, '司法工作人员');
    const edit = await workspace.service.rename(document, { ...at(document, position), newName: '司法人员' }, NEVER);
    const files = editsByFile(edit);
    assert.deepEqual([...files.keys()].sort(), [LAW, RULES].sort());
    assert.equal(files.get(RULES)?.version, document.version, 'the open document by its version');
    assert.equal(files.get(LAW)?.version, null, 'the file on disk as it is');
    for (const [uri, text] of [[LAW, law], [RULES, rules]] as const) {
      const { edits } = files.get(uri)!;
      const before = TextDocument.create(uri, 'zh-report', 0, text);
      for (const e of edits) assert.equal(before.getText(e.range), '司法工作人员', `${uri} ${JSON.stringify(e.range)}`);
      const after = applied(text, edits);
      // exactly the old uses: every 司法工作人员 became 司法人员, and nothing else changed
      assert.equal(after.split('司法工作人员').length - 1, 0, uri);
      assert.equal(after, text.split('司法工作人员').join('司法人员'), uri);
    }
  });

  it('a rename where files’ uses were capped in the index reads those files and renames every use', async () => {
    // more uses of 司法工作人员 than the index keeps per term and file (MAX_USES_PER_TERM): in the criminal law, which
    // defines it (its own term), and in the procuratorate rules, which only mention it (open, with unsaved uses added)
    const extra = (n: number): string => `\n${'司法工作人员应当依法履职，'.repeat(n).concat('不得徇私枉法。\n').repeat(100)}`;
    assert.ok(MAX_USES_PER_TERM < 2100);
    const law = `${readCorpus('cn_law_criminal_law.md')}${extra(21)}`;
    const rulesOnDisk = readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md');
    const rules = `${rulesOnDisk}${extra(22)}`;
    const workspace = await workspaceWith({ [LAW]: law, [RULES]: rulesOnDisk });
    const { document } = workspace.open(RULES, rules, 'markdown');
    const position = positionOf(document, '司法工作人员', 0, 1);
    const files = editsByFile(await workspace.service.rename(document, { ...at(document, position), newName: '司法人员' }, NEVER));
    assert.deepEqual([...files.keys()].sort(), [LAW, RULES]);
    for (const [uri, text] of [[LAW, law], [RULES, rules]] as const) {
      const { edits } = files.get(uri)!;
      assert.ok(edits.length > MAX_USES_PER_TERM, `${uri}: ${edits.length} edits`);
      const after = applied(text, edits);
      assert.equal(after, text.split('司法工作人员').join('司法人员'), uri);
    }
  });

  it('a rename where a capped file cannot be read is refused with a message naming it, never half done', async () => {
    const law = `${readCorpus('cn_law_criminal_law.md')}\n${'司法工作人员应当依法履职。'.repeat(21).concat('\n').repeat(100)}`;
    const rules = readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md');
    const workspace = await workspaceWith({ [LAW]: law, [RULES]: rules });
    workspace.files.delete(LAW, false); // gone from the disk, no change event yet: the index still lists it
    const { document } = workspace.open(RULES, rules, 'markdown');
    const position = positionOf(document, '司法工作人员', 0, 1);
    await assert.rejects(workspace.service.rename(document, { ...at(document, position), newName: '司法人员' }, NEVER), /cn_law_criminal_law\.md/);
  });
});

describe('report service: a rename never edits a closed GB18030 file by guessed positions', () => {
  it('the law stored in GB18030 and closed: the rename is refused naming it; opened, the rename edits it as the editor reads it', async () => {
    const law = readCorpus('cn_law_criminal_law.md');
    const rules = readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md');
    const gbk = new Uint8Array(iconv.encode(law, 'gb18030'));
    const workspace = await workspaceWith({ [RULES]: rules });
    workspace.files.write(LAW, gbk);
    assert.equal(await workspace.service.buildIndex(), true);
    workspace.service.setClient({ documentChanges: true });
    const { document } = workspace.open(RULES, rules, 'markdown');
    const position = positionOf(document, '司法工作人员', 1, 1);
    // the index read the GB18030 file: the law's definition reaches the rules
    assert.match(hoverText(await workspace.service.hover(document, at(document, position), NEVER)), /cn_law_criminal_law\.md/);
    await assert.rejects(workspace.service.rename(document, { ...at(document, position), newName: '司法人员' }, NEVER), /cn_law_criminal_law\.md.*GB18030/);
    // opened (as the editor decodes it once reopened with GB18030): the rename edits its text
    const opened = workspace.open(LAW, law, 'markdown').document;
    const edit = await workspace.service.rename(document, { ...at(document, position), newName: '司法人员' }, NEVER);
    const files = editsByFile(edit);
    assert.equal(files.get(LAW)?.version, opened.version);
    assert.equal(applied(law, files.get(LAW)!.edits), law.split('司法工作人员').join('司法人员'));
  });
});

describe('report service: the stored index', () => {
  it('a second service with the same storage reads no unchanged file; a changed one is read again; a corrupt store is ignored', async () => {
    const storage = 'file:///storage/ws1';
    const files = new MemoryFiles();
    files.write(LAW, readCorpus('cn_law_criminal_law.md'), false);
    files.write(RULES, readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md'), false);
    const first = new InMemoryWorkspace({ folders: [FOLDER], watched: true, files });
    first.service.setIndexStorage(storage);
    assert.equal(await first.service.buildIndex(), true);
    await first.service.flush();
    const stored = [...files.reads.keys()].length;
    assert.ok(stored >= 2);
    assert.ok(files.calls.writeFile >= 1, 'the index was written');

    const second = new InMemoryWorkspace({ folders: [FOLDER], watched: true, files });
    second.service.setIndexStorage(storage);
    files.reads.clear();
    assert.equal(await second.service.buildIndex(), true);
    assert.deepEqual([...files.reads.keys()].filter((u) => !u.startsWith(storage)), [], 'no report file read');
    const { document } = second.open(RULES, readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md'), 'markdown');
    assert.match(hoverText(await second.service.hover(document, at(document, positionOf(document, '司法工作人员', 0, 2)), NEVER)), /监管职责/, 'answers from the stored index');

    // a corrupt store: ignored, every file read again
    const [cacheFile] = [...files.reads.keys()].filter((u) => u.startsWith(storage));
    files.write(cacheFile!, new Uint8Array([0x7b, 0x22, 0xff, 0x00, 0x13]), false);
    const third = new InMemoryWorkspace({ folders: [FOLDER], watched: true, files });
    third.service.setIndexStorage(storage);
    files.reads.clear();
    assert.equal(await third.service.buildIndex(), true);
    assert.deepEqual([...files.reads.keys()].filter((u) => !u.startsWith(storage)).sort(), [LAW, RULES].sort());
  });
});

describe('report service: the index follows the disk', () => {
  it('a definition added, then the file deleted: hover follows the change events', async () => {
    const report = '关于工作的报告\n\n一、总体情况\n\n推进城市更新单元试点。\n';
    const workspace = await workspaceWith({ [`${FOLDER}/report.txt`]: report });
    const { document } = workspace.open(`${FOLDER}/report.txt`, report);
    const position = positionOf(document, '城市更新单元', 0, 1);
    assert.doesNotMatch(hoverText(await workspace.service.hover(document, at(document, position), NEVER)), /连片改造/);
    const glossary = `${FOLDER}/glossary.md`;
    workspace.files.write(glossary, '# 术语\n\n城市更新单元：统筹连片改造的最小实施范围。\n');
    await workspace.service.references(document, { ...at(document, position), context: { includeDeclaration: true } }, NEVER); // waits for the change
    assert.match(hoverText(await workspace.service.hover(document, at(document, position), NEVER)), /连片改造/);
    workspace.files.delete(glossary);
    await workspace.service.references(document, { ...at(document, position), context: { includeDeclaration: true } }, NEVER);
    assert.doesNotMatch(hoverText(await workspace.service.hover(document, at(document, position), NEVER)), /连片改造/);
  });
});
