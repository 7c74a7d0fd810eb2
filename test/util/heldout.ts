/**
 * Outline scores against hand labels (test/fixtures/kinds/heldout-labels.txt): one reading of the labels and one
 * measure, shared by test/unit/kinds.test.ts (floors) and scripts/score-outline.mjs (the table and the misses).
 *
 * Labels: "file <name>", "title <line>[,<line>]" or "title -", then "<line> <parent line>" per heading (0 = root,
 * lines from 1); lines starting with # are comments.
 */
import type { ReportModel } from '../../server/src/core';

/** One labelled document: its acceptable title lines and each heading's line with its parent's line. */
export interface Labelled {
  readonly file: string;
  readonly titles: number[];
  readonly headings: Map<number, number>;
}

export function readLabels(text: string): Labelled[] {
  const docs: Labelled[] = [];
  for (const row of text.split('\n')) {
    if (row.trim() === '' || row.startsWith('#')) continue;
    const [a, b] = row.split(' ') as [string, string];
    if (a === 'file') docs.push({ file: b, titles: [], headings: new Map() });
    else if (a === 'title') docs[docs.length - 1]!.titles.push(...(b === '-' ? [] : b.split(',').map(Number)));
    else docs[docs.length - 1]!.headings.set(Number(a), Number(b));
  }
  return docs;
}

/** How an outline scores against a document's labels. */
export interface OutlineScore {
  /** Headings in the outline (the title not counted). */
  readonly predicted: number;
  /** Of those, headings on a labelled line. */
  readonly matched: number;
  /** Labelled lines the outline has a heading on (本院认为，…判决如下： is two headings on one line, one line found). */
  readonly found: number;
  /** Matched headings whose parent is on the labelled parent line. */
  readonly parents: number;
  readonly titleOk: boolean;
  /** Every false, missed and wrongly nested heading and a wrong title, one line each (`lines`: the document's lines). */
  readonly misses: string[];
}

export function scoreOutline(doc: Labelled, model: ReportModel, lines: readonly string[]): OutlineScore {
  const root = doc.titles[0] ?? 0;
  const title = model.headings[0]?.kind === 'title' ? model.headings[0].line + 1 : 0;
  const titleOk = doc.titles.length === 0 ? title === 0 : doc.titles.includes(title);
  let predicted = 0;
  let matched = 0;
  let parents = 0;
  const misses: string[] = [];
  const seen = new Set<number>();
  for (const h of model.headings) {
    if (h.kind === 'title') continue;
    predicted++;
    const want = doc.headings.get(h.line + 1);
    if (want === undefined) {
      misses.push(`  false  ${h.line + 1}: ${h.name}`);
      continue;
    }
    seen.add(h.line + 1);
    matched++;
    const parent = h.parent >= 0 && model.headings[h.parent]!.kind !== 'title' ? model.headings[h.parent]!.line + 1 : root;
    if (parent === want) parents++;
    else misses.push(`  parent ${h.line + 1}: ${h.name}  (got ${parent}, want ${want}: ${(lines[want - 1] ?? '(root)').slice(0, 30)})`);
  }
  for (const line of doc.headings.keys()) if (!seen.has(line)) misses.push(`  missed ${line}: ${(lines[line - 1] ?? '').slice(0, 40)}`);
  if (!titleOk) misses.push(`  title  got line ${title}, want ${doc.titles.join(',') || '-'}`);
  return { predicted, matched, found: seen.size, parents, titleOk, misses };
}
