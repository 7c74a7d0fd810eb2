/**
 * Two kinds of the marker table that a line alone cannot vouch for (markers.ts, MarkerAcceptance `group` and `run`):
 * Taiwan's groups of articles under a 節 (第 一 款 通則 > 第 一 目 共同財產制, in the civil code and the copyright act of
 * the corpus) and the I. II. III. items of Hong Kong LegCo papers and minutes — with what must stay text: the
 * mainland 款 (a paragraph), a 第一款 cited at a line start, an English "I.", a letter item i).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, documentCitations, type Heading, type ReportModel } from '../../server/src/core';
import { runChecks } from '../../server/src/core/checks';
import { corpusFiles, readCorpus } from '../util/corpus';

/** 1-based line numbers of the lines matching `re`. */
function linesMatching(text: string, re: RegExp): number[] {
  return text.split('\n').flatMap((l, i) => (re.test(l) ? [i + 1] : []));
}

function ofKind(model: ReportModel, kind: Heading['kind']): Heading[] {
  return model.headings.filter((h) => h.kind === kind);
}

function parentOf(model: ReportModel, h: Heading): Heading | undefined {
  return h.parent >= 0 ? model.headings[h.parent] : undefined;
}

describe('Taiwan groups of articles (款 / 目 under a 節) in the corpus', () => {
  it('the civil code: every 第 X 款 and 第 X 目 line is a group between its 節 (or 款) and its articles', () => {
    const text = readCorpus('tw_law_civil_code.txt');
    const model = analyze(text);
    const groupLines = linesMatching(text, /^第 [一二三四五六七八九十]+ 款 /);
    const subgroupLines = linesMatching(text, /^第 [一二三四五六七八九十]+ 目 /);
    assert.equal(groupLines.length, 30);
    assert.equal(subgroupLines.length, 3);
    const groups = ofKind(model, 'group');
    const subgroups = ofKind(model, 'subgroup');
    assert.deepEqual(groups.map((h) => h.line + 1), groupLines);
    assert.deepEqual(subgroups.map((h) => h.line + 1), subgroupLines);
    for (const g of groups) assert.equal(parentOf(model, g)?.kind, 'section', g.name);
    for (const g of subgroups) assert.equal(parentOf(model, g)?.name, '第 三 款 約定財產制', g.name);
    // every group holds articles (or its 目), and nothing else
    for (const g of [...groups, ...subgroups]) {
      assert.ok(g.children.length > 0, g.name);
      for (const c of g.children) assert.ok(['article', 'subgroup'].includes(model.headings[c]!.kind), `${g.name} holds ${model.headings[c]!.name}`);
    }
    const at = (line: number): Heading => model.headings.find((h) => h.line === line - 1)!;
    assert.equal(at(265).name, '第 一 款 通則');
    assert.equal(parentOf(model, at(265))?.name, '第 二 節 法人');
    assert.equal(parentOf(model, at(267))?.name, '第 一 款 通則'); // 第 25 條
    assert.equal(parentOf(model, at(341))?.name, '第 二 款 社團'); // 第 45 條
    assert.equal(at(4858).name, '第 一 目 共同財產制');
    assert.equal(parentOf(model, at(4860))?.name, '第 一 目 共同財產制'); // 第 1031 條
    // the article before a group ends where the group starts
    const before = at(4852);
    assert.equal(before.marker, '第 1030-4 條');
    assert.ok(before.end <= at(4856).start);
    // groups restart at 一 in each 節: no numbering finding on them
    assert.deepEqual(runChecks(text, model).filter((f) => f.code.startsWith('numbering') && /[款目]/.test(text.slice(f.start, f.end))).map((f) => f.message.zh), []);
  });

  it('the copyright act: 第 一 款 著作財產權之種類 … 第 五 款, each below 第 四 節', () => {
    const text = readCorpus('tw_law_copyright_act.txt');
    const model = analyze(text);
    const groups = ofKind(model, 'group');
    assert.deepEqual(groups.map((h) => h.line + 1), linesMatching(text, /^第 [一二三四五六七八九十]+ 款 /));
    assert.equal(groups[0]!.line + 1, 210);
    assert.equal(groups[0]!.name, '第 一 款 著作財產權之種類');
    assert.equal(groups.length, 5);
    for (const g of groups) assert.match(parentOf(model, g)!.name, /^第 [一二三四五六七八九十]+ 節/);
  });

  it('no other corpus document has a group or a Roman numeral heading', () => {
    for (const file of corpusFiles()) {
      if (file === 'tw_law_civil_code.txt' || file === 'tw_law_copyright_act.txt') continue;
      const model = analyze(readCorpus(file));
      assert.deepEqual(model.headings.filter((h) => h.kind === 'group' || h.kind === 'subgroup' || h.kind === 'roman').map((h) => h.name), [], file);
    }
  });
});

