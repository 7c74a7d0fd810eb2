/** Smart selection: sentence → paragraph (line) → section → parent sections. */
import { isIndent, isSentenceEnd } from './chars';
import { lineIndexOf } from './lines';
import type { ReportModel } from './model';

function isClauseEnd(c: number): boolean {
  return isSentenceEnd(c) || c === 0xff1b /* ； */;
}

/** Index of the innermost heading whose section contains `offset`, or -1 (binary search, then up the parents). */
export function headingAt(model: ReportModel, offset: number): number {
  const hs = model.headings;
  let lo = 0;
  let hi = hs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  while (found >= 0 && hs[found]!.end <= offset && offset !== model.length) found = hs[found]!.parent;
  return found;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && (isIndent(text.charCodeAt(start)) || text.charCodeAt(start) === 0x0a || text.charCodeAt(start) === 0x0d)) start++;
  while (end > start && (isIndent(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
  return [start, end];
}

/**
 * The chain of ranges that grows a selection at `offset`, innermost first; each contains the one before.
 * Ranges are [start, end) UTF-16 offsets.
 */
export function selectionRanges(text: string, model: ReportModel, offset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const push = (r: [number, number]): void => {
    const last = out[out.length - 1];
    if (r[1] <= r[0]) return;
    if (last && r[0] === last[0] && r[1] === last[1]) return;
    if (last && (r[0] > last[0] || r[1] < last[1])) return; // must contain the previous range
    out.push(r);
  };
  const line = lineIndexOf(model.lineStarts, offset);
  const ls = model.lineStarts[line]!;
  let le = line + 1 < model.lineStarts.length ? model.lineStarts[line + 1]! : text.length;
  const [ps, pe] = trimRange(text, ls, le);
  le = pe;
  if (ps < pe && offset >= ps && offset <= pe) {
    // sentence: from after the previous clause end on this line to the next clause end (inclusive)
    let s = offset;
    while (s > ps && !isClauseEnd(text.charCodeAt(s - 1))) s--;
    let e = offset;
    while (e < pe && !isClauseEnd(text.charCodeAt(e))) e++;
    if (e < pe) e++;
    const sentence = trimRange(text, s, e);
    if (sentence[0] <= offset && offset <= sentence[1]) push(sentence);
    push([ps, pe]);
  }
  for (let h = headingAt(model, offset); h >= 0; h = model.headings[h]!.parent) {
    const heading = model.headings[h]!;
    const r = trimRange(text, heading.start, heading.end);
    if (r[0] <= offset && offset <= r[1]) push(r);
  }
  const whole = trimRange(text, 0, text.length);
  push(whole);
  return out;
}
