/**
 * Key terms in the analysis core: every definition pattern on inline documents (simplified and traditional, cursor
 * marked with ‸), one key per term across scripts, glosses and widths, numbered formulas, uses.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  analyze,
  indexTerms,
  termAt,
  useAt,
  UseFlag,
  type DefinitionKind,
  type Term,
  type TermIndex,
} from '../../server/src/core';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { withCursor } from '../util/corpus';

export function index(text: string): TermIndex {
  return indexTerms(text, analyze(text, { codec: gbkCodec }), { converter: openccConverter });
}

/** The term under the cursor of a marked document. */
function termUnderCursor(marked: string): { term: Term; terms: TermIndex; text: string; offset: number } {
  const { text, offset } = withCursor(marked);
  const terms = index(text);
  const id = termAt(terms, offset);
  assert.ok(id >= 0, `no term at the cursor in ${JSON.stringify(marked.slice(Math.max(0, offset - 10), offset + 10))}`);
  return { term: terms.terms[id]!, terms, text, offset };
}

/** The term with this spelling (any script), or a failed assertion. */
function termNamed(terms: TermIndex, name: string): Term {
  const id = terms.termOfKey(terms.keyOf(name));
  assert.ok(id >= 0, `no term ${name}`);
  return terms.terms[id]!;
}

function usesOf(terms: TermIndex, term: Term, text: string): string[] {
  return [...term.uses].map((u) => text.slice(terms.uses.start[u], terms.uses.end[u]));
}

interface PatternCase {
  readonly name: string;
  readonly doc: string;
  readonly term: string;
  readonly kind: DefinitionKind;
  /** A piece of the defining text (for abbreviations, of the full form). */
  readonly text: string;
  readonly fullForm?: string;
}

