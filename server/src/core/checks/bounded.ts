/**
 * A bounded collection of findings: at most `max` of them are kept, the first in document order, however many the
 * rules report. The rules only `push`; a max-heap (the latest kept finding on top) decides in O(log max) whether a new
 * finding is kept and which one it displaces, so a text with millions of findings (4 MB of unmatched “（”) holds
 * `max` of them, not millions, while the rules run. What is left out is counted, and the first of it remembered.
 */
import type { Finding } from './types';

/** Where a finding is: all the order needs. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when `a` comes after `b` in document order. */
function after(a: Span, b: Span): boolean {
  return a.start > b.start || (a.start === b.start && a.end > b.end);
}

/**
 * For the rules: false when a finding at [start, end) would not be kept (the collection is full of earlier ones); it
 * is then counted as left out, and the rule need not build it (its message, its fixes). True for any other collection.
 */
export function keeps(out: Finding[], start: number, end: number): boolean {
  return !(out instanceof FirstFindings) || out.wouldKeep(start, end);
}

export class FirstFindings extends Array<Finding> {
  /** How many findings were reported and not kept. */
  omitted = 0;
  /** Where the first in document order of the findings not kept is. */
  firstOmitted: Span | undefined;
  readonly #max: number;

  // derived arrays (map, filter, slice) are plain arrays
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  constructor(max: number) {
    super();
    this.#max = Math.max(0, Math.floor(max));
  }

  override push(...items: Finding[]): number {
    for (const f of items) this.#add(f);
    return this.length;
  }

  /** True when a finding at [start, end) would be kept; otherwise it is counted as left out here (no object made for it). */
  wouldKeep(start: number, end: number): boolean {
    if (this.length < this.#max) return true;
    const top = this[0];
    if (top !== undefined && (top.start > start || (top.start === start && top.end > end))) return true;
    this.omitted++;
    const first = this.firstOmitted;
    if (first === undefined || first.start > start || (first.start === start && first.end > end)) this.firstOmitted = { start, end };
    return false;
  }

  /** The kept findings in document order (sorts in place). */
  sorted(): Finding[] {
    return this.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  #add(f: Finding): void {
    if (this.length < this.#max) {
      let i = this.length;
      this[i] = f;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!after(this[i]!, this[parent]!)) break;
        [this[i], this[parent]] = [this[parent]!, this[i]!];
        i = parent;
      }
      return;
    }
    this.omitted++;
    const top = this[0];
    if (top === undefined || !after(top, f)) {
      this.#omit(f);
      return;
    }
    this.#omit(top);
    this[0] = f;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < this.length && after(this[l]!, this[largest]!)) largest = l;
      if (r < this.length && after(this[r]!, this[largest]!)) largest = r;
      if (largest === i) break;
      [this[i], this[largest]] = [this[largest]!, this[i]!];
      i = largest;
    }
  }

  #omit(f: Span): void {
    if (this.firstOmitted === undefined || after(this.firstOmitted, f)) this.firstOmitted = { start: f.start, end: f.end };
  }
}
