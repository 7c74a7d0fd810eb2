/**
 * The checks on real documents: the seed (every gloss and damaged line reported; fix-all gives back the outline)
 * and the 31 corpus documents, whose every diagnostic is listed and judged in test/fixtures/corpus-diagnostics.json.
 */
import { strict as assert } from 'node:assert';
import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, indexTerms, type ReportModel } from '../../server/src/core';
import { applyEdits, fixAllEdits, runChecks, type Finding } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { scriptTable as scriptTableFromOpenCC } from '../util/host';
import { openccConverter } from '../../server/src/opencc';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';
import { REPO_ROOT } from '../util/paths';

function parse(text: string): ReportModel {
  return analyze(text, { codec: gbkCodec });
}

/** The checks as the server runs them: with the GBK codec and the document's key terms. */
function checks(text: string, model = parse(text)): Finding[] {
  return runChecks(text, model, { codec: gbkCodec, terms: indexTerms(text, model, { converter: openccConverter }) });
}

function lineOf(model: ReportModel, offset: number): number {
  let line = 0;
  while (line + 1 < model.lineStarts.length && model.lineStarts[line + 1]! <= offset) line++;
  return line + 1;
}

describe('the seed', () => {
  const text = readSeed('chongqing-minjin-2017-scraped.txt');
  const model = parse(text);
  const findings = checks(text, model);

  it('reports every one of the 109 glosses, one finding per line that lists them, and removes each', () => {
    const glosses = model.damage.filter((d) => d.kind === 'pinyinGloss');
    assert.equal(glosses.length, 109);
    const lines = findings.filter((f) => f.code === 'pinyin-gloss');
    assert.ok(lines.length < 60, `${lines.length} findings: one per line, not one per gloss`);
    for (const g of glosses) {
      const line = lines.find((f) => f.fixes[0]!.edits.some((e) => e.start === g.start && e.end === g.end && e.newText === ''));
      assert.ok(line !== undefined, `gloss ${text.slice(g.start - 1, g.end)} at ${g.start} is reported`);
      assert.equal(lineOf(model, line.start), lineOf(model, g.start));
      assert.ok(line.message.zh.includes(text.slice(g.start - 1, g.end)), `the message lists ${text.slice(g.start - 1, g.end)}`);
    }
  });

  it('reports the 7 misaligned lines with their recovered text as the fix', () => {
    const damaged = model.damage.filter((d) => d.kind === 'gbkMisaligned');
    assert.equal(damaged.length, 7);
    for (const d of damaged) {
      const f = findings.find((x) => x.code === 'gbk-misaligned' && x.start === d.start && x.end === d.end);
      assert.ok(f !== undefined, `line ${lineOf(model, d.start)}`);
      assert.deepEqual(f.fixes[0]!.edits, [{ start: d.start, end: d.end, newText: d.repair }]);
      assert.ok(f.fixes[0]!.title.zh.startsWith('恢复为：（'));
    }
  });

  it('fix-all gives text whose outline has all 13 headings and no damage but the characters the bytes cannot give back', () => {
    const fixed = applyEdits(text, fixAllEdits(findings));
    const after = parse(fixed);
    assert.deepEqual(after.damage, [], 'no glosses, no misaligned lines');
    assert.deepEqual(after.headings.map((h) => '  '.repeat(h.level) + h.name), [
      '重慶市委會:凝聚共識 匯聚力量為全面建成小康社會作出新貢獻',
      '  一、主要成效',
      '  二、基本做法',
      '    （一）“五指緊扣”“七措連環”,一盤棋整體推進',
      '    （二）抓學習,豐富學習實踐活動內涵',
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
    const left = checks(fixed, after);
    assert.deepEqual(left.filter((f) => ['pinyin-gloss', 'gbk-misaligned', 'mojibake', 'page-chrome'].includes(f.code)), []);
    const lost = left.filter((f) => f.code === 'replacement-char');
    assert.ok(lost.length > 0);
    for (const f of lost) assert.match(fixed.slice(f.start, f.end), /^[\uFFFD?]/, 'only characters whose bytes are gone');
    assert.ok(!fixed.includes('當前位置') && !fixed.includes('責任編輯'), 'page chrome removed');
    assert.ok(fixed.includes('理性?《在學習實踐活動中深化集智聚力工作機制——') && fixed.includes('支部?“新會員支部”抓住'), 'the mid-line runs recovered');
  });
});

interface FixtureEntry {
  readonly code: string;
  readonly line: number;
  readonly text: string;
  readonly verdict: string;
}

describe('the corpus: every diagnostic listed and judged (test/fixtures/corpus-diagnostics.json)', () => {
  const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'corpus-diagnostics.json'), 'utf8')) as {
    documents: Record<string, FixtureEntry[]>;
  };
  const files = corpusFiles();

  it('lists all 31 documents', () => {
    assert.deepEqual(Object.keys(fixture.documents).sort(), files);
  });

  it('has no numbering diagnostic that is not a real slip of its document', () => {
    const numbering = Object.entries(fixture.documents).flatMap(([file, list]) => list.filter((e) => e.code.startsWith('numbering-')).map((e) => ({ file, ...e })));
    for (const e of numbering) assert.match(e.verdict, /^real slip/, `${e.file}:${e.line}`);
    assert.deepEqual(numbering.map((e) => `${e.file}:${e.line} ${e.text}`), ['cn_law_copyright_law_2020.md:65 第二章']);
  });

  for (const file of files) {
    it(`${file}: exactly the listed diagnostics`, () => {
      const text = readCorpus(file);
      const model = parse(text);
      const got = checks(text, model).map((f) => ({ code: f.code, line: lineOf(model, f.start), text: text.slice(f.start, f.end) }));
      const expected = (fixture.documents[file] ?? []).map(({ code, line, text: t }) => ({ code, line, text: t }));
      assert.deepEqual(got, expected);
    });
  }

  it('fix-all on the scraped provincial reports removes the chrome and keeps every heading', () => {
    for (const file of files.filter((f) => f.startsWith('cn_prov_2026_'))) {
      const text = readCorpus(file);
      const model = parse(text);
      const fixed = applyEdits(text, fixAllEdits(checks(text, model)));
      const after = parse(fixed);
      assert.deepEqual(after.headings.filter((h) => h.kind !== 'title').map((h) => h.name), model.headings.filter((h) => h.kind !== 'title').map((h) => h.name), file);
      assert.deepEqual(checks(fixed, after).filter((f) => f.code === 'page-chrome'), [], file);
      assert.ok(fixed.includes('各位代表'), file);
    }
  });
});

