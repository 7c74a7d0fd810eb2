/**
 * Workspace symbols across scripts in the editor's pickers (client/src/crossScript.ts): every heading the server
 * matches in the other script keeps a label the picker's filter accepts, and a label already matched is left as it is.
 * Judged on the headings of the Taiwan laws of the corpus, searched in simplified characters as a mainland user types.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { glossedName, labelHoldsQuery } from '../../client/src/crossScript';
import { analyze, foldForSearch, foldTable, matchesFolded } from '../../server/src/core';
import { symbolName } from '../../server/src/service/symbols';
import { converterTo, openccConverter } from '../../server/src/opencc';
import { corpusFiles, readCorpus } from '../util/corpus';

describe('glossedName', () => {
  it('the examples of the issue: 总则 finds 總則, 行政处分 finds 行政處分', () => {
    assert.equal(labelHoldsQuery('第 一 章 總則', '总则'), false);
    assert.equal(glossedName('第 一 章 總則', '总则'), '第 一 章 總則（总则）');
    assert.ok(labelHoldsQuery(glossedName('第 一 章 總則', '总则'), '总则'));
    assert.equal(glossedName('第 10 條 行政處分之撤銷', '行政处分'), '第 10 條 行政處分之撤銷（行政处分）');
  });

  it('a name the picker keeps as it is stays as it is (same script, case, spaces, fuzzy order)', () => {
    assert.equal(glossedName('第 一 章 總則', '總則'), '第 一 章 總則');
    assert.equal(glossedName('一、总体情况', '总 情'), '一、总体情况');
    assert.equal(glossedName('ESG 信息披露', 'esg'), 'ESG 信息披露');
    assert.equal(glossedName('第一条', ''), '第一条');
    assert.equal(glossedName('第一条', '   '), '第一条');
  });

  it('every heading of the Taiwan laws that a simplified query matches keeps a label the filter accepts', () => {
    const table = foldTable(openccConverter);
    const simplify = converterTo('cn');
    let crossScript = 0;
    let checked = 0;
    for (const name of corpusFiles().filter((f) => f.startsWith('tw_law_'))) {
      const headings = analyze(readCorpus(name)).headings.map(symbolName);
      for (const heading of headings) {
        // the user types the last two characters of the heading, in simplified characters (总则 for 總則)
        const typed = simplify(heading.replace(/\s+/g, '').slice(-2));
        if (!matchesFolded(foldForSearch(typed, table), foldForSearch(heading, table))) continue; // the server would not list it
        checked++;
        const label = glossedName(heading, typed);
        assert.ok(labelHoldsQuery(label, typed), `${name}: ${heading} for ${typed} → ${label}`);
        if (labelHoldsQuery(heading, typed)) assert.equal(label, heading, `${name}: ${heading} changed although the filter keeps it`);
        else crossScript++;
      }
    }
    assert.ok(checked > 1000, `only ${checked} headings checked`);
    assert.ok(crossScript > 100, `only ${crossScript} headings differ in script from the simplified query`);
  });
});
