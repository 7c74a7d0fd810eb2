/** The analysis core on inline documents, the seed and every corpus document. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, findGlosses, stripGlosses, type Heading, type ReportModel } from '../../server/src/core';
import { headingTable } from '../../server/src/core/headingTable';
import { gbkCodec } from '../../server/src/node/codec';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';

/** The outline as indented lines: two spaces per level, then the name. */
function outline(model: ReportModel): string[] {
  return model.headings.map((h) => '  '.repeat(h.level) + h.name);
}

function parse(text: string): ReportModel {
  return analyze(text, { codec: gbkCodec });
}

function kinds(model: ReportModel): Record<string, number> {
  const count: Record<string, number> = {};
  for (const h of model.headings) count[h.kind] = (count[h.kind] ?? 0) + 1;
  return count;
}

/** Structural invariants every model must hold. */
function assertWellFormed(model: ReportModel, text: string): void {
  const hs = model.headings;
  let prevStart = -1;
  hs.forEach((h: Heading, i: number) => {
    assert.ok(h.start >= prevStart, `heading ${i} out of order`);
    prevStart = h.start;
    assert.ok(h.start <= h.headingStart && h.headingStart < h.headingEnd && h.headingEnd <= h.end && h.end <= text.length, `ranges of ${h.name} (${i})`);
    if (h.parent >= 0) {
      const p = hs[h.parent]!;
      assert.equal(h.level, p.level + 1, `level of ${h.name}`);
      assert.ok(p.start < h.start && h.end <= p.end, `${h.name} lies inside its parent ${p.name}`);
      assert.ok(p.children.includes(i));
    } else {
      assert.ok(model.roots.includes(i));
    }
    assert.ok(!/\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/.test(h.name) || model.damage.every((d) => d.kind !== 'pinyinGloss'), `no pinyin gloss in ${h.name}`);
  });
}

