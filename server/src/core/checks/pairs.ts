/**
 * Unbalanced pairs: “ without ”, 《 without 》, （ without ）, 「 without 」 … reported at the opening mark.
 *
 * One pass over the text with a stack. A pair may span lines (hard-wrapped text, a quotation of several
 * paragraphs) but not sections: at each heading everything still open is reported. A quotation of several
 * paragraphs opens each paragraph with “ and closes only at its end; a line that starts with the quote that is
 * already open continues it. A closing mark that matches a deeper opener closes it and reports the ones above it.
 * Stray closing marks are reported for quotes and titles only: ） and ) also close list items (1） a)).
 */
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

/** `damaged`: sorted, non-overlapping ranges of mojibake. */
export function checkPairs(ctx: CheckContext, out: Finding[], damaged: readonly DamagedRange[]): void {
  const { text, model } = ctx;
  const { headings } = model;
  let nextHeading = 0;
  let nextDamage = 0;
  // the marks still open: where each is reported (for marks inside a repaired run, the run's start) and its code
  const openPos: number[] = [];
  const openCode: number[] = [];
  let depth = 0;
  const report = (pos: number, code: number): void => {
    const ch = String.fromCharCode(code);
    const close = closerOf(ch);
    out.push({
      code: 'unbalanced-pair', start: pos, end: pos + 1, fixes: [],
      message: localized(`${q(ch)}没有对应的${q(close)}。`, `${q(ch)} has no matching ${q(close)}.`),
    });
  };
  /** Reports the open marks above `to` and closes them. */
  const closeDownTo = (to: number): void => {
    for (let j = to; j < depth; j++) report(openPos[j]!, openCode[j]!);
    depth = to;
  };
  /** True when the mark at `pos` is the first thing on its line (after an indent). */
  const atLineStart = (pos: number): boolean => {
    let p = pos - 1;
    while (p >= 0 && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x3000 || text.charCodeAt(p) === 0x09)) p--;
    return p < 0 || text.charCodeAt(p) === 0x0a;
  };
  /** `inText`: the mark is in the text at `pos` (not in a repaired run), so it may start a line. */
  const mark = (code: number, cls: number, pos: number, inText: boolean): void => {
    if (cls === 1) {
      // a paragraph of a multi-paragraph quotation reopens the quote that is still open
      const top = depth > 0 ? openCode[depth - 1]! : -1;
      if (!(top === code && REOPENED.has(code) && inText && atLineStart(pos))) {
        openPos[depth] = pos;
        openCode[depth] = code;
        depth++;
      }
      return;
    }
    const family = FAMILY[code];
    let k = depth - 1;
    while (k >= 0 && FAMILY[openCode[k]!] !== family) k--;
    if (k < 0) {
      if (STRAY_REPORTED.has(code)) {
        const ch = String.fromCharCode(code);
        const open = OPENERS[CLOSERS.indexOf(ch)]!;
        out.push({
          code: 'unbalanced-pair', start: pos, end: pos + 1, fixes: [],
          message: localized(`${q(ch)}前面没有对应的${q(open)}。`, `${q(ch)} has no matching ${q(open)} before it.`),
        });
      }
      return;
    }
    closeDownTo(k + 1);
    depth = k;
  };
  /**
   * Handles the section boundaries (heading line starts after the first character) and damaged runs that start at
   * or before `i`, in order; `skipTo` is the end of the last run handled.
   */
  let skipTo = -1;
  let b = Infinity;
  const nextBoundary = (): number => {
    while (nextHeading < headings.length) {
      const start = headings[nextHeading++]!.start;
      if (start > 0) return start;
    }
    return Infinity;
  };
  b = nextBoundary();
  const advanceTo = (i: number): void => {
    for (;;) {
      const d = nextDamage < damaged.length ? damaged[nextDamage]!.start : Infinity;
      if (b > i && d > i) return;
      if (b <= d) {
        b = nextBoundary();
        if (depth > 0) closeDownTo(0);
      } else {
        const run = damaged[nextDamage++]!;
        if (run.repair !== undefined) {
          for (let j = 0; j < run.repair.length; j++) {
            const code = run.repair.charCodeAt(j);
            const cls = CLASS[code]!;
            if (cls === 1 || cls === 2) mark(code, cls, run.start, false);
          }
        }
        skipTo = Math.max(skipTo, run.end);
      }
    }
  };
  const { pairs } = ctx.scan();
  for (let n = 0; n < pairs.length; n++) {
    const i = pairs[n]!;
    if (b <= i || (nextDamage < damaged.length && damaged[nextDamage]!.start <= i)) advanceTo(i);
    if (i < skipTo) continue;
    const code = text.charCodeAt(i);
    mark(code, CLASS[code]!, i, true);
  }
  advanceTo(text.length);
  closeDownTo(0);
}