const PATTERNS: readonly PatternCase[] = [
  {
    name: '（以下简称X）, simplified',
    doc: '依法取得城市规划区国有土地（以下简称国有土地）的使用权。\n出让国有‸土地使用权，应当签订合同。',
    term: '国有土地', kind: 'abbreviation', text: '城市规划区国有土地', fullForm: '城市规划区国有土地',
  },
  {
    name: '（以下簡稱X）, traditional',
    doc: '依法取得城市規劃區國有土地（以下簡稱國有土地）的使用權。\n出讓國有‸土地使用權，應當簽訂合同。',
    term: '國有土地', kind: 'abbreviation', text: '城市規劃區國有土地', fullForm: '城市規劃區國有土地',
  },
  {
    name: '（以下简称“X”）: the plain word later is a use',
    doc: '中国共产党第十八次全国代表大会（以下简称“十八大”）胜利召开。\n深入学习贯彻十八‸大精神。',
    term: '十八大', kind: 'abbreviation', text: '中国共产党第十八次全国代表大会',
  },
  {
    name: '（以下简称《X》）: the full form is the title before the bracket',
    doc: '编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》），提交审查。\n《纲要‸草案》提出了目标。',
    term: '纲要草案', kind: 'abbreviation', text: '《北京市国民经济和社会发展第十五个五年规划纲要（草案）》',
  },
  {
    name: '(以下统称X) with ASCII brackets',
    doc: '生产、储存、使用、经营、运输危险化学品的单位(以下统称危险化学品单位)的主要负责人负责。\n危险化学品‸单位应当具备条件。',
    term: '危险化学品单位', kind: 'abbreviation', text: '生产、储存、使用、经营、运输危险化学品的单位',
  },
  {
    name: '（以下称X）',
    doc: '国务院对外经济贸易主管部门（以下称外经贸部门）负责管理。\n外经贸‸部门应当公告。',
    term: '外经贸部门', kind: 'abbreviation', text: '国务院对外经济贸易主管部门',
  },
  {
    name: '（简称X）',
    doc: '陆地污染源（简称陆源），是指从陆地向海域排放污染物的场所。\n防治陆‸源污染。',
    term: '陆源', kind: 'abbreviation', text: '陆地污染源',
  },
  {
    name: '本条例所称X，是指…',
    doc: '第三条 本条例所称危险化学品，是指具有毒害、腐蚀、爆炸等性质的化学品。\n第四条 储存危险‸化学品应当安全。',
    term: '危险化学品', kind: 'meaning', text: '具有毒害、腐蚀、爆炸等性质的化学品',
  },
  {
    name: '本法所称的X是指… (no comma)',
    doc: '本标准所称的损伤是指各种致伤因素所引起的人体组织器官结构破坏。\n损‸伤程度分级。',
    term: '损伤', kind: 'meaning', text: '各种致伤因素所引起的人体组织器官结构破坏',
  },
  {
    name: '所稱X，係指…, traditional',
    doc: '本法所稱公務員，係指依法令從事於公務之人員。\n公務‸員應忠心努力。',
    term: '公務員', kind: 'meaning', text: '依法令從事於公務之人員',
  },
  {
    name: '所稱X者，謂…, traditional',
    doc: '本憲法所稱之法律，謂經立法院通過，總統公布之法律。\n人民有依法‸律納稅之義務。',
    term: '法律', kind: 'meaning', text: '經立法院通過，總統公布之法律',
  },
  {
    name: '所稱X：…, Taiwan (the definition after a colon), used far from it',
    doc: '第 2 條\n本法所稱主管機關：在中央為內政部；在直轄市為直轄市政府；在縣（市）為縣（市）政府。\n' + '\n第 3 條\n其他條文。\n'.repeat(200) + '由主管‸機關公告之。',
    term: '主管機關', kind: 'meaning', text: '在中央為內政部；在直轄市為直轄市政府',
  },
  {
    name: '“X”是指…',
    doc: '（一）“侦查”是指公安机关在办理案件过程中依法进行的专门调查工作。\n（二）依法进行侦‸查。',
    term: '侦查', kind: 'quotedMeaning', text: '公安机关在办理案件过程中依法进行的专门调查工作',
  },
  {
    name: '「X」係指…, Taiwan quotes',
    doc: '本法所定「主管機關」係指內政部。\n主管‸機關應公告之。',
    term: '主管機關', kind: 'quotedMeaning', text: '內政部',
  },
  {
    name: '“X”指… (not 指出)',
    doc: '“六横”指六个横向输水大动脉。专家指出，“六‸横”建设进展顺利。',
    term: '六横', kind: 'quotedMeaning', text: '六个横向输水大动脉',
  },
  {
    name: 'X，即… at a sentence start',
    doc: '我国实行公有制。公有制，即全民所有制和劳动群众集体所有制。\n坚持公有‸制为主体。',
    term: '公有制', kind: 'namely', text: '全民所有制和劳动群众集体所有制',
  },
  {
    name: '“X”，即…, traditional with a gloss',
    doc: '“七措連環(huán)”，即採取大宣傳工作理念和工作格局等七個措施。\n推進“七措‸連環”。',
    term: '七措連環', kind: 'namely', text: '採取大宣傳工作理念和工作格局',
  },
  {
    name: '稱X者，謂…, Taiwan civil code',
    doc: '第 66 條\n稱不動產者，謂土地及其定著物。\n\n第 67 條\n稱動產者，為前條所稱不動產以外之物。\n\n不動‸產之出產物。',
    term: '不動產', kind: 'called', text: '土地及其定著物',
  },
  {
    name: '下列用语的含义 list',
    doc: '第九十八条 本法下列用语的含义：\n（一）危险物品，是指易燃易爆、有毒有害的物品；\n（二）重大事故，是指造成重大损失的事故。\n第九十九条 储存危险‸物品应当登记。',
    term: '危险物品', kind: 'list', text: '易燃易爆、有毒有害的物品',
  },
  {
    name: '用詞，定義如下 list, traditional',
    doc: '第 2 條\n本法用詞，定義如下：\n一、個人資料：指自然人之姓名、出生年月日。\n二、蒐集：指以任何方式取得個人資料。\n\n第 3 條\n不得任意蒐‸集。',
    term: '蒐集', kind: 'list', text: '以任何方式取得個人資料',
  },
  {
    name: '“X”：… at the start of a line, simplified',
    doc: '（一）“五指紧扣”，一盘棋整体推进\n\n  “五指紧扣”:市委会机关“四处一室”从制度机制入手，形成合力。\n\n继续“五指‸紧扣”。',
    term: '五指紧扣', kind: 'colon', text: '市委会机关“四处一室”从制度机制入手',
  },
  {
    name: '名词解释: 1.“X”：是指…',
    doc: '关于2026年工作的报告\n\n一、总体情况\n\n推进“两‸重”建设。\n\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新和消费品以旧换新。\n',
    term: '两重', kind: 'glossary', text: '国家重大战略实施和重点领域安全能力建设',
  },
  {
    name: '名詞解釋 with the term and its text on separate lines, traditional',
    doc: '關於2026年工作的報告\n\n一、總體情況\n\n推進“兩‸新”工作。\n\n名詞解釋\n1.“兩新”\n是指大規模設備更新和消費品以舊換新。\n2.“兩重”\n是指國家重大戰略實施。\n',
    term: '兩新', kind: 'glossary', text: '大規模設備更新和消費品以舊換新',
  },
  {
    name: '注释 with footnote-style entries ［1］X：, the body marking uses with ［1］',
    doc: '关于2026年工作的报告\n\n一、总体情况\n\n火灾呈现“一降‸三减”［1］良好态势，持续实施“两新”［2］政策。\n\n注释\n［1］一降三减：\n全年火灾起数总体下降，财产损失数减少。\n［2］两新：\n大规模设备更新和消费品以旧换新。\n',
    term: '一降三减', kind: 'glossary', text: '全年火灾起数总体下降',
  },
  {
    name: '所稱X，係指… hard-wrapped inside the definition (Taiwan law text)',
    doc: '第 3 條\n本法所稱行為人，係指實施違反行政法上義務行為之自然人、法人、設有\n代表人或管理人之非法人團體、中央或地方機關或其他組織。\n\n第 4 條\n行‸為人違反行政法上義務。\n',
    term: '行為人', kind: 'meaning', text: '設有代表人或管理人之非法人團體、中央或地方機關或其他組織。',
  },
  {
    name: '所稱X，指下列…： with hard-wrapped list items (continuation lines indented by spaces)',
    doc: '第 2 條\n本法所稱其他種類行政罰，指下列裁罰性之不利處分：\n一、限制或禁止行為之處分：限制或停止營業、命令停工或停\n    止使用、禁止行駛。\n二、影響名譽之處分：公布姓名或名稱。\n\n第 3 條\n處其他種類‸行政罰。\n',
    term: '其他種類行政罰', kind: 'meaning', text: '停止使用、禁止行駛。 二、影響名譽之處分：公布姓名或名稱。',
  },
];

