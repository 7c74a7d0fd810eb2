/**
 * The workspace index (service/workspaceIndex.ts) over an in-memory host holding real documents: the criminal law and
 * the procuratorate's rules that use its definitions, the mainland copyright law and Taiwan's copyright act (one term
 * in two scripts, defined differently by each), the 2025 work report with a glossary written from its own formulas,
 * the seed, a GBK file, and files that must be left out (node_modules, a hidden folder, a README, a Word file).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, foldTable, indexTerms, keyOf, type ReportSummary } from '../../server/src/core';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { defaultSummarizer, WorkspaceIndex, compileGlob, type IndexRange, type WorkspaceUse } from '../../server/src/service/workspaceIndex';
import { readCorpus, readSeed } from '../util/corpus';
import { memoryHost, MemoryFiles, type MemoryHost } from '../util/memory';
import { REPO_ROOT } from '../util/paths';

const table = foldTable(openccConverter);
const FOLDER = 'file:///ws';
const uri = (relative: string): string => `${FOLDER}/${relative.split('/').map(encodeURIComponent).join('/')}`;

/** A glossary written from formulas the 2025 work report quotes (wording as public text explains them). */
const GLOSSARY = [
  '名词解释',
  '',
  '1.“两重”：是指国家重大战略实施和重点领域安全能力建设。',
  '2.“两新”：是指推动新一轮大规模设备更新和消费品以旧换新。',
  '3.“三保”：是指保基本民生、保工资、保运转。',
  '',
].join('\n');

const FILES: Record<string, string> = {
  'law/中华人民共和国刑法.md': readCorpus('cn_law_criminal_law.md'),
  'law/人民检察院刑事诉讼规则.md': readCorpus('cn_reg_procuratorate_criminal_procedure_rules_2019.md'),
  'copyright/著作权法.md': readCorpus('cn_law_copyright_law_2020.md'),
  'copyright/著作權法.txt': readCorpus('tw_law_copyright_act.txt'),
  'reports/2025年政府工作报告.txt': readCorpus('cn_gwr_2025_national_government_work_report.txt'),
  'reports/名词解释.txt': GLOSSARY,
  'reports/民进重庆市委会2017.txt': readSeed('chongqing-minjin-2017-scraped.txt'),
  'node_modules/pkg/copy.txt': readCorpus('cn_law_criminal_law.md'),
  '.history/old.txt': readCorpus('cn_law_criminal_law.md'),
  'README.md': '# 说明\n\n这里存放报告。\n\n## 用法\n\n打开即可。\n',
  'notes.docx': readCorpus('cn_law_constitution.md'),
};
const GBK_NAME = 'reports/四川省政府工作报告（节选）.txt';
const GBK_BYTES = readFileSync(path.join(REPO_ROOT, 'seeds', 'cn_prov_2026_sichuan_excerpt_gbk.txt'));

function workspace(): MemoryHost {
  const files = new MemoryFiles();
  for (const [name, text] of Object.entries(FILES)) files.put(uri(name), text);
  files.put(uri(GBK_NAME), GBK_BYTES);
  return memoryHost(files);
}

/** The text a range covers in a file of the host (decoded as the index decodes it). */
function textOf(host: MemoryHost, fileUri: string, range: IndexRange): string {
  const text = host.codec.decode(host.files.get(fileUri)!).text;
  const line = text.split(/\r\n|\n|\r/)[range.start.line]!;
  assert.equal(range.start.line, range.end.line);
  return line.slice(range.start.character, range.end.character);
}

function byFile(uses: readonly WorkspaceUse[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of uses) counts.set(u.uri, (counts.get(u.uri) ?? 0) + 1);
  return counts;
}

async function built(host = workspace(), options: ConstructorParameters<typeof WorkspaceIndex>[1] = {}): Promise<{ host: MemoryHost; index: WorkspaceIndex }> {
  const index = new WorkspaceIndex(host, options);
  assert.equal(await index.build([FOLDER]), true);
  return { host, index };
}

