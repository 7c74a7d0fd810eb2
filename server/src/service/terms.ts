/**
 * What the term features share: a document version with its term index, the use under the cursor, ranges,
 * section paths, Markdown escaping and a term kind's label.
 */
import type { Range } from 'vscode-languageserver';
import { headingAt, useAt, type ReportModel, type Term, type TermIndex } from '../core';
import { message, type DisplayLanguage, type MessageKey } from '../messages';
import type { AnalyzedDocument } from './documents';

/** One version of a document with its model and its term index. */
export interface TermDocument extends AnalyzedDocument {
  readonly terms: TermIndex;
}

/** The use under `offset` and its term, or undefined. */
export interface UseAtCursor {
  readonly use: number;
  readonly termId: number;
  readonly term: Term;
  readonly start: number;
  readonly end: number;
}

export function useAtOffset(terms: TermIndex, offset: number): UseAtCursor | undefined {
  const use = useAt(terms, offset);
  if (use < 0) return undefined;
  const termId = terms.uses.term[use]!;
  return { use, termId, term: terms.terms[termId]!, start: terms.uses.start[use]!, end: terms.uses.end[use]! };
}

export function rangeOf(doc: AnalyzedDocument, start: number, end: number): Range {
  return { start: doc.document.positionAt(start), end: doc.document.positionAt(end) };
}

/**
 * The section path at `offset`: the headings from the top level down to the innermost section holding it, the
 * document title left out (it holds everything). "" outside any section.
 */
export function sectionPath(model: ReportModel, offset: number): string {
  const names: string[] = [];
  for (let h = headingAt(model, offset); h >= 0; h = model.headings[h]!.parent) {
    const heading = model.headings[h]!;
    if (heading.kind !== 'title') names.push(shorten(heading.name, 24));
  }
  return names.reverse().join(' › ');
}

export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max) + '…' : flat;
}

/** Text for Markdown: characters with a meaning in Markdown are escaped (the text of a report shows as written). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => '\\' + c);
}

const TERM_KIND_LABELS: Readonly<Record<Term['kind'], MessageKey>> = {
  defined: 'term.defined',
  plan: 'term.plan',
  formula: 'term.formula',
  title: 'term.title',
  quoted: 'term.quoted',
};

/** A term's kind in the display language (hover and completion). */
export function termKindLabel(kind: Term['kind'], lang: DisplayLanguage): string {
  return message(TERM_KIND_LABELS[kind], lang);
}
