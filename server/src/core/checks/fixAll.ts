/**
 * Combining fixes: all safe fixes at once (source.fixAll), or all fixes of one rule; edits never overlap.
 *
 * A fix is taken whole or not at all. Fixes are taken rule by rule, those that change most first (a page-chrome
 * line removed, a misaligned line recovered) so that the smaller fixes inside them (a gloss on that line) give way.
 * `settledFixAllEdits` repeats such rounds on the fixed text until nothing is left to fix (index.ts `fixAllEdits`).
 */
import { stripGlosses } from '../gloss';
import type { CheckCode, Edit, Finding, Fix } from './types';

/** The rules with fixes that fix-all applies, those that change most first. */
export const SAFE_FIX_CODES: readonly CheckCode[] = [
  'page-chrome',
  'gbk-misaligned',
  'mojibake',
  'pinyin-gloss',
  'marker-punctuation',
  'numbering-bracket-width',
  'marker-space',
];

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Sorted, non-overlapping edits, with a test for a new edit in O(log n). */
class EditSet {
  edits: Edit[] = [];

  conflicts(e: Edit): boolean {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid]!.end < e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.edits.length && this.edits[i]!.start <= e.end; i++) if (overlaps(this.edits[i]!, e)) return true;
    return false;
  }

  addAll(batch: readonly Edit[]): void {
    this.edits = [...this.edits, ...batch].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

function take(set: EditSet, fixes: readonly Fix[]): void {
  const batch: Edit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((e) => set.conflicts(e))) continue;
    for (const e of fix.edits) batch.push(e); // not push(...edits): a line of 100 000 glosses would overflow the stack
  }
  set.addAll(batch);
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const REMNANT = new RegExp(`\\uFFFD[a-zü${TONED}]{0,6}[${TONED}][a-zü${TONED}]{0,6}\\)`, 'g');

/** A recovered line in a glossed document: its glosses go too, and what is left of a gloss whose "(" was lost. */
function withoutGlosses(fix: Fix): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, newText: stripGlosses(e.newText).replace(REMNANT, '\uFFFD') })) };
}

/**
 * One round of fix-all: the edits of every safe fix, in document order, none overlapping. (`fixAllEdits` in index.ts
 * runs rounds until nothing is left to fix.)
 */
export function fixAllRound(findings: readonly Finding[]): Edit[] {
  const byCode = new Map<CheckCode, Fix[]>();
  const glossed = findings.some((f) => f.code === 'pinyin-gloss');
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (fix === undefined) continue;
    let list = byCode.get(f.code);
    if (list === undefined) byCode.set(f.code, (list = []));
    list.push(f.code === 'gbk-misaligned' && glossed ? withoutGlosses(fix) : fix);
  }
  const set = new EditSet();
  for (const code of SAFE_FIX_CODES) {
    const fixes = byCode.get(code);
    if (fixes !== undefined) take(set, fixes);
  }
  return set.edits;
}

/** The edits of the first fix of every finding with this code (a "fix all of this kind" action), none overlapping. */
export function fixAllOfCode(findings: readonly Finding[], code: CheckCode): Edit[] {
  const set = new EditSet();
  take(set, findings.filter((f) => f.code === code && f.fixes.length > 0 && f.fixes[0]!.safe).map((f) => f.fixes[0]!));
  return set.edits;
}

/** `text` with non-overlapping `edits` applied (for tests and the command line; the editor applies them itself). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    if (e.start < last) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  return out + text.slice(last);
}

/** A changed stretch of the original text: its original range and its length in the text as changed so far. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly len: number;
}

/**
 * `spans` (original coordinates) followed by `edits` (coordinates of the text the spans made): the spans of both, merged
 * where they overlap or touch, in original coordinates.
 */
function compose(spans: readonly Span[], edits: readonly Edit[]): Span[] {
  interface Item { cs: number; ce: number; span?: Span; edit?: Edit }
  const items: Item[] = [];
  let delta = 0;
  for (const s of spans) {
    const cs = s.start + delta;
    items.push({ cs, ce: cs + s.len, span: s });
    delta += s.len - (s.end - s.start);
  }
  for (const e of edits) items.push({ cs: e.start, ce: e.end, edit: e });
  items.sort((a, b) => a.cs - b.cs || a.ce - b.ce);
  const out: Span[] = [];
  /** current length minus original length of the spans before the group being built */
  let shift = 0;
  let k = 0;
  while (k < items.length) {
    const gs = items[k]!.cs;
    let ge = items[k]!.ce;
    let spanShift = 0;
    let editDelta = 0;
    while (k < items.length && items[k]!.cs <= ge) {
      const it = items[k]!;
      ge = Math.max(ge, it.ce);
      if (it.span !== undefined) spanShift += it.span.len - (it.span.end - it.span.start);
      else editDelta += it.edit!.newText.length - (it.edit!.end - it.edit!.start);
      k++;
    }
    out.push({ start: gs - shift, end: ge - shift - spanShift, len: ge - gs + editDelta });
    shift += spanShift;
  }
  return out;
}

/** How many rounds of fix-all `settledFixAllEdits` runs at most (each round re-checks the fixed text). */
const MAX_ROUNDS = 6;

/**
 * Fix-all until nothing safe is left to fix: the edits of `fixAllRound`, applied, the result checked again (`recheck`:
 * the same rules on the fixed text) and fixed again, so that applying the result a second time changes nothing (a
 * repaired line may show a marker whose punctuation is wrong, a removed chrome line may change the document's usual
 * bracket width). Returns the edits of all rounds against `text`, merged where they touch.
 */
export function settledFixAllEdits(text: string, findings: readonly Finding[], recheck: (text: string) => readonly Finding[]): Edit[] {
  let spans: Span[] = [];
  let current = text;
  let edits = fixAllRound(findings);
  for (let round = 0; edits.length > 0; round++) {
    spans = compose(spans, edits);
    current = applyEdits(current, edits);
    if (round + 1 >= MAX_ROUNDS) break;
    edits = fixAllRound(recheck(current));
  }
  if (spans.length === 0) return [];
  const out: Edit[] = [];
  let delta = 0;
  for (const s of spans) {
    const at = s.start + delta;
    out.push({ start: s.start, end: s.end, newText: current.slice(at, at + s.len) });
    delta += s.len - (s.end - s.start);
  }
  return out;
}