describe('WorkspaceIndex: which files', () => {
  it('reads the report files (UTF-8 and GBK, .txt and .md) and the glossary; leaves out node_modules, hidden folders, prose and other extensions', async () => {
    const progress: Array<[number, number]> = [];
    const host = workspace();
    const index = new WorkspaceIndex(host);
    assert.equal(await index.build([FOLDER], undefined, (done, total) => progress.push([done, total])), true);
    const names = index.files().map((f) => decodeURIComponent(f.uri.slice(FOLDER.length + 1)));
    assert.deepEqual(names.sort(), [
      'copyright/著作权法.md', 'copyright/著作權法.txt', 'law/中华人民共和国刑法.md', 'law/人民检察院刑事诉讼规则.md',
      'reports/2025年政府工作报告.txt', 'reports/名词解释.txt', GBK_NAME, 'reports/民进重庆市委会2017.txt',
    ].sort());
    assert.equal(index.filesCount, 8);
    // README.md was read and turned down (prose); the others were never read
    assert.equal(host.files.reads.get(uri('README.md')), 1);
    for (const name of ['node_modules/pkg/copy.txt', '.history/old.txt', 'notes.docx']) assert.equal(host.files.reads.get(uri(name)), undefined, name);
    // the GBK file is decoded: its outline has the headings of the Sichuan report
    const gbk = index.files().find((f) => f.uri === uri(GBK_NAME))!;
    assert.ok(gbk.summary.outline.some((h) => h.marker === '一、'), 'GBK report outline');
    assert.deepEqual(progress[progress.length - 1], [9, 9]); // eight reports and the README
    index.dispose();
  });

  it('skips a file over the size limit with one line in the log; reads extra globs; takes the glossary globs as glossaries', async () => {
    const host = workspace();
    host.files.put(uri('drafts/note.zhreport'), readCorpus('cn_reg_military_facilities_protection_measures_2001.md'));
    host.files.put(uri('defs/policy.txt'), '新质生产力：是指创新起主导作用的先进生产力质态。\n');
    const { index } = await built(host, { maxFileBytes: 150_000, extraGlobs: ['**/*.zhreport'], glossaryGlobs: ['defs/*.txt'] });
    // a glossary by the setting, whatever its name: its lines define terms
    assert.deepEqual(index.definitionsOf('新质生产力').map((d) => [d.uri, d.glossary]), [[uri('defs/policy.txt'), true]]);
    assert.ok(!index.files().some((f) => f.uri === uri('law/人民检察院刑事诉讼规则.md')));
    assert.equal(host.log.filter((l) => l.includes('人民检察院刑事诉讼规则') && l.includes('over the limit')).length, 1);
    assert.ok(index.files().some((f) => f.uri === uri('drafts/note.zhreport')));
    index.dispose();
  });

  it('compileGlob: ** crosses folders (and may be none), * and ? stay inside one', () => {
    assert.ok(compileGlob('**/*.zhreport')('a.zhreport'));
    assert.ok(compileGlob('**/*.zhreport')('x/y/a.zhreport'));
    assert.ok(!compileGlob('*.zhreport')('x/a.zhreport'));
    assert.ok(compileGlob('docs/**')('docs/a/b.txt'));
    assert.ok(compileGlob('docs/?.txt')('docs/a.txt'));
    assert.ok(!compileGlob('docs/?.txt')('docs/ab.txt'));
    assert.ok(compileGlob('术语/*.txt')('术语/表.txt'));
  });
});

