/**
 * Pinyin glosses inserted by web tools: a Han character followed by one tone-marked syllable in ASCII
 * brackets, 發(fā)布. Found with a linear scan (no regular expression).
 */
import { doubled } from './arrays';
import { isHan } from './chars';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const PLAIN = 'abcdefghijklmnopqrstuvwxyzü';

/** By code unit: 1 for a plain lowercase pinyin letter, 2 for a tone-marked one, 0 for anything else. */
const PINYIN = new Uint8Array(0x10000);
for (let i = 0; i < PLAIN.length; i++) PINYIN[PLAIN.charCodeAt(i)] = 1;
for (let i = 0; i < TONED.length; i++) PINYIN[TONED.charCodeAt(i)] = 2;

/** A lowercase pinyin letter, plain or tone-marked. */
export function isPinyinLetter(ch: string): boolean {
  return PLAIN.includes(ch) || TONED.includes(ch);
}

/**
 * The same by code unit (NaN, past a string's end, is none): no one-character string is made per letter (a tone-marked
 * letter is outside Latin-1, so `s[i]` allocated one each time).
 */
export function isPinyinCode(c: number): boolean {
  const k = PINYIN[c];
  return k === 1 || k === 2;
}

/** True for a tone-marked pinyin letter (ā, é, ǐ, ò …). */
export function isTonedCode(c: number): boolean {
  return PINYIN[c] === 2;
}

/** The character a gloss follows: a Han character, or what damage left of one (never a letter, digit or blank). */
function canPrecedeGloss(c: number): boolean {
  if (isHan(c)) return true;
  const asciiWord = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return !asciiWord && c > 0x20 && c !== 0x28 && c !== 0x29 && c !== 0x3000;
}

/**
 * The end (exclusive) of a gloss whose "(" is at `p`, or -1. The character before `p` must be Han (or the damaged
 * remains of one); the bracket holds 1–6 lowercase pinyin letters, at least one of them tone-marked.
 */
export function glossAt(s: string, p: number): number {
  if (s.charCodeAt(p) !== 0x28 || p === 0 || !canPrecedeGloss(s.charCodeAt(p - 1))) return -1;
  let toned = false;
  let q = p + 1;
  const limit = Math.min(s.length, p + 8);
  while (q < limit) {
    const k = PINYIN[s.charCodeAt(q)]!;
    if (k === 0) break;
    if (k === 2) toned = true;
    q++;
  }
  if (q === p + 1 || q >= s.length || s.charCodeAt(q) !== 0x29 || !toned) return -1;
  return q + 1;
}

/** All glosses in `s` as [start, end) pairs of the bracketed part, in order. */
export function findGlosses(s: string, from = 0, to = s.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let p = s.indexOf('(', from);
  while (p >= 0 && p < to) {
    const e = glossAt(s, p);
    if (e > 0) {
      out.push([p, e]);
      p = s.indexOf('(', e);
    } else {
      p = s.indexOf('(', p + 1);
    }
  }
  return out;
}

/**
 * The glosses of `findGlosses` as one flat list: start, end, start, end … (no array per gloss), in a typed array doubled
 * when full and cut to its length (a glossed text has one gloss every few characters).
 */
export function glossBounds(s: string): Int32Array {
  let out = new Int32Array(64);
  let n = 0;
  let p = s.indexOf('(');
  while (p >= 0) {
    const e = glossAt(s, p);
    if (e > 0) {
      if (n + 2 > out.length) {
        out = doubled(out);
      }
      out[n++] = p;
      out[n++] = e;
      p = s.indexOf('(', e);
    } else {
      p = s.indexOf('(', p + 1);
    }
  }
  return out.subarray(0, n);
}

/** Past this length a string is stripped into a buffer of code units: one piece per gloss joined by `+=` made a
 * tree of hundreds of thousands of strings for a long glossed line (4 MB: a tenth of its analysis in the collector). */
const LONG_STRIP = 4096;

/** `s` with its pinyin glosses removed (the same glosses `findGlosses` finds; no list made of them). */
export function stripGlosses(s: string): string {
  let out = '';
  let last = 0;
  let p = s.indexOf('(');
  while (p >= 0) {
    const e = glossAt(s, p);
    if (e > 0) {
      if (s.length > LONG_STRIP) return stripLong(s, p, e);
      out += s.slice(last, p);
      last = e;
      p = s.indexOf('(', e);
    } else {
      p = s.indexOf('(', p + 1);
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** `stripGlosses` of a long string whose first gloss is [first, firstEnd): the kept code units copied into a buffer. */
function stripLong(s: string, first: number, firstEnd: number): string {
  const buf = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < first; i++) buf[n++] = s.charCodeAt(i);
  let last = firstEnd;
  let p = s.indexOf('(', firstEnd);
  while (p >= 0) {
    const e = glossAt(s, p);
    if (e > 0) {
      for (let i = last; i < p; i++) buf[n++] = s.charCodeAt(i);
      last = e;
      p = s.indexOf('(', e);
    } else {
      p = s.indexOf('(', p + 1);
    }
  }
  for (let i = last; i < s.length; i++) buf[n++] = s.charCodeAt(i);
  const chunks: string[] = [];
  for (let i = 0; i < n; i += 8192) chunks.push(String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 8192)) as unknown as number[]));
  return chunks.join('');
}

/**
 * A gloss whose "(" was lost with the bytes before it: U+FFFD, then pinyin letters (one tone-marked) and ")".
 * Returns `s` with such remnants cut back to the U+FFFD (used on repaired lines only).
 */
export function stripGlossRemnants(s: string): string {
  let out = '';
  let last = 0;
  if (s.indexOf('\uFFFD') < 0) return s;
  for (let p = s.indexOf('\uFFFD'); p >= 0; p = s.indexOf('\uFFFD', p + 1)) {
    let q = p + 1;
    let toned = false;
    while (q < s.length && q - p <= 7) {
      const k = PINYIN[s.charCodeAt(q)]!;
      if (k === 0) break;
      if (k === 2) toned = true;
      q++;
    }
    if (toned && q < s.length && s.charCodeAt(q) === 0x29) {
      out += s.slice(last, p + 1);
      last = q + 1;
      p = q;
    }
  }
  return out + s.slice(last);
}
