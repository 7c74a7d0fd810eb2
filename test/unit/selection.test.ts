/** Smart selection grows sentence → paragraph → section → parent section; the cursor is marked ‸ in the text. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, headingAt, selectionRanges } from '../../server/src/core';
import { withCursor } from '../util/corpus';

function chain(marked: string): string[] {
  const { text, offset } = withCursor(marked);
  return selectionRanges(text, analyze(text), offset).map(([s, e]) => text.slice(s, e));
}

describe('selectionRanges', () => {
  const doc = '报告\n\n一、总体情况\n\n（一）主要成效\n\n经济运行平稳。就业‸形势稳定；物价温和上涨。\n\n（二）存在问题\n\n问题不少。\n\n二、下一步\n';

  it('grows from the sentence to the paragraph, the section, its parent section and the whole text', () => {
    const ranges = chain(doc);
    assert.deepEqual(ranges.slice(0, 2), ['就业形势稳定；', '经济运行平稳。就业形势稳定；物价温和上涨。']);
    assert.ok(ranges[2]!.startsWith('（一）主要成效') && ranges[2]!.endsWith('物价温和上涨。'));
    assert.ok(ranges[3]!.startsWith('一、总体情况') && ranges[3]!.endsWith('问题不少。'));
    assert.ok(ranges.at(-1)!.startsWith('报告') && ranges.at(-1)!.endsWith('二、下一步'));
  });

  it('each range contains the one before it', () => {
    const { text, offset } = withCursor(doc);
    const ranges = selectionRanges(text, analyze(text), offset);
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i]![0] <= ranges[i - 1]![0] && ranges[i - 1]![1] <= ranges[i]![1]);
  });

  it('finds the innermost section at a position', () => {
    const { text, offset } = withCursor(doc.replace('‸', '').replace('问题不少', '问题‸不少'));
    const model = analyze(text);
    assert.equal(model.headings[headingAt(model, offset)]!.name, '（二）存在问题');
  });

  it('works on an empty line and at the end of the text', () => {
    const { text } = withCursor('一、甲\n\n正文。‸');
    const model = analyze(text);
    assert.ok(selectionRanges(text, model, text.length).length >= 1);
    assert.deepEqual(selectionRanges(text, model, 4).map(([s, e]) => text.slice(s, e)).at(-1), '一、甲\n\n正文。');
  });
});
