/**
 * One pass over the text for every character-level rule: a table lookup per UTF-16 code unit collects the positions
 * the rules care about (pair marks, "?", U+FFFD, the first characters of 锟斤拷 / 烫烫烫 / 屯屯屯, and characters that
 * may start UTF-8 text read as GBK); the lines whose first character is a Chinese numeral are found from the
 * model's line starts. The rules then work on these short lists, not on the text.
 */
import { doubled } from '../arrays';
import { isCnNumeralCode } from '../chars';
import type { GbkCodec } from '../gbk';


export const enum Mark {
  Pair = 1,
  Question = 2,
  Replacement = 4,
  LostRun = 8,
  Utf8Lead = 16,
}

export const PAIR_OPENERS = '“‘「『《〈（(【〔';
export const PAIR_CLOSERS = '”’」』》〉）)】〕';

const BASE = new Uint8Array(0x10000);
for (const ch of PAIR_OPENERS + PAIR_CLOSERS) BASE[ch.charCodeAt(0)] = Mark.Pair;
BASE[0x3f] = Mark.Question;
BASE[0xfffd] = Mark.Replacement;
for (const ch of '锟烫屯') BASE[ch.charCodeAt(0)] = Mark.LostRun;

const withCodec = new WeakMap<GbkCodec, Uint8Array>();

/**
 * The table with the characters whose GBK bytes are a UTF-8 lead byte (E2–EF) and a continuation byte (80–BF):
 * how UTF-8 Chinese read as GBK begins (发 E5 8F 91 → 鍙 …). Built once per codec.
 */
function tableFor(codec: GbkCodec | undefined): Uint8Array {
  if (codec === undefined) return BASE;
  let table = withCodec.get(codec);
  if (table === undefined) {
    table = BASE.slice();
    for (let lead = 0xe2; lead <= 0xef; lead++) {
      for (let trail = 0x80; trail <= 0xbf; trail++) {
        const ch = codec.decodePair(lead, trail);
        if (ch !== undefined && ch.length === 1 && ch.charCodeAt(0) >= 0x80) table[ch.charCodeAt(0)]! |= Mark.Utf8Lead;
      }
    }
    withCodec.set(codec, table);
  }
  return table;
}

/**
 * Positions in typed arrays of exactly their size (counted in the one pass over the text, which keeps the positions in a
 * reused buffer): a text of 4 MB of “（” has 1.4 million of them, and
 * arrays of numbers grown one push at a time took twice the memory and were copied at each growth.
 */
export interface ScanResult {
  /** Content starts (after the indent) of lines whose first character is a Chinese numeral (二，… candidates). */
  readonly numeralLines: Int32Array;
  readonly pairs: Int32Array;
  readonly questions: Int32Array;
  readonly replacements: Int32Array;
  readonly lostRuns: Int32Array;
  readonly utf8Leads: Int32Array;
}

/** Which list a marked code unit goes to: pair, question, replacement or lost run (the first bit that is set), or none. */
function kindOf(m: number): number {
  return m & Mark.Pair ? 0 : m & Mark.Question ? 1 : m & Mark.Replacement ? 2 : m & Mark.LostRun ? 3 : -1;
}

/** The marked code units' positions, in a typed array doubled when full (reused from one scan to the next). */
let hitBuffer = new Int32Array(1024);

/**
 * The hot loop, on its own so that it compiles to a tight one: the positions of the code units the table marks (one
 * pass over the text), counted by list. Returns how many there are (in `hitBuffer`).
 */
function markedPositions(text: string, table: Uint8Array, counts: Int32Array): number {
  const n = text.length;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const m = table[text.charCodeAt(i)]!;
    if (m === 0) continue;
    if (hits === hitBuffer.length) {
      hitBuffer = doubled(hitBuffer);
    }
    hitBuffer[hits++] = i;
    const k = kindOf(m);
    if (k >= 0) counts[k]!++;
    if (m & Mark.Utf8Lead) counts[4]!++;
  }
  return hits;
}

export function scanText(text: string, codec: GbkCodec | undefined, lineStarts: readonly number[]): ScanResult {
  const table = tableFor(codec);
  const counts = new Int32Array(5);
  const hits = markedPositions(text, table, counts);
  const lists = [0, 1, 2, 3, 4].map((k) => new Int32Array(counts[k]!));
  const fill = new Int32Array(5);
  for (let h = 0; h < hits; h++) {
    const i = hitBuffer[h]!;
    const m = table[text.charCodeAt(i)]!;
    const k = kindOf(m);
    if (k >= 0) lists[k]![fill[k]!++] = i;
    if (m & Mark.Utf8Lead) lists[4]![fill[4]!++] = i;
  }
  if (hitBuffer.length > 1 << 16) hitBuffer = new Int32Array(1024); // not kept at the size of the largest text
  // line starts come from the model: only their first characters are looked at (one pass: a text of blank lines has
  // millions of them)
  const numerals: number[] = [];
  for (let l = 0; l < lineStarts.length; l++) {
    let p = lineStarts[l]!;
    let d = text.charCodeAt(p);
    while (d === 0x20 || d === 0x3000 || d === 0x09) d = text.charCodeAt(++p);
    if (isCnNumeralCode(d)) numerals.push(p);
  }
  const numeralLines = Int32Array.from(numerals);
  return { numeralLines, pairs: lists[0]!, questions: lists[1]!, replacements: lists[2]!, lostRuns: lists[3]!, utf8Leads: lists[4]! };
}

const codes = new WeakMap<GbkCodec, Uint16Array>();

/**
 * GBK bytes of a BMP character as lead << 8 | trail (a single byte for ASCII and €; 0 when GBK has none), cached per
 * codec so that a long text encodes each distinct character once.
 */
export function gbkCode(codec: GbkCodec, c: number): number {
  if (c < 0x80) return c;
  let cache = codes.get(codec);
  if (cache === undefined) codes.set(codec, (cache = new Uint16Array(0x10000).fill(0xffff)));
  let v = cache[c]!;
  if (v === 0xffff) {
    const bytes = c >= 0xd800 && c <= 0xdfff ? undefined : codec.encodeChar(String.fromCharCode(c));
    v = bytes === undefined ? 0 : bytes.length === 2 ? (bytes[0]! << 8) | bytes[1]! : bytes.length === 1 ? bytes[0]! : 0; // € is the single byte 0x80
    cache[c] = v;
  }
  return v;
}
