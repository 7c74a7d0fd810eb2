/**
 * The summary of one report (core/summary.ts): what the workspace index keeps of a file. Judged on real documents —
 * the criminal law (definitions, articles), the seed (traditional script, pinyin glosses, a colon definition) — and
 * on small inline texts for UTF-16 positions.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, bigramFilter, foldTable, indexTerms, isGlossaryPath, keyOf, mayContain, summarizeReport, type ReportSummary } from '../../server/src/core';
import { glossaryEntries } from '../../server/src/core/summary';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { readCorpus, readSeed } from '../util/corpus';

const table = foldTable(openccConverter);

function summarize(text: string, path?: string): ReportSummary {
  const model = analyze(text, { codec: gbkCodec });
  return summarizeReport(text, model, indexTerms(text, model, { converter: openccConverter }), path === undefined ? {} : { path });
}

/** The text at a line/character and a length (lines split at LF: the corpus files are LF). */
function at(text: string, line: number, character: number, length: number): string {
  return text.split('\n')[line]!.slice(character, character + length);
}

describe('summarizeReport', () => {
  const law = readCorpus('cn_law_criminal_law.md');
  const lawSummary = summarize(law);

  it("keeps a law's title, its articles by number and line, and its 本法所称 definitions where they are written", () => {
    assert.equal(lawSummary.title, '中华人民共和国刑法');
    const first = lawSummary.articles[0]!;
    assert.equal(first[0], 100); // 第一条
    assert.ok(law.split('\n')[first[1]]!.startsWith('第一条'));
    const last = lawSummary.articles[lawSummary.articles.length - 1]!;
    assert.equal(last[0], 45200); // 第四百五十二条
    assert.ok(law.split('\n')[last[1]]!.startsWith('第四百五十二条'));
    const staff = lawSummary.definitions.find((d) => d.key === '国家工作人员');
    assert.ok(staff);
    assert.equal(staff.kind, 'meaning');
    assert.match(staff.text, /^是指国家机关中从事公务的人员/);
    assert.equal(at(law, staff.line, staff.character, staff.length), '国家工作人员');
    const section = lawSummary.outline[staff.section]!;
    assert.equal(section.kind, 'article');
    assert.equal(section.marker, '第九十三条');
  });

  it('places every heading of the outline on its line, with its parent before it', () => {
    const lines = law.split('\n');
    lawSummary.outline.forEach((h, i) => {
      assert.ok(h.parent < i);
      if (h.kind === 'title') return;
      assert.equal(h.start.line, h.end.line, h.name);
      assert.ok(lines[h.start.line]!.slice(h.start.character, h.end.character).startsWith(h.marker), h.name);
    });
    const total = lawSummary.outline.find((h) => h.kind === 'part' && h.title === '总则');
    assert.ok(total, '第一编 总则');
    assert.equal(at(law, total.start.line, total.start.character, 3), '第一编');
  });

  it('keeps every use of a term with the spelling it has in the text (traditional, glossed) and its count', () => {
    const seed = readSeed('chongqing-minjin-2017-scraped.txt');
    const summary = summarize(seed);
    const salon = summary.terms.find((t) => t.key === keyOf('網上沙龍', table));
    assert.ok(salon);
    assert.equal(salon.count, salon.uses.length / 3);
    for (const s of summary.terms) {
      for (let k = 0; k < s.uses.length; k += 3) {
        assert.equal(keyOf(at(seed, s.uses[k]!, s.uses[k + 1]!, s.uses[k + 2]!), table), s.key, s.name);
      }
    }
    // 五指緊扣 is defined by a colon entry: “五指緊扣”:…
    const fingers = summary.definitions.find((d) => d.key === keyOf('五指緊扣', table));
    assert.ok(fingers);
    assert.equal(at(seed, fingers.line, fingers.character, fingers.length), '五指緊扣');
  });

  it('counts characters in UTF-16 code units (a character outside the BMP is two)', () => {
    const text = '关于𠀀工作的报告\n\n一、总体情况\n\n𠀀𠀀“网上沙龙”（以下简称“沙龙”）办得好，沙龙很多。\n\n二、下一步\n\n三、其他\n';
    const summary = summarize(text);
    const salon = summary.terms.find((t) => t.key === '沙龙');
    assert.ok(salon);
    const lines = text.split('\n');
    for (let k = 0; k < salon.uses.length; k += 3) {
      assert.equal(lines[salon.uses[k]!]!.slice(salon.uses[k + 1]!, salon.uses[k + 1]! + salon.uses[k + 2]!), '沙龙');
    }
    assert.equal(salon.uses[1], '𠀀𠀀“网上沙龙”（以下简称“'.length);
    assert.equal(summary.outline[0]!.end.character, '关于𠀀工作的报告'.length);
  });

  it('is plain data: strings, finite numbers, booleans, arrays and plain objects only (no typed arrays, no maps)', () => {
    const bad: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v === undefined || typeof v === 'string' || typeof v === 'boolean') return;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) bad.push(path);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      else bad.push(path);
    };
    walk(lawSummary, 'summary');
    assert.deepEqual(bad, []);
  });
});

