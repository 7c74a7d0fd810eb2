/**
 * The heading table the analysis fills as it builds the tree (core/headingTable.ts) is what the checks read instead
 * of the heading objects: it must say what the objects say — kind, parent, line, offsets, number, children in order —
 * on every real document, the 目录 and mixed-kind ones included.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { HeadingTable, headingTable } from '../../server/src/core/headingTable';
import { KIND_BY_CODE } from '../../server/src/core/markers';
import type { ReportModel } from '../../server/src/core/model';
import { gbkCodec } from '../../server/src/node/codec';
import { realDocuments } from '../util/properties';

/** The table's rows as plain values, children by following its links (roots as parent -1). */
function rows(table: HeadingTable): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < table.count; i++) {
    const children: number[] = [];
    for (let k = table.first(i); k >= 0; k = table.next(k)) children.push(k);
    out.push({
      kind: KIND_BY_CODE[table.kind[i]!], parent: table.parent[i], line: table.line[i], start: table.start[i], headingStart: table.headingStart[i],
      ordinal: Number.isNaN(table.ordinal[i]) ? undefined : table.ordinal[i], repaired: table.repaired[i] === 1, children,
    });
  }
  return out;
}

function fromObjects(model: ReportModel): unknown[] {
  return model.headings.map((h) => ({
    kind: h.kind, parent: h.parent, line: h.line, start: h.start, headingStart: h.headingStart, ordinal: h.ordinal, repaired: h.repaired,
    children: [...h.children],
  }));
}

function roots(table: HeadingTable): number[] {
  const out: number[] = [];
  for (let k = table.first(-1); k >= 0; k = table.next(k)) out.push(k);
  return out;
}

describe('heading table', () => {
  it('the table the analysis fills says what the heading objects say, on every corpus, kinds and seed document', () => {
    let headings = 0;
    for (const { name, text } of realDocuments()) {
      const model = analyze(text, { codec: gbkCodec });
      const table = headingTable(model);
      assert.equal(table.count, model.headings.length, name);
      assert.deepEqual(rows(table), fromObjects(model), name);
      assert.deepEqual(roots(table), [...model.roots], name);
      // the same as a table made from the objects (what a model from elsewhere gets)
      assert.deepEqual(rows(HeadingTable.of(model.headings)), rows(table), name);
      headings += model.headings.length;
    }
    assert.ok(headings > 5000, `only ${headings} headings in the real documents`);
  });

  it('a model made by hand gets a table made from its headings', () => {
    const made = analyze('政府工作报告\n\n一、总体要求\n（一）指导思想\n（二）主要目标\n二、重点任务\n');
    const copy: ReportModel = { ...made, headings: [...made.headings] };
    const table = headingTable(copy);
    assert.deepEqual(rows(table), fromObjects(made));
    assert.deepEqual(roots(table), [0]);
    assert.deepEqual(rows(table).map((r) => (r as { kind: string }).kind), ['title', 'cn', 'cnParen', 'cnParen', 'cn']);
  });
});
