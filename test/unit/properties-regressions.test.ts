/**
 * Cases the property tests and the fuzzer found (issue 10), each kept as a named test on its inline text: every
 * invariant of test/util/properties.ts holds, and the text after fix-all is what it should be.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, lineIndexOf } from '../../server/src/core';
import { applyEdits, fixAllRound, formatCnNumeral, settledFixAllEdits, type Edit } from '../../server/src/core/checks';
import { judgeRepair, oddCharacters } from '../../server/src/core/gbk';
import { gbkCodec } from '../../server/src/node/codec';
import { checkInvariants, fixAll, hanOf, mutate, pipeline, realDocuments, shiftLine, type ByteMutation } from '../util/properties';

/** Every invariant holds on `text`, and fix-all gives `expected`. */
function fixesTo(text: string, expected: string, allow = {}): void {
  assert.equal(checkInvariants(text, allow), expected);
}

describe('regressions: fixes that damaged correct text', () => {
  it('a glossed line with an ASCII "?" is not re-decoded as GBK out of step: 有(ǒ)?關(ú)統(à)', () => {
    fixesTo('有(ǒ)?關(ú)統(à)', '有?關統');
    assert.ok(!pipeline('有(ǒ)?關(ú)統(à)').findings.some((f) => f.code === 'gbk-misaligned'));
  });

  it('a line that starts with "?" and reads as Chinese is no damaged heading: ?一�', () => {
    fixesTo('?一�', '?一�');
    assert.deepEqual(analyze('?一�\n', { codec: gbkCodec }).damage, []);
  });

  it('glossed traditional text with "?" between characters keeps every character (a thousand lines of it)', () => {
    const line = '發(fā)展?經(jīng)濟(jì)?關(guān)鍵?，統(tǒng)計?數(shù)據(jù)。\n';
    const text = line.repeat(1000);
    const once = fixAll(text);
    assert.equal(hanOf(once), hanOf(text));
    assert.equal(once, '發展?經濟?關鍵?，統計?數據。\n'.repeat(1000));
  });
});

describe('regressions: the UTF-8 repair is sure of itself', () => {
  it('two Han characters that happen to decode as UTF-8 inside a sentence are a quick fix, not fix-all (fuzzer, seed 20261203)', () => {
    // a Kinmen judgment line with 搴 inserted: 搴查， reads 庲飬 as UTF-8
    const text = '        船員及所攜帶之物件，依職權實施檢搴查，所實施之檢查\n';
    const finding = pipeline(text).findings.find((f) => f.code === 'mojibake');
    assert.equal(finding === undefined ? '' : text.slice(finding.start, finding.end), '搴查，');
    assert.equal(finding!.fixes[0]!.safe, false);
    fixesTo(text, text);
  });

  it('a line of UTF-8 read as GBK, and a phrase of it inside Chinese text, are still repaired by fix-all', () => {
    fixesTo('鍙戝竷浜嗘姤鍛婏細\n', '发布了报告：\n', { mojibake: true });
    fixesTo('我们要鍔犲揩鎺ㄨ繘改革。\n', '我们要加快推进改革。\n', { mojibake: true });
  });
});