describe('glossary files', () => {
  // terms the 2025 work report quotes, written as a user's glossary would: unquoted, one a line, any numbering, either script
  const glossary = [
    '新質生產力：是指創新起主導作用的先進生產力質態。',
    '2. 两重：是指国家重大战略实施和重点领域安全能力建设。',
    '（3）“两新”：是指推动新一轮大规模设备更新和消费品以旧换新。',
    '三保\t保基本民生、保工资、保运转',
    '这一年，我们做了很多工作：稳增长、促改革。',
    '',
  ].join('\n');

  it('a file named like a glossary defines the term of each line, whatever the numbering, quotes or script', () => {
    const summary = summarize(glossary, 'file:///ws/%E8%AF%8D%E6%B1%87%E8%A1%A8.txt'); // 词汇表.txt
    assert.equal(summary.glossary, true);
    const byKey = new Map(summary.definitions.map((d) => [d.key, d]));
    assert.deepEqual([...byKey.keys()].sort(), [keyOf('新質生產力', table), '两重', '两新', '三保'].sort());
    const first = byKey.get(keyOf('新質生產力', table))!;
    assert.equal(at(glossary, first.line, first.character, first.length), '新質生產力');
    assert.match(first.text, /^是指創新起主導作用/);
    assert.equal(byKey.get('三保')!.text, '保基本民生、保工资、保运转');
    assert.equal(at(glossary, byKey.get('两重')!.line, byKey.get('两重')!.character, 2), '两重');
  });

  it('any text: every entry names text that is there, on one line (property)', () => {
    const line = fc.array(fc.constantFrom('新', '質', '两', '重', '：', ':', '\t', '“', '”', '1', '.', '（', '）', '、', '，', ' ', '\u3000', 'a', '\r'), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        const model = analyze(text);
        for (const entry of glossaryEntries(text, model.lineStarts)) {
          assert.ok(entry.start >= 0 && entry.start + entry.name.length <= text.length);
          assert.equal(text.slice(entry.start, entry.start + entry.name.length), entry.name);
          assert.ok(!/[\n\r]/.test(entry.name) && !/[\n\r]/.test(entry.text) && entry.name.length >= 2);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('the same lines in a file that is not a glossary define nothing of the kind (they are prose there)', () => {
    const summary = summarize(glossary, 'file:///ws/notes.txt');
    assert.equal(summary.glossary, false);
    assert.ok(!summary.definitions.some((d) => d.kind === 'glossary' && d.key === '三保'));
  });
});

describe('bigramFilter and mayContain', () => {
  it('never says no to a term the text uses (the seed: traditional, glossed); says no to most that it lacks', () => {
    const seed = readSeed('chongqing-minjin-2017-scraped.txt');
    const summary = summarize(seed);
    const filter = bigramFilter(seed, table);
    for (const t of summary.terms) assert.ok(mayContain(filter, t.key), t.name);
    assert.ok(mayContain(filter, keyOf('網上沙龍', table)) && seed.includes('網(wǎng)上沙龍'));
    const absent = ['量子纠缠态', '危险化学品', '司法工作人员', '著作权人', '海洋倾废'].filter((k) => !seed.includes(k));
    assert.ok(absent.filter((k) => mayContain(filter, keyOf(k, table))).length <= 1);
  });

  it('any text and any piece of it: the piece may be contained (property)', () => {
    const chars = fc.constantFrom('網', '网', '上', '沙', '龍', '(', 'wǎng', ')', '「', '“', 'Ａ', 'a', ' ', '\u3000', '\n', '發', 'fā');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 2, maxLength: 40 }), fc.nat(), fc.nat(), (parts, i, j) => {
        const text = parts.join('');
        const a = i % text.length;
        const b = a + 2 + (j % Math.max(1, text.length - a - 1));
        const key = keyOf(text.slice(a, Math.min(b, text.length)), table);
        if (key.length >= 2 && !key.includes('(')) assert.ok(mayContain(bigramFilter(text, table), key), JSON.stringify([text, key]));
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});

describe('isGlossaryPath', () => {
  it('tells a glossary by its file name, in either script, encoded or not', () => {
    for (const path of ['名词解释.txt', '/docs/2025年报告名詞解釋.md', 'file:///ws/%E6%9C%AF%E8%AF%AD%E8%A1%A8.md', 'Glossary.md', 'C:\\报告\\詞彙表.txt', 'terminology-2024.txt']) {
      assert.ok(isGlossaryPath(path), path);
    }
  });

  it('reads the name only: a report, a folder called 术语, a near word are not glossaries', () => {
    for (const path of ['政府工作报告.txt', 'file:///ws/%E6%9C%AF%E8%AF%AD/report.txt', '/ws/glossy.txt', '/ws/名词.txt']) {
      assert.equal(isGlossaryPath(path), false, path);
    }
  });
});