type Convert = (s: string) => string;
let cnToTw: Convert | undefined;

/** A pattern case in the other script: traditional → simplified (opencc t2cn), simplified → traditional (cn2t). */
function inOtherScript(c: PatternCase): PatternCase {
  const toSimplified: Convert = (s) => openccConverter.toSimplified(s);
  const traditional = toSimplified(c.doc) !== c.doc;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cnToTw ??= (require('opencc-js/cn2t') as { Converter(o: { from: string; to: string }): Convert }).Converter({ from: 'cn', to: 'tw' });
  const convert = traditional ? toSimplified : cnToTw;
  return {
    ...c,
    name: `${c.name} — in ${traditional ? 'simplified' : 'traditional'} characters`,
    doc: convert(c.doc),
    term: convert(c.term),
    text: convert(c.text),
    ...(c.fullForm === undefined ? {} : { fullForm: convert(c.fullForm) }),
  };
}

describe('terms: every definition pattern', () => {
  for (const c of PATTERNS.flatMap((p) => [p, inOtherScript(p)])) {
    it(c.name, () => {
      const { term, terms, text } = termUnderCursor(c.doc);
      assert.equal(term.name, c.term);
      const d = term.definitions[0];
      assert.ok(d !== undefined, `${c.term} has no definition`);
      assert.equal(d.kind, c.kind);
      assert.ok(d.text.includes(c.text), `definition text ${JSON.stringify(d.text)} lacks ${JSON.stringify(c.text)}`);
      if (c.fullForm !== undefined) assert.equal(d.fullForm, c.fullForm);
      // the definition site is one of the term's uses, flagged as such, and its offsets are the term's
      assert.equal(text.slice(d.termStart, d.termEnd).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g, ''), c.term);
      const definitionUses = [...term.uses].filter((u) => (terms.uses.flags[u]! & UseFlag.Definition) !== 0);
      assert.deepEqual(definitionUses.map((u) => terms.uses.start[u]), [d.termStart]);
      assert.ok(term.uses.length >= 2, 'the definition and the use under the cursor');
    });
  }

  it('a glossary entry of a 、 list defines each part and the whole: the body may quote a part or write the whole', () => {
    const doc = '关于2026年工作的报告\n\n一、总体情况\n\n建设“两个‸枢纽”和“两个基地”，推行“五统一、一开放”改革。\n\n注释\n'
      + '［1］两个基地、两个枢纽：\n国家南繁科研育种基地和种质资源中转基地，国际航运枢纽和国际航空枢纽。\n'
      + '［2］五统一、一开放：统一规划、统一标准、统一建设、统一管理、统一运营，对外开放。\n';
    const { term, terms, text } = termUnderCursor(doc);
    assert.equal(term.name, '两个枢纽');
    assert.equal(term.definitions[0]?.kind, 'glossary');
    assert.ok(term.definitions[0].text.includes('国际航运枢纽'), term.definitions[0].text);
    const whole = termNamed(terms, '两个基地、两个枢纽');
    const base = termNamed(terms, '两个基地');
    assert.equal(base.definitions[0]?.text, whole.definitions[0]?.text, 'the part has the entry\'s text');
    // in the glossary line the use is the whole (the parts are inside it), flagged as its definition
    const glossaryLine = text.indexOf('［1］') + 3;
    const flagged = [...whole.uses].filter((u) => (terms.uses.flags[u]! & UseFlag.Definition) !== 0).map((u) => terms.uses.start[u]);
    assert.deepEqual(flagged, [glossaryLine]);
    assert.deepEqual([...base.uses].map((u) => terms.uses.start[u]), [text.indexOf('两个基地')], 'the body\'s quoted part is a use of the part');
    // the whole written in the body is a use of the whole, not of its parts
    const five = termNamed(terms, '五统一、一开放');
    assert.equal(five.uses.length, 2);
    assert.equal(termNamed(terms, '五统一').uses.length, 0);
  });

  it('a Latin term defined in a glossary or as an abbreviation (ESI, 1+5+N, WTO) is a term, used only as a word', () => {
    const doc = '关于2026年工作的报告\n\n一、总体情况\n\n世界贸易组织（以下简称WTO）成立以来，WTO规则、WTO2和SWTO都不是它。'
      + 'ES‸I［5］全球排名前1%的学科增长两倍，ESIGN不是它；“1+5+N”［8］公共卫生体系初步成型。\n\n注释\n'
      + '［5］ESI：\nEssential Science Indicators，基本科学指标数据库。\n［8］1+5+N：\n“1”即省疾控中心，“5”即五大区域疾控中心。\n';
    const { term, terms, text } = termUnderCursor(doc);
    assert.equal(term.name, 'ESI');
    assert.equal(term.definitions[0]?.kind, 'glossary');
    assert.ok(term.definitions[0].text.startsWith('Essential Science Indicators'), term.definitions[0].text);
    assert.deepEqual(usesOf(terms, term, text), ['ESI', 'ESI'], 'ESI in the body and at its entry, not inside ESIGN');
    const plus = termNamed(terms, '1+5+N');
    assert.equal(plus.definitions[0]?.kind, 'glossary');
    assert.equal(plus.uses.length, 2);
    const wto = termNamed(terms, 'WTO');
    assert.equal(wto.definitions[0]?.kind, 'abbreviation');
    assert.equal(wto.definitions[0]?.fullForm, '世界贸易组织');
    assert.equal(wto.uses.length, 2, 'the definition and WTO规则; not WTO2 or SWTO');
    // a Latin word quoted alone, or a number, defines nothing
    const quoted = index('推进“AI”应用，“2025”年目标。');
    assert.equal(quoted.termOfKey(quoted.keyOf('AI')), -1);
  });

  it('a definition on a line without final punctuation ends there when the next line is a heading or a new paragraph', () => {
    const text = '（一）“两重”是指重大战略实施\n推进“两重”建设\n“两新”是指设备更新\n\u3000\u3000下一段落继续推进。\n';
    const terms = index(text);
    const texts = terms.terms.filter((t) => t.definitions.length > 0).map((t) => `${t.name}:${t.definitions[0]!.text}`);
    assert.deepEqual(texts.sort(), ['两新:是指设备更新', '两重:是指重大战略实施']);
  });

  it('a 下列用语的含义 list numbered 壹、贰、 (or 壹、貳、, （壹）) defines the same terms as the list numbered 一、二、', () => {
    const list = (a: string, b: string): string =>
      `第九十八条 本法下列用语的含义：\n${a}危险物品，是指易燃易爆、有毒有害的物品；\n${b}重大事故：指造成重大损失的事故。\n第九十九条 储存危险物品和防范重大事故。`;
    const defined = (text: string): string[] =>
      index(text).terms.filter((t) => t.definitions.some((d) => d.kind === 'list')).map((t) => `${t.key}=${t.definitions[0] && text.slice(t.definitions[0].textStart, t.definitions[0].textEnd)}`).sort();
    const plain = defined(list('一、', '二、'));
    assert.equal(plain.length, 2, plain.join(' | '));
    assert.deepEqual(defined(list('壹、', '贰、')), plain);
    assert.deepEqual(defined(list('壹、', '貳、')), plain);
    assert.deepEqual(defined(list('（壹）', '（贰）')), defined(list('（一）', '（二）')));
  });

  it('a quoted word followed by 指出 is not defined', () => {
    const terms = index('“报告”指出，要推进“报告”制度。');
    const id = terms.termOfKey(terms.keyOf('报告'));
    assert.ok(id >= 0);
    assert.equal(terms.terms[id]!.definitions.length, 0);
  });

  it('所称 used in passing (前项所称…之决定，应…) defines nothing', () => {
    const terms = index('前項所稱相當期間之決定，應顧及各該運送之特殊情形。');
    assert.equal(terms.terms.filter((t) => t.definitions.length > 0).length, 0);
  });

  it('X，即 with numbers or 即使 is not a definition', () => {
    const terms = index('总产值增长了百分之四十，即达到一百亿元。\n同时，即使困难再大也要完成。\n这一年，即一九四九年。');
    assert.deepEqual(terms.terms.filter((t) => t.definitions.length > 0).map((t) => t.name), []);
  });

  it('本法所称以上、以下、以内，包括本数: one definition per word; a longer phrase with 、 stays one term', () => {
    const short = index('第九十九条 本法所称以上、以下、以内，包括本数。\n处三年以下有期徒刑。');
    assert.deepEqual(short.terms.filter((t) => t.definitions.length > 0).map((t) => t.name), ['以上', '以下', '以内']);
    const long = index('第二十八条 军事设施保护法所称军用输油、输水管道，是指专供军队使用的管道。');
    assert.deepEqual(long.terms.filter((t) => t.definitions.length > 0).map((t) => t.name), ['军用输油、输水管道']);
  });

  it('所称X(以下简称Y)，是指…: both X and its abbreviation Y are defined', () => {
    const terms = index('第三十三条 本办法所称军用无线电固定设施电磁环境(以下简称军用电磁环境)，是指为保证军用无线电固定设施正常工作划定的区域。\n保护军用电磁环境。');
    const names = terms.terms.filter((t) => t.definitions.length > 0).map((t) => `${t.name}:${t.definitions[0]!.kind}`);
    assert.deepEqual(names.sort(), ['军用无线电固定设施电磁环境:meaning', '军用电磁环境:abbreviation']);
    const abbreviation = terms.terms.find((t) => t.name === '军用电磁环境')!;
    assert.equal(abbreviation.definitions[0]!.fullForm, '军用无线电固定设施电磁环境');
  });
});

