/**
 * Other kinds of documents: judgments, speeches, annual reports, plans, contracts, web pages. Real documents from
 * ../shared/corpus/kinds and test/fixtures/kinds (sources in its NOTES.md), counts checked by reading them; small
 * inline documents for the rules.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, indexTerms, tocTargetAt, type Heading, type ReportModel } from '../../server/src/core';
import { runChecks } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { readCorpus } from '../util/corpus';
import { readLabels, scoreOutline } from '../util/heldout';
import { REPO_ROOT } from '../util/paths';

function parse(text: string): ReportModel {
  return analyze(text, { codec: gbkCodec });
}

function fixture(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'kinds', name), 'utf8');
}

function outline(model: ReportModel): string[] {
  return model.headings.map((h) => '  '.repeat(h.level) + h.name);
}

function count(model: ReportModel, kind: Heading['kind']): number {
  return model.headings.filter((h) => h.kind === kind).length;
}

function named(model: ReportModel, name: string): Heading {
  const h = model.headings.find((x) => x.name === name);
  assert.ok(h, `no heading named ${name}`);
  return h;
}

function parentName(model: ReportModel, h: Heading): string {
  return h.parent >= 0 ? model.headings[h.parent]!.name : '';
}

describe('kinds: table of contents', () => {
  const text = readCorpus('kinds/cn_annual_report_2024_ping_an_bank_excerpt.txt');
  const model = parse(text);

  it('the 目录 of the annual report is one block of 24 entries, none of them a heading', () => {
    assert.ok(model.toc);
    // 5 unnumbered parts (重要提示 … 行长致辞), 第一章–第三章, 3.1–3.9, 第四章–第十章
    assert.equal(model.toc.entries.length, 24);
    assert.equal(model.toc.entries[0]!.text, '重要提示');
    assert.equal(model.toc.entries[23]!.text, '第十章 财务报告');
    assert.equal(model.toc.entries[23]!.page, 112);
    for (const h of model.headings) assert.ok(h.start < model.toc.start || h.start > model.toc.end, `${h.name} is inside the 目录`);
  });

  it('the running page header does not repeat the chapter: two chapters, the unnumbered parts the 目录 lists as labels', () => {
    assert.equal(count(model, 'chapter'), 2);
    assert.deepEqual(model.headings.filter((h) => h.kind === 'label').map((h) => h.name), ['重要提示', '备查文件目录', '释义', '行长致辞']);
    assert.equal(parentName(model, named(model, '1.1 公司基本情况')), '第一章 公司简介');
    assert.equal(named(model, '重要提示').children.length, 7);
  });

  it('each entry links to its heading (go to definition), and the entries of the chapters cut from the excerpt are toc-mismatch', () => {
    const entry = model.toc!.entries.find((e) => e.text === '第一章 公司简介')!;
    const target = tocTargetAt(model, entry.start + 2);
    assert.equal(target?.name, '第一章 公司简介');
    assert.ok(target.start > model.toc!.end);
    assert.equal(tocTargetAt(model, model.toc!.entries[0]!.start)?.name, '重要提示');
    const findings = runChecks(text, model).filter((f) => f.code === 'toc-mismatch');
    // 第三章 … 第十章 and 3.1 … 3.9 are listed but not in this 23-page excerpt; 目 录 lists itself
    assert.equal(findings.length, 17);
    assert.ok(findings[0]!.message.zh.includes('第三章 管理层讨论与分析') && findings[0]!.message.en.includes('第三章'));
  });

  it('a document that opens with its 目录 has no title taken from the table', () => {
    assert.deepEqual(outline(parse('目录\n一、总则……1\n二、目标……3\n三、措施……5\n\n一、总则\n正文。\n二、目标\n正文。\n三、措施\n正文。\n')), ['一、总则', '二、目标', '三、措施']);
  });

  it('an entry cut short in the 目录, or longer than its heading, links to the one heading it names; an entry two headings begin with links to none', () => {
    const doc = [
      '报告', '目录', '第一章 关于推进城乡……… 1', '第二章 加强生态环境保护工作的若干措施……… 3', '第三章 完善社会……… 5', '',
      '第一章 关于推进城乡融合发展', '正文。', '第二章 加强生态环境保护', '正文。', '第三章 完善社会保障制度', '正文。', '第三章 完善社会治理体系', '正文。', '',
    ].join('\n');
    const m = parse(doc);
    const target = (i: number): string | undefined => tocTargetAt(m, m.toc!.entries[i]!.start + 1)?.name;
    assert.equal(m.toc?.entries.length, 3);
    assert.equal(target(0), '第一章 关于推进城乡融合发展'); // the entry is the start of the heading
    assert.equal(target(1), '第二章 加强生态环境保护'); // the heading is the start of the entry
    assert.equal(target(2), undefined); // two headings begin with 第三章 完善社会
  });

  it('a heading the 目录 leaves out among listed siblings is toc-mismatch too', () => {
    const doc = '报告\n目录\n第一章 总则 ……… 1\n第二章 目标 ……… 3\n第四章 附则 ……… 9\n\n第一章 总则\n正文。\n第二章 目标\n正文。\n第三章 措施\n正文。\n第四章 附则\n正文。\n';
    const m = parse(doc);
    assert.deepEqual(outline(m), ['报告', '  第一章 总则', '  第二章 目标', '  第三章 措施', '  第四章 附则']);
    const findings = runChecks(doc, m).filter((f) => f.code === 'toc-mismatch');
    assert.equal(findings.length, 1);
    assert.equal(doc.slice(findings[0]!.start, findings[0]!.end), '第三章 措施');
  });
});

describe('kinds: judgments', () => {
  it('Taiwan (Kinmen): 主文 / 事實 / 理由 as labels, 壹、 > 甲、 > 一、 > （一）', () => {
    const model = parse(readCorpus('kinds/tw_judgment_2009_kinmen_high_court_wildlife_conservation_appeal.txt'));
    assert.deepEqual(model.headings.filter((h) => h.kind === 'label').map((h) => h.name), ['主文', '事實', '理由']);
    assert.equal(count(model, 'cnFormal'), 3);
    assert.equal(count(model, 'stem'), 4);
    const second = model.headings.find((h) => h.kind === 'cnFormal' && h.ordinal === 2)!;
    assert.equal(parentName(model, second), '理由');
    const jia = model.headings.find((h) => h.kind === 'stem' && h.ordinal === 1)!;
    assert.equal(jia.parent, model.headings.indexOf(second));
    // the 一、 of the facts sit under 事實, not beside 壹、
    assert.equal(parentName(model, model.headings.find((h) => h.kind === 'cn')!), '事實');
    // a hard-wrapped line that starts with 三、（一）第10行… continues a sentence
    assert.ok(!model.headings.some((h) => h.name.startsWith('三、（一）第10行')));
  });

  it('Taiwan (Hualien): 甲、 above 壹、 when the judgment writes them in that order', () => {
    const model = parse(fixture('tw_judgment_2011_hualien_high_court_appeal_184.txt'));
    const first = model.headings.find((h) => h.kind === 'cnFormal' && h.ordinal === 1)!;
    assert.equal(parentName(model, first), '乙、實體事項');
    assert.equal(parentName(model, named(model, '乙、實體事項')), '理由');
    assert.equal(count(model, 'stem'), 2);
    assert.equal(count(model, 'cnFormal'), 2);
  });

  it('Taiwan (Hualien, Yunlin): a wrapped line that starts 附表一至七所示… / 附表二所示… continues its sentence; 附錄 after the signature stays', () => {
    const hualien = parse(fixture('tw_judgment_2011_hualien_high_court_appeal_184.txt'));
    // 附錄 and the tables 附表一 … 附表七 at the end, nothing in the body
    assert.deepEqual(hualien.headings.filter((h) => h.kind === 'appendix').map((h) => h.line), [312, 335, 344, 375, 384, 399, 408, 419]);
    // so the (一) after it stay under their 一、 (before, the false 附表一 took them and everything after it)
    assert.equal(parentName(hualien, hualien.headings.find((h) => h.line === 71)!).slice(0, 2), '一、');
    const yunlin = parse(fixture('tw_judgment_2015_yunlin_district_court_42.txt'));
    assert.deepEqual(yunlin.headings.filter((h) => h.kind === 'appendix').map((h) => h.line), [436, 449, 533, 602]);
    const facts = yunlin.headings.find((h) => h.kind === 'cn' && h.line === 37)!;
    assert.deepEqual(facts.children.map((i) => yunlin.headings[i]!.ordinal), [1, 2, 3, 4]);
  });

  it('Taiwan (Yunlin): (甲) / (乙) evidence lists under their (一), with their 1. 2. items; 2.102 年… is item 2, not section 2.102', () => {
    const model = parse(fixture('tw_judgment_2015_yunlin_district_court_42.txt'));
    const stems = model.headings.filter((h) => h.kind === 'stemParen');
    assert.deepEqual(stems.map((h) => h.name), ['(甲)供述證據部分：', '(乙)書證、物證部分：']);
    for (const h of stems) assert.equal(model.headings[h.parent]!.line, 111, h.name);
    assert.equal(stems[0]!.children.length, 20);
    const second = stems[1]!.children.map((i) => model.headings[i]!);
    assert.equal(second.length, 20);
    assert.deepEqual(second.slice(0, 3).map((h) => [h.kind, h.ordinal]), [['num', 1], ['num', 2], ['num', 3]]);
    assert.equal(model.headings.filter((h) => h.kind === 'decimal').length, 0);
    assert.deepEqual(runChecks(fixture('tw_judgment_2015_yunlin_district_court_42.txt'), model).filter((f) => f.code.startsWith('numbering-')).map((f) => f.message.en), []);
  });

  it('Taiwan (5898): a law quoted in a hard-wrapped paragraph enumerates inside its 「」: its 二、 is no heading and no duplicate', () => {
    const text = fixture('tw_judgment_2008_taiwan_high_court_appeal_5898.txt');
    const model = parse(text);
    assert.equal(model.headings.find((h) => h.line === 103), undefined);
    assert.deepEqual(runChecks(text, model).filter((f) => f.code === 'numbering-duplicate').map((f) => f.message.en), []);
    const wrapped = (close: string): string => [
      '判決', '理由', '一、經查：',
      '（一）按野生動物保育法規定：「野生動物區分為下列二類：一、',
      '      保育類：指瀕臨絕種、珍貴稀有之野生動物。' + close,
      '      二、一般類：指保育類以外之野生動物。」',
      '二、核被告所為，係犯野生動物保育法之罪。',
    ].join('\n');
    assert.deepEqual(parse(wrapped('')).headings.map((h) => [h.line, h.level]), [[0, 0], [1, 1], [2, 2], [3, 3], [6, 2]]);
    // the quotation closed before the line: its 二、 is read as the writer set it
    assert.equal(parse(wrapped('」')).headings.filter((h) => h.name.startsWith('二、一般類')).length, 1);
  });

  it('mainland (Meishan): 本院认为 and 判决如下 as labels; the decision items under 判决如下', () => {
    const model = parse(readCorpus('kinds/cn_judgment_2019_meishan_pengshan_construction_contract_first_instance.txt'));
    const decision = named(model, '判决如下');
    assert.equal(decision.children.length, 5);
    assert.equal(model.headings[decision.children[4]!]!.name, '五、驳回原告邹洪蛟的其他诉讼请求');
    assert.equal(named(model, '本院认为').line, 58);
  });

  it('本院认为，…判决如下： on one line: two labels, their sections one after the other', () => {
    const doc = '判决书\n原告诉称，被告应当支付货款，双方对此有争议。\n本院认为，原告的请求有事实和法律依据，依照有关规定，判决如下：\n一、被告支付货款十万元。\n二、驳回原告其他诉讼请求。\n';
    const model = parse(doc);
    assert.deepEqual(outline(model), ['判决书', '  本院认为', '  判决如下', '    一、被告支付货款十万元', '    二、驳回原告其他诉讼请求']);
    const [, opinion, decision] = model.headings;
    assert.ok(opinion!.end <= decision!.start && opinion!.headingEnd <= opinion!.end, 'the sections do not overlap');
  });

  it('Taiwan: …本院判決如下： before 主文 is not a second label', () => {
    const model = parse(fixture('tw_judgment_2008_taiwan_high_court_appeal_5898.txt'));
    assert.ok(!model.headings.some((h) => h.name === '判決如下'));
    assert.deepEqual(model.headings.filter((h) => h.kind === 'label').map((h) => h.name), ['主文', '事實', '理由']);
    // 五、六隻龍魚 is a number of fish, not a heading
    assert.ok(!model.headings.some((h) => h.name.startsWith('五、六隻')));
  });
});

describe('kinds: the signature block of a judgment is end matter', () => {
  /** The line (0-based) of the first line whose squeezed text starts with `start`. */
  function lineStarting(text: string, start: string): number {
    return text.split('\n').findIndex((l) => l.replace(/[\s\u3000]/g, '').startsWith(start));
  }

  it('mainland (Meishan, Tongren): the last sections end where 审判员 / 审 判 长 starts; the title still spans the text', () => {
    for (const [text, signer] of [
      [readCorpus('kinds/cn_judgment_2019_meishan_pengshan_construction_contract_first_instance.txt'), '审判员'],
      [fixture('cn_judgment_2018_tongren_insurance_second_instance.txt'), '审判长'],
    ] as const) {
      const model = parse(text);
      const at = text.split('\n').slice(0, lineStarting(text, signer)).join('\n').length + 1;
      const decision = named(model, '判决如下');
      assert.equal(decision.end, at);
      for (const i of decision.children) assert.ok(model.headings[i]!.end <= at);
      assert.equal(model.headings[0]!.kind, 'title');
      assert.equal(model.headings[0]!.end, text.length);
    }
  });

  it('Taiwan (Tainan 894): 戊、 ends at 刑事第六庭審判長法官…; the appendix after the block keeps its own range', () => {
    const text = fixture('tw_judgment_2012_tainan_high_court_appeal_894.txt');
    const model = parse(text);
    const last = model.headings.find((h) => h.name.startsWith('戊、'))!;
    assert.equal(text.slice(0, last.end).split('\n').length - 1, lineStarting(text, '刑事第六庭'));
    const appendix = model.headings.find((h) => h.kind === 'appendix')!;
    assert.equal(appendix.end, text.length);
  });

  it('no date after the signer lines, or a signer line inside the body: nothing is cut', () => {
    const doc = '民事判决书\n一、被告支付原告货款一万元。\n二、驳回原告的其他诉讼请求。\n审判长　张三\n书记员　李四\n';
    const model = parse(doc);
    assert.equal(model.headings[2]!.end, doc.length);
    const dated = doc.replace('书记员', '二〇二〇年一月一日\n书记员');
    const cut = parse(dated);
    assert.equal(cut.headings[2]!.end, dated.indexOf('审判长'));
    assert.equal(cut.headings[1]!.end, dated.indexOf('二、'));
    assert.equal(cut.headings[0]!.end, dated.length);
    assert.equal(cut.headings.length, model.headings.length);
    // a line that merely starts with a role word is not a signer (审判长认为…), and 书记员 after the date has no date after it
    const prose = dated.replace('审判长　张三', '审判长认为原告的请求成立');
    assert.equal(parse(prose).headings[2]!.end, prose.length);
  });
});

