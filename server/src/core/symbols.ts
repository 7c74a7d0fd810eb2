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
  return foldPlain(s, table) ?? keyOf(s, table).toLowerCase().replace(/\s+/g, '');
}

const FOLD_BUFFER = new Uint16Array(256);

/**
 * `foldForSearch` in one pass for the names nearly every heading has: no "(" (so no pinyin gloss to strip) and, once
 * folded, only ASCII and characters from U+3000 up outside the surrogates (Han, CJK punctuation: no case, and the only
 * blanks among them are U+3000 and U+FEFF). Anything else (Latin-1, Greek, an astral letter, a long name) gets
 * undefined and the general path. Folding the names of 1,000 reports (100,000 headings) is what the first workspace
 * symbol query after reopening waits for.
 */
function foldPlain(s: string, table: FoldTable): string | undefined {
  if (s.length > FOLD_BUFFER.length || s.indexOf('(') >= 0) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = table[s.charCodeAt(i)]!;
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
    } else if (c < 0x3000 || (c >= 0xd800 && c <= 0xdfff)) {
      return undefined;
    } else if (c === 0x3000 || c === 0xfeff) {
      continue;
    }
    FOLD_BUFFER[n++] = c;
  }
  return String.fromCharCode.apply(null, FOLD_BUFFER.subarray(0, n) as unknown as number[]);
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