describe('headings: GB/T 9704 levels', () => {
  it('nests 一、 （一） 1. （1） ① under the title, depth by order of appearance', () => {
    const text = [
      '关于2025年工作情况的报告',
      '',
      '一、总体情况',
      '（一）主要成效',
      '1.经济平稳运行',
      '（1）工业增长',
      '①制造业',
      '②采矿业',
      '（2）服务业增长',
      '2.民生改善',
      '（二）存在问题',
      '二、下一步安排',
      '',
    ].join('\n');
    assert.deepEqual(outline(parse(text)), [
      '关于2025年工作情况的报告',
      '  一、总体情况',
      '    （一）主要成效',
      '      1.经济平稳运行',
      '        （1）工业增长',
      '          ①制造业',
      '          ②采矿业',
      '        （2）服务业增长',
      '      2.民生改善',
      '    （二）存在问题',
      '  二、下一步安排',
    ]);
  });

  it('reads long numerals: 一百一十一、 and （一百零一）', () => {
    assert.deepEqual(parse('一百一十一、甲\n（一百零一）乙\n').headings.map((h) => h.ordinal), [111, 101]);
  });

  it('takes depth from order: a document may go 一、 → 1. directly', () => {
    const model = parse('一、第一部分内容\n1.小项\n2.小项\n二、第二部分内容\n1.小项\n');
    assert.deepEqual(outline(model), ['一、第一部分内容', '  1.小项', '  2.小项', '二、第二部分内容', '  1.小项']);
    assert.deepEqual(model.roots, [0, 3]);
  });

  it('accepts real variants: ASCII brackets, full-width digits and dots, 1、, U+3000 indents, Markdown #', () => {
    const text = '　　一、总体\n(一)ASCII 括号\n　　（１）全角数字\n1．全角点\n2、顿号\n## 二、标题行\n';
    assert.deepEqual(outline(parse(text)), ['一、总体', '  (一)ASCII 括号', '    （１）全角数字', '      1．全角点', '      2、顿号', '二、标题行']);
  });

  it('reads run-in headings: the heading is the first sentence of its paragraph', () => {
    const text = '（一）大力提振消费、提高投资效益，全方位扩大国内需求。促进消费和投资更好结合。\n（二）因地制宜发展新质生产力。正文。\n';
    const model = parse(text);
    assert.deepEqual(outline(model), ['（一）大力提振消费、提高投资效益，全方位扩大国内需求', '（二）因地制宜发展新质生产力']);
    assert.equal(model.headings[0]!.runIn, true);
    assert.equal(text.slice(model.headings[0]!.headingStart, model.headings[0]!.headingEnd), '（一）大力提振消费、提高投资效益，全方位扩大国内需求');
  });

  it('does not take decimals, split tokens, citations, dash items or 一是 run-ins for headings', () => {
    const text = [
      '一、空气质量',
      '细颗粒物（PM',
      '2.5',
      '）平均浓度下降。',
      '7.9公分的降水。',
      '1.5倍于去年。',
      '20.2026年的目标。',
      '第十条规定的情形，依照本法处理。',
      '——经济运行保持在合理区间。',
      '一是稳增长，二是促改革。',
      '第一，坚持稳中求进。',
      '二、下一步',
    ].join('\n');
    assert.deepEqual(outline(parse(text)), ['一、空气质量', '二、下一步']);
  });

  it('skips web chrome when finding the title', () => {
    const text = '下载\n打印\n全屏\n【字号：\n加大\n还原\n减小\n】\n2026年北京市政府工作报告\n——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n来源：北京日报\n各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作。\n一、2025年工作回顾\n';
    assert.deepEqual(outline(parse(text)), ['2026年北京市政府工作报告', '  一、2025年工作回顾']);
  });

  it('finds a 公文 title below the 红头, urgency mark and document number', () => {
    const text = '特急\n北京市人民政府文件\n京政发〔2025〕1号\n北京市人民政府关于加强安全生产工作的通知\n各区人民政府，市政府各委、办、局：\n现将有关事项通知如下。\n一、总体要求\n';
    assert.deepEqual(outline(parse(text)), ['北京市人民政府关于加强安全生产工作的通知', '  一、总体要求']);
  });

  it('reads Markdown bold headings: **一、总体要求**', () => {
    assert.deepEqual(outline(parse('**一、总体要求**\n正文。\n**二、主要任务**\n')), ['一、总体要求', '二、主要任务']);
  });

  it('has no title when the text starts with the salutation', () => {
    assert.deepEqual(outline(parse('各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2024年工作回顾\n')), ['一、2024年工作回顾']);
  });

  it('keeps numbered glossary entries (名词解释) out of the outline', () => {
    const text = '三、2026年工作安排\n（一）突出扩大内需\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新和消费品以旧换新。\n';
    assert.deepEqual(outline(parse(text)), ['三、2026年工作安排', '  （一）突出扩大内需', '名词解释']);
  });

  it('reads 第一、 and a standalone 第一， as headings, but not a run-in 第一，…。', () => {
    const text = [
      '一、过去一年的工作',
      '第一，重大的比例关系正在朝着协调的方向发展',
      '正文。',
      '第二、',
      '坚持贯彻以农业为基础的指导思想，集中力量把农业搞上去。农业是基础。',
      '第三，我们必须降低成本。这是正文。',
      '第一、二季度经济平稳。',
      '二、今年的任务',
    ].join('\n');
    assert.deepEqual(outline(parse(text)), [
      '一、过去一年的工作',
      '  第一，重大的比例关系正在朝着协调的方向发展',
      '  第二、坚持贯彻以农业为基础的指导思想，集中力量把农业搞上去',
      '二、今年的任务',
    ]);
  });

  it('puts the title line below a lone 附件N in its detail, and a 名词解释 below it inside it', () => {
    const model = parse('一、工作安排\n附件1\n2026年省十件民生实事\n一、教育\n附件2\n名词解释\n1.“两重”：是指国家重大战略。\n');
    assert.deepEqual(outline(model), ['一、工作安排', '附件1', '  一、教育', '附件2', '  名词解释']);
    assert.equal(model.headings[1]!.detail, '2026年省十件民生实事');
  });

  it('gives 附件： its title from the next line', () => {
    assert.deepEqual(outline(parse('一、正文\n附件：\n有关单位名单\n')), ['一、正文', '附件：有关单位名单']);
  });

  it('drops every 附件： note that lists its attachments above the date, however many the text holds', () => {
    // (a note above its signature date is no heading, nor the numbered attachments it lists; each note was spliced out
    // of the candidates, which moved every candidate after it)
    const note = (i: number): string => `${'一二三四五六七八九'[i % 9]}、正文${i}\n附件：\n1. 名单${i}\n2. 方案\n某某办公室\n2024年1月${(i % 28) + 1}日\n`;
    assert.deepEqual(outline(parse(note(0))), ['一、正文0']);
    const many = Array.from({ length: 3000 }, (_, i) => note(i)).join('');
    const names = parse(many).headings.map((h) => h.name);
    assert.equal(names.length, 3000);
    assert.ok(names.every((name, i) => name === `${'一二三四五六七八九'[i % 9]}、正文${i}`));
  });

  it('drops the list punctuation that closes an item: （一）管制；', () => {
    assert.deepEqual(outline(parse('第一条　刑罚的种类如下：\n（一）管制；\n（二）拘役；\n第二条　其他。\n第三条　其他。\n')), [
      '第一条', '  （一）管制', '  （二）拘役', '第二条', '第三条',
    ]);
  });

  it('joins the hard-wrapped lines of a Taiwan list item', () => {
    const text = '第 2 條\n本法所稱其他種類行政罰，指下列裁罰性之不利處分：\n一、限制或禁止行為之處分：限制或停止營業、命令停工或停\n    止使用、禁止行駛。\n二、剝奪或消滅資格。\n第 3 條\n本法。\n第 4 條\n本法。\n';
    const names = parse(text).headings.map((h) => h.name);
    assert.equal(names[1], '一、限制或禁止行為之處分：限制或停止營業、命令停工或停止使用、禁止行駛');
  });

  it('treats 附件：名词解释 as a glossary too', () => {
    const text = '一、工作安排\n附件：名词解释\n1.“两重”：是指国家重大战略实施。\n（1）“两新”：是指设备更新。\n';
    assert.deepEqual(outline(parse(text)), ['一、工作安排', '附件：名词解释']);
  });

  it('places 附件 appendices just under the title', () => {
    const text = '关于印发某办法的通知\n\n一、总则\n（一）适用范围\n附件1\n一、表格说明\n附件2：统计口径\n';
    assert.deepEqual(outline(parse(text)), ['关于印发某办法的通知', '  一、总则', '    （一）适用范围', '  附件1', '    一、表格说明', '  附件2：统计口径']);
  });
});