describe('kinds: charters', () => {
  it('QSB-CAAS charter: the chapters 1. 总则 … 7. 附则, rendered as a list, hold their articles', () => {
    const model = parse(fixture('cn_charter_qsb_caas_quality_branch.md'));
    const chapters = model.headings.filter((h) => h.kind === 'num' && h.level === 1);
    assert.deepEqual(chapters.map((h) => h.name), ['1.总则', '2.业务范围', '3.会员', '4.组织机构和负责人产生、罢免', '5.章程的修改程序', '6.终止程序及终止后的财产处理', '7.附 则']);
    // by reading: 6, 1, 7, 28, 2, 5, 2 articles; the scrape's 第点三十九条 (a stray 点 in the marker) is no article marker
    assert.deepEqual(chapters.map((h) => h.children.filter((i) => model.headings[i]!.kind === 'article').length), [6, 1, 7, 27, 2, 5, 2]);
    // 第六条，本协会… and 第十六条，… (a comma where the space belongs) are articles
    assert.equal(parentName(model, named(model, '第六条')), '1.总则');
    assert.equal(parentName(model, named(model, '第十六条')), '4.组织机构和负责人产生、罢免');
    // the items of an article stay its children; the wrapped 三、五、六、七、八、九项的职权 is no heading
    assert.equal(named(model, '第十九条').children.length, 10);
    assert.ok(!model.headings.some((h) => h.name.startsWith('三、五')));
  });

  it('list items inside articles restart in each article, so they do not become chapters', () => {
    const doc = '某会章程\n第一条 本会名称。\n1.中文名称\n第二条 本会宗旨：\n1.服务会员\n2.服务社会\n第三条 本会地址。\n';
    const model = parse(doc);
    assert.deepEqual(model.headings.filter((h) => h.kind === 'article').map((h) => parentName(model, h)), ['某会章程', '某会章程', '某会章程']);
    assert.equal(parentName(model, named(model, '2.服务社会')), '第二条');
  });

  it('items a Markdown quote holds (> 1.个人会员:…) are read as the items they quote', () => {
    const doc = '章程\n第十条 会员入会的程序是:\n（二）经理事会讨论通过，其中:\n> 1.个人会员:要求入会者，应由会员一人介绍。\n>\n> 2.单位会员:申请者应持本单位介绍信。\n（三）发给会员证。\n';
    assert.equal(parentName(parse(doc), named(parse(doc), '1.个人会员:要求入会者，应由会员一人介绍')), '（二）经理事会讨论通过，其中:');
  });

  it('第六条，… heads an article only where the numbering continues; 第六条，第七条… and a jump stay text', () => {
    const doc = '章程\n第五条 本会宗旨。\n第六条，本会地址在北京。\n第七条，第八条的规定适用于会员。\n第九条，本会经费。\n';
    const model = parse(doc);
    assert.deepEqual(model.headings.filter((h) => h.kind === 'article').map((h) => h.marker), ['第五条', '第六条']);
  });
});

describe('kinds: speeches', () => {
  /** A paragraph of a policy address (40 characters or more: twice a 20-character sub-heading). */
  const para = '政府會繼續推動這方面的工作，並在今年內公布具體的計劃和時間表，讓市民清楚了解各項措施的進度。';

  it('the 2014 policy address: 89 short sub-headings standing alone, each under its numbered part or its group', () => {
    const model = parse(readCorpus('kinds/hk_policy_address_2014_legco_hansard.txt'));
    assert.equal(count(model, 'subhead'), 89);
    // two short lines together: a group (安老) and its first topic (安老服務計劃方案); the topics after it are the group's
    assert.equal(parentName(model, named(model, '安老')), '(三)扶貧安老助弱');
    assert.equal(parentName(model, named(model, '安老服務計劃方案')), '安老');
    assert.equal(parentName(model, named(model, '居家安老')), '安老');
    assert.equal(parentName(model, named(model, '助弱')), '(三)扶貧安老助弱');
    assert.equal(parentName(model, named(model, '金融業')), '(二)經濟');
    assert.equal(parentName(model, named(model, '一、不少基層人士是家中唯一的就業成員，雖然有法定最低工資的保障，但生活擔子仍然沉重')), '低收入在職家庭津貼');
    assert.equal(parentName(model, named(model, '政制發展')), '(九)政制及行政');
  });

  it('sub-headings that together name every part of their section’s title hold the topics after them; one part alone holds none', () => {
    const doc = [
      '施政報告', '', '(一) 房屋與土地', '房屋', para, '公屋', para, '居屋', para, '土地', para, '短期供應', para, '長期供應', para,
      '(二) 青少年教育和發展', '教育', para, '生涯規劃', para, '青年宿舍', para,
    ].join('\n');
    const model = parse(doc);
    assert.equal(parentName(model, named(model, '公屋')), '房屋');
    assert.equal(parentName(model, named(model, '居屋')), '房屋');
    assert.equal(parentName(model, named(model, '土地')), '(一)房屋與土地');
    assert.equal(parentName(model, named(model, '長期供應')), '土地');
    // 教育 names one part of 青少年教育和發展: its neighbours are its siblings
    assert.equal(parentName(model, named(model, '生涯規劃')), '(二)青少年教育和發展');
  });

  it('a second short line as long as a short paragraph (20 characters, no punctuation) still makes the first a group', () => {
    const doc = ['施政報告', '', '(一) 土地', '短中期計劃', '政府賣地、鐵路物業發展及私人房屋土地供應', para, '市區更新', para, '商業用地', para, '文物保育', para, '綠色建築', para].join('\n');
    const model = parse(doc);
    assert.equal(parentName(model, named(model, '政府賣地、鐵路物業發展及私人房屋土地供應')), '短中期計劃');
    assert.equal(parentName(model, named(model, '市區更新')), '短中期計劃');
  });

  it('a paper numbered by paragraphs: a short line between paragraphs N-1 and N heads the section N opens; the title follows the front matter', () => {
    const doc = [
      '某委員會', '', '某委員會12/20-21號文件', '', '檔號:ABC/1', '', '諮詢公眾的方法', '',
      '背景', '', '1. 委員會的其中一項職能，是審議法案。', '', '2. 迄今，委員會成立了一個法案委員會。', '',
      '現行做法', '', '3. 目前，公眾人士可將意見告知議員。', '',
      '建議', '', '4. 委員會亦可致函有關人士。', '', '5. 謹請議員提出意見。',
    ].join('\n');
    assert.deepEqual(outline(parse(doc)), [
      '諮詢公眾的方法', '  背景', '    1.委員會的其中一項職能，是審議法案', '    2.迄今，委員會成立了一個法案委員會',
      '  現行做法', '    3.目前，公眾人士可將意見告知議員', '  建議', '    4.委員會亦可致函有關人士', '    5.謹請議員提出意見',
    ]);
    // one short line between numbered items is not enough, and a line the numbering does not run across is text
    const list = '通知\n\n1. 第一項工作已經完成。\n\n另外\n\n2. 第二項工作正在進行。\n\n3. 第三項工作。\n';
    assert.equal(count(parse(list), 'subhead'), 0);
  });

  it('prose, poems, dialogue and lists sprout no sub-headings', () => {
    const poem = '静夜思\n\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n\n春晓\n\n春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n花落知多少\n';
    assert.equal(count(parse(poem), 'subhead'), 0);
    const dialogue = '甲说：“你来了。”\n乙说：“我来了，路上很顺利，没有耽搁什么时间。”\n好的\n甲说：“那我们开始吧，今天的议程比较多，请大家抓紧。”\n明白\n乙说：“好的，我先介绍一下情况，然后请各位发表意见。”\n可以\n';
    assert.equal(count(parse(dialogue), 'subhead'), 0);
    // (a single short line between two paragraphs of prose is a sub-heading since issue 9: see the tenth pass's tests)
    const signed = '报告\n\n过去一年的工作取得了明显成效，各项指标全面完成。\n\n某某市人民政府办公室\n\n2026年4月27日\n';
    assert.equal(count(parse(signed), 'subhead'), 0, 'a signature and its date are no sub-headings');
  });
});

