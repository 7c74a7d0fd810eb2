/**
 * The shared stop list (core/stops.ts): one pass for the term cues and the citation triggers. It must give
 * exactly the positions the two separate passes it replaced gave — every cue character, and every place a citation
 * trigger starts — on every corpus document and on texts where the two kinds sit next to each other; and it is made
 * once per model.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { isCue, stopsOf } from '../../server/src/core/stops';
import { corpusFiles, readCorpus } from '../util/corpus';

/** The term extraction's own pass before the stops were shared. */
const CUES = /[“「『‘《称稱即如列]/g;
/** The citation scan's own pass (本/前/同 only before a unit, a count or the start of 法/条例/规定 …). */
const TRIGGER = /[第附《专專]|[本前同][条條款项項目章节節编編两兩二三四五六七八九法宪憲规規办辦细細解决決通准準标標公协協]/g;

function starts(re: RegExp, text: string): number[] {
  return [...text.matchAll(re)].map((m) => m.index!);
}

function stopList(text: string): number[] {
  const s = stopsOf(text, analyze(text));
  return [...s.at.subarray(0, s.count)];
}

function expected(text: string): number[] {
  return [...new Set([...starts(CUES, text), ...starts(TRIGGER, text)])].sort((a, b) => a - b);
}

describe('stops shared by the term extraction and the citation scan', () => {
  it('are the union of the two passes they replace, on every corpus document', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 30, `corpus has ${files.length} documents`);
    for (const f of files) {
      const text = readCorpus(f);
      assert.deepEqual(stopList(text), expected(text), f);
    }
  });

  it('find cues and triggers that touch each other', () => {
    for (const text of [
      '本法第三条“本条”所称前款，即同条第二项；如前两款、附件1、专栏2、《本法》列明。',
      '同本前本条前“前款”稱本法即附第《前条》',
      '前前款本本条同同条第第一条',
      '依照本法第三条，前',
      '本',
    ]) {
      assert.deepEqual(stopList(text), expected(text), text);
    }
  });

  it('tell the term cues from the citation triggers', () => {
    const text = '“甲”称即如列《乙》第附专本条';
    const s = stopsOf(text, analyze(text));
    const cues = [...s.at.subarray(0, s.count)].filter((p) => isCue(text.charCodeAt(p))).map((p) => text[p]).join('');
    assert.equal(cues, '“称即如列《');
  });

  it('list every 指 apart from the stops', () => {
    for (const f of corpusFiles()) {
      const text = readCorpus(f);
      const s = stopsOf(text, analyze(text));
      assert.deepEqual([...s.pointers.subarray(0, s.pointerCount)], starts(/指/g, text), f);
    }
  });

  it('are found once per model', () => {
    const text = '依照本法第三条和前款的规定。';
    const model = analyze(text);
    assert.equal(stopsOf(text, model), stopsOf(text, model));
    assert.notEqual(stopsOf(text, analyze(text)), stopsOf(text, model));
  });
});