describe('headings: law structure', () => {
  it('nests 编 > 章 > 节 > 条 with 条之一, items staying inside their article', () => {
    const text = [
      '# 中华人民共和国某法',
      '## 第一编 总则',
      '### 第一章 任务',
      '第一条　为了保护，制定本法。',
      '第二条　本法所称的作品包括：',
      '（一）文字作品；',
      '（二）口述作品。',
      '第二条之一　补充规定。',
      '#### 第一节 犯罪',
      '第三条　犯罪的定义。',
      '## 附则',
    ].join('\n');
    const model = parse(text);
    assert.deepEqual(outline(model), [
      '中华人民共和国某法',
      '  第一编 总则',
      '    第一章 任务',
      '      第一条',
      '      第二条',
      '        （一）文字作品',
      '        （二）口述作品',
      '      第二条之一',
      '      第一节 犯罪',
      '        第三条',
      '  附则',
    ]);
    const first = model.headings[3]!;
    assert.equal(first.ordinal, 1);
    assert.equal(first.detail, '为了保护，制定本法');
    assert.equal(model.headings[7]!.marker, '第二条之一');
  });

  it('reads Taiwan numbering: 第 一 編, 第 1 條, 第 15-1 條 with the text on the next line', () => {
    const text = '民法\n\n第 一 編 總則\n\n第 一 章 法例\n\n第 1 條\n民事，法律所未規定者，依習慣。\n\n第 15-1 條\n受輔助宣告之人。\n\n第 1260 條\n末條。\n';
    const model = parse(text);
    assert.deepEqual(outline(model), ['民法', '  第 一 編 總則', '    第 一 章 法例', '      第 1 條', '      第 15-1 條', '      第 1260 條']);
    assert.equal(model.headings[3]!.detail, '民事，法律所未規定者，依習慣');
    assert.equal(model.headings[5]!.ordinal, 1260);
  });

  it('reads 第 四 章之一 as one chapter marker', () => {
    const model = parse('第 四 章 權利\n第 四 章之一 權利之保護\n第 五 章 義務\n');
    assert.deepEqual(outline(model), ['第 四 章 權利', '第 四 章之一 權利之保護', '第 五 章 義務']);
  });

  it('reads large Chinese numerals: 第一千二百六十条, 第一百零一条', () => {
    const model = parse('第一千二百六十条　末条。\n第一百零一条　中间。\n第二十条　二十。\n');
    assert.deepEqual(model.headings.map((h) => h.ordinal), [1260, 101, 20]);
  });

  it('drops numbered amendment histories before the first article of a law', () => {
    const text = '民法\n\n1.中華民國十八年制定公布總則編全文 152 條；\n2.中華民國七十一年修正公布。\n\n第 1 條\n民事。\n第 2 條\n民事。\n第 3 條\n民事。\n';
    assert.deepEqual(outline(parse(text)), ['民法', '  第 1 條', '  第 2 條', '  第 3 條']);
  });

  it('keeps a report\'s own headings when a law follows in its appendix', () => {
    const text = '某市工作报告\n一、回顾\n（一）成效\n1.增长\n二、安排\n附件1\n第一章 总则\n第一条　目的。\n第二条　范围。\n第三条　定义。\n';
    assert.deepEqual(outline(parse(text)), [
      '某市工作报告', '  一、回顾', '    （一）成效', '      1.增长', '  二、安排', '  附件1', '    第一章 总则', '      第一条', '      第二条', '      第三条',
    ]);
  });

  it('numbers technical standards 5.1 / 5.1.1', () => {
    const text = '# 人体损伤程度鉴定标准\n## 程度分级\n### 5.1　颅脑、脊髓\n#### 5.1.1 重伤一级\n#### 5.1.2 重伤二级\n### 5.2　面部、耳廓\n';
    assert.deepEqual(outline(parse(text)), ['人体损伤程度鉴定标准', '  程度分级', '    5.1 颅脑、脊髓', '      5.1.1 重伤一级', '      5.1.2 重伤二级', '    5.2 面部、耳廓']);
  });
});

