/**
 * One `WordCounter` per document version (core/wordCount.ts has the rules): the document's count and the per-line
 * totals behind the status bar, the outline's section sizes and the heading hover are computed once, then read.
 */
import { headingAt, WordCounter, type ReportModel } from '../core';
import type { AnalyzedDocument } from './documents';

const counters = new WeakMap<ReportModel, WordCounter>();

/** A Markdown document (by language or file name): its syntax is not counted. */
function isMarkdown({ document }: AnalyzedDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown)$/i.test(document.uri);
}

/** The counter of this version of the document (made on first use). */
export function wordCounterOf(analyzed: AnalyzedDocument): WordCounter {
  let counter = counters.get(analyzed.model);
  if (counter === undefined) {
    counter = new WordCounter(analyzed.document.getText(), analyzed.model, { markdown: isMarkdown(analyzed) });
    counters.set(analyzed.model, counter);
  }
  return counter;
}

/** "二、 › （三）": the markers from the top-level section down to the innermost one holding `offset`. */
export function markerPath(model: ReportModel, offset: number): string {
  const parts: string[] = [];
  for (let h = headingAt(model, offset); h >= 0; h = model.headings[h]!.parent) {
    const heading = model.headings[h]!;
    if (heading.kind === 'title') continue;
    const name = heading.marker.trim() || heading.name;
    parts.push(name.length > 12 ? `${name.slice(0, 12)}…` : name);
  }
  return parts.reverse().join(' › ');
}