describe('terms: one key per term, whatever the script, gloss or width', () => {
  it('網(wǎng)上沙龍 = 網上沙龍 = 网上沙龙, with exact offsets for each spelling', () => {
    const text = '开展“网上沙龙”活动。\n開展“網(wǎng)上沙龍”8期。\n《開展“網上沙龍”的實踐》。';
    const terms = index(text);
    const id = terms.termOfKey(terms.keyOf('網上沙龍'));
    assert.ok(id >= 0);
    assert.equal(terms.termOfKey(terms.keyOf('网上沙龙')), id);
    assert.equal(terms.termOfKey(terms.keyOf('網(wǎng)上沙龍')), id);
    assert.deepEqual(usesOf(terms, terms.terms[id]!, text), ['网上沙龙', '網(wǎng)上沙龍', '網上沙龍']);
  });

  it('行政處分 = 行政处分; 「」 and “” quote the same term; full-width ＋ = +', () => {
    const text = '給予「行政處分」。\n依法给予“行政处分”。\n发展“互联网＋”，推进互联网+政务服务。';
    const terms = index(text);
    const punish = terms.terms[terms.termOfKey(terms.keyOf('行政处分'))]!;
    assert.deepEqual(usesOf(terms, punish, text), ['行政處分', '行政处分']);
    const web = terms.terms[terms.termOfKey(terms.keyOf('互联网+'))]!;
    assert.deepEqual(usesOf(terms, web, text), ['互联网＋', '互联网+']);
  });

  it('a use is found wherever the term is written, quoted or not, before or after its definition', () => {
    const text = '十八大以来成就显著。\n中国共产党第十八次全国代表大会（以下简称“十八大”）召开。\n贯彻“十八大”精神，学习十八大报告。';
    const terms = index(text);
    const t = terms.terms[terms.termOfKey(terms.keyOf('十八大'))]!;
    assert.equal(t.uses.length, 4);
    const quoted = [...t.uses].map((u) => (terms.uses.flags[u]! & UseFlag.Quoted) !== 0);
    assert.deepEqual(quoted, [false, true, true, false]);
  });

  it('a use inside a longer term belongs to that term, except inside a title', () => {
    const text = '一、公務機關：指依法行使公權力之機關。\n二、非公務機關：指前款以外之團體。\n\n本法用詞，定義如下：\n一、公務機關：指依法行使公權力之機關。\n二、非公務機關：指前款以外之團體。\n公務機關與非公務機關。\n《公務機關管理辦法》';
    const terms = index(text);
    const pub = terms.terms[terms.termOfKey(terms.keyOf('公務機關'))]!;
    const nonPub = terms.terms[terms.termOfKey(terms.keyOf('非公務機關'))]!;
    for (const u of pub.uses) {
      const s = terms.uses.start[u]!;
      assert.notEqual(text[s - 1], '非', `use at ${s} is part of 非公務機關`);
    }
    assert.equal(nonPub.uses.length, 3);
    // inside the title the term still counts
    assert.ok([...pub.uses].some((u) => text[terms.uses.start[u]! - 1] === '《'));
  });

  it('useAt: the innermost use, and a cursor right after a term finds it', () => {
    const text = '《开展“网上沙龙”的实践》是简报。';
    const terms = index(text);
    const inner = termAt(terms, text.indexOf('沙龙'));
    assert.equal(terms.terms[inner]!.name, '网上沙龙');
    const outer = termAt(terms, text.indexOf('实践'));
    assert.equal(terms.terms[outer]!.kind, 'title');
    const after = useAt(terms, text.indexOf('》'));
    assert.ok(after >= 0);
    assert.equal(termAt(terms, text.indexOf('是简报')), -1);
  });
});