describe('kinds: markers in context', () => {
  it('approximate numbers, table rows and a sentence continued on the next line are not headings', () => {
    const doc = [
      '报告',
      '一、总体情况',
      '五、六十年代以来，这里发生了很大变化。',
      '七、八个部门参加了会议。',
      '2.应收账款\t1,234,567.89\t2,000.00',
      '3.其他应收款  45,678.00  (1.2%)',
      '三、营业支出 (60,123) (58,000)',
      '经过认真研究，会议确定了今后一个时期的重点任务，主要有三个方面：第一，稳增长；第二，调结构；',
      '第三，惠民生。',
      '二、下一步工作',
    ].join('\n');
    assert.deepEqual(outline(parse(doc)), ['报告', '  一、总体情况', '  二、下一步工作']);
  });

  it('a contract: 第１条　合同文件。 keeps its title; the sections 一、 hold their articles', () => {
    const doc = [
      '建设工程施工合同',
      '第一部分 合同协议书',
      '一、一般约定',
      '第１条　词语定义。下列词语除专用条款另有约定外，应具有本条所赋予的定义：',
      '１．工期：指发包人承包人在协议书中约定，按总日历天数（包括法定节假日）计算的承包天数。',
      '第２条　合同文件。合同文件应能相互解释，互为说明。',
      '二、双方一般权利和义务',
      '第３条　工程师。实行工程监理的，发包人应在实施监理前将委托的监理单位名称通知承包人。',
      '一、本条所称工程师包括监理单位委派的总监理工程师。',
      '二、工程师按合同约定行使职权。',
      '第４条　发包人工作。发包人按专用条款约定的内容和时间完成以下工作。',
    ].join('\n');
    const model = parse(doc);
    assert.deepEqual(outline(model), [
      '建设工程施工合同',
      '  第一部分 合同协议书',
      '    一、一般约定',
      '      第１条 词语定义',
      // a numbered item inside an article is its child, as in laws
      '        １．工期：指发包人承包人在协议书中约定，按总日历天数（包括法定节假日）计算的承包天数',
      '      第２条 合同文件',
      '    二、双方一般权利和义务',
      '      第３条 工程师',
      '        一、本条所称工程师包括监理单位委派的总监理工程师',
      '        二、工程师按合同约定行使职权',
      '      第４条 发包人工作',
    ]);
    const terms = indexTerms(doc, model);
    const period = terms.terms.find((t) => t.definitions.some((d) => doc.slice(d.termStart, d.termEnd) === '工期'));
    assert.ok(period, '１．工期：指… defines 工期');
    const template = '通用合同条款\n1.1 词语定义与解释\n1.1.1.1 合同：是指根据法律规定和合同当事人约定具有约束力的文件。\n1.1.1.2 合同协议书：是指构成合同的书面文件。\n';
    const defined = indexTerms(template, parse(template)).terms.filter((t) => t.definitions.length > 0).map((t) => template.slice(t.definitions[0]!.termStart, t.definitions[0]!.termEnd));
    assert.deepEqual(defined.sort(), ['合同', '合同协议书']);
  });

  it('第一条、词语含义。 (a 、 after the marker) heads an article with its title; 第十条、第十一条 stays a citation', () => {
    const doc = [
      '建筑装饰工程施工合同',
      '第一部分、合同条件',
      '一、词语含义及合同文件',
      '第一条、词语含义。在本合同中，下列词语除协议条款另有约定外，应具有本条所赋予的含义：',
      '1.合同：是指为实施工程，发包方和承包方之间达成的协议。',
      '第二条、合同文件及解释顺序。合同文件应能互相解释，互为说明。依照本合同',
      '第十条、第十一条的规定办理。',
      '第三条、十条所列文件除外。',
    ].join('\n');
    assert.deepEqual(outline(parse(doc)), [
      '建筑装饰工程施工合同',
      '  第一部分 合同条件',
      '    一、词语含义及合同文件',
      '      第一条 词语含义',
      '        1.合同：是指为实施工程，发包方和承包方之间达成的协议',
      '      第二条 合同文件及解释顺序',
    ]);
  });

  it('a feature’s section number alone on its line (1, 2 …) takes the next line as its heading; page numbers do not', () => {
    const para = '规划纲要将国内生产总值作为主要指标予以保留，同时将指标值设定为年均增长保持在合理区间。';
    const feature = ['纲要勾勒经济社会发展脉络', '', '1', '', '五年规划首次不设增速具体值', '', para, '', '2', '', '创新驱动摆在各项规划任务首位', '', para].join('\n');
    assert.deepEqual(outline(parse(feature)), ['纲要勾勒经济社会发展脉络', '  1 五年规划首次不设增速具体值', '  2 创新驱动摆在各项规划任务首位']);
    // a page number: the page's text follows (no heading), or the pages do not start at 1
    const pages = ['报告', '', para, '1', para, '2', '继续推进各项改革', para, '', '3', '', '短标题', para].join('\n');
    assert.deepEqual(outline(parse(pages)), ['报告']);
  });

  it('laws keep their articles as they were: no title from a first sentence, half-width or Chinese numerals', () => {
    const model = parse('某某法\n第一条　为了规范管理，制定本法。\n第二条　本法自公布之日起施行。\n');
    assert.deepEqual(outline(model), ['某某法', '  第一条', '  第二条']);
  });

  it('a gloss right after a marker stays out of the outline name', () => {
    const doc = '報告\n第一節(dì)總(zǒng)則(zé)\n正文(wén)。\n第二節(à)測(cè)試(shì)標題\n';
    assert.deepEqual(outline(parse(doc)), ['報告', '  第一節 總則', '  第二節 測試標題']);
  });
});

describe('kinds: plans', () => {
  it('a 规划纲要: 目录 kept out, 第一篇 > 第一章 > 第一节, a 专栏 box is not a heading', () => {
    const doc = [
      '国民经济和社会发展第十四个五年规划纲要',
      '目　录',
      '第一篇　开启全面建设社会主义现代化国家新征程',
      '第一章　发展环境……………………1',
      '第一节　重大成就……………………1',
      '第二节　发展形势……………………3',
      '第二章　指导方针……………………4',
      '第二篇　坚持创新驱动发展',
      '第五章　强化国家战略科技力量……………………10',
      '',
      '第一篇　开启全面建设社会主义现代化国家新征程',
      '第一章　发展环境',
      '第一节　重大成就',
      '“十三五”时期，我国经济实力、科技实力、综合国力跃上新的大台阶，经济运行总体平稳。',
      '专栏1　“十三五”规划主要指标实现情况',
      '指标\t2015年\t2020年',
      '第二节　发展形势',
      '当前和今后一个时期，我国发展仍然处于重要战略机遇期，但机遇和挑战都有新的发展变化。',
      '第二章　指导方针',
      '坚持党的全面领导。',
      '第二篇　坚持创新驱动发展',
      '第五章　强化国家战略科技力量',
      '正文。',
    ].join('\n');
    const model = parse(doc);
    assert.deepEqual(outline(model), [
      '国民经济和社会发展第十四个五年规划纲要',
      '  第一篇 开启全面建设社会主义现代化国家新征程',
      '    第一章 发展环境',
      '      第一节 重大成就',
      '      第二节 发展形势',
      '    第二章 指导方针',
      '  第二篇 坚持创新驱动发展',
      '    第五章 强化国家战略科技力量',
    ]);
    assert.equal(model.toc?.entries.length, 7);
    assert.ok(model.toc.entries.every((e) => e.target >= 0), 'every entry links to its heading');
    assert.deepEqual(runChecks(doc, model).filter((f) => f.code === 'toc-mismatch'), []);
  });

  it('a part title on the line below its marker', () => {
    const model = parse('合同\n第一部分\n合同协议书\n发包人（全称）：某某公司\n第二部分　通用合同条款\n第１条　词语定义。下列词语具有本条所赋予的含义。\n');
    assert.deepEqual(outline(model), ['合同', '  第一部分 合同协议书', '  第二部分 通用合同条款', '    第１条 词语定义']);
  });
});

describe('kinds: a white paper from the web', () => {
  it('a 目录 without page numbers, whose titles come back in the body, is a table of contents too', () => {
    const doc = [
      '新时代的中国绿色发展', '中华人民共和国', '国务院新闻办公室', '2023年1月', '目录', '前言', '一、坚定不移走绿色发展之路',
      '二、绿色空间格局基本形成', '三、产业结构持续优化', '结束语', '前言', '绿色是生命的象征、大自然的底色，良好生态环境是美好生活的基础。',
      '一、坚定不移走绿色发展之路', '中国坚持绿色发展，走出了一条生产发展、生活富裕、生态良好的文明发展道路。', '（一）坚持以人民为中心',
      '正文。', '二、绿色空间格局基本形成', '正文。', '三、产业结构持续优化', '正文。', '结束语', '新时代的中国，绿色发展成效显著。',
    ].join('\n');
    const model = parse(doc);
    assert.deepEqual(outline(model), [
      '新时代的中国绿色发展', '  前言', '  一、坚定不移走绿色发展之路', '    （一）坚持以人民为中心', '  二、绿色空间格局基本形成',
      '  三、产业结构持续优化', '  结束语',
    ]);
    assert.equal(model.toc?.entries.length, 5);
    assert.ok(model.toc.entries.every((e) => e.target >= 0));
  });

  it('short lines after a 目录 that do not come back are not taken for a table', () => {
    const model = parse('说明\n目录\n甲\n乙\n丙\n\n一、总则\n正文。\n');
    assert.equal(model.toc, undefined);
  });
});

describe('kinds: title of a web page', () => {
  it('the browser-tab title, its date tail and the site menu are skipped', () => {
    const model = parse(readCorpus('kinds/cn_web_2015_wanzai_statistical_communique_scrape.txt'));
    assert.equal(model.headings[0]!.kind, 'title');
    assert.equal(model.headings[0]!.name, '万载县2015年国民经济和社会发展统计公报');
    assert.equal(count(model, 'cn'), 12);
  });

  it('a breadcrumb (当前位置 … > …), a 查看更多 link and a site banner (…官方网站) are never the title', () => {
    const crumb = '设计说明| 当前位置:园林吧 > 行业热点 > 建筑装饰工程施工合同\n\n建筑装饰工程施工合同\n\n第二条 合同文件及解释顺序。\n';
    assert.equal(parse(crumb).headings[0]!.name, '建筑装饰工程施工合同');
    const arrows = '首页 > 政务公开 > 政策文件\n关于加强管理的通知\n一、总体要求\n';
    assert.equal(parse(arrows).headings[0]!.name, '关于加强管理的通知');
    const more = '查看更多\n建筑装饰工程施工合同\n第一部分 合同条件\n';
    assert.equal(parse(more).headings[0]!.name, '建筑装饰工程施工合同');
    const headline = '全球能源格局变动,中国的能源安全状况改善了吗?\n\n李雪慧1,史 丹 2\n\n摘要:金融危机以来，全球格局发生了变化。\n';
    assert.equal(parse(headline).headings[0]!.name, '全球能源格局变动,中国的能源安全状况改善了吗?');
    assert.equal(parse('同志们，\n\n今天我们召开大会，研究部署工作。\n').headings[0]?.kind, undefined, 'a salutation is no headline');
    const taiwan = '手機版選單\n\n:::\n\n院長施政報告\n\n列印圖示\n壹、 迎面而來的五大挑戰\n';
    assert.equal(parse(taiwan).headings[0]!.name, '院長施政報告');
    const section = '院會紀錄\n\n立法院第9屆第3會期第1次會議紀錄\n\n時  間 中華民國106年2月17日\n\n決定事項\n\n一、2月20日舉行公聽會。\n\n二、2月22日召開全院委員會。\n';
    const minutes = parse(section);
    assert.deepEqual(outline(minutes), ['立法院第9屆第3會期第1次會議紀錄', '  決定事項', '    一、2月20日舉行公聽會', '    二、2月22日召開全院委員會']);
    const banner = '中国城市规划学会官方网站\n\n您当前的位置: 中国城市规划网> 资讯 > 正文\n\n国土空间总体规划传导体系中的语汇建构\n\n正文第一段。\n';
    assert.equal(parse(banner).headings[0]!.name, '国土空间总体规划传导体系中的语汇建构');
  });

  it('title_site, title-site and site | title', () => {
    for (const tab of ['关于做好春节期间安全工作的通知_某某市人民政府网', '关于做好春节期间安全工作的通知-www.example.gov.cn', '某某区政府门户网站 | 关于做好春节期间安全工作的通知']) {
      const model = parse(`${tab}\n\n关于做好春节期间安全工作的通知\n\n一、加强组织领导\n正文。\n`);
      assert.equal(model.headings[0]!.name, '关于做好春节期间安全工作的通知', tab);
    }
  });
});