describe('groups of articles: only as Taiwan structure headings', () => {
  const taiwan = (group: string, above = '第 一 節 通則'): string => [
    '某某法', '', '第 一 章 總則', '', above, '', group, '', '第 1 條', '本法所稱主管機關，為內政部。', '',
    '第 2 條', '前條第一款之情形，準用之。', '',
  ].join('\n');

  it('a Taiwan law: 第 一 款 below a 節 and above its articles is a group', () => {
    const model = analyze(taiwan('第 一 款 通則'));
    assert.deepEqual(ofKind(model, 'group').map((h) => h.name), ['第 一 款 通則']);
    assert.deepEqual(model.headings.filter((h) => h.kind === 'article').map((h) => parentOf(model, h)?.name), ['第 一 款 通則', '第 一 款 通則']);
  });

  it('not a group: under a 章 with no 節, a 第 二 款 with no 第 一 款, a 目 with no 款, a mainland law, text after it', () => {
    assert.deepEqual(ofKind(analyze(taiwan('第 一 款 通則', '')), 'group'), []);
    assert.deepEqual(ofKind(analyze(taiwan('第 二 款 社團')), 'group'), []);
    assert.deepEqual(ofKind(analyze(taiwan('第 一 目 共同財產制')), 'subgroup'), []);
    assert.deepEqual(ofKind(analyze(taiwan('第 一 款 通則').replace(/條/g, '条')), 'group'), []);
    assert.deepEqual(ofKind(analyze(taiwan('第 一 款 所定之情形，不適用之。')), 'group'), []);
  });

  it('the mainland 款 and a 第一款 cited at a line start stay text, and their citations resolve as before', () => {
    const mainland = [
      '某某条例', '', '第一章 总则', '', '第一节 一般规定', '', '第一条 为了规范管理，制定本条例。', '',
      '第二条 有下列情形之一的，依法处理：', '（一）违反本条例第一条的；', '（二）拒不改正的。', '第一款所列情形以外的，从轻处理。', '',
    ].join('\n');
    const model = analyze(mainland);
    assert.deepEqual(model.headings.filter((h) => h.kind !== 'title').map((h) => h.kind), ['chapter', 'section', 'article', 'article', 'cnParen', 'cnParen']);
    const d = documentCitations(mainland, model);
    assert.deepEqual(d.index.citations.map((c, i) => `${mainland.slice(c.start, c.end)} → ${d.resolver.target(i).label}`), ['本条例第一条 → 第一条', '第一款 → 第二条第一款']);
  });
});

describe('本款 / 本目 of a Taiwan group of articles', () => {
  const law = [
    '民法', '', '第 一 章 通則', '', '第 一 節 契約', '', '第 一 款 旅客運送', '',
    '第 1 條', '旅客運送人，除本款另有規定外，適用關於物品運送之規定。', '',
    '第 2 條', '運送人之責任如下：', '一、本款所定之責任，不得預先免除。', '二、其他責任。', '前項規定，於第 1 條情形準用之。', '',
  ].join('\n');

  it('本款 outside an item is the group; inside an item (一、) it is that item, as before', () => {
    const d = documentCitations(law, analyze(law));
    const seen = d.index.citations.map((c, i) => `${law.slice(c.start, c.end)} → ${d.resolver.target(i).status} ${d.resolver.target(i).label}`);
    assert.deepEqual(seen, ['本款 → ok 第 一 款 旅客運送', '本款 → ok 第 2 條第一項第一款', '前項 → ok 第 2 條第一項', '第 1 條 → ok 第 1 條']);
    const group = d.resolver.target(0);
    assert.ok(law.slice(group.start, group.end).startsWith('第 一 款 旅客運送'));
  });
});