/**
 * Damaged copies of real documents, made the way the seed was damaged: pinyin glosses after some characters; heading
 * lines indented with U+3000 that lost their first GBK bytes (a "?" left, the rest decoded one byte late); and 。 before
 * “ or 《 whose lead byte became "?" mid-line. Decoded line by line, so a run out of step at a line's end loses its
 * last byte (a U+FFFD the fix keeps).
 */
function damaged(text: string, seed: number): { text: string; glosses: number; lines: number; runs: number } {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const syllables = ['fā', 'tǒng', 'xiàn', 'lián', 'wǎng', 'qū', 'chuàng', 'diào', 'yōu', 'jīng'];
  let glosses = 0;
  let lines = 0;
  let runs = 0;
  const out = text.split('\n').map((line) => {
    let s = line.replace(/[\u4e00-\u9fff]/g, (ch) => {
      if (random() >= 0.01) return ch;
      glosses++;
      return `${ch}(${syllables[Math.floor(random() * syllables.length)]})`;
    });
    if (/^（[一二三四五六七八九十]+）/.test(s) && lines < 7) {
      lines++;
      const bytes = iconv.encode('\u3000\u3000' + s, 'gbk');
      return iconv.decode(Buffer.concat([Buffer.from('?'), bytes.subarray(3)]), 'gbk');
    }
    const k = s.search(/。[《“]/);
    if (k > 0 && runs < 3 && random() < 0.5) {
      runs++;
      const bytes = iconv.encode(s, 'gbk');
      const at = iconv.encode(s.slice(0, k), 'gbk').length;
      s = iconv.decode(Buffer.concat([bytes.subarray(0, at), Buffer.from('?'), bytes.subarray(at + 1)]), 'gbk');
    }
    return s;
  });
  return { text: out.join('\n'), glosses, lines, runs };
}

describe('damaged copies of real documents (made the way the seed was damaged)', () => {
  for (const file of ['cn_prov_2026_beijing_government_work_report.txt', 'cn_gwr_1983_national_government_work_report.txt', 'cn_prov_2026_sichuan_government_work_report.txt', 'tw_law_copyright_act.txt']) {
    it(`${file}: every gloss and damaged line reported; fix-all gives back every heading`, () => {
      const clean = readCorpus(file);
      const copy = damaged(clean, 7);
      const model = parse(copy.text);
      const findings = checks(copy.text, model);
      const glossEdits = findings.filter((f) => f.code === 'pinyin-gloss').reduce((n, f) => n + f.fixes[0]!.edits.length, 0);
      assert.ok(glossEdits >= copy.glosses, `${glossEdits} glosses reported, ${copy.glosses} inserted`);
      assert.ok(findings.filter((f) => f.code === 'gbk-misaligned').length >= copy.lines + copy.runs - 1, 'misaligned lines and runs reported');
      assert.deepEqual(findings.filter((f) => f.code.startsWith('numbering-')).map((f) => f.message.en), [], 'damage is not a numbering error');
      const fixed = applyEdits(copy.text, fixAllEdits(findings));
      const after = parse(fixed);
      assert.deepEqual(after.damage, []);
      const names = (m: ReportModel): string[] => m.headings.filter((h) => h.kind !== 'title').map((h) => h.name);
      const want = names(parse(clean));
      const got = names(after);
      assert.equal(got.length, want.length);
      // each heading comes back, but for characters whose bytes were lost (U+FFFD in their place)
      got.forEach((name, i) => {
        const pattern = new RegExp('^' + [...name].map((ch) => (ch === '\uFFFD' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('') + '$', 'u');
        assert.match(want[i]!, pattern, `heading ${i}: ${name}`);
      });
    });
  }
});

describe('script mixing with the OpenCC tables (a rule that is off by default)', () => {
  it('finds the mixed documents of the corpus and nothing in the others', () => {
    const script = scriptTableFromOpenCC();
    const found: Record<string, number> = {};
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      const n = runChecks(text, parse(text), { codec: gbkCodec, script, enabled: (c) => c === 'script-mixing' }).length;
      if (n > 0) found[file] = n;
    }
    // 1921: the Wikisource page mixes traditional 別 發 國 權 into simplified text; 1954: a traditional text with
    // simplified 届 着 够 强; 1955: one traditional heading (三、第一個五年計劃的若幹問題); Sichuan: 濛溪河, a site
    // name written with 濛 in simplified text too (the one false report, and why the rule is off by default).
    assert.deepEqual(Object.keys(found).sort(), [
      'cn_cpc_1921_guangzhou_report.txt',
      'cn_gwr_1954_national_government_work_report.txt',
      'cn_gwr_1955_national_government_work_report.txt',
      'cn_prov_2026_sichuan_government_work_report.txt',
    ]);
    assert.equal(found['cn_gwr_1955_national_government_work_report.txt'], 1);
    assert.equal(found['cn_prov_2026_sichuan_government_work_report.txt'], 1);
  });
});
