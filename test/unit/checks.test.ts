/** The checks (core/checks) on inline documents: each rule with documents that should and should not raise it. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { analyze, indexTerms } from '../../server/src/core';
import { applyEdits, fixAllEdits, formatCnNumeral, restyleMarker, runChecks, type CheckCode, type Finding, type ScriptTable } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';

function check(text: string, script?: ScriptTable): Finding[] {
  return runChecks(text, analyze(text, { codec: gbkCodec }), { codec: gbkCodec, ...(script ? { script } : {}) });
}

function only(text: string, ...codes: CheckCode[]): Finding[] {
  return check(text).filter((f) => codes.includes(f.code));
}

/** The findings as `code text-at-range` strings, for compact assertions. */
function brief(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`);
}

/** The text after applying the first fix of the finding. */
function fixed(text: string, finding: Finding, which = 0): string {
  const fix = finding.fixes[which];
  assert.ok(fix !== undefined, `${finding.code} has a fix`);
  return applyEdits(text, fix.edits);
}

const NUMBERING: CheckCode[] = ['numbering-gap', 'numbering-duplicate', 'numbering-order', 'numbering-level-skip', 'numbering-missing-parent', 'numbering-bracket-width'];

describe('numerals for renumbering', () => {
  it('writes Chinese numerals the way documents do', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 21, 99, 100, 101, 110, 1000, 1260, 2005].map(formatCnNumeral),
      ['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千', '一千二百六十', '二千零五']);
  });

  it('keeps a marker\'s style: brackets, separator, digit width, enclosed forms', () => {
    assert.equal(restyleMarker('三、', 'cn', 4), '四、');
    assert.equal(restyleMarker('(二)', 'cnParen', 12), '(十二)');
    assert.equal(restyleMarker('（２）', 'numParen', 3), '（３）');
    assert.equal(restyleMarker('２．', 'num', 10), '１０．');
    assert.equal(restyleMarker('㈢', 'cnParen', 4), '㈣');
    assert.equal(restyleMarker('㈩', 'cnParen', 11), undefined);
    assert.equal(restyleMarker('⑳', 'circled', 21), '㉑');
  });
});

describe('numbering: gaps, duplicates, order', () => {
  it('reports a gap among siblings and renumbers only that run', () => {
    const text = '报告\n一、总体\n（一）甲\n（二）乙\n二、做法\n（一）丙\n（三）丁\n四、展望\n';
    const findings = only(text, ...NUMBERING);
    assert.deepEqual(brief(text, findings), ['numbering-gap （三）', 'numbering-gap 四、']);
    assert.match(findings[0]!.message.zh, /缺少「（二）」/);
    assert.match(findings[0]!.message.en, /「（二）」 is missing/);
    assert.match(findings[1]!.message.zh, /「二、」之后是「四、」，缺少「三、」/);
    // the fix renumbers the two （一）（三） under 二、, nothing else
    assert.equal(fixed(text, findings[0]!), '报告\n一、总体\n（一）甲\n（二）乙\n二、做法\n（一）丙\n（二）丁\n四、展望\n');
    assert.equal(fixed(text, findings[1]!), '报告\n一、总体\n（一）甲\n（二）乙\n二、做法\n（一）丙\n（三）丁\n三、展望\n');
  });

  it('reports a list that does not start at one', () => {
    const text = '一、总体\n（二）甲\n（三）乙\n';
    const [gap] = only(text, 'numbering-gap');
    assert.equal(text.slice(gap!.start, gap!.end), '（二）');
    assert.match(gap!.message.zh, /没有从「（一）」开始/);
    assert.equal(fixed(text, gap!), '一、总体\n（一）甲\n（二）乙\n');
  });

  it('reports a duplicate, pointing at the first occurrence', () => {
    const text = '一、甲\n二、乙\n二、丙\n三、丁\n';
    const findings = only(text, ...NUMBERING);
    assert.deepEqual(brief(text, findings), ['numbering-duplicate 二、']);
    assert.equal(findings[0]!.start, text.lastIndexOf('二、'));
    assert.equal(findings[0]!.related?.[0]?.start, text.indexOf('二、'));
    assert.equal(fixed(text, findings[0]!), '一、甲\n二、乙\n三、丙\n四、丁\n');
  });

  it('reports numbers out of order (not as a gap when the number comes later)', () => {
    const text = '一、甲\n三、乙\n二、丙\n四、丁\n';
    assert.deepEqual(brief(text, only(text, ...NUMBERING)), ['numbering-order 二、']);
  });

  it('accepts a list that starts again at one, and consecutive numbering', () => {
    const text = '一、甲\n1.子一\n2.子二\n正文。\n1.另一组\n2.另一组\n二、乙\n';
    assert.deepEqual(only(text, ...NUMBERING), []);
  });

  it('numbers articles through the whole law: 第X条之一 and 第 15-1 條 follow their article', () => {
    const law = '# 某法\n## 第一章 总则\n第一条　甲。\n第二条　乙。\n第二条之一　丙。\n## 第二章 分则\n第三条　丁。\n';
    assert.deepEqual(only(law, ...NUMBERING), []);
    const tw = '某法\n\n第 一 章 總則\n\n第 1 條\n甲。\n\n第 2 條\n乙。\n\n第 2-1 條\n丙。\n\n第 一 章之一 特則\n\n第 3 條\n丁。\n';
    assert.deepEqual(only(tw, ...NUMBERING), []);
    const gap = '# 某法\n第一条　甲。\n第二条　乙。\n第四条　丁。\n';
    assert.deepEqual(brief(gap, only(gap, ...NUMBERING)), ['numbering-gap 第四条']);
    assert.equal(only(gap, 'numbering-gap')[0]!.fixes.length, 0, 'articles are not renumbered: citations depend on them');
  });

  it('lets a marker the parser did not take explain a gap (a marker alone on its line)', () => {
    const text = '一、总体\n二、\n下一行才是标题\n三、结尾\n';
    assert.deepEqual(only(text, ...NUMBERING), []);
  });
});

describe('numbering: levels', () => {
  it('reports a level that climbs back over a skipped one: 一、 → 1. → （一）', () => {
    const text = '一、总体\n1.小项\n（一）回到高一级\n二、其他\n';
    const findings = only(text, 'numbering-level-skip');
    assert.deepEqual(brief(text, findings), ['numbering-level-skip （一）']);
    assert.match(findings[0]!.message.zh, /层级倒挂/);
  });

  it('does not report the standard order or a document that skips a level throughout', () => {
    assert.deepEqual(only('一、总体\n（一）甲\n1.乙\n（1）丙\n①丁\n', 'numbering-level-skip', 'numbering-missing-parent'), []);
    assert.deepEqual(only('一、总体\n1.甲\n2.乙\n二、其他\n1.丙\n', 'numbering-level-skip', 'numbering-missing-parent'), []);
  });

  it('reports a child without the parent level the document otherwise uses', () => {
    const text = '一、甲\n（一）子\n1.孙\n2.孙\n（二）子\n1.孙\n2.孙\n二、乙\n（一）子\n1.孙\n2.孙\n三、丙\n1.直接在一、之下\n2.孙\n';
    const findings = only(text, 'numbering-missing-parent');
    assert.deepEqual(brief(text, findings), ['numbering-missing-parent 1.']);
    assert.equal(findings[0]!.start, text.indexOf('1.直接'));
  });

  it('reports mixed bracket widths within one level, with a fix to the majority', () => {
    const text = '一、总体\n（一）甲\n（二）乙\n(三)丙\n（四）丁\n(五）戊\n';
    const findings = only(text, 'numbering-bracket-width');
    assert.deepEqual(brief(text, findings), ['numbering-bracket-width (三)', 'numbering-bracket-width (五）']);
    assert.equal(fixed(text, findings[0]!), '一、总体\n（一）甲\n（二）乙\n（三）丙\n（四）丁\n(五）戊\n');
    assert.deepEqual(only('(一)甲\n(二)乙\n', 'numbering-bracket-width'), [], 'one width throughout is fine');
  });
});

describe('marker punctuation (GB/T 15834 B.3)', () => {
  const cases: Array<[string, string, string]> = [
    ['一.总体\n二、其他\n', '一.', '一、总体\n二、其他\n'],
    ['一．总体\n二、其他\n', '一．', '一、总体\n二、其他\n'],
    ['一、总体\n1、甲\n', '1、', '一、总体\n1.甲\n'],
    ['一、总体\n（一）、甲\n', '（一）、', '一、总体\n（一）甲\n'],
    ['一、总体\n（1）.甲\n', '（1）.', '一、总体\n（1）甲\n'],
    ['一、总体\n①、甲\n', '①、', '一、总体\n①甲\n'],
    ['一、总体\n二，其他\n三、结尾\n', '二，', '一、总体\n二、其他\n三、结尾\n'],
  ];
  for (const [text, found, expected] of cases) {
    it(`${found} → fixed`, () => {
      const findings = only(text, 'marker-punctuation');
      assert.deepEqual(brief(text, findings), [`marker-punctuation ${found}`]);
      assert.equal(fixed(text, findings[0]!), expected);
      assert.equal(findings[0]!.fixes[0]!.safe, true);
    });
  }

  it('explains a gap with the comma-marker instead of reporting the gap', () => {
    assert.deepEqual(only('一、总体\n二，其他\n三、结尾\n', ...NUMBERING), []);
  });

  it('accepts the standard forms and 第一，/一，是 run-ins that are not markers', () => {
    assert.deepEqual(only('一、总体\n（一）甲\n1.乙\n2．丙\n（1）丁\n①戊\n', 'marker-punctuation'), []);
    assert.deepEqual(only('一、总体\n第一，坚持稳中求进。\n五，六个方面的工作。\n', 'marker-punctuation'), []);
  });
});

describe('marker space', () => {
  it('reports 第X条 glued to its text where the others leave a blank, and inserts the same blank', () => {
    const text = '# 某法\n第一条　甲。\n第二条　乙。\n第三条　丙。\n第四条丁。\n';
    const findings = only(text, 'marker-space');
    assert.deepEqual(brief(text, findings), ['marker-space 第四条']);
    assert.equal(fixed(text, findings[0]!), '# 某法\n第一条　甲。\n第二条　乙。\n第三条　丙。\n第四条　丁。\n');
  });

  it('accepts a document that glues them all, and Taiwan articles with the text on the next line', () => {
    assert.deepEqual(only('# 某法\n第一条甲。\n第二条乙。\n第三条丙。\n', 'marker-space'), []);
    assert.deepEqual(only('某法\n\n第 1 條\n甲。\n\n第 2 條\n乙。\n', 'marker-space'), []);
  });
});

describe('unbalanced pairs', () => {
  it('reports each unclosed opening mark at its position', () => {
    for (const [open, close] of [['“', '”'], ['《', '》'], ['（', '）'], ['「', '」']] as const) {
      const text = `一、总体\n他说${open}你好。\n二、其他\n`;
      const findings = only(text, 'unbalanced-pair');
      assert.equal(findings.length, 1, open);
      assert.equal(findings[0]!.start, text.indexOf(open));
      assert.equal(findings[0]!.message.zh, `「${open}」没有对应的「${close}」。`);
    }
  });

  it('lets a pair span lines within a section, not across a heading', () => {
    assert.deepEqual(only('一、总体\n他说“你好，\n我们继续。”\n二、其他\n', 'unbalanced-pair'), []);
    const across = '一、总体\n他说“你好，\n二、其他\n我们继续。”\n';
    assert.deepEqual(brief(across, only(across, 'unbalanced-pair')), ['unbalanced-pair “', 'unbalanced-pair ”']);
  });

  it('accepts a quotation of several paragraphs that reopens “ at each paragraph', () => {
    assert.deepEqual(only('一、总体\n“第一段没有结束，\n“第二段也在引文里，\n“第三段结束。”\n', 'unbalanced-pair'), []);
  });

  it('closes the outer mark past an unclosed inner one, and ignores stray ） and ’', () => {
    const text = '一、总体\n“引用《某书的话”。\n1）列表项\nChina’s\n';
    assert.deepEqual(brief(text, only(text, 'unbalanced-pair')), ['unbalanced-pair 《']);
  });

  it('accepts balanced nesting and ASCII brackets closing full-width ones', () => {
    assert.deepEqual(only('一、总体\n“‘甲’与《乙〈丙〉》”（丁(戊）)【己】〔2024〕\n', 'unbalanced-pair'), []);
  });
});

describe('scrape damage', () => {
  const glossed = '标题\n\n一、總體\n發(fā)布會在網(wǎng)上舉行。\n統(tǒng)一安排。\n';

  it('reports pinyin glosses once per line, listing each, with a fix for the line', () => {
    const findings = only(glossed, 'pinyin-gloss');
    assert.deepEqual(findings.map((f) => f.message.zh), ['本行有 2 处拼音注音（网页抓取残留）：發(fā)、網(wǎng)', '本行有 1 处拼音注音（网页抓取残留）：統(tǒng)']);
    assert.equal(fixed(glossed, findings[0]!), '标题\n\n一、總體\n發布會在網上舉行。\n統(tǒng)一安排。\n');
    assert.equal(applyEdits(glossed, fixAllEdits(check(glossed))), '标题\n\n一、總體\n發布會在網上舉行。\n統一安排。\n');
  });

  it('leaves a textbook alone: one or two glosses are written on purpose', () => {
    assert.deepEqual(only('生字：发(fā)。\n', 'pinyin-gloss'), []);
  });

  it('reports U+FFFD, 锟斤拷 and 烫烫烫 runs, one finding per line, with no fix', () => {
    const text = '一、总体\n抓\uFFFD\uFFFD系点。锟斤拷锟斤拷\n烫烫烫烫\n正常一行。\n';
    const findings = only(text, 'replacement-char');
    assert.deepEqual(brief(text, findings), ['replacement-char \uFFFD\uFFFD系点。锟斤拷锟斤拷', 'replacement-char 烫烫烫烫']);
    assert.ok(findings.every((f) => f.fixes.length === 0));
    assert.match(findings[0]!.message.zh, /2 处无法恢复的字符/);
  });

  it('recovers UTF-8 text that was read as GBK', () => {
    const original = '关于发布新的政策措施的通知';
    const garbled = iconv.decode(Buffer.from(original, 'utf8'), 'gbk');
    assert.notEqual(garbled, original);
    const text = `一、总体\n${garbled}\n二、正常的一行，没有乱码。\n`;
    const findings = only(text, 'mojibake');
    assert.equal(findings.length, 1);
    assert.equal(fixed(text, findings[0]!), `一、总体\n${original}\n二、正常的一行，没有乱码。\n`);
  });

  it('recovers a mid-line run decoded one byte late and reports the lost byte', () => {
    const text = '標題\n\n發(fā)布。網(wǎng)站。統(tǒng)一。\n參政議政的客觀理性?!对趯W習實踐活動中深化集智聚力工作機制》被編為簡報。\n';
    const findings = only(text, 'gbk-misaligned', 'replacement-char', 'unbalanced-pair');
    assert.deepEqual(brief(text, findings), ['replacement-char ?', 'gbk-misaligned !对趯W']);
    assert.equal(fixed(text, findings[1]!), '標題\n\n發(fā)布。網(wǎng)站。統(tǒng)一。\n參政議政的客觀理性?《在學習實踐活動中深化集智聚力工作機制》被編為簡報。\n');
  });

  it('reports web-page chrome in the head of a scraped report, and removes it with the blank lines after it', () => {
    const text = '下载\n打印\n全屏\n【字号：\n加大\n还原\n减小\n】\n2026年某市政府工作报告\n来源：某某日报\n\n各位代表：\n一、回顾\n打印\n正文。\n责任编辑：\n张三\n';
    const findings = only(text, 'page-chrome');
    assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['下载', '打印', '全屏', '【字号：', '加大', '还原', '减小', '】', '来源：某某日报', '责任编辑：', '张三']);
    assert.equal(applyEdits(text, fixAllEdits(findings)), '2026年某市政府工作报告\n各位代表：\n一、回顾\n打印\n正文。\n');
  });

  it('does not take Markdown comments, 公文 front matter or a title for chrome', () => {
    const text = '# 中华人民共和国某法\n\n<!-- INFO END -->\n\n京政发〔2025〕1号\n\n## 第一章 总则\n\n第一条　为了……，制定本法。\n';
    assert.deepEqual(only(text, 'page-chrome'), []);
  });
});

describe('term checks (over the key-term index)', () => {
  function terms(text: string): Finding[] {
    const model = analyze(text);
    return runChecks(text, model, { terms: indexTerms(text, model), enabled: (c) => c.startsWith('term-') });
  }

  it('reports an abbreviation used before its definition, pointing at the definition', () => {
    const text = '一、总则\n国有土地的使用应当合理。\n城市规划区国有土地（以下简称国有土地）的使用权出让，应当依法办理。\n';
    const findings = terms(text).filter((f) => f.code === 'term-before-definition');
    assert.deepEqual(brief(text, findings), ['term-before-definition 国有土地']);
    assert.equal(findings[0]!.start, text.indexOf('国有土地'));
    assert.equal(findings[0]!.related?.[0]?.start, text.indexOf('以下简称国有土地') + 4);
    assert.match(findings[0]!.message.zh, /在第 3 行才定义为「城市规划区国有土地」的简称/);
  });

  it('accepts the full form written again with an insertion, and the title naming what the body abbreviates', () => {
    const law = '# 某条例\n第六条 对新建、改建、扩建生产、储存危险化学品(包括使用管道输送，下同)的建设项目进行审查。\n第十二条 新建、改建、扩建生产、储存危险化学品的建设项目(以下简称建设项目)，应当审查。\n';
    assert.deepEqual(terms(law).filter((f) => f.code === 'term-before-definition'), []);
    const titled = '中华人民共和国军事设施保护法实施办法\n\n第一条 根据《中华人民共和国军事设施保护法》（以下简称军事设施保护法），制定本办法。\n第二条 依照军事设施保护法办理。\n';
    assert.deepEqual(terms(titled).filter((f) => f.code === 'term-before-definition'), []);
  });

  it('reports a term defined twice differently, but not a law\'s definitions for other articles', () => {
    const text = '一、规划\n国民经济和社会发展第十五个五年规划纲要草案（以下简称《纲要草案》）已印发。\n二、其他\n某某专项规划（以下简称《纲要草案》）同时印发。\n';
    const findings = terms(text).filter((f) => f.code === 'term-redefined');
    assert.deepEqual(brief(text, findings), ['term-redefined 纲要草案']);
    assert.match(findings[0]!.message.zh, /与第 2 行的定义不同/);
    const same = '一、规划\n城市规划区国有土地（以下简称国有土地）。\n二、其他\n城市规划区国有土地（以下简称国有土地）。\n';
    assert.deepEqual(terms(same).filter((f) => f.code === 'term-redefined'), [], 'the same definition twice');
    const law = '某法\n\n第 7 條\n第十五條第二款所稱同意，指當事人經告知後所為允許之意思表示。\n第十六條第七款所稱同意，指當事人經明確告知特定目的外之利用後，單獨所為之意思表示。\n';
    assert.deepEqual(terms(law).filter((f) => f.code === 'term-redefined'), []);
  });

  it('reports the full form used after the abbreviation, with a fix to the abbreviation (never applied by fix-all)', () => {
    const text = '一、总则\n城市规划区国有土地（以下简称国有土地）的使用权出让，应当依法办理。\n二、出让\n城市规划区国有土地的出让，由市政府组织。\n';
    const findings = terms(text).filter((f) => f.code === 'term-full-form-after-abbreviation');
    assert.deepEqual(brief(text, findings), ['term-full-form-after-abbreviation 城市规划区国有土地']);
    assert.equal(fixed(text, findings[0]!), '一、总则\n城市规划区国有土地（以下简称国有土地）的使用权出让，应当依法办理。\n二、出让\n国有土地的出让，由市政府组织。\n');
    assert.deepEqual(fixAllEdits(findings), []);
    const annex = '某条例\n第一条 依照导弹及相关物项和技术出口管制清单（以下简称管制清单）办理。\n附件：\n\n导弹及相关物项和技术出口管制清单\n\n一、前言\n';
    assert.deepEqual(terms(annex).filter((f) => f.code === 'term-full-form-after-abbreviation'), [], 'an annex titled with the full name');
  });
});

describe('script mixing (off unless its table is given)', () => {
  const table: ScriptTable = (() => {
    const classes = new Uint8Array(0x10000);
    const pairs: Record<string, string> = { 发: '發', 届: '屆', 發: '发', 屆: '届', 國: '国', 国: '國' };
    for (const ch of '发届国') classes[ch.charCodeAt(0)] = 1;
    for (const ch of '發屆國') classes[ch.charCodeAt(0)] = 2;
    return { classes, counterpart: (ch) => pairs[ch] };
  })();

  it('reports simplified characters in a traditional document, one finding per line, with a fix', () => {
    const text = '國家發展\n第一届會議在國內舉行。\n發展國家。\n';
    const findings = check(text, table).filter((f) => f.code === 'script-mixing');
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.start, findings[0]!.end), '届');
    assert.match(findings[0]!.message.zh, /繁体文档中有简体字：届/);
    assert.equal(fixed(text, findings[0]!), '國家發展\n第一屆會議在國內舉行。\n發展國家。\n');
    assert.equal(findings[0]!.fixes[0]!.safe, false, 'a character-by-character guess is never applied by fix-all');
  });

  it('says nothing for a document in one script, or without the table', () => {
    assert.deepEqual(check('国家发展\n', table).filter((f) => f.code === 'script-mixing'), []);
    assert.deepEqual(only('國家发展發展\n', 'script-mixing'), []);
  });
});

describe('fix-all', () => {
  it('takes whole fixes only, larger ones first, never overlapping', () => {
    const text = '下载\n打印\n標題\n\n一、總體\n發(fā)布。網(wǎng)站。統(tǒng)一。\n（一）、甲\n';
    const out = applyEdits(text, fixAllEdits(check(text)));
    assert.equal(out, '標題\n\n一、總體\n發布。網站。統一。\n（一）甲\n');
  });

  it('leaves unsafe fixes (renumbering) to the user', () => {
    const text = '一、甲\n三、乙\n';
    assert.deepEqual(fixAllEdits(check(text)), []);
  });
});