describe('terms: quoted terms, titles and numbered formulas', () => {
  it('numbered formulas, five-year plans and other quoted terms are told apart', () => {
    const text = '增强“四个自信”，做到“两个维护”，确保“十四五”圆满收官，谋划“十五五”，下好“一盘棋”，办好“网上沙龙”。';
    const terms = index(text);
    const kind = (name: string): string => terms.terms[terms.termOfKey(terms.keyOf(name))]!.kind;
    assert.deepEqual(
      ['四个自信', '两个维护', '十四五', '十五五', '一盘棋', '网上沙龙'].map(kind),
      ['formula', 'formula', 'plan', 'plan', 'formula', 'quoted'],
    );
    const fourteen = terms.terms[terms.termOfKey(terms.keyOf('十四五'))]!;
    assert.match(fourteen.builtin?.text ?? '', /第十四个五年规划（2021—2025 年）/);
    assert.match(terms.terms[terms.termOfKey(terms.keyOf('十五五'))]!.builtin?.text ?? '', /2026—2030/);
    assert.equal(terms.terms[terms.termOfKey(terms.keyOf('四个自信'))]!.builtin?.text, '道路自信、理论自信、制度自信、文化自信');
    assert.equal(terms.terms[terms.termOfKey(terms.keyOf('两个维护'))]!.builtin, undefined, 'no expansion where public text states none');
  });

  it('a built-in formula in traditional characters gets the same expansion', () => {
    const terms = index('增強“四個自信”。');
    assert.equal(terms.terms[terms.termOfKey(terms.keyOf('四個自信'))]!.builtin?.text, '道路自信、理论自信、制度自信、文化自信');
  });

  it('the document’s own definition is kept next to the built-in one (the features show the document’s)', () => {
    const terms = index('“三个认同”是指本会自己的说法。\n增进“三个认同”。');
    const t = terms.terms[terms.termOfKey(terms.keyOf('三个认同'))]!;
    assert.equal(t.definitions[0]?.text, '是指本会自己的说法。');
    assert.ok(t.builtin !== undefined);
  });

  it('quoted sentences, speech and lists are not terms; chained quotes are', () => {
    const text = '他说：“我们要坚持不懈，不断前进。”提出“讲先进、学先进、做先进”，各级班子“四个意识”“五种能力”进一步增强。';
    const names = index(text).terms.map((t) => t.name);
    assert.deepEqual(names.sort(), ['五种能力', '四个意识'].sort());
  });

  it('titles are terms, nested quotes inside them too', () => {
    const text = '发表于《重庆政协报》。\n《开展“网上沙龙”搞好“借题发挥”》被编为简报。';
    const terms = index(text);
    const titles = terms.terms.filter((t) => t.kind === 'title').map((t) => t.name);
    assert.deepEqual(titles, ['重庆政协报', '开展“网上沙龙”搞好“借题发挥”']);
    assert.ok(terms.termOfKey(terms.keyOf('借题发挥')) >= 0);
  });
});
