/**
 * The cap on findings (runChecksCapped, what the server runs): the same findings as runChecks, cut after the first N in
 * document order, the rest counted and the first of them located — on the seed, on every corpus document, and on floods
 * where the rules skip building findings that would not be kept.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, indexTerms } from '../../server/src/core';
import { runChecks, runChecksCapped, type CheckOptions } from '../../server/src/core/checks';
import { gbkCodec } from '../../server/src/node/codec';
import { openccConverter } from '../../server/src/opencc';
import { corpusFiles, readCorpus, readSeed } from '../util/corpus';

function compare(name: string, text: string, caps: readonly number[]): void {
  const model = analyze(text, { codec: gbkCodec });
  const options: CheckOptions = { codec: gbkCodec, terms: indexTerms(text, model, { converter: openccConverter }) };
  const all = runChecks(text, model, options);
  const span = (f: { start: number; end: number }): string => `${f.start}-${f.end}`;
  for (const cap of caps) {
    const capped = runChecksCapped(text, model, options, cap);
    const kept = Math.min(cap, all.length);
    // the same findings in the same order (ties at one position may come in either order: compare the spans)
    assert.deepEqual(capped.findings.map(span), all.slice(0, kept).map(span), `${name}, cap ${cap}`);
    assert.deepEqual(capped.findings.map((f) => f.code).sort(), all.slice(0, kept).map((f) => f.code).sort(), `${name}, cap ${cap}: codes`);
    assert.equal(capped.omitted, all.length - kept, `${name}, cap ${cap}: omitted`);
    assert.equal(capped.firstOmitted === undefined ? undefined : span(capped.firstOmitted), all[kept] === undefined ? undefined : span(all[kept]), `${name}, cap ${cap}: first omitted`);
  }
}

describe('runChecksCapped: the first N findings of runChecks, the rest counted', () => {
  it('on the seed', () => {
    compare('seed', readSeed('chongqing-minjin-2017-scraped.txt'), [1, 5, 50, 1000]);
  });

  it('on every corpus document', () => {
    for (const file of corpusFiles()) compare(file, readCorpus(file), [3, 40]);
  });

  it('on floods of findings of every kind the rules skip building', () => {
    const floods: Record<string, string> = {
      brackets: '正文（未闭合“引号《书名\n'.repeat(300) + '）”》'.repeat(50),
      glosses: '發(fā)布網(wǎng)上沙龍。\n'.repeat(300),
      chrome: '政府工作报告\n\n正文第一段，讲工作。\n' + '打印\n下载\n'.repeat(200) + '当前位置：首页\n',
      numbering: '一、甲\n（1）乙\n1.丙\n一、丁\n三、戊\n二、己\n一.庚\n'.repeat(100),
    };
    for (const [name, text] of Object.entries(floods)) compare(name, text, [1, 7, 100]);
  });
});
