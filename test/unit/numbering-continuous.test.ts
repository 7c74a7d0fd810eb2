/**
 * Numbering that runs straight through a document on purpose (issue 10): items 1.–79. across 一、–十、, chapters across
 * 编, a book of a code that starts at its own article numbers, the Taiwan 壹、 > 一、 families, a page's running head.
 * None of it is a gap or a duplicate; renumbering is offered only for one list with a slip, never across parents.
 * Real documents in test/fixtures/numbering (sources in its README) and ../shared/corpus/kinds.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { applyEdits, runChecks, type CheckCode, type Finding } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { readCorpus } from '../util/corpus';
import { REPO_ROOT } from '../util/paths';

const SEQUENCE: CheckCode[] = ['numbering-gap', 'numbering-duplicate', 'numbering-order'];

function numbering(text: string): Finding[] {
  return runChecks(text, analyze(text, { codec: gbkCodec }), { codec: gbkCodec }).filter((f) => SEQUENCE.includes(f.code));
}

function brief(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`);
}

function fixture(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'numbering', name), 'utf8');
}

describe('numbering straight through real documents', () => {
  for (const [name, what] of [
    ['civil_procedure_law_2023.md', 'chapters across 编'],
    ['spc_enforcement_provisions_2020.md', 'items 1.–79. across 一、–十、'],
    ['spc_maritime_court_jurisdiction_2016.md', 'items 1.–109. across 一、–七、'],
    ['civil_code_book6_succession.md', 'a book of the Civil Code from 第一千一百一十九条'],
  ] as const) {
    it(`${name}: ${what} is no gap`, () => {
      const text = fixture(name);
      assert.ok(analyze(text).headings.length > 10, 'the document has its headings');
      assert.deepEqual(brief(text, numbering(text)), []);
    });
  }

  it('the Shanghai work points: 1.–32. across （一）–（十五）, and （一）–（十五） across 一、–五、', () => {
    const text = readCorpus('kinds/cn_notice_2026_shanghai_quantum_city_work_points.md');
    const model = analyze(text);
    assert.equal(model.headings.filter((h) => h.kind === 'num').length, 32);
    assert.deepEqual(brief(text, numbering(text)), []);
  });

  it('a Taiwan judgment: 壹、 貳、 參、 are a family of their own, not duplicates of 一、 二、 三、', () => {
    const text = readCorpus('kinds/tw_judgment_2009_kinmen_high_court_wildlife_conservation_appeal.txt');
    const found = brief(text, numbering(text));
    assert.ok(!found.some((f) => /[壹貳參]/.test(f)), found.join('\n'));
    // what is left: （四） → （六） (the judgment has no （五） there); the 三、 that starts a wrapped line of a sentence
    // is not a heading, so the 二、 after it is in order
    assert.deepEqual(found, ['numbering-gap （六）']);
  });
});

describe('lists that start lower are not a level climbing back', () => {
  const skips = (text: string): string[] =>
    brief(text, runChecks(text, analyze(text, { codec: gbkCodec }), { codec: gbkCodec }).filter((f) => f.code === 'numbering-level-skip'));

  it('a judgment lists its evidence 1.–11., then orders 一、 二、: no level-skip (the outline nests them under 3.)', () => {
    assert.deepEqual(skips(readCorpus('kinds/cn_judgment_2019_meishan_pengshan_construction_contract_first_instance.txt')), []);
    assert.deepEqual(skips(readCorpus('kinds/hk_policy_address_2014_legco_hansard.txt')), []);
    assert.deepEqual(skips('判决书\n证据如下：\n1.合同\n2.发票\n判决如下：\n一、被告支付\n二、驳回其他请求\n'), []);
  });

  it('a level between two the document uses above it still climbs back: 一、 → 1. → （一）', () => {
    assert.deepEqual(skips('一、总体\n1.小项\n（一）回到高一级\n二、其他\n'), ['numbering-level-skip （一）']);
  });
});

describe('numbering straight through: inline documents', () => {
  it('items that continue across sections are in order; the sections are too', () => {
    const text = '报告\n一、总体\n（一）甲\n1.子一\n2.子二\n（二）乙\n3.子三\n二、做法\n（三）丙\n4.子四\n5.子五\n';
    assert.deepEqual(brief(text, numbering(text)), []);
  });

  it('a number skipped between two sections of a continuous list is a gap after the number before it, with no renumbering', () => {
    const text = '报告\n一、总体\n1.子一\n2.子二\n二、做法\n3.子三\n三、展望\n5.子五\n6.子六\n';
    const findings = numbering(text);
    assert.deepEqual(brief(text, findings), ['numbering-gap 5.']);
    assert.match(findings[0]!.message.zh, /「3\.」之后是「5\.」，缺少「4\.」/);
    assert.deepEqual(findings[0]!.fixes, []);
  });

  it('a list that restarts at one under each section is not continuous, and still reports its own gaps', () => {
    const text = '一、总体\n1.甲\n2.乙\n二、做法\n1.丙\n3.丁\n';
    const findings = numbering(text);
    assert.deepEqual(brief(text, findings), ['numbering-gap 3.']);
    assert.equal(applyEdits(text, findings[0]!.fixes[0]!.edits), '一、总体\n1.甲\n2.乙\n二、做法\n1.丙\n2.丁\n');
  });

  it('chapters numbered across 编 are in order', () => {
    const text = '某某法\n第一编 总则\n第一章 任务\n第一条 甲\n第二章 管辖\n第二条 乙\n第二编 程序\n第三章 审判\n第三条 丙\n';
    assert.deepEqual(brief(text, numbering(text)), []);
  });

  it('an excerpt of a law starts at its own article number', () => {
    const text = '刑法（节选）\n第三百条 甲\n第三百零一条 乙\n第三百零二条 丙\n';
    assert.deepEqual(brief(text, numbering(text)), []);
    const text2 = '第一万条 甲\n第一万零二条 乙\n';
    const [gap] = numbering(text2);
    assert.match(gap!.message.zh, /缺少「第一万零一条」/);
  });

  it('a page\'s running head repeating a chapter heading is not a duplicate; a second chapter two is', () => {
    const head = '第二章 会计数据和财务指标';
    const text = `年度报告\n第一章 公司简介\n正文。\n${head}\n正文。\n${head}\n正文。\n${head}\n第二章 另一章\n`;
    assert.deepEqual(brief(text, numbering(text)), ['numbering-duplicate 第二章']);
  });

  it('a number written inside a line before the gap explains it: 注：（1）… then （2）', () => {
    const text = '一、说明\n注：（1）以上指标按规定计算，\n（2）根据有关规定执行。\n（3）其他。\n';
    assert.deepEqual(brief(text, numbering(text)), []);
  });

  it('renumbering is offered only for one list with a slip, not for a run that is out of order throughout', () => {
    const slip = '一、甲\n二、乙\n四、丙\n五、丁\n';
    assert.equal(numbering(slip)[0]!.fixes.length, 1);
    const jumbled = '一、甲\n四、乙\n二、丙\n五、丁\n三、戊\n';
    const findings = numbering(jumbled);
    assert.ok(findings.length > 0);
    for (const f of findings) assert.deepEqual(f.fixes, [], brief(jumbled, [f]).join());
  });
});