describe('kinds: definitions', () => {
  it('the annual report’s 释义 table: 13 terms from 9 rows (the header row defines nothing)', () => {
    const text = readCorpus('kinds/cn_annual_report_2024_ping_an_bank_excerpt.txt');
    const terms = indexTerms(text, parse(text));
    const rows = terms.terms.filter((t) => t.definitions.some((d) => d.kind === 'glossary'));
    assert.equal(rows.length, 13);
    assert.ok(!terms.terms.some((t) => t.definitions.some((d) => text.slice(d.termStart, d.termEnd) === '释义项')));
    const bank = rows.find((t) => t.definitions.some((d) => text.slice(d.termStart, d.termEnd) === '本行'))!;
    assert.ok(bank.definitions[0]!.text.startsWith('深圳发展银行股份有限公司'));
  });

  it('a judgment’s abbreviations: the full form starts after the parties’ roles and conjunctions', () => {
    const text = readCorpus('kinds/cn_judgment_2019_meishan_pengshan_construction_contract_first_instance.txt');
    const terms = indexTerms(text, parse(text));
    const full = (abbreviation: string) => terms.terms.flatMap((t) => t.definitions).find((d) => d.kind === 'abbreviation' && text.slice(d.termStart, d.termEnd) === abbreviation)?.fullForm;
    assert.equal(full('中阳公司'), '中阳建设集团有限公司');
    assert.equal(full('灵石小学'), '眉山市彭山区凤鸣镇灵石小学');
    assert.equal(full('会议纪要'), '四川省眉山市彭山区城南小学项目会议纪要');
  });

  it('a charter’s “X”是… when the quoted term opens its sentence, not a quote inside one', () => {
    const doc = '总纲\n“四个全面”是全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党。\n他说“好”是对的。“放管服”是否有效，要看落实。\n';
    const terms = indexTerms(doc, parse(doc));
    const defined = terms.terms.filter((t) => t.definitions.length > 0).map((t) => doc.slice(t.definitions[0]!.termStart, t.definitions[0]!.termEnd));
    assert.deepEqual(defined, ['四个全面']);
  });

  it('X（English）即…, and rows split by blanks', () => {
    const doc = '说明\n区块链（Blockchain）即一种分布式账本技术。\n本公司  指  某某股份有限公司\n';
    const terms = indexTerms(doc, parse(doc));
    const spellings = terms.terms.filter((t) => t.definitions.length > 0).map((t) => doc.slice(t.definitions[0]!.termStart, t.definitions[0]!.termEnd)).sort();
    assert.deepEqual(spellings, ['区块链', '本公司']);
  });
});


describe('kinds: fourth pass (judgment pages, filings, PDF text, Hong Kong and Macau)', () => {
  it('a case database’s section names and a repost’s 【裁判要旨】 / [裁判文书] are labels; its 【field】: lines are chrome', () => {
    const page = '【审理法院】:某某市中级人民法院\n\n【文书类型】:判决书\n\n张某与某局行政处罚纠纷二审行政判决书\n当事人信息\n\n上诉人(原审原告):张某。\n\n审理经过\n\n上诉人张某因行政处罚一案,不服一审判决,向本院提起上诉。本案现已审理终结。\n\n一审法院查明\n\n原审查明,2014年5月30日,某局作出处罚决定。\n';
    const model = parse(page);
    assert.deepEqual(outline(model), ['张某与某局行政处罚纠纷二审行政判决书', '  当事人信息', '  审理经过', '  一审法院查明']);
    const repost = fixture('cn_judgment_2017_beijing_no1_administrative_wechat_repost_scrape.txt');
    const r = parse(repost);
    assert.equal(r.headings[0]!.name, '履责之诉的审查范围|北京行政裁判观察', '查看原文 and the category 其他 below it are chrome');
    assert.equal(parentName(r, r.headings.find((h) => h.kind === 'num')!), '[裁判要旨]');
    assert.equal(count(r, 'label'), 2);
  });

  it('a judgment’s head line below a site’s words is the title, unless the first line is the court', () => {
    const cause = '國有不動產撥用\n最 高 行 政 法 院 判 決\n112年度上字第417號\n上 訴 人 某公司\n主 文\n上訴駁回。\n理 由\n一、爭訟概要:\n';
    assert.equal(parse(cause).headings[0]!.line, 1);
    const court = '某某市中级人民法院\n民事判决书\n（2021）某01民终74号\n本院认为，一审判决认定事实清楚，判决如下：\n驳回上诉，维持原判。\n';
    assert.equal(parse(court).headings[0]!.name, '某某市中级人民法院');
  });

  it('a number broken by a hard wrap (…482、4 / 83、484、…) is no heading; 2.102 年… is item 2. with a Taiwan year', () => {
    const model = parse(fixture('tw_judgment_2023_supreme_administrative_state_land_appeal_417_scrape.txt'));
    assert.ok(!model.headings.some((h) => h.line === 22), outline(model).join('\n'));
    const list = parse('理由\n一、證據\n1.現場照片影本4 張。\n2.102 年聲監字第383 號通訊監察書1份。\n3.扣押物品目錄表1 紙。\n');
    assert.deepEqual(list.headings.filter((h) => h.kind === 'num').map((h) => h.marker), ['1.', '2.', '3.']);
  });

  it('附：相关法律条文 after the signature block is an appendix', () => {
    const model = parse(fixture('cn_ruling_2021_shanghai_no1_intermediate_criminal_appeal_withdrawal.txt'));
    const appendix = model.headings.find((h) => h.kind === 'appendix');
    assert.ok(appendix);
    assert.equal(appendix.line, 19);
  });

  it('PDF text: 第一章 and 总 则 on lines of their own, a blank line between, are one chapter that holds its articles', () => {
    const model = parse(fixture('cn_charter_2025_bainuo_neeq_announcement_pdf_scrape.txt'));
    const chapter = model.headings.find((h) => h.kind === 'chapter')!;
    assert.equal(chapter.name, '第一章 总 则');
    assert.equal(count(model, 'label'), 0, 'the title line is no label of its own');
    assert.ok(model.headings.filter((h) => h.kind === 'article').every((h) => model.headings[h.parent] === chapter));
  });

  it('filings: a quarterly report’s 1.1 sit in 一、, a summary’s 一 重要提示 / 1   … are markers, the front matter is no title', () => {
    const q = parse(fixture('cn_quarterly_report_2020_neusoft_q1_sina_scrape.txt'));
    assert.equal(q.headings[0]!.name, '东软集团股份有限公司');
    assert.equal(parentName(q, named(q, '1.4 本公司第一季度报告未经审计')), '一、重要提示');
    assert.equal(parentName(q, named(q, '2.1 主要财务数据')), '二、公司基本情况');
    const s = parse(fixture('cn_interim_report_summary_2019_china_galaxy_securities_sohu_scrape.txt'));
    assert.equal(s.headings[0]!.name, '中国银河证券股份有限公司');
    assert.equal(s.headings.filter((h) => h.kind === 'cn').length, 2);
    assert.equal(s.headings.filter((h) => h.kind === 'num').length, 5);
    assert.equal(s.headings.filter((h) => h.kind === 'decimal').length, 2);
    // spaced-out text and a number with its unit stay text
    assert.equal(parse('春\n\n二 月 春 风 似 剪 刀\n\n10  月份全市工业增加值增长。\n').headings.filter((h) => h.kind !== 'title').length, 0);
  });

  it('a page cut inside its 目录: the last entry, without its page number, is still the table’s, not a heading', () => {
    const model = parse(fixture('cn_charter_2023_shenzhou_cell_toc_page_scrape.txt'));
    assert.equal(model.headings.length, 1, outline(model).join('\n'));
    assert.equal(model.toc?.entries.length, 13);
  });

  it('a cover’s imprint (the issuing body above a date line) is not the title', () => {
    const model = parse(fixture('cn_white_paper_2007_energy_conditions_and_policies_company_site_scrape.txt'));
    assert.notEqual(model.headings[0]!.kind, 'title');
    assert.equal(model.headings[0]!.name, '前言');
  });

  it('a budget speech: headings that open with a year, after a one-sentence paragraph; a list of sentences closes before the next heading', () => {
    const model = parse(fixture('hk_budget_2018_legco_hansard.txt'));
    // 96 unnumbered headings by reading: 結語 is a label, and the 25-character 取消強制性公積金…"對沖"安排 is too long to infer
    assert.equal(count(model, 'subhead'), 94);
    assert.equal(count(model, 'label'), 1);
    for (const name of ['2017年經濟回顧', '2018-2019年度財政預算案策略', '環境', '政府角色']) named(model, name);
    assert.equal(parentName(model, named(model, '共享成果')), '', 'not under the last (四) item of the list above it');
    // a running header (the same short line three times or more, next to a page number) is never a sub-heading; the
    // one sub-heading is a section's name right above the list it heads (境内外会计准则下会计数据差异 / 1、… 2、…)
    const annual = parse(readCorpus('kinds/cn_annual_report_2024_ping_an_bank_excerpt.txt'));
    assert.deepEqual(annual.headings.filter((h) => h.kind === 'subhead').map((h) => h.name), ['境内外会计准则下会计数据差异']);
  });

  it('a sub-heading may join two phrases with one comma (坚守一国，从未偏废), in a speech that has five of them', () => {
    const para = '我们坚持以人为本的施政理念，持续改善民生，推动经济适度多元发展，取得了新的成效。';
    let speech = '二○一九年施政报告\n\n主席，各位议员：\n\n' + para + '\n\n';
    const heads = ['坚守一国，从未偏废', '善用两制，发挥优势', '依法施政，廉洁奉公', '改善民生，共建共享', '融入大局，开拓未来'];
    for (const h of heads) speech += `${h}\n\n${para}\n\n${para}\n\n`;
    assert.deepEqual(parse(speech).headings.filter((h) => h.kind === 'subhead').map((h) => h.name), heads);
    // one such line alone in prose is no heading; nor a phrase cut at its comma (同志们，)
    assert.equal(parse(`会议纪要\n\n${para}\n\n总之，要把握机遇\n\n${para}\n`).headings.length, 1);
  });

  it('Hong Kong abbreviations 全稱("簡稱") and a PDF’s （以下简称 / “公司”） across a line break define terms', () => {
    const text = fixture('hk_budget_2018_legco_hansard.txt');
    const terms = indexTerms(text, parse(text));
    const full = (name: string): string | undefined => terms.terms.find((t) => t.name === name)?.definitions[0]?.text;
    assert.equal(full('醫管局'), '醫院管理局');
    assert.equal(full('貿發局'), '香港貿易發展局');
    assert.equal(full('預算案'), '財政預算案');
    assert.equal(full('康文署'), '康樂及文化事務署');
    const charter = fixture('cn_charter_2025_bainuo_neeq_announcement_pdf_scrape.txt');
    const ct = indexTerms(charter, parse(charter));
    assert.equal(ct.terms.find((t) => t.name === '裕腾有限')?.definitions[0]?.text, '裕腾百诺环保科技有限公司');
    const quoted = '甲方（“买方”）应当按期付款。\n买方逾期付款的，应当支付违约金。\n';
    const qt = indexTerms(quoted, parse(quoted));
    assert.equal(qt.terms.find((t) => t.name === '买方')?.definitions[0]?.kind, 'abbreviation');
  });
});