describe('regressions: the GBK repair is sure of itself', () => {
  it('counts the characters that do not read as Chinese prose, not glosses or their remnants', () => {
    assert.equal(oddCharacters('?。ㄈ┳ァ瓣P鍵少數(shù)”'), 4); // ㄈ ┳ ァ and the P between 瓣 and 鍵
    assert.equal(oddCharacters('發(fā)展經(jīng)濟，GDP增長5%'), 0);
    assert.equal(oddCharacters('�lián)系'), 0);
  });

  it('a re-decoding is certain only when it removes two odd characters and adds none', () => {
    assert.equal(judgeRepair('?。ㄈ┳ァ瓣P鍵少數', '（三）抓“關鍵少數'), 'certain');
    assert.equal(judgeRepair('關(ú)統', 'ｊP統'), 'none'); // the re-decoding reads worse
    assert.equal(judgeRepair('發展經濟', '（展經濟'), 'none'); // the text reads as Chinese already
    assert.equal(judgeRepair('展ァ經濟', '展“經濟'), 'possible'); // one odd character: a quick fix, not fix-all
  });

  it('a line damaged the way the seed is (a lost 0xA3 lead byte) is given back by fix-all', () => {
    const line = '（三）抓“关键少数”，发挥班子成员领学带动作用';
    const damaged = shiftLine(line, 0);
    assert.notEqual(damaged, line);
    const text = `一、总体\n${damaged}\n二、做法\n`;
    // the last character's trail byte went with the shift: it is lost, and shown as �
    assert.equal(checkInvariants(text, { gbk: true }), `一、总体\n${line.slice(0, -1)}\uFFFD\n二、做法\n`);
  });
});

describe('regressions: a re-decoding whose first character is a guess is a choice, not fix-all', () => {
  it('a lost lead byte before the trail 0xBA may have been 0xA1 (『) or 0xA3 (：): both are offered, neither applied', () => {
    const line = '被告：中阳建设集团有限公司，住所地：江西省抚州市临川区荆公路';
    const damaged = shiftLine(line, 0);
    const text = `發(fā)展經(jīng)濟。\n${damaged}\n`;
    const finding = pipeline(text).findings.find((f) => f.code === 'gbk-misaligned');
    assert.ok(finding !== undefined);
    assert.equal(finding.fixes.length, 2);
    assert.ok(finding.fixes.every((f) => !f.safe));
    const readings = finding.fixes.map((f) => applyEdits(text, f.edits).split('\n')[1]!);
    assert.ok(readings.some((r) => r.startsWith('被告：中阳建设集团')), readings.join('\n'));
    assert.ok(readings.some((r) => r.startsWith('被告『中阳建设集团')), readings.join('\n'));
    // fix-all leaves the line as it is (two glosses are a document that glosses on purpose: they stay too)
    assert.equal(checkInvariants(text, { gbk: true }), text);
  });

  it('an indent lost the same way (　 or ！) is not guessed either', () => {
    const line = '　　中华人民共和国国务院向第一届全国人民代表大会第二次会议提出议案';
    const text = `發(fā)展經(jīng)濟。\n${shiftLine(line, 0)}\n`;
    assert.ok(!checkInvariants(text, { gbk: true }).includes('！'));
  });
});

describe('regressions: fix-all applied twice equals fix-all applied once', () => {
  it('UTF-8 read as GBK that is a chrome label once decoded: 鍙戝竷： (发布：)', () => {
    fixesTo('鍙戝竷：', '', { mojibake: true });
  });

  it('UTF-8 read as GBK twice over: the second decoding is part of the same fix-all', () => {
    const clean = '這些統計表明我們的國家正在向着工業化的目標前進，正在向着社會主義的目標前進。\n';
    // the fuzzer's case: two spans read as GBK, the second overlapping the first
    const text = [{ op: 'utf8AsGbk', line: 0, at: 501670476, length: 2 }, { op: 'utf8AsGbk', line: 0, at: 618436471, length: 10 }].reduce((t, m) => mutate(t, m as ByteMutation), clean);
    assert.match(text, /姝|濮/);
    fixesTo(text, clean, { mojibake: true });
  });

  it('chrome found only once other chrome is gone goes in the same fix-all (fuzzer, windows of the corpus)', () => {
    // round 1 removes the 字号 line and the trailing "false" lines; only then is the first "Public domain" trailing residue
    const text = 'Public domain\n【字号：大 中 小】\nPublic domain\nfalse\nfalse';
    assert.notEqual(applyEdits(text, fixAllRound(pipeline(text).findings)), '');
    fixesTo(text, '');
    fixesTo('十\n当前位置：\uFEFF\rP\n下载', '十\n');
  });

  it('the edits of several rounds are merged against the original text', () => {
    const text = '鍙戝竷：\n一、甲\n';
    const edits: Edit[] = settledFixAllEdits(text, pipeline(text).findings, (t) => pipeline(t).findings);
    assert.deepEqual(edits, [{ start: 0, end: 5, newText: '' }]);
  });
});