describe('WorkspaceIndex: definitions and uses across files', () => {
  it("finds the criminal law's definition of a term the procuratorate's rules use without defining or quoting it", async () => {
    const { host, index } = await built();
    const key = keyOf('司法工作人员', table);
    const definitions = index.definitionsOf(key);
    assert.equal(definitions.length, 1);
    const [d] = definitions;
    assert.equal(d!.uri, uri('law/中华人民共和国刑法.md'));
    assert.match(d!.definition.text, /^是指有侦查、检察、审判、监管职责的工作人员/);
    assert.equal(textOf(host, d!.uri, d!.range), '司法工作人员');
    assert.equal(d!.fileTitle, '中华人民共和国刑法');
    assert.equal(d!.section, '第九十四条');
    const uses = index.usesOf(key);
    const counts = byFile(uses);
    assert.ok((counts.get(uri('law/人民检察院刑事诉讼规则.md')) ?? 0) >= 2, 'the rules use it');
    assert.ok((counts.get(uri('law/中华人民共和国刑法.md')) ?? 0) >= 10, 'the law uses it');
    for (const u of uses) assert.equal(textOf(host, u.uri, u.range), '司法工作人员');
    assert.deepEqual(index.filesWithMoreUses(key), []); // every use is listed
    // the asking document is left out when it says so (its own definition wins)
    assert.deepEqual(index.definitionsOf(key, uri('law/中华人民共和国刑法.md')), []);
    index.dispose();
  });

  it('one key for both scripts: 技术措施 defined by the mainland law is found in the Taiwan act as 技術措施', async () => {
    const { host, index } = await built();
    const uses = index.usesOf(keyOf('技術措施', table));
    const tw = uses.filter((u) => u.uri === uri('copyright/著作權法.txt'));
    assert.ok(tw.length >= 3);
    for (const u of tw) assert.equal(textOf(host, u.uri, u.range), '技術措施');
    assert.ok(uses.some((u) => u.uri === uri('copyright/著作权法.md') && textOf(host, u.uri, u.range) === '技术措施'));
    assert.equal(index.definitionsOf(keyOf('技術措施', table))[0]?.uri, uri('copyright/著作权法.md'));
  });

  it("a two-character word a law defines for itself (“技术”是指… in the export regulation) is not looked for unquoted in other files", async () => {
    const host = workspace();
    host.files.put(uri('law/导弹及相关物项和技术出口管制条例.md'), readCorpus('cn_reg_missile_export_control_2002.md'));
    host.files.put(uri('reports/1955年政府工作报告.txt'), readCorpus('cn_gwr_1955_national_government_work_report.txt'));
    const { index } = await built(host);
    const report = uri('reports/2025年政府工作报告.txt');
    assert.equal(index.definitionsOf('技术')[0]?.uri, uri('law/导弹及相关物项和技术出口管制条例.md'));
    assert.ok(readCorpus('cn_gwr_2025_national_government_work_report.txt').includes('技术'));
    assert.deepEqual(index.usesOf('技术').filter((u) => u.uri === report), []);
    // its longer terms are: the 1955 report writes 技术资料 without quotes
    const old = uri('reports/1955年政府工作报告.txt');
    const inOld = index.usesOf('技术资料').filter((u) => u.uri === old);
    assert.ok(inOld.length >= 1);
    for (const u of inOld) assert.equal(textOf(host, u.uri, u.range), '技术资料');
    // once a glossary defines 技术 for the whole workspace, its unquoted uses are found everywhere
    host.files.put(uri('reports/词汇表.txt'), '技术：是指本单位研发的专有技术。\n');
    host.files.fire([{ uri: uri('reports/词汇表.txt'), type: 'created' }]);
    await index.settled();
    assert.ok(index.usesOf('技术').filter((u) => u.uri === report).length >= 5);
    index.dispose();
  });

  it('a term two files define differently gets both definitions (著作权：即版权 / 著作權：指因著作完成所生…)', async () => {
    const { index } = await built();
    const definitions = index.definitionsOf(keyOf('著作權', table));
    assert.deepEqual(definitions.map((d) => d.uri).sort(), [uri('copyright/著作权法.md'), uri('copyright/著作權法.txt')].sort());
    assert.ok(definitions.some((d) => d.definition.text.startsWith('即版权')));
    assert.ok(definitions.some((d) => d.definition.text.startsWith('指因著作完成所生之著作人格權')));
    index.dispose();
  });

  it('a glossary file defines the formulas a report quotes; it is marked as a glossary', async () => {
    const { host, index } = await built();
    const definitions = index.definitionsOf(keyOf('两重', table));
    assert.equal(definitions[0]?.uri, uri('reports/名词解释.txt'));
    assert.equal(definitions[0]?.glossary, true);
    assert.match(definitions[0]!.definition.text, /国家重大战略实施/);
    const report = index.usesOf(keyOf('两重', table)).filter((u) => u.uri === uri('reports/2025年政府工作报告.txt'));
    assert.equal(report.length, 2);
    for (const u of report) assert.equal(textOf(host, u.uri, u.range), '两重');
    index.dispose();
  });

  it('a term used more often in one file than the index keeps: the uses stop at the cap and the file is named', async () => {
    const host = workspace();
    const many = uri('reports/沙龙纪要.txt');
    host.files.put(many, '关于网上沙龙的报告\n\n一、总体情况\n\n二、主要做法\n\n' + '“网上沙龙”办得好。\n'.repeat(2100) + '\n三、下一步\n');
    const { index } = await built(host);
    assert.equal(index.usesOf('网上沙龙').filter((u) => u.uri === many).length, 2000);
    assert.deepEqual(index.filesWithMoreUses('网上沙龙'), [many]);
    // the seed's 網上沙龍 (four uses) is the same key, listed whole
    assert.equal(index.usesOf('网上沙龙').filter((u) => u.uri === uri('reports/民进重庆市委会2017.txt')).length, 4);
    index.dispose();
  });

  it('termKeyAt: the term at a position of an indexed file, also one only another file defines', async () => {
    const { host, index } = await built();
    const rules = uri('law/人民检察院刑事诉讼规则.md');
    const use = index.usesOf(keyOf('司法工作人员', table)).find((u) => u.uri === rules)!;
    assert.equal(index.termKeyAt(rules, use.range.start.line, use.range.start.character + 2), '司法工作人员');
    assert.equal(index.termKeyAt(rules, 0, 0), undefined);
    assert.ok(host.files.has(rules));
    index.dispose();
  });
});

