/**
 * Combining fixes: all safe fixes at once (source.fixAll), or all fixes of one rule; edits never overlap.
 *
 * A fix is taken whole or not at all. Fixes are taken rule by rule, those that change most first (a page-chrome
 * line removed, a misaligned line recovered) so that the smaller fixes inside them (a gloss on that line) give way.
 */
import { stripGlosses } from '../gloss';
import type { CheckCode, Edit, Finding, Fix } from './types';

const PRIORITY: readonly CheckCode[] = [
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
    batch.push(...fix.edits);
  }
  set.addAll(batch);
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const REMNANT = new RegExp(`\\uFFFD[a-zü${TONED}]{0,6}[${TONED}][a-zü${TONED}]{0,6}\\)`, 'g');

/** A recovered line in a glossed document: its glosses go too, and what is left of a gloss whose "(" was lost. */
function withoutGlosses(fix: Fix): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, newText: stripGlosses(e.newText).replace(REMNANT, '\uFFFD') })) };
}

/** The edits of every safe fix, in document order, none overlapping: what `source.fixAll` applies. */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
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
  for (const code of PRIORITY) {
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
