/**
 * One pass over the text for every character-level rule: a table lookup per UTF-16 code unit collects the positions
 * the rules care about (pair marks, "?", U+FFFD, the first characters of 锟斤拷 / 烫烫烫 / 屯屯屯, and characters that
 * may start UTF-8 text read as GBK); the lines whose first character is a Chinese numeral are found from the
 * model's line starts. The rules then work on these short lists, not on the text.
 */
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

export interface ScanResult {
  /** Content starts (after the indent) of lines whose first character is a Chinese numeral (二，… candidates). */
  readonly numeralLines: readonly number[];
  readonly pairs: readonly number[];
  readonly questions: readonly number[];
  readonly replacements: readonly number[];
  readonly lostRuns: readonly number[];
  readonly utf8Leads: readonly number[];
}

/**
 * The hot loop, on its own so that it compiles to a tight one: positions of the code units the table marks
 * (they are sorted out by the caller).
 */
function marked(text: string, table: Uint8Array): number[] {
  const hits: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (table[text.charCodeAt(i)] !== 0) hits.push(i);
  }
  return hits;
}

export function scanText(text: string, codec: GbkCodec | undefined, lineStarts: readonly number[]): ScanResult {
  const table = tableFor(codec);
  const pairs: number[] = [];
  const questions: number[] = [];
  const replacements: number[] = [];
  const lostRuns: number[] = [];
  const utf8Leads: number[] = [];
  const hits = marked(text, table);
  for (let k = 0; k < hits.length; k++) {
    const i = hits[k]!;
    const m = table[text.charCodeAt(i)]!;
    if (m & Mark.Pair) pairs.push(i);
    else if (m & Mark.Question) questions.push(i);
    else if (m & Mark.Replacement) replacements.push(i);
    else if (m & Mark.LostRun) lostRuns.push(i);
    if (m & Mark.Utf8Lead) utf8Leads.push(i);
  }
  // line starts come from the model: only their first characters are looked at
  const numeralLines: number[] = [];
  for (let l = 0; l < lineStarts.length; l++) {
    let p = lineStarts[l]!;
    let d = text.charCodeAt(p);
    while (d === 0x20 || d === 0x3000 || d === 0x09) d = text.charCodeAt(++p);
    if (isCnNumeralCode(d)) numeralLines.push(p);
  }
  return { numeralLines, pairs, questions, replacements, lostRuns, utf8Leads };
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