describe('Roman numerals I. II. III. (Hong Kong LegCo papers and minutes)', () => {
  // the layout of a LegCo panel's minutes (1998): agenda items I. … IV. with their titles, paragraphs numbered 2. 3. …
  // straight through under them
  const minutes = [
    '立法會', '', '司法及法律事務委員會', '會議紀要', '', '日 期:1998年7月14日(星期二)', '',
    'I. 選舉正副主席', '', '1.秘書邀請委員提名主持選舉的議員人選。', '',
    '2.委員提名一位議員主持選舉，該項提名獲附議。', '',
    'II. 選舉主席', '', '3.主持選舉的議員邀請委員提名主席的人選。', '',
    'III. 選舉副主席', '', '4.委員提名一位議員，由於並無其他提名，該議員獲選。', '',
    'IV. 1998至99年度會期的會議編排', '', '5.經討論後，與會各人同意會議通常於每月第三個星期二舉行。', '',
  ].join('\n');

  it('the agenda items are the outline’s first level, the numbered paragraphs under them', () => {
    const model = analyze(minutes);
    const romans = ofKind(model, 'roman');
    assert.deepEqual(romans.map((h) => [h.marker, h.title]), [['I.', '選舉正副主席'], ['II.', '選舉主席'], ['III.', '選舉副主席'], ['IV.', '1998至99年度會期的會議編排']]);
    assert.deepEqual(romans.map((h) => h.ordinal), [1, 2, 3, 4]);
    for (const r of romans) assert.ok(r.parent < 0 || model.headings[r.parent]!.kind === 'title', r.name);
    assert.deepEqual(romans.map((r) => r.children.map((c) => model.headings[c]!.marker)), [['1.', '2.'], ['3.'], ['4.'], ['5.']]);
    assert.deepEqual(runChecks(minutes, model).filter((f) => f.code.startsWith('numbering')).map((f) => f.message.zh), []);
  });

  it('a LegCo agenda copied from its web page: each numeral alone on its line, its title on the next', () => {
    // the layout of a House Committee agenda (2017): I. / 通過會議紀要 / the paper's number, (a) (b) letters inside V.
    const agenda = [
      '立法會內務委員會', '2017年12月8日(星期五)下午2時30分', '議 程',
      'I.', '通過會議紀要', '(立法會CB(2)458/17-18號文件)',
      'II.', '續議事項', '內務委員會主席匯報與政務司司長會面的情況',
      'III.', '將於下次立法會會議席上處理的其他事項',
      'IV.', '法案委員會及小組委員會的情況',
      'V.', '其他事項', '立法會秘書處',
    ].join('\n');
    const model = analyze(agenda);
    assert.deepEqual(ofKind(model, 'roman').map((h) => h.name), ['I. 通過會議紀要', 'II. 續議事項', 'III. 將於下次立法會會議席上處理的其他事項', 'IV. 法案委員會及小組委員會的情況', 'V. 其他事項']);
    // alone on its line with a sentence below it, I. is no heading
    assert.deepEqual(ofKind(analyze('说明\n\nI.\n这是一段完整的说明文字。\n\nII.\n另一段说明。\n'), 'roman'), []);
  });

  it('a gap in the run is reported in Roman numerals', () => {
    const gap = minutes.replace('III. 選舉副主席\n', '');
    const found = runChecks(gap, analyze(gap)).filter((f) => f.code === 'numbering-gap').map((f) => f.message.zh);
    assert.equal(found.length, 1, found.join(' | '));
    assert.ok(found[0]!.includes('「III.」'), found[0]);
  });

  it('not a marker: an English "I.", a numeral alone in prose, a run that does not start at I., I.5, a letter item i)', () => {
    const none = (text: string): string[] => ofKind(analyze(text), 'roman').map((h) => h.name);
    assert.deepEqual(none('说明\n\nI. M. Pei designed the Bank of China Tower.\n其他内容。\n'), []);
    assert.deepEqual(none('说明\n\nV. 結語\n\n正文。\n\nVI. 附註\n'), []);
    assert.deepEqual(none('说明\n\nI.5倍以上的增长。\n\nII.3倍。\n'), []);
    assert.deepEqual(none('损伤程度\n\nh)颅内出血，伴脑受压症状和体征。\n\ni)外伤性脑梗死，伴神经系统症状和体征。\n\nii)外伤性脑脓肿。\n'), []);
    // the I. of a run needs a II. as the next of them
    assert.deepEqual(none('说明\n\nI. 背景\n\n正文。\n\nIII. 建議\n'), []);
  });
});