describe('WorkspaceIndex: documents by the names citations give them', () => {
  it('《中华人民共和国刑法》 and 《刑法》 name the criminal law; 著作權法 names the copyright laws of both scripts; articles by number', async () => {
    const { index } = await built();
    const law = uri('law/中华人民共和国刑法.md');
    for (const name of ['《中华人民共和国刑法》', '刑法', '中華人民共和國刑法']) assert.deepEqual(index.filesNamed(name).map((f) => f.uri), [law], name);
    assert.deepEqual(index.filesNamed('著作權法').map((f) => f.uri).sort(), [uri('copyright/著作权法.md'), uri('copyright/著作權法.txt')].sort());
    assert.deepEqual(index.filesNamed('刑法', law), []);
    assert.deepEqual(index.filesNamed('《人民检察院刑事诉讼规则》').map((f) => f.uri), [uri('law/人民检察院刑事诉讼规则.md')]);
    assert.deepEqual(index.filesNamed('民法典'), []);
    const line = index.articleLine(law, 9400)!;
    assert.ok(readCorpus('cn_law_criminal_law.md').split('\n')[line]!.startsWith('第九十四条'));
    assert.equal(index.articleLine(law, 99900), undefined);
    index.dispose();
  });
});

describe('WorkspaceIndex: kept fresh by file changes, open documents win', () => {
  it('a created file is read, a changed one read again, a deleted one forgotten', async () => {
    const { host, index } = await built();
    const regulation = uri('law/军事设施保护法实施办法.md');
    host.files.put(regulation, readCorpus('cn_reg_military_facilities_protection_measures_2001.md'));
    host.files.fire([{ uri: regulation, type: 'created' }]);
    await index.settled();
    assert.equal(index.filesCount, 9);
    const defined = index.files().find((f) => f.uri === regulation)!.summary.definitions.find((d) => d.key === keyOf('边防设施', table))!;
    assert.equal(defined.line, 128); // 第三十八条 本办法所称边防设施，是指…
    assert.equal(index.definitionsOf(defined.key)[0]?.uri, regulation);

    // the file changes: the definition is gone (the text keeps only its first 20 lines)
    const text = readCorpus('cn_reg_military_facilities_protection_measures_2001.md');
    host.files.put(regulation, text.split('\n').slice(0, 20).join('\n') + '\n第一条 内容。\n\n第二条 内容。\n\n第三条 内容。\n');
    host.files.fire([{ uri: regulation, type: 'changed' }]);
    await index.settled();
    assert.deepEqual(index.definitionsOf(defined.key).filter((d) => d.uri === regulation), []);

    host.files.remove(regulation);
    host.files.fire([{ uri: regulation, type: 'deleted' }]);
    await index.settled();
    assert.equal(index.filesCount, 8);
    assert.ok(!index.files().some((f) => f.uri === regulation));
    index.dispose();
  });

  it('a new glossary defining a term the report uses unquoted: the report is scanned again for it (no new analysis)', async () => {
    let analysed = 0;
    const host = workspace();
    const base = defaultSummarizer(host);
    const { index } = await built(host, { summarize: (u, t, k) => (analysed++, base(u, t, k)) });
    const report = uri('reports/2025年政府工作报告.txt');
    const key = keyOf('新质生产力', table);
    assert.deepEqual(index.usesOf(key), []);
    const before = analysed;
    const readsBefore = new Map(host.files.reads);
    const glossary = uri('reports/术语表.txt');
    // unquoted and unnumbered: only a file named like a glossary is read this way
    host.files.put(glossary, '新质生产力：是指创新起主导作用，摆脱传统经济增长方式、生产力发展路径的先进生产力质态。\n');
    host.files.fire([{ uri: glossary, type: 'created' }]);
    await index.settled();
    assert.equal(analysed, before + 1, 'only the new glossary is analysed');
    // read again only where 新质生产力 may occur (the bigram filter): the report, not the criminal law
    const readAgain = (u: string): number => (host.files.reads.get(u) ?? 0) - (readsBefore.get(u) ?? 0);
    assert.equal(readAgain(report), 1);
    assert.equal(readAgain(uri('law/中华人民共和国刑法.md')), 0);
    assert.equal(readAgain(uri('copyright/著作權法.txt')), 0);
    const inReport = index.usesOf(key).filter((u) => u.uri === report);
    assert.ok(inReport.length >= 1);
    for (const u of inReport) assert.equal(textOf(host, u.uri, u.range), '新质生产力');
    index.dispose();
  });

  it('a folder deleted with its files forgets all of them', async () => {
    const { host, index } = await built();
    host.files.fire([{ uri: `${FOLDER}/copyright`, type: 'deleted' }]);
    await index.settled();
    assert.equal(index.filesCount, 6);
    assert.deepEqual(index.definitionsOf(keyOf('著作权', table)), []);
    index.dispose();
  });

  it('an open document overrides the disk until it is closed', async () => {
    const { index } = await built();
    const report = uri('reports/2025年政府工作报告.txt');
    const edited = readCorpus('cn_gwr_2025_national_government_work_report.txt') + '\n附：名词解释\n\n1.“投资于人”：是指把更多资金用于民生。\n';
    const model = analyze(edited, { codec: gbkCodec });
    const summary: ReportSummary = index.summarizeOpen(report, edited, model, indexTerms(edited, model, { converter: openccConverter }));
    index.setOpen(report, summary);
    assert.equal(index.definitionsOf(keyOf('投资于人', table))[0]?.uri, report);
    assert.equal(index.filesCount, 8);
    index.setOpen(report, undefined);
    assert.deepEqual(index.definitionsOf(keyOf('投资于人', table)), []);
    // an open document that is not on disk (untitled) is indexed too, and forgotten on close
    index.setOpen('untitled:Untitled-1', summary);
    assert.equal(index.filesCount, 9);
    index.setOpen('untitled:Untitled-1', undefined);
    assert.equal(index.filesCount, 8);
    index.dispose();
  });

  it('a host without workspace files (no folder, a browser without a file system): open documents only', async () => {
    const index = new WorkspaceIndex({ ...memoryHost(), files: undefined });
    assert.equal(await index.build([FOLDER]), true);
    await index.ready();
    assert.equal(index.filesCount, 0);
    const text = readCorpus('cn_reg_hazardous_chemicals_regulation_2013.md');
    const model = analyze(text, { codec: gbkCodec });
    index.setOpen('untitled:Untitled-1', index.summarizeOpen('untitled:Untitled-1', text, model, indexTerms(text, model, { converter: openccConverter })));
    assert.equal(index.definitionsOf('危险化学品')[0]?.uri, 'untitled:Untitled-1');
    assert.ok(index.symbols('总则').length >= 1);
    await index.flush();
    index.dispose();
  });

  it('a cancelled build stops between files and keeps what it read; the next build finishes', async () => {
    const host = workspace();
    const index = new WorkspaceIndex(host);
    const token = { isCancellationRequested: false };
    const done = await index.build([FOLDER], token, (n) => {
      if (n === 2) token.isCancellationRequested = true;
    });
    assert.equal(done, false);
    assert.equal(index.filesCount, 2);
    assert.equal(await index.build([FOLDER]), true);
    assert.equal(index.filesCount, 8);
    index.dispose();
  });
});