describe('the seed: a scraped traditional report with glosses and GBK mojibake', () => {
  const text = readSeed('chongqing-minjin-2017-scraped.txt');
  const model = parse(text);

  it('has the complete outline: 13 headings under its title, seven of them repaired', () => {
    assert.deepEqual(outline(model), [
      '重慶市委會:凝聚共識 匯聚力量為全面建成小康社會作出新貢獻',
      '  一、主要成效',
      '  二、基本做法',
      '    (一)“五指緊扣”“七措連環”,一盤棋整體推進',
      '    (二)抓學習,豐富學習實踐活動內涵',
      '    （三）抓“關鍵少數”,發揮班子成員領學帶動作用',
      '    （四）抓“會史教育\uFFFD,彰顯優良傳統資政育人的時代價值',
      '    （五）抓“我身邊的先進”,發揮先進典型的示范作用',
      '    （六）抓\uFFFD系點工作,發揮重點支部的輻射作用',
      '  三、主要創新及亮點',
      '    （一）開展“網上沙龍”,增強思想政治工作的時代性、針對性',
      '    （二）深入開展征集“金點子”活動,促進聯系點工作與參政議政履職實踐緊密結合',
      '    （三）探索“新\uFFFDT支部”管理方式,實現政治認同和履職活力“雙增進”',
      '  四、存在的不足與展望',
    ]);
    assert.deepEqual(model.headings.filter((h) => h.repaired).map((h) => h.line + 1), [33, 37, 41, 45, 51, 57, 61]);
  });

  it('reports every pinyin gloss and every misaligned line as damage', () => {
    const count = (kind: string): number => model.damage.filter((d) => d.kind === kind).length;
    assert.equal(count('pinyinGloss'), 109);
    assert.equal(count('gbkMisaligned'), 7);
    for (const d of model.damage.filter((x) => x.kind === 'pinyinGloss')) assert.match(text.slice(d.start, d.end), /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
  });

  it('keeps the damage in document order, and strips a long glossed line as it strips a short one', () => {
    for (let k = 1; k < model.damage.length; k++) assert.ok(model.damage[k - 1]!.start <= model.damage[k]!.start);
    // the seed's glossed text repeated past the length where stripping copies into a buffer: the same text as removing
    // each gloss the model found, one by one
    const long = text.repeat(3);
    assert.ok(long.length > 4096);
    const glosses = findGlosses(long);
    assert.equal(glosses.length, 3 * 109);
    let expected = '';
    let last = 0;
    for (const [a, b] of glosses) {
      expected += long.slice(last, a);
      last = b;
    }
    expected += long.slice(last);
    assert.equal(stripGlosses(long), expected);
  });

  it('gives each repaired heading the whole line as its selection range', () => {
    const h = model.headings.find((x) => x.line === 32)!;
    assert.equal(text.slice(h.headingStart, h.headingEnd), text.split('\n')[32]!.trim());
  });

  it('without a codec leaves misaligned lines alone (no guessing)', () => {
    const plain = analyze(text);
    assert.equal(plain.headings.filter((h) => h.repaired).length, 0);
    assert.equal(plain.headings.length, 14 - 7);
  });
});

describe('the corpus', () => {
  for (const file of corpusFiles()) {
    it(`${file}: a well-formed tree`, () => {
      const text = readCorpus(file);
      const model = parse(text);
      assertWellFormed(model, text);
    });
  }

  // Counts verified by hand (grep over line starts, and the published article counts of the laws).
  const expectations: Array<[string, Record<string, number>]> = [
    ['cn_law_criminal_law.md', { part: 2, chapter: 15, section: 37, article: 505 }],
    ['cn_law_constitution.md', { chapter: 4, section: 8, article: 143 }],
    ['cn_reg_procuratorate_criminal_procedure_rules_2019.md', { article: 684 }],
    ['tw_law_civil_code.txt', { part: 5, article: 1439 }],
    ['cn_gwr_2025_national_government_work_report.txt', { cn: 3, cnParen: 10 }],
    ['cn_prov_2026_beijing_government_work_report.txt', { title: 1, cn: 3, cnParen: 10 }],
    ['cn_prov_2026_sichuan_government_work_report.txt', { title: 1, cn: 3, cnParen: 10, appendix: 1 }],
    ['cn_gwr_1983_national_government_work_report.txt', { cnParen: 5, numParen: 5, ordinal: 6 }],
    ['cn_cpc_1921_guangzhou_report.txt', { cn: 3, num: 5, circled: 2 }],
    ['cn_std_injury_assessment_standard_2014.md', { title: 1 }],
  ];
  for (const [file, expected] of expectations) {
    it(`${file}: ${JSON.stringify(expected)}`, () => {
      const got = kinds(parse(readCorpus(file)));
      for (const [kind, n] of Object.entries(expected)) assert.equal(got[kind] ?? 0, n, `${kind} in ${file}`);
    });
  }

  it('the 2025 national report: run-in （一） headings under 三、 with their first sentence as title', () => {
    const model = parse(readCorpus('cn_gwr_2025_national_government_work_report.txt'));
    const three = model.headings.find((h) => h.name.startsWith('三、'))!;
    assert.equal(three.children.length, 10);
    const first = model.headings[three.children[0]!]!;
    assert.equal(first.name, '（一）大力提振消费、提高投资效益，全方位扩大国内需求');
    assert.equal(first.runIn, true);
  });

  it('the Sichuan report: 20 glossary entries are not headings', () => {
    const model = parse(readCorpus('cn_prov_2026_sichuan_government_work_report.txt'));
    assert.equal(model.headings.filter((h) => h.kind === 'num').length, 0);
    assert.equal(model.headings.at(-1)!.name, '名词解释');
  });

  it('the missile regulation: its annex keeps 第一部分/第二部分 with their 一、 items', () => {
    const model = parse(readCorpus('cn_reg_missile_export_control_2002.md'));
    const annex = model.headings.find((h) => h.kind === 'appendix')!;
    const names = annex.children.map((i) => model.headings[i]!.name);
    assert.deepEqual(names, ['一、前言', '二、定义', '第一部分', '第二部分']);
    const part1 = model.headings.find((h) => h.name === '第一部分')!;
    assert.equal(part1.children.length, 19);
  });
});

describe('the tree: children made on read from the parents', () => {
  it('every heading\'s children are the headings whose parent it is, in order, on every corpus document and seed', () => {
    const texts = [...corpusFiles().map(readCorpus), readSeed('chongqing-minjin-2017-scraped.txt'), readSeed('tw_law_personal_data_protection_act.txt')];
    for (const text of texts) {
      const model = analyze(text, { codec: gbkCodec });
      const expected = model.headings.map((): number[] => []);
      model.headings.forEach((h, i) => {
        if (h.parent >= 0) expected[h.parent]!.push(i);
      });
      const table = headingTable(model);
      model.headings.forEach((h, i) => {
        // the checks' table first (read without making a heading's list), then the heading's own list (kept)
        assert.deepEqual(table.list(i, []), expected[i]);
        assert.equal(table.first(i), expected[i]!.length > 0 ? expected[i]![0] : -1);
        assert.deepEqual(h.children, expected[i]);
        assert.equal(h.children, h.children, 'made once, then kept');
      });
      assert.deepEqual(model.roots, model.headings.flatMap((h, i) => (h.parent < 0 ? [i] : [])));
    }
  });
});
