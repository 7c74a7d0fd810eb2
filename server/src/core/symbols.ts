/**
 * Workspace symbols from report models: which files found on disk count as reports, and how a query matches a
 * symbol's name whatever its script, width or case.
 */
import type { ReportModel } from './model';
import { keyOf, type FoldTable } from './terms/normalize';

/**
 * A file found on disk counts as a report when its analysis finds this much structure: three headings that are not a
 * title or a Markdown `#` line, or a title and two (the client's detection asks for about as much). A README with a
 * few `#` headings, or prose, does not.
 */
export const MIN_REPORT_HEADINGS = 3;

export function isReportModel(model: ReportModel): boolean {
  let structural = 0;
  let title = false;
  for (const h of model.headings) {
    if (h.kind === 'title') title = true;
    else if (h.kind !== 'markdown') structural++;
  }
  return structural >= MIN_REPORT_HEADINGS || (title && structural >= MIN_REPORT_HEADINGS - 1);
}

/** A name or a query as it is compared: script, width and quotes folded (the terms' fold table), lower case, no blanks. */
export function foldForSearch(s: string, table: FoldTable): string {
  return keyOf(s, table).toLowerCase().replace(/\s+/g, '');
}

/**
 * Do the characters of the folded query appear in the folded name, in order? Lenient on purpose: the editor ranks
 * and filters the results again with its own fuzzy matching. An empty query matches everything.
 */
export function matchesFolded(foldedQuery: string, foldedName: string): boolean {
  let q = 0;
  for (let i = 0; i < foldedName.length && q < foldedQuery.length; i++) {
    if (foldedName.charCodeAt(i) === foldedQuery.charCodeAt(q)) q++;
  }
  return q === foldedQuery.length;
}