describe('kinds: fifth pass (platform contracts, company rules, court model texts, web pages)', () => {
  it('a decimal glued to its text (1.1融资租赁：…) is a clause where it goes on with the numbering, and sits in its 1. item', () => {
    const lease = fixture('cn_contract_finance_lease_platform_jsx_excerpt.txt');
    const lines = lease.split('\n');
    const model = parse(lease);
    const at = (start: string): Heading => model.headings.find((h) => h.line === lines.findIndex((l) => l.startsWith(start)))!;
    assert.equal(parentName(model, at('1.10中国法律')), at('1. 定义与解释').name);
    assert.equal(model.headings[at('5.2.3如租赁物').parent], at('5.2租赁物'));
    assert.equal(model.headings[at('6. 期末').parent]!.kind, 'title');
    // a quantity at a line's start, a number out of sequence and a unit stay text
    const text = '合同\n1. 定义\n1.1租赁物：指设备。\n1.5公里以内免费送达。\n3.2米的设备不予配送。\n1.2租金：指对价。\n1.3万元以下免收押金。\n2. 配送\n2.1公里以内免费。\n';
    assert.deepEqual(parse(text).headings.filter((h) => h.kind === 'decimal').map((h) => h.line), [2, 5]);
  });

  it('a contract’s recitals and definitions before 第一条 are kept; a law’s dated amendment history is not', () => {
    const model = parse(fixture('cn_contract_loan_platform_agreement_html_excerpt.txt'));
    assert.equal(count(model, 'num'), 9);
    assert.equal(parentName(model, named(model, '1.本金，指甲方出借给乙方的金额')), '定义');
    // `· 1）` / `· 2）`: a Word bullet, then a half-bracket item, under the article that introduces them
    assert.deepEqual(model.headings.filter((h) => h.kind === 'numHalf').map((h) => parentName(model, h)), ['第二条 借款发放方式', '第二条 借款发放方式']);
    const items = parse('一、付款\n双方约定：\n1）首付款于签约后支付。\n（1）现金。\n2) 尾款于验收后支付。\n3)\n共3)项\n');
    assert.deepEqual(items.headings.filter((h) => h.kind === 'numHalf').map((h) => h.marker), ['1）', '2)']);
    const law = parse('民法\n1.中華民國十八年制定公布總則編全文 152 條\n2.中華民國七十一年修正公布\n第 1 條\n民事，法律所未規定者，依習慣。\n');
    assert.equal(count(law, 'num'), 0);
  });

  it('a name in 【】 alone on its line is a label; a signature block closes the judgment’s sections', () => {
    const model = parse(fixture('cn_model_text_civil_ruling_reject_retrial_ebook_reader_scrape.txt'));
    assert.deepEqual(model.headings.filter((h) => h.kind === 'label').map((h) => h.name), ['本院经审查认为', '裁定如下', '【说明】', '【法律依据】']);
    assert.equal(parentName(model, named(model, '2.当事人的地位表述为“再审申请人(一、二审诉讼地位)”,由于本案一审、二审均为不予受理裁定,并无被告,申请再审阶段不列被申请人')), '【说明】');
    const ruling = parse(fixture('cn_model_text_2018_administrative_ruling_retrial_chinacourt_scrape.txt'));
    for (const h of ruling.headings.filter((x) => x.kind === 'cn')) assert.equal(ruling.headings[h.parent]!.kind, 'title', h.name);
    // page buttons in 【】 stay chrome
    assert.equal(count(parse('标题\n\n【打印】\n\n正文第一段。\n\n【关闭窗口】\n'), 'label'), 0);
    // a headline that opens a new chapter (下一篇章) is no e-paper link
    assert.equal(parse('开启发展的下一篇章\n\n正文第一段。\n').headings[0]!.name, '开启发展的下一篇章');
  });

  it('titles: a site’s name above its breadcrumb, and a newspaper’s jump line, are not the title; a table’s cell is no heading', () => {
    assert.equal(parse(fixture('cn_web_2023_lawyer_site_civil_ruling_retrial_article_scrape.txt')).headings[0]!.name, '民事裁定再审问题研究');
    assert.equal(parse(fixture('cn_newspaper_2022_chongqing_report_continued_epaper_scrape.txt')).headings.length, 0);
    assert.equal(parse(fixture('cn_plan_2021_shanghai_14th_fyp_main_indicators_table_scrape.txt')).headings.length, 1);
    // an e-paper page: its page line, the list of the page's headlines below 本版標題導航 and its date are not the title
    assert.equal(parse(fixture('mo_newspaper_2018_macao_daily_policy_address_notice_scrape.txt')).headings[0]!.line, 15);
  });

  it('a page that dropped the blanks: 第一章总则 / 第一条本协会… is a chapter and its articles; 第一条规定… stays a citation', () => {
    const model = parse(fixture('cn_charter_2021_futures_association_qa_page_scrape.txt'));
    assert.equal(count(model, 'article'), 7);
    assert.equal(parentName(model, model.headings.find((h) => h.kind === 'article' && h.ordinal === 6)!), '第二章 职责');
    assert.equal(count(parse('章程\n第一章 总则\n第一条规定的事项，由理事会决定。\n'), 'article'), 0);
  });

  it('a name right above the numbered list it heads is a sub-heading; a line of GBK read as Latin-1 is not the text’s start', () => {
    const form = parse(fixture('cn_court_form_2018_zunyi_intermediate_service_address_confirmation_html.txt'));
    const head = named(form, '人民法院对当事人填写送达地址确认书告知事项');
    assert.equal(form.headings.filter((h) => h.kind === 'num' && form.headings[h.parent] === head).length, 6);
    // the document's first line above a list is its title, and a sentence above a list is no heading
    assert.equal(parse('关于开展检查的通知\n1、检查范围。\n2、检查时间。\n').headings[0]?.kind, 'title');
    assert.equal(parse('分享\n\n关于开展检查的通知\n1、检查范围。\n2、检查时间。\n').headings[0]!.name, '关于开展检查的通知');
    assert.equal(count(parse('通知\n\n现将有关事项通知如下：\n1、检查范围。\n2、检查时间。\n'), 'subhead'), 0);
    assert.equal(parse(fixture('cn_court_summons_2018_zunyi_intermediate_civil_second_instance_html.txt')).headings[0]!.name, '遵义市中级人民法院');
  });

  it('definitions: numbered lists after 下列词语…含义如下 / 具有如下含义, 《title》 in quotes, a cue broken across lines, not 即视为', () => {
    const lease = fixture('cn_contract_finance_lease_platform_jsx_excerpt.txt');
    const lt = indexTerms(lease, parse(lease));
    assert.ok(lt.terms.find((t) => t.name === '租赁物')?.definitions.some((d) => d.kind === 'list'));
    assert.equal(lt.terms.find((t) => t.name === '中国法律')?.definitions.length, 1);
    assert.ok(!lt.terms.some((t) => t.name === '乙方签收后'), 'X，即视为… defines nothing');
    const rules = fixture('cn_company_rules_2025_science_press_disclosure_stockstar_scrape.txt');
    assert.equal(indexTerms(rules, parse(rules)).terms.find((t) => t.name === '公司')?.definitions[0]?.kind, 'abbreviation');
    const firm = fixture('cn_company_rules_2025_biyimicro_disclosure_stockstar_scrape.txt');
    assert.ok(indexTerms(firm, parse(firm)).terms.some((t) => t.name === '科创板上市规则'));
  });
});

