/**
 * Unbalanced pairs: “ without ”, 《 without 》, （ without ）, 「 without 」 … reported at the opening mark.
 *
 * One pass over the text with a stack. A pair may span lines (hard-wrapped text, a quotation of several
 * paragraphs) but not sections: at each heading everything still open is reported. A quotation of several
 * paragraphs opens each paragraph with “ and closes only at its end; a line that starts with the quote that is
 * already open continues it. A closing mark that matches a deeper opener closes it and reports the ones above it.
 * Stray closing marks are reported for quotes and titles only: ） and ) also close list items (1） a)).
 */
import { doubled } from '../arrays';
import { keeps } from './bounded';
import { CheckContext, localized, q } from './context';
import { PAIR_CLOSERS, PAIR_OPENERS } from './scan';
import type { Finding } from './types';

const OPENERS = PAIR_OPENERS;
const CLOSERS = PAIR_CLOSERS;
/** Pair family of each mark by code unit: （ and ( close with either ） or ) (mixed widths are a numbering matter). */
const FAMILY = new Int8Array(0x10000).fill(-1);
for (let i = 0; i < OPENERS.length; i++) {
  FAMILY[OPENERS.charCodeAt(i)] = i;
  FAMILY[CLOSERS.charCodeAt(i)] = i;
}
FAMILY[0x28] = FAMILY['（'.charCodeAt(0)]!;
FAMILY[0x29] = FAMILY['）'.charCodeAt(0)]!;
const STRAY_REPORTED = new Set(['”', '」', '』', '》', '〉'].map((ch) => ch.charCodeAt(0)));
/** Quotes that a new paragraph of a long quotation opens again. */
const REOPENED = new Set(['“', '「', '『', '‘'].map((ch) => ch.charCodeAt(0)));

/** 1 opener, 2 closer; 0 otherwise. */
const CLASS = new Uint8Array(0x10000);
for (const ch of OPENERS) CLASS[ch.charCodeAt(0)] = 1;
for (const ch of CLOSERS) CLASS[ch.charCodeAt(0)] = 2;

function closerOf(opener: string): string {
  return CLOSERS[OPENERS.indexOf(opener)]!;
}

/** A run of mojibake: its marks are not punctuation; what it reads as, where that is known, is checked instead. */
export interface DamagedRange {
  readonly start: number;
  readonly end: number;
  readonly repair?: string;
}

/**
 * The state of one pass: the marks still open (where each is reported — for marks inside a repaired run, the run's
 * start — and its code). The steps are module-level functions, not closures made per run, so that their optimised
 * code survives from one run to the next.
 */
interface PairState {
  readonly text: string;
  readonly out: Finding[];
  /** Typed arrays, doubled when full (a text of 4 MB of “（” holds 1.4 million open marks). */
  openPos: Int32Array;
  openCode: Uint16Array;
  depth: number;
}

function pushOpen(st: PairState, pos: number, code: number): void {
  if (st.depth === st.openPos.length) {
    st.openPos = doubled(st.openPos);
    st.openCode = doubled(st.openCode);
  }
  st.openPos[st.depth] = pos;
  st.openCode[st.depth] = code;
  st.depth++;
}

function reportOpen(out: Finding[], pos: number, code: number): void {
  if (!keeps(out, pos, pos + 1)) return;
  const ch = String.fromCharCode(code);
  const close = closerOf(ch);
  out.push({
    code: 'unbalanced-pair', start: pos, end: pos + 1, fixes: [],
    message: localized(`${q(ch)}没有对应的${q(close)}。`, `${q(ch)} has no matching ${q(close)}.`),
  });
}

/** Reports the open marks above `to` and closes them. */
function closeDownTo(st: PairState, to: number): void {
  for (let j = to; j < st.depth; j++) reportOpen(st.out, st.openPos[j]!, st.openCode[j]!);
  st.depth = to;
}

/** True when the mark at `pos` is the first thing on its line (after an indent). */
function atLineStart(text: string, pos: number): boolean {
  let p = pos - 1;
  while (p >= 0 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x3000 || text.charCodeAt(p) === 0x09)) p--;
  return p < 0 || text.charCodeAt(p) === 0x0a || text.charCodeAt(p) === 0x0d;
}

/** `inText`: the mark is in the text at `pos` (not in a repaired run), so it may start a line. */
function mark(st: PairState, code: number, cls: number, pos: number, inText: boolean): void {
  if (cls === 1) {
    // a paragraph of a multi-paragraph quotation reopens the quote that is still open
    const top = st.depth > 0 ? st.openCode[st.depth - 1]! : -1;
    if (!(top === code && REOPENED.has(code) && inText && atLineStart(st.text, pos))) pushOpen(st, pos, code);
    return;
  }
  const family = FAMILY[code];
  let k = st.depth - 1;
  while (k >= 0 && FAMILY[st.openCode[k]!] !== family) k--;
  if (k < 0) {
    if (STRAY_REPORTED.has(code) && keeps(st.out, pos, pos + 1)) {
      const ch = String.fromCharCode(code);
      const open = OPENERS[CLOSERS.indexOf(ch)]!;
      st.out.push({
        code: 'unbalanced-pair', start: pos, end: pos + 1, fixes: [],
        message: localized(`${q(ch)}前面没有对应的${q(open)}。`, `${q(ch)} has no matching ${q(open)} before it.`),
      });
    }
    return;
  }
  closeDownTo(st, k + 1);
  st.depth = k;
}

/** The marks a repaired run reads as, all reported at the run's start. */
function markRepair(st: PairState, run: DamagedRange): void {
  if (run.repair === undefined) return;
  for (let j = 0; j < run.repair.length; j++) {
    const code = run.repair.charCodeAt(j);
    const cls = CLASS[code]!;
    if (cls === 1 || cls === 2) mark(st, code, cls, run.start, false);
  }
}

/** Where the next section starts after heading `from` (a heading line start after the text's first character). */
function nextBoundary(starts: Int32Array, from: number): number {
  for (let k = from; k < starts.length; k++) if (starts[k]! > 0) return k;
  return starts.length;
}

/** `damaged`: sorted, non-overlapping ranges of mojibake. */
export function checkPairs(ctx: CheckContext, out: Finding[], damaged: readonly DamagedRange[]): void {
  const { text } = ctx;
  const st: PairState = { text, out, openPos: new Int32Array(64), openCode: new Uint16Array(64), depth: 0 };
  let nextDamage = 0;
  let skipTo = -1;
  // (the section starts read from the heading table: no pass over the heading objects)
  const starts = ctx.table.start;
  let h = nextBoundary(starts, 0);
  let b = h < starts.length ? starts[h]! : Infinity;
  const { pairs } = ctx.scan();
  // the section boundaries and damaged runs that start at or before each mark are handled first, in order
  for (let n = 0; n <= pairs.length; n++) {
    const i = n < pairs.length ? pairs[n]! : text.length;
    for (;;) {
      const d = nextDamage < damaged.length ? damaged[nextDamage]!.start : Infinity;
      if (b > i && d > i) break;
      if (b <= d) {
        h = nextBoundary(starts, h + 1);
        b = h < starts.length ? starts[h]! : Infinity;
        if (st.depth > 0) closeDownTo(st, 0);
      } else {
        const run = damaged[nextDamage++]!;
        markRepair(st, run);
        skipTo = Math.max(skipTo, run.end);
      }
    }
    if (n === pairs.length || i < skipTo) continue;
    const code = text.charCodeAt(i);
    mark(st, code, CLASS[code]!, i, true);
  }
  closeDownTo(st, 0);
}
