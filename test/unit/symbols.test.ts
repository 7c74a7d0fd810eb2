/**
 * Workspace-symbol helpers of the core: which files count as reports (the corpus documents with headings and the seed
 * do; prose and a README do not), and query matching across scripts, widths and case.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, foldForSearch, foldTable, isReportModel, keyOf, matchesFolded } from '../../server/src/core';
import { openccConverter } from '../../server/src/opencc';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';

describe('isReportModel', () => {
  it('every corpus document with headings, and the seed, count as reports', () => {
    // the 1954 report is a speech and the 2025 resolution a single decision: neither has a heading to list
    const missed = corpusFiles().filter((name) => !isReportModel(analyze(readCorpus(name))));
    assert.deepEqual(missed, ['cn_gwr_1954_national_government_work_report.txt', 'cn_npc_2025_resolution_on_gwr.txt']);
    for (const name of missed) assert.equal(analyze(readCorpus(name)).headings.length, 0, name);
    assert.ok(isReportModel(analyze(readSeed('chongqing-minjin-2017-scraped.txt'))));
  });

  it('prose, a Markdown README and a short note do not', () => {
    assert.equal(isReportModel(analyze('今天天气很好，我们去公园散步。\n'.repeat(30))), false);
    assert.equal(isReportModel(analyze('# 项目说明\n\n## 安装\n\n## 使用\n\n## 许可\n')), false);
    assert.equal(isReportModel(analyze('会议通知\n\n一、时间\n\n明天上午。\n')), false);
  });

  it('a title and two headings, or three headings, are enough', () => {
    assert.ok(isReportModel(analyze('关于某项工作的报告\n\n一、总体情况\n\n二、下一步安排\n')));
    assert.ok(isReportModel(analyze('第一条 内容。\n\n第二条 内容。\n\n第三条 内容。\n')));
  });
});

describe('foldForSearch and matchesFolded', () => {
  const table = foldTable(openccConverter);
  const matches = (query: string, name: string): boolean => matchesFolded(foldForSearch(query, table), foldForSearch(name, table));

  it('a query matches a name in the other script, width or case, its characters in order', () => {
    assert.ok(matches('总则', '第 一 編 總則'));
    assert.ok(matches('總體情況', '一、总体情况'));
    assert.ok(matches('第十條', '第十条'));
    assert.ok(matches('ｅｓｉ', 'ESI'));
    assert.ok(matches('一总', '一、总体情况'), 'characters in order, not necessarily adjacent');
    assert.ok(matches('', '任何名称'), 'an empty query matches everything');
  });

  it('characters out of order or missing do not match', () => {
    assert.equal(matches('则总', '第一章 总则'), false);
    assert.equal(matches('总纲', '第一章 总则'), false);
  });
});

describe('foldForSearch: the one-pass path for plain names', () => {
  const table = foldTable(openccConverter);
  const spec = (s: string): string => keyOf(s, table).toLowerCase().replace(/\s+/g, '');

  it('folds every corpus heading name and title as the general rule does', () => {
    for (const name of corpusFiles()) {
      for (const h of analyze(readCorpus(name)).headings) {
        assert.equal(foldForSearch(h.name, table), spec(h.name), h.name);
        assert.equal(foldForSearch(h.title, table), spec(h.title), h.title);
      }
    }
  });

  it('any mix of scripts, widths, cases, blanks, glosses, Latin-1, Greek and astral letters: the same as the general rule (property)', () => {
    const chars = fc.constantFrom('總', '则', '網', '(', 'fā', ')', 'A', 'z', 'Ａ', 'ｚ', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2003', 'É', 'Σ', '𐐀', '𠀀', '「', '１', '.', '、');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        assert.equal(foldForSearch(s, table), spec(s));
      }),
      { numRuns: 500, seed: 13 },
    );
    const long = '總則'.repeat(300);
    assert.equal(foldForSearch(long, table), spec(long));
  });
});