describe('kinds: sixth pass (titles of 公文 scrapes and news pages)', () => {
  it('a notice that issues a document, its own title not scraped: the issued document’s title, where its structure follows', () => {
    const rules = parse(fixture('cn_rules_2024_lufeng_standing_meeting_notice_gov_site_scrape.txt'));
    assert.equal(rules.headings[0]!.kind, 'title');
    assert.equal(rules.headings[0]!.name, '禄丰市人民政府常务会议议事规则');
    // a salutation without a signed notice after it, or a title line that nothing structured follows: no title, as before
    assert.notEqual(parse('各区人民政府:\n现将有关事项通知如下。\n一、总体要求\n').headings[0]?.kind, 'title');
    assert.notEqual(parse('各部门:\n现予印发。\n某某市人民政府\n2024年1月2日\n某某办法\n为了规范管理，制定本办法。\n').headings[0]?.kind, 'title');
  });

  it('an issuer’s masthead is the title only where no other line is; a doc site’s 简介: line is chrome', () => {
    const notice = parse(fixture('cn_notice_2009_hunan_general_office_graduates_xiexiebang_scrape.txt'));
    assert.equal(notice.headings[0]!.name, '湖南省人民政府办公厅文件');
    assert.equal(parentName(notice, named(notice, '一、充分认识做好高校毕业生就业工作的重要性')), '第一篇 :湖南省人民政府办公厅文件');
    // the masthead above its number and the notice's own title: the notice's title, as before
    const full = parse('北京市人民政府文件\n京政发〔2025〕1号\n北京市人民政府关于做好某项工作的通知\n各区人民政府:\n一、总体要求\n');
    assert.equal(full.headings[0]!.name, '北京市人民政府关于做好某项工作的通知');
  });

  it('a wrapped line of a law’s amendment history that names a unit inside a chapter (第三章第九節…) is a citation, not a chapter', () => {
    const law = parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'citations', 'taiwan', 'election_recall_act.txt'), 'utf8'));
    const top = law.headings.filter((h) => h.kind !== 'title' && h.parent <= 0);
    assert.equal(top[0]!.name, '第 一 章 總則'); // the whole history (35 steps) is dropped, as in the other laws
    assert.equal(law.headings.filter((h) => h.kind === 'num' && h.line < top[0]!.line).length, 0);
    assert.equal(parse('第一章第二节规定的事项\n第一章 总则\n第一条 为了规范。\n').headings.filter((h) => h.kind === 'chapter').length, 1);
  });

  it('government sites: field tables and menus above the text, a title above its number, a notice without its signature', () => {
    const titles = new Map([
      ['cn_notice_2020_xuancheng_health_commission_meeting_gov_site_scrape.txt', '关于召开《健康宣城行动实施方案(代拟稿)》征求意见会的预通知'],
      ['cn_notice_2022_liupanshui_new_infrastructure_plan_gov_site_scrape.txt', '六盘水市新型基础设施建设三年行动方案(2022—2024年)'],
      ['cn_opinion_2023_state_council_inner_mongolia_repost_scrape.txt', '国务院关于推动内蒙古高质量发展'],
      ['hk_policy_address_2021_info_gov_hk_press_release_scrape.txt', '行政長官向立法會發表《行政長官2021年施政報告》發言全文(一)(附圖/短片)'],
    ]);
    for (const [file, name] of titles) assert.equal(parse(fixture(file)).headings[0]?.name, name, file);
    // an issuer's name above its document number is still skipped (the title comes after it)
    assert.equal(parse('国务院办公厅\n国办发〔2023〕1号\n国务院办公厅关于某事的通知\n各省:\n一、总体要求\n').headings[0]?.name, '国务院办公厅关于某事的通知');
  });

  it('a 公文’s 附件说明 (附件: and the attachments’ names above the date) is body text; the appendix after the date is the heading (its title below it)', () => {
    const notice = parse(fixture('cn_notice_2020_xuancheng_health_commission_meeting_gov_site_scrape.txt'));
    assert.deepEqual(notice.headings.filter((h) => h.kind !== 'title').map((h) => h.name), ['附件1']);
    // no date below the list: 附件: heads its items as before
    assert.equal(parse('某某办法\n附件:\n1.清单\n2.名单\n第一条 为了规范管理。\n').headings.filter((h) => h.kind === 'num').length, 2);
  });

  it('a list item inside a quotation opened on the line above is quoted text; a news byline is not the title', () => {
    const model = parse(fixture('cn_model_text_criminal_judgment_first_instance_public_prosecution_td2000_php.txt'));
    assert.deepEqual(model.headings.filter((h) => h.kind === 'ordinal').map((h) => h.marker), ['第一、', '第二、', '第三、']);
    assert.equal(model.headings.filter((h) => h.kind === 'cn').length, 0); // 二、被告人… continues “一、被告人…；
    // a closed quotation above: the next item is a heading again
    assert.equal(parse('某某方案\n“一、总体要求。”\n二、主要任务\n').headings.filter((h) => h.kind === 'cn').length, 1);
    assert.equal(parse(fixture('tw_news_2026_premier_written_policy_report_yahoo_scrape.txt')).headings[0]?.kind, undefined);
  });

  it('ninth pass: case-database party statements are labels; BBS, judgment-database and column chrome give way to the title', () => {
    const names = (file: string) => parse(fixture(file)).headings.filter((h) => h.kind !== 'title').map((h) => h.name);
    assert.deepEqual(names('cn_judgment_2006_shanghai_maritime_cargo_findlaw_case_database_scrape.txt'), ['审理经过', '原告诉称', '被告辩称', '本院查明']);
    const title = (text: string) => parse(text).headings[0]?.kind === 'title' ? parse(text).headings[0]!.name : undefined;
    assert.equal(title(fixture('cn_judgment_2004_guangzhou_maritime_ship_mortgage_loan_bbs_post_scrape.txt')), '海商法裁判文书');
    assert.equal(title('某某在线\n\n发信人: someone (某人), 信区: Law\n标  题: 转载\n发信站: 某某BBS站 (Sun Mar  6 2005)\n\n某某公司年度工作总结\n一、主要成绩\n今年完成了各项任务。\n'), '某某公司年度工作总结');
    assert.equal(title(fixture('tw_judgment_2025_hualien_high_court_construction_appeal_fjud_scrape.txt')), '臺灣高等法院花蓮分院民事判決');
    assert.ok(title(fixture('cn_speech_2016_jiexiu_party_secretary_cadre_meeting_wmjy_scrape.txt'))?.startsWith('市委书记就职演说'));
    // a breadcrumb that ends in the page's own title is followed by that title, which stays the title
    assert.equal(title(fixture('cn_contract_1996_decoration_model_text_web_page2.txt')), '建筑装饰工程施工合同(甲种本)(示范文本)');
    // a short line that is not the breadcrumb's last step is still a title
    assert.equal(title('首页 > 新闻 > 要闻\n\n工作总结\n\n今年以来，我们做了大量工作。\n'), '工作总结');
  });

  it('ninth pass: （以下简称"X"） in ASCII quotes (a scrape that lost the curly ones) defines X; the judgments’ 以下简称 terms', () => {
    const bbs = fixture('cn_judgment_2004_guangzhou_maritime_ship_mortgage_loan_bbs_post_scrape.txt');
    const terms = indexTerms(bbs, parse(bbs));
    const term = terms.terms.find((t) => t.name === '顺华隆公司');
    assert.equal(term?.definitions[0]?.text, '深圳市顺华隆船务有限公司');
    assert.ok(term!.uses.length >= 3, 'its later uses are found');
    // an unclosed ASCII quote defines nothing
    const open = '被告某某公司(以下简称"某某公司)应当付款。\n';
    assert.equal(indexTerms(open, parse(open)).terms.filter((t) => t.definitions.length > 0).length, 0);
    // a charter's 本章程所称X包括… (no comma) defines X; 所称X包括： (a colon) no longer keeps 包括 in the term
    const charter = fixture('cn_charter_company_model_listed_toc_xzczqbw_scrape.txt');
    const ct = indexTerms(charter, parse(charter));
    assert.equal(ct.terms.find((t) => t.name === '其他高级管理人员')?.definitions[0]?.kind, 'meaning');
    const colon = '第二十七条 本办法所称军用通信线路包括：\n（一）架空线路；\n（二）地下线路。\n';
    assert.deepEqual(indexTerms(colon, parse(colon)).terms.filter((t) => t.definitions.length > 0).map((t) => t.name), ['军用通信线路']);
    const ruling = fixture('cn_ruling_2021_supreme_court_enforcement_supervision_cbi360_scrape.txt');
    const defined = indexTerms(ruling, parse(ruling)).terms.filter((t) => t.definitions.length > 0).map((t) => t.name);
    assert.deepEqual(defined, ['湖南高院', '恒宇公司', '涌鑫公司', '长沙中院']);
  });

  it('ninth pass: a compilation’s numbered 目录 entry (1.高新区…工作总结 3) makes its unnumbered title in the body a heading', () => {
    const page = parse(fixture('cn_work_summary_2022_compilation_with_toc_sucai198_scrape.txt'));
    assert.deepEqual(page.headings.filter((h) => h.kind !== 'title').map((h) => h.name), ['高新区2022年工作总结和2023年工作计划']);
    const inline = '某某工作总结汇编\n目录\n1.甲单位年度工作总结 3\n2.乙单位年度工作总结 8\n3.丙单位年度工作总结 12\n甲单位年度工作总结\n今年以来，甲单位完成了各项任务，取得了明显成效。\n乙单位年度工作总结\n今年以来，乙单位稳步推进各项工作。\n';
    assert.deepEqual(parse(inline).headings.filter((h) => h.kind !== 'title').map((h) => h.name), ['甲单位年度工作总结', '乙单位年度工作总结']);
    // the same words inside a paragraph are no heading
    assert.equal(parse('某某工作总结汇编\n目录\n1.甲单位年度工作总结 3\n2.乙单位年度工作总结 8\n3.丙单位年度工作总结 12\n正文提到甲单位年度工作总结的情况。\n').headings.filter((h) => h.kind !== 'title').length, 0);
  });

  it('ninth pass: a document site’s pages numbered 1、 2、 3、 (long lines cut mid-sentence) are not the document’s items', () => {
    const chunks = parse(fixture('cn_charter_company_model_doc_site_numbered_chunks_zixin_scrape.txt'));
    assert.equal(chunks.headings.filter((h) => h.kind !== 'title').length, 0);
    const long = '甲'.repeat(220);
    // items that end their sentences stay items, however long
    const items = parse(`某某方案\n1、${long}。\n2、${long}。\n`);
    assert.equal(items.headings.filter((h) => h.kind === 'num').length, 2);
    // pages cut mid-sentence, the last one short
    const pages = parse(`某某汇编\n1、${long}，\n2、${long}的\n3、规定。\n`);
    assert.equal(pages.headings.filter((h) => h.kind === 'num').length, 0);
  });

  it('ninth pass: a page’s 目录 of chapters with the title shown above them, cut where 第一章 comes round again', () => {
    const page = parse(fixture('cn_charter_company_model_listed_toc_xzczqbw_scrape.txt'));
    assert.equal(page.headings[0]!.name, '公司章程范本标准版(有限公司章程制作范本)');
    assert.deepEqual(page.headings.filter((h) => h.kind === 'chapter').map((h) => h.line + 1), [39]);
    assert.equal(page.toc?.entries.length, 17);
    const inline = parse('目录\n\n某协会章程\n\n第一章 总则\n\n第二章 会员\n\n第三章 附则\n\n第一章 总则\n\n第一条 本会名称为某协会。\n');
    assert.equal(inline.headings[0]!.name, '某协会章程');
    assert.deepEqual(inline.headings.filter((h) => h.kind !== 'title').map((h) => `${h.line + 1} ${h.name}`), ['11 第一章 总则', '13 第一条']);
    const first = inline.toc!.entries[0]!;
    assert.equal(inline.headings[first.target]!.line + 1, 11, 'the entry goes to the chapter in the body');
  });

  it('ninth pass: a case’s name above a case digest’s sections (【裁判要旨】, 01、案号) heads them', () => {
    const digest = parse(fixture('cn_case_digest_2017_remote_software_patent_typical_case_dooland_scrape.txt'));
    const name = digest.headings.find((h) => h.name === '“远程软件服务系统”发明专利侵权纠纷案')!;
    assert.ok(name, 'the case’s name is a heading');
    assert.deepEqual(digest.headings.filter((h) => h.kind === 'label').map((h) => digest.headings[h.parent]!.name), [name.name, name.name]);
    const numbered = parse(fixture('cn_case_digest_2022_microwave_patent_supreme_court_iprdaily_scrape.txt'));
    assert.deepEqual(numbered.headings.filter((h) => h.kind === 'num').map((h) => numbered.headings[h.parent]!.name), ['“微波炉”发明专利侵权案', '“微波炉”发明专利侵权案']);
    const inline = (text: string) => parse(text).headings.filter((h) => h.kind === 'subhead').map((h) => h.name);
    assert.deepEqual(inline('典型案例\n\n甲公司诉乙公司买卖合同纠纷案\n\n一审案号:(2020)京01民初1号\n\n【基本案情】\n\n甲公司向乙公司购买货物。\n'), ['甲公司诉乙公司买卖合同纠纷案']);
    // a case’s name followed by its text, and a plan above a note, head nothing
    assert.deepEqual(inline('典型案例\n\n甲公司诉乙公司买卖合同纠纷案\n\n甲公司向乙公司购买货物。\n'), []);
    assert.deepEqual(inline('通知\n\n某某区实施方案\n\n【说明】\n\n本方案自发布之日起施行。\n'), []);
  });

  it('ninth pass: a chapter glued to its first article on one line ends its name there; the articles after it continue', () => {
    const model = parse(fixture('cn_charter_association_model_glued_chapters_360docs_scrape.txt'));
    assert.deepEqual(model.headings.filter((h) => h.kind === 'chapter').map((h) => h.name), ['第二章 组织结构', '第三章 会员管理']);
    assert.deepEqual(model.headings.filter((h) => h.kind === 'article').map((h) => h.marker), ['第四条', '第五条', '第六条', '第八条', '第九条']);
    const inline = parse('某会章程\n第一章：总则第一条本会名称为某某协会。\n第二条本会是非营利性社会组织。\n第二章：会员第三条本会设会员。\n');
    assert.deepEqual(inline.headings.filter((h) => h.kind === 'chapter').map((h) => h.name), ['第一章 总则', '第二章 会员']);
    assert.deepEqual(inline.headings.filter((h) => h.kind === 'article').map((h) => h.marker), ['第二条']);
    // a chapter whose line goes on as a sentence citing an article is no heading
    assert.equal(parse('某办法\n第二章第三条规定的程序，由理事会另定。\n').headings.filter((h) => h.kind === 'chapter').length, 0);
  });

  it('a site’s bulleted menus, however long, are not the title and do not use up the lines searched for it', () => {
    const page = parse(fixture('mo_newspaper_2016_five_year_plan_feature_cyberctm_scrape.txt'));
    assert.equal(page.headings[0]!.kind, 'title');
    assert.equal(page.headings[0]!.name, '五年規劃指引未來');
  });
});

// the seventh pass's false headings and titles right, as measured at the last change (see the assertion below)
const SEVENTH_FALSE = 1;
const SEVENTH_TITLES = 16;
/** The eighth pass's first document and how many it has (the passes' sections may stand in either order). */
const EIGHTH_FIRST = 'cn_reply_2004_state_council_office_badong_geohazard_govcn_crawl.txt';
const EIGHTH_COUNT = 33;
/** The ninth pass's first labelled document, and how many it labelled (in three batches, one after the other). */
const NINTH_FIRST = 'cn_judgment_2004_guangzhou_maritime_ship_mortgage_loan_bbs_post_scrape.txt';
const NINTH_COUNT = 30;
/** The tenth pass's first labelled document, and how many it labelled (one batch). */
const TENTH_FIRST = 'cn_notice_2017_yuncheng_emergency_plan_task_breakdown_pkulaw_scrape.txt';
const TENTH_COUNT = 12;
// the tenth pass's false headings, labelled lines found, right parents and titles, as measured at the last change
const TENTH_FALSE = 1;
const TENTH_FOUND = 68;
const TENTH_PARENTS = 65;
const TENTH_TITLES = 12;

describe('kinds: eighth pass (公文 with 附件, compilations of contracts, filings, plans)', () => {
  it('a 附件说明 with the first name on its line is body text; the appendix after the date is a heading', () => {
    const model = parse('国务院办公厅关于某某问题的复函\n\n湖北省人民政府：\n你省请示收悉。现函复如下。\n\n附件：1.某某部关于某某情况的报告\n2.某某专家组意见\n国务院办公厅\n二〇〇四年十一月四日\n\n附件1\n\n某某部关于某某情况的报告\n\n一、基本情况\n正文。\n');
    assert.deepEqual(outline(model), ['国务院办公厅关于某某问题的复函', '  附件1', '    一、基本情况']);
  });

  it('a compilation’s copies (某某合同1 / 某某合同2, 篇1) hold their contracts, 第一条 and its glued 1.1 clauses too', () => {
    const model = parse('购销合同\n\n购销合同1\n\n甲方：\n第一条产品名称\n1.1产品为钢材。\n1.2数量另定。\n第二条价款\n2.1价款另定。\n\n购销合同2\n\n一、产品\n1、钢材。\n');
    assert.deepEqual(outline(model), ['购销合同', '  购销合同1', '    第一条 产品名称', '      1.1 产品为钢材', '      1.2 数量另定', '    第二条 价款', '      2.1 价款另定', '  购销合同2', '    一、产品', '      1、钢材']);
    // one copy alone counts where the page's headline names it, and not a range of numbered lines in prose
    assert.equal(count(parse('关于商业契约范文集合\n\n关于商业契约范文集合 篇1\n\n一. 制作内容:\n正文。\n'), 'label'), 1);
    assert.equal(count(parse('某某报告\n\n正文一段话写在这里。\n增长率达到了百分之1\n正文。\n'), 'label'), 0);
  });

  it('第一條:根據… (a colon after the number) heads an article; a citation at a line start does not', () => {
    const model = parse('购买协议书\n甲方:\n第一條:根據甲方的需求量，乙方每月供應。\n第二條:訂購的單價另定。\n');
    assert.equal(count(model, 'article'), 2);
    assert.equal(count(parse('某某办法\n依照本法\n第一条规定的程序办理。\n'), 'article'), 0);
  });

  it('a filing’s notes numbered `1 本…` with one blank are items in a run; a wrapped quantity is not', () => {
    const model = parse('某某股份有限公司2023年年度报告摘要\n第一节 重要提示\n1 本年度报告摘要来自年度报告全文。\n2 本公司董事会保证内容真实。\n3 未出席董事情况\n');
    assert.equal(count(model, 'num'), 3);
    assert.equal(count(parse('某某报告\n正文说明产能达到\n3 万吨，比上年增加。\n4 月份投产。\n'), 'num'), 0);
  });

  it('一般原則: above 1. 2. heads the list; 具体要求如下： does not', () => {
    const model = parse('函之製作要領\n\n一般原則:\n\n1.文字敘述應明白曉暢。\n\n2.文句應正確使用標點符號。\n');
    assert.equal(parentName(model, named(model, '1.文字敘述應明白曉暢')), '一般原則:');
    const lead = parse('某某通知\n\n具体要求如下：\n\n1.按时报送。\n\n2.注明联系人。\n');
    assert.equal(count(lead, 'subhead'), 0);
  });
});