describe('WorkspaceIndex: workspace symbols from memory', () => {
  it('总则 finds the 总则 headings of the mainland laws and 總則 of the Taiwan act; exact names first', async () => {
    const { host, index } = await built();
    for (const query of ['总则', '總則']) {
      const found = index.symbols(query);
      assert.ok(found.some((s) => s.uri === uri('law/中华人民共和国刑法.md') && s.name === '第一编 总则'), query);
      assert.ok(found.some((s) => s.uri === uri('copyright/著作權法.txt') && s.name.includes('總則')), query);
      // ranked: the headings titled exactly 总则 come before the looser matches (总则 inside a longer name)
      const isExact = (name: string): boolean => /^第\s*\S+?\s*[编編章节節]\s*(总则|總則)$/.test(name);
      const lastExact = found.map((s) => isExact(s.name)).lastIndexOf(true);
      const firstLoose = found.findIndex((s) => !/(总则|總則)$/.test(s.name));
      assert.ok(lastExact >= 0 && (firstLoose < 0 || lastExact < firstLoose), query);
      for (const s of found.filter((x) => isExact(x.name))) assert.match(textOf(host, s.uri, s.range), /(总则|總則)$/);
    }
    index.dispose();
  });

  it('defined terms are symbols too, found in either script; the title of a document ranks first for its exact name', async () => {
    const { host, index } = await built();
    const terms = index.symbols('五指紧扣').filter((s) => s.kind === 'term');
    assert.equal(terms.length, 1);
    assert.equal(terms[0]!.uri, uri('reports/民进重庆市委会2017.txt'));
    assert.equal(textOf(host, terms[0]!.uri, terms[0]!.range), '五指緊扣');
    const title = index.symbols('中华人民共和国刑法');
    assert.equal(title[0]?.kind, 'title');
    assert.equal(title[0]?.uri, uri('law/中华人民共和国刑法.md'));
    assert.ok(index.symbols('').length <= 2000);
    assert.equal(index.symbols('', 10).length, 10);
    index.dispose();
  });
});