describe('regressions: line ends', () => {
  it('page chrome before lines that end in a lone CR removes the chrome line only', () => {
    fixesTo('当前位置：首页\r一、正文\r第二段', '一、正文\r第二段');
    fixesTo('当前位置：首页\r\n一、正文\r\n第二段', '一、正文\r\n第二段');
    fixesTo('当前位置：首页\n一、正文\r第二段\r\n', '一、正文\r第二段\r\n');
  });

  it('headings on lines that end in a lone CR are found on their own lines', () => {
    const model = analyze('报告\r一、总体\r（一）甲\r二、做法\r', { codec: gbkCodec });
    assert.deepEqual(model.headings.map((h) => [h.line, h.name]), [[0, '报告'], [1, '一、总体'], [2, '（一）甲'], [3, '二、做法']]);
  });

  it('a U+2028 or U+2029 inside a paragraph starts no line: a marker after it is no heading, the headings around it are found', () => {
    for (const sep of ['\u2028', '\u2029']) {
      const model = analyze(`报告\n一、总体\n正文说明。${sep}（一）不是标题\n  第一条 也不是${sep}\n二、做法\n`);
      assert.deepEqual(model.headings.map((h) => [h.line, h.name]), [[0, '报告'], [1, '一、总体'], [3, '第一条'], [4, '二、做法']]);
    }
  });
});

describe('line ends: every real document reads the same with LF, lone CR and CRLF', () => {
  /** What a text gives, by line and text (offsets differ between LF and CRLF). */
  function summary(text: string): string[] {
    const { model, terms, findings } = pipeline(text);
    const line = (offset: number): number => lineIndexOf(model.lineStarts, offset);
    return [
      ...model.headings.map((h) => `heading ${h.line} ${h.kind} ${h.name}`),
      ...findings.map((f) => `${f.code} ${line(f.start)} ${text.slice(f.start, f.end)}`),
      ...terms.terms.map((t) => `term ${t.name} ${t.definitions.length} ${t.uses.length}`),
    ];
  }

  it('the corpus documents, kinds and seeds with lone CR line ends give the same headings, findings and terms', () => {
    for (const { name, text } of realDocuments()) {
      assert.ok(!text.includes('\r'), `${name} is written with LF`);
      assert.deepEqual(summary(text.replace(/\n/g, '\r')), summary(text), name);
    }
  });

  it('the seed and two laws with CRLF line ends give the same headings, findings and terms', () => {
    for (const { name, text } of realDocuments().filter((d) => /chongqing|hazardous|tw_law_personal/.test(d.name))) {
      assert.deepEqual(summary(text.replace(/\n/g, '\r\n')), summary(text), name);
    }
  });
});

describe('regressions: exceptions', () => {
  it('articles numbered past 一万 are written back in Chinese numerals, never a RangeError', () => {
    assert.deepEqual([10000, 10002, 10010, 12000, 100000, 110000, 100010000].map(formatCnNumeral),
      ['一万', '一万零二', '一万零一十', '一万二千', '十万', '十一万', '一亿零一万']);
    assert.equal(formatCnNumeral(0), '0');
    assert.doesNotThrow(() => checkInvariants('第一万条 甲\n第一万零二条 乙'));
  });

  it('one line of 120 000 glosses: fix-all removes them without overflowing the stack', () => {
    const text = '哈(hā)'.repeat(120_000);
    assert.equal(fixAll(text), '哈'.repeat(120_000));
  });

  it('a trailing "## **" gives a heading inside the text', () => {
    for (const text of ['## **', '# 标题\n## **', '## **\n']) {
      for (const h of analyze(text).headings) assert.ok(h.headingEnd <= text.length && h.end <= text.length, JSON.stringify(text));
    }
  });
});