describe('kinds: tenth pass (new sites: law databases, compilations, judgments run together)', () => {
  it('a short line that is a paragraph of its own above （一） is no wrapped sentence the marker goes on', () => {
    const model = parse('某某通知\n\n现将有关任务分解如下。\n“十三五”应急体系9个具体建设任务\n（一）“一案三制”建设\n1.完善应急预案体系\n（二）其他建设\n');
    assert.equal(count(model, 'cnParen'), 2);
    assert.equal(parentName(model, named(model, '1.完善应急预案体系')), '（一）“一案三制”建设');
    // a wide line that breaks off still goes on into the marker below it
    assert.equal(count(parse('某某判决\n\n经审理查明，被告在合同履行期间未按约定支付货款，双方\n三、（一）第10行所列货款另行结算。\n'), 'cnParen'), 0);
  });

  it('a database record’s 【name】 fields (a blank, a code or a short value after the name) are never the title', () => {
    assert.equal(parse('【法宝引证码】CLI.1.304262\n【时效性】尚未施行\n某某市人民政府关于某某的通知\n正文。\n').headings[0]!.name, '某某市人民政府关于某某的通知');
    assert.equal(parse('【期刊名称】 《某某学报》\n论某某问题\n【作者】 张三\n正文。\n').headings[0]!.name, '论某某问题');
  });

  it('a 目次 of entries numbered alike that the text ends before reaching is a table of contents', () => {
    const model = parse('论某某问题\n\n目次\n\n一、甲问题的界定\n\n二、乙问题的基础\n\n三、丙问题的识别\n\n上诉，是当事人对一审判决申明不服的诉讼行为，需要具备以下条件。\n');
    assert.equal(count(model, 'cn'), 0);
    assert.equal(model.toc?.entries.length, 3);
  });

  it('第一篇:某某章程 naming the page’s title above the chapters holds none of them', () => {
    const model = parse('某某研究院章程\n\n第一篇:某某研究院章程\n\n第一章总则\n\n第一条 本中心名称。\n\n第二章性质\n\n第二条 本中心性质。\n');
    assert.equal(count(model, 'part'), 0);
    assert.equal(parentName(model, named(model, '第二章 性质')), '某某研究院章程');
  });

  it('a breadcrumb joined by blanks above the page title it ends in is not the title; a spaced title is', () => {
    assert.equal(parse('某某网 资料文库 某某市教育意见范文\n\n某某市教育意见范文\n\n一、指导思想\n正文。\n').headings[0]!.name, '某某市教育意见范文');
    assert.equal(parse('政 府 工 作 报 告\n\n各位代表：\n现在作报告。\n').headings[0]!.kind, 'title');
  });

  it('a judgment’s head line run on into its parties is the title; 主 文 glued to its text heads the orders', () => {
    const model = parse('臺灣某某地方法院民事判決 107年度訴字第1號原 告 甲訴訟代理人 乙上列當事人間請求給付價金事件,本院判決如下:\n主 文原告之訴駁回。\n訴訟費用由原告負擔。\n事實及理由\n一、原告主張:某某事實。\n');
    assert.deepEqual(outline(model), ['臺灣某某地方法院民事判決', '  主文', '  事實及理由', '    一、原告主張:某某事實']);
    // prose that opens with 主文 unspaced is no label
    assert.equal(count(parse('某某判決\n\n主文第二項所命給付部分廢棄。\n'), 'label'), 0);
  });
});

describe('kinds: unnumbered sub-headings a page has one or two of (issue 9)', () => {
  const para = '过去一年的工作取得了明显成效，各项指标全面完成，人民群众的获得感不断增强。';
  it('one or two short lines, each between two paragraphs of prose, are the page’s sub-headings', () => {
    const found = (file: string, name: string): Heading => {
      const h = parse(fixture(file)).headings.find((x) => x.name === name);
      assert.ok(h?.kind === 'subhead', `${file}: ${name}`);
      return h;
    };
    found('cn_work_report_2021_chaozhou_government_123yiche_scrape.txt', '“十三五”时期的工作回顾');
    found('mo_policy_2019_fiscal_year_report_closing_remarks_gov_mo_scrape.txt', '堅守“一國”,從未偏廢');
    found('mo_newspaper_2016_five_year_plan_feature_cyberctm_scrape.txt', '廣聽民意凝聚民智');
    found('mo_newspaper_2018_macao_daily_policy_address_notice_scrape.txt', '澳廣視網站直播');
    found('mo_newspaper_2018_macao_daily_policy_address_notice_scrape.txt', '文本小冊子備索');
    // the 1983 work report's part 今后五年的主要任务 holds its numbered sections (一) … (五)
    const report = parse(readCorpus('cn_gwr_1983_national_government_work_report.txt'));
    assert.equal(parentName(report, named(report, '（五）关于外交工作')), '今后五年的主要任务');
    assert.equal(count(parse(`报告\n\n${para}\n\n主要工作\n\n${para}\n`), 'subhead'), 1);
  });

  it('signatures, attachment titles, table names, cut sentences, banners and verse stay text', () => {
    const none = (text: string, why: string): void => assert.equal(count(parse(text), 'subhead'), 0, why);
    none(`通知\n\n${para}\n\n上海市规划和自然资源局\n\n2026年4月27日\n\n2026年上海量子城市空间智能建设工作要点\n\n${para}\n`, 'a signature and its date');
    none(`通知\n\n${para}\n\n附件1\n\n参会单位名单\n\n市委宣传部、市委政法委、市委网信办、市老龄办，各派一名负责同志参加。\n`, 'an attachment’s title');
    none(`报告\n\n${para}\n\n公司股票简况\n\n股票种类  股票上市交易所  股票简称，股票代码\n`, 'a table’s name above its cells');
    none(`会议纪要\n\n${para}\n\n总之，要把握机遇\n\n${para}\n`, 'a sentence cut at its comma');
    none(`新闻\n\n${para}\n\n廣告 廣告\n\n${para}\n`, 'a banner');
    none(`判决\n\n${para}\n\n野生動物保育法第24條\n\n${para}\n`, 'a quoted article’s name');
    none(`诗选\n\n${para}\n\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n\n${para}\n`, 'verse');
    none(`通知\n\n${para}\n\n特此通知\n\n某某市人民政府\n2026年1月5日\n`, 'a closing formula above the signature');
    none(`对话\n\n甲说：“我来了，路上很顺利，没有耽搁什么时间。”\n好的\n乙说：“那我们开始吧，今天的议程比较多，请大家抓紧。”\n`, 'a reply');
    // one line in prose is not enough when the page has another candidate that stands elsewhere (below a caption)
    none(`报告\n\n${para}\n\n主要工作\n\n${para}\n\n表1\n\n各项指标完成情况\n\n${para}\n`, 'a candidate out of prose');
  });
});

describe('kinds: issue 9 (title and parent misses across the held-out set)', () => {
  it('a law-kind text’s name above its 第一章, after the page’s prose, holds the chapters', () => {
    // real lines: a compilation page (有限公司章程范本【精選10篇】, its blurb, 有限公司章程范本1) and a Q&A page
    const copy = parse('有限公司章程范本【精選10篇】\n下面是小編收集整理的有限公司章程范本,供大家參考借鑒。\n有限公司章程范本1\n第一章 總則\n第一條 公司宗旨:通過有限責任公司組織形式。\n第二章 注冊資本\n第七條 公司註冊資本。\n');
    assert.equal(parentName(copy, named(copy, '第二章 注冊資本')), '有限公司章程范本1');
    const qa = parse('期货业协会权力机构有哪些\n中国期货业协会的权力机构为全体会员组成的会员大会。\n中国期货业协会网站的组织章程\n\n第一章总则\n第一条本协会的名称为中国期货业协会。\n第二章职责\n第六条协会履行下列职责。\n');
    assert.equal(parentName(qa, named(qa, '第二章 职责')), '中国期货业协会网站的组织章程');
    // a notice that issues the text names it in 《》: it is the document's own name, no heading; so is a name under a title block only
    const notice = parse('各乡镇人民政府:\n《某某市人民政府常务会议议事规则》已经市人民政府常务会议审议通过,现印发给你们。\n某某市人民政府常务会议议事规则\n第一章 总 则\n第一条 为规范议事。\n');
    assert.equal(count(notice, 'label'), 0);
    assert.equal(count(parse('天津大学章程\n\n天津大学章程(共8篇)\n\n天津大学章程 篇1\n\n第一章 总则\n第一条 学校名称。\n'), 'label'), 0);
    // a name that is no law-kind text's stays out
    assert.equal(count(parse('某某报告\n正文说明如下。\n某某公司简介\n第一章 概况\n第一条 公司概况。\n'), 'label'), 0);
  });

  it('a compilation’s copy numbered in brackets without 篇 (作开幕式领导讲话致辞(1)) is a copy as 篇1 is', () => {
    // real lines: the page's headline names the copy, a blurb between
    const page = parse('作开幕式领导讲话致辞5篇\n\n开幕词通常要阐明会议或活动的性质、宗旨、任务。\n\n作开幕式领导讲话致辞(1)\n\n尊敬的各位领导:大家晚上好!\n');
    assert.deepEqual(outline(page), ['作开幕式领导讲话致辞5篇', '  作开幕式领导讲话致辞(1)']);
    // a run in order counts without a headline; a lone one the headline does not name, or one out of order, does not
    assert.equal(count(parse('某某汇编\n\n购销合同(1)\n甲方:\n\n购销合同(2)\n乙方:\n'), 'label'), 2);
    assert.equal(count(parse('某某报告\n\n正文一段话写在这里。\n某某工作要点(1)\n正文。\n'), 'label'), 0);
    assert.equal(count(parse('协会章程\n协会章程(3)\n正文。\n'), 'label'), 0);
  });
});

describe('kinds: documents held out from tuning, against labels written by reading them', () => {
  it('precision, recall, parent and title over the labelled headings', () => {
    let predicted = 0;
    let labelled = 0;
    let matched = 0;
    let parents = 0;
    const docs = readLabels(fixture('heldout-labels.txt'));
    // the ninth pass's documents start at its first file (other passes' documents may stand before or after them)
    const ninthFrom = docs.findIndex((d) => d.file === NINTH_FIRST);
    assert.ok(ninthFrom >= 106 && docs.length >= ninthFrom + NINTH_COUNT, `${docs.length} documents, the ninth pass from ${ninthFrom}`);
    const eighthFrom = docs.findIndex((d) => d.file === EIGHTH_FIRST);
    assert.ok(eighthFrom >= 106 && docs.length >= eighthFrom + EIGHTH_COUNT, `${docs.length} documents, the eighth pass from ${eighthFrom}`);
    const tenthFrom = docs.findIndex((d) => d.file === TENTH_FIRST);
    assert.ok(tenthFrom >= 169 && docs.length >= tenthFrom + TENTH_COUNT, `${docs.length} documents, the tenth pass from ${tenthFrom}`);
    // the first 25 documents (earlier passes) keep their own parent floor; the fifth pass's 15 (from 44 on) their own
    let earlierMatched = 0;
    let earlierParents = 0;
    let found = 0;
    const pass = () => ({ predicted: 0, matched: 0, found: 0, labelled: 0, parents: 0, titles: 0 });
    /** One document's score added to a pass's totals. */
    const add = (to: ReturnType<typeof pass>, score: ReturnType<typeof scoreOutline>, labels: number): void => {
      to.predicted += score.predicted;
      to.matched += score.matched;
      to.found += score.found;
      to.labelled += labels;
      to.parents += score.parents;
      if (score.titleOk) to.titles++;
    };
    const fifth = pass();
    const before44 = { matched: 0, found: 0, labelled: 0, parents: 0 };
    const sixth = pass();
    const seventh = pass();
    const ninth = pass();
    let before88Titles = 0;
    const eighth = pass();
    const tenth = pass();
    for (const [n, doc] of docs.entries()) {
      const text = fixture(doc.file);
      const score = scoreOutline(doc, parse(text), text.split('\n'));
      // (the tenth pass has floors of its own; the overall floors below stay those of the 169 documents before it)
      if (n >= tenthFrom && n < tenthFrom + TENTH_COUNT) {
        add(tenth, score, doc.headings.size);
        continue;
      }
      labelled += doc.headings.size;
      predicted += score.predicted;
      matched += score.matched;
      parents += score.parents;
      found += score.found;
      if (n < 25) {
        earlierMatched += score.matched;
        earlierParents += score.parents;
      }
      if (n < 44) {
        before44.found += score.found;
        before44.labelled += doc.headings.size;
        before44.parents += score.parents;
        before44.matched += score.matched;
      }
      if (n < 88 && score.titleOk) before88Titles++;
      if (n >= ninthFrom && n < ninthFrom + NINTH_COUNT) add(ninth, score, doc.headings.size);
      if (n >= eighthFrom && n < eighthFrom + EIGHTH_COUNT) add(eighth, score, doc.headings.size);
      if (n >= 88 && n < 106) add(seventh, score, doc.headings.size);
      if (n >= 69 && n < 88) add(sixth, score, doc.headings.size);
      if (n >= 44 && n < 69) add(fifth, score, doc.headings.size);
    }
    // measured 2026-12-03: precision 1.000, recall 1.000, parent 0.840 (speeches nest sub-topics the plain text
    // does not mark), titles 5/5; with the two charters (labelled before their first run): precision 1.000, recall
    // 0.994 (the QSB charter's 第点三十九条 and two items behind a Markdown `>`), parent 0.897 (442/493), titles 7/7 —
    // these floors keep them from sliding back; third pass (four more documents, labelled before their first run,
    // scripts/score-outline.mjs): precision 1.000, recall 0.998 (the charter's 第点三十九条), parent 0.931 (482/518:
    // HK 2017's three levels of sub-topics that only the PDF's type tells apart), titles 11/11; with fourteen more real
    // documents (labelled before their run): 25 documents, recall 0.994, parent 0.932 (504/541), titles 25/25
    // fourth pass (19 more documents, labelled before their first run; recall counts labelled lines found, 本院认为，…
    // 判决如下： being two headings on one line): 44 documents, precision 1.000, recall 0.993, parent 0.863 — the Budget
    // 2018 speech's 117 sub-headings in three or four levels that the plain text does not tell apart (parent 0.51 there)
    // — and the earlier 25 still at 0.932; titles 44/44. Fifth pass (25 documents in five batches, each labelled
    // before its first run: 0.981 / 0.525 / 0.868 / 13 of 15 titles, then 1.000 / 0.885 / 0.739 / 4 of 5, then no
    // heading found / 0 of 2 titles, then 1.000 / 0.500 / 0.778 / 2 of 2, then 1.000 / 1.000 / 1.000 / 0 of 1):
    // 145/145 predicted, 144 of 153 labelled lines found (the loan contract's two `· 1）` items, the speech's lone
    // 第一，, two rows of a court form, a news page's two sub-headings, a Q&A page's two questions), parents 139 (the
    // e-book page's labels beside its `9.` model text, the Q&A page's chapters under the question they answer), titles
    // 25/25; all 69: precision 1.000, recall 0.985, parent 0.878 (794/904), the first 44 unchanged
    // sixth pass, 19 documents in three batches, each labelled before its first run (nine: 1.000 / 0.968 / 1.000 / 6
    // of 9 titles; seven: 0.893 / 0.962 / 1.000 / 3 of 7; three: 0.833 / 1.000 / 1.000 / 2 of 3): 60/60 predicted, 59
    // of 61 labelled lines found (a Macau feature's one unnumbered sub-heading, a paragraph number behind a news tag
    // 【Now新聞台】273.), parents 60, titles 19/19; since issue 9's sub-headings in prose the Macau feature's is found
    assert.ok(sixth.matched === sixth.predicted && sixth.found >= 60 && sixth.parents >= 61, `sixth pass: ${sixth.matched}/${sixth.predicted} predicted, found ${sixth.found}/${sixth.labelled}, parents ${sixth.parents}`);
    assert.ok(fifth.matched / fifth.predicted >= 0.99, `precision (fifth pass) ${fifth.matched}/${fifth.predicted}`);
    assert.ok(fifth.found / fifth.labelled >= 0.96, `recall (fifth pass) ${fifth.found}/${fifth.labelled}`);
    assert.ok(fifth.parents / fifth.matched >= 0.97, `parent (fifth pass) ${fifth.parents}/${fifth.matched}`);
    assert.ok(matched / predicted >= 0.99, `precision ${matched}/${predicted}`);
    // (issue 9's sub-headings in prose: 0.977; 0.980 over the first 106 documents, unchanged; the ninth pass's and the eighth pass's misses — damaged numbers 1 1詞語定義 / 2;严重违反…,
    // a cut clause 2.1, unnumbered titles and sub-headings a page has one or two of — bring all 169 to 0.975, the
    // earlier passes pinned by their own floors below)
    assert.ok(found / labelled >= 0.977, `recall ${found}/${labelled}`);
    // the 44 documents before the fifth pass, exactly as they were: 756 of 761 labelled lines found, parents 655 (757
    // and 656 since issue 9's sub-headings in prose: the Macau closing remarks' 堅守“一國”,從未偏廢)
    assert.ok(before44.found >= 757 && before44.parents >= 656, `the first 44: found ${before44.found}/${before44.labelled}, parents ${before44.parents}/${before44.matched}`);
    assert.ok(earlierParents / earlierMatched >= 0.925, `parent (earlier documents) ${earlierParents}/${earlierMatched}`);
    assert.ok(parents / matched >= 0.85, `parent ${parents}/${matched}`);
    // seventh pass, 13 + 5 web scrapes labelled before their first run (county and district work reports, speeches, a
    // charter, a university report, a book section): first run 16/17 predicted, 16 of 28 found, parents 16, 8 of 13 titles; after the glued-article and chrome rules
    // 27/28, 27 of 28 (a lone run-in 第一， cut before 第二), parents 27, 12 of 13 (a book page whose title is its 第四节);
    // second batch (5 pages): first run 10/10, 10 of 15 found, parents 7, 3 of 5 titles; after 专栏: is chrome 4 of 5
    // (a site's ad 易贤网网校上线了! above the title; missed: a news page's ■关于中国外交 and its one sub-heading, a
    // guide's 一述职报告的含义 with no 、 and its two unnumbered sub-headings, so its 1. 2. 3. sit at the top)
    assert.ok(seventh.predicted - seventh.matched <= SEVENTH_FALSE && seventh.found >= 37 && seventh.parents >= 34, `seventh pass: ${seventh.matched}/${seventh.predicted} predicted, found ${seventh.found}/${seventh.labelled}, parents ${seventh.parents}`);
    assert.ok(seventh.titles >= SEVENTH_TITLES, `seventh pass titles ${seventh.titles}/18`);
    assert.equal(before88Titles, 88, 'the 88 earlier documents keep their titles');
    // ninth pass, 17 + 7 + 6 documents labelled before their first run (judgments and rulings: maritime,
    // enforcement, IP, Taiwan civil; case digests; speeches, opening and closing addresses; Hong Kong and Macau policy
    // addresses; association and company charters; work summaries): first batch's first run 24/24 predicted, 24 of 36
    // found, parents 24, 14 of 17 titles; after the party-statement labels, the BBS / judgment-database / column title
    // rules, the glued chapter + article rule and the numbered-目录 piece rule 34/34, 34 of 36 (the charter line that
    // glues its title, first chapter and first article, and the 第二条 after it), parents 34, 17/17. Second batch's
    // first run 50/70 (a listed 目录's 17 chapters, a document site's page numbers 1、2、3、), 50 of 52, parents 43, 6
    // of 7 titles; after the page-chunk and listed-目录 rules 50/50, 50 of 52 (two compilations' copy titles
    // 有限公司章程范本1: the numbered-copies rule of the eighth pass's branch), parents 43, 7/7. Third batch's first
    // run 4/4, 4 of 8, parents 0, 5 of 6 titles; after the case-name rule 6/6, 6 of 8 (a digest's category line
    // 专利权民事案件, a compilation's copy title 作开幕式领导讲话致辞(1)), parents 5, 5 of 6 (a site's login box and
    // run-together menu above the headline); after the text-name rule (issue 9: a law-kind text's name above its
    // 第一章, after the page's prose, holds the chapters) the two copy titles are found: 92 of 94, parents 91; after
    // copies numbered (1) without 篇, 作开幕式领导讲话致辞(1) too: 93 of 94, parents 92
    assert.ok(ninth.matched === ninth.predicted && ninth.found >= 93 && ninth.parents >= 92, `ninth pass: ${ninth.matched}/${ninth.predicted} predicted, found ${ninth.found}/${ninth.labelled}, parents ${ninth.parents}`);
    assert.ok(ninth.titles >= 29, `ninth pass titles ${ninth.titles}/30`);
    // eighth pass (plans, annual reports and filings, contracts, 公文), 14 + 7 + 9 + 3 documents labelled before their
    // first run: first runs 185/190 predicted, 185 of 191 found, parents 181, 12 of 14 titles; then 41/41, 41 of 65,
    // parents 29, 6 of 7; then 17/17, 17 of 29, parents 4, 3 of 9; then 33/34, 33 of 35, parents 27, 1 of 3. After the
    // rules (附件说明 with a name on its line, compilation copies, a 目录 entry cut after its leaders, front matter above a
    // marker, 第一條:, glued article titles and their 1.1 clauses, a listing row above the title, chrome, a filing's
    // codes below its page title, `1 本…` notes in a run, 一般原則: above a list, III. above 3.1, 第一篇: opening a page):
    // 310/310, 310 of 320 found, parents 307, titles 30 of 33 (see NOTES.md)
    assert.ok(eighth.matched === eighth.predicted && eighth.found >= 310 && eighth.parents >= 307, `eighth pass: ${eighth.matched}/${eighth.predicted} predicted, found ${eighth.found}/${eighth.labelled}, parents ${eighth.parents}`);
    assert.ok(eighth.titles >= 30, `eighth pass titles ${eighth.titles}/33`);
    // tenth pass, 12 documents from 12 sites no pass had used, labelled before their first run (plans, an opinion and a
    // decision, a work report, a speech, Taiwan civil judgments, a charter compilation, contracts, a journal article's
    // record page with 目次): first run 65/73 predicted, 65 of 71 found, parents 58, 8 of 12 titles (see NOTES.md)
    assert.ok(tenth.predicted - tenth.matched <= TENTH_FALSE && tenth.found >= TENTH_FOUND && tenth.parents >= TENTH_PARENTS, `tenth pass: ${tenth.matched}/${tenth.predicted} predicted, found ${tenth.found}/${tenth.labelled}, parents ${tenth.parents}`);
    assert.ok(tenth.titles >= TENTH_TITLES, `tenth pass titles ${tenth.titles}/${TENTH_COUNT}`);
  });
});
