/**
 * Repair of lines that were GBK decoded one byte late (see DOMAIN.md, "Web-scrape damage").
 *
 * The core stays pure: the byte codec comes in through this narrow interface (the server passes iconv-lite).
 */
import { isHan } from './chars';
import { glossAt, isPinyinLetter } from './gloss';

export interface GbkCodec {
  /** GBK bytes of one character, or undefined when GBK has none. */
  encodeChar(ch: string): ArrayLike<number> | undefined;
  /** The character of one double-byte GBK code (lead, trail), or undefined when unassigned. */
  decodePair(lead: number, trail: number): string | undefined;
}

const REPLACEMENT = '\uFFFD';

function isLead(b: number): boolean {
  return b >= 0x81 && b <= 0xfe;
}

function isTrail(b: number): boolean {
  return (b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfe);
}

/**
 * Re-decode `run` (text that was decoded from GBK one byte late) with the lost lead byte `lost` put back.
 * Characters whose bytes were already replaced by "?" (or are not GBK) come back as U+FFFD, never guessed.
 * Decoding stops where it falls back into step with the original text; the rest is kept as it is.
 */
export function redecodeShifted(run: string, lost: number, codec: GbkCodec): string {
  const bytes: number[] = [lost];
  const lostByte: boolean[] = [false];
  /** byte index → true where an original character starts */
  const boundary: boolean[] = [false];
  /** byte index → index in `run` of the character that byte came from */
  const charAt: number[] = [-1];
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const enc = ch === '?' || ch === REPLACEMENT ? undefined : codec.encodeChar(ch);
    const bs = enc && enc.length > 0 ? Array.from(enc) : [0x3f];
    for (let k = 0; k < bs.length; k++) {
      bytes.push(bs[k]!);
      lostByte.push(enc === undefined);
      boundary.push(k === 0);
      charAt.push(i);
    }
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    if (i > 0 && boundary[i] && !lostByte[i]) {
      // back in step with the original decoding: the rest reads as it was
      return out + run.slice(charAt[i]);
    }
    const b = bytes[i]!;
    if (lostByte[i]) {
      if (!out.endsWith(REPLACEMENT)) out += REPLACEMENT;
      i++;
    } else if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
    } else if (isLead(b) && i + 1 < bytes.length && isTrail(bytes[i + 1]!) && !lostByte[i + 1]) {
      out += codec.decodePair(b, bytes[i + 1]!) ?? REPLACEMENT;
      i += 2;
    } else {
      if (!out.endsWith(REPLACEMENT)) out += REPLACEMENT;
      i++;
    }
  }
  return out;
}

/**
 * Characters that do not belong in Chinese prose and that GBK read one byte out of step is full of: the symbol rows
 * A4–A9 (kana, bopomofo, Greek, Cyrillic, pinyin letters, box drawing), full-width Latin letters, math operators,
 * radicals, CJK Extension A and compatibility ideographs, private-use code points (cp936's FE row), controls — and a
 * single ASCII letter between two Han characters (瓣P鍵, 趯W習: a trail byte 0x40–0x7E read on its own).
 */
function isOddCode(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0xc0 && c <= 0x24f) || // Latin letters with diacritics (pinyin outside a gloss)
    (c >= 0x370 && c <= 0x4ff) || // Greek, Cyrillic
    (c >= 0x2200 && c <= 0x23ff) || // math operators, technical symbols
    (c >= 0x2500 && c <= 0x259f) || // box drawing, block elements
    (c >= 0x2e80 && c <= 0x2fff) || // radicals, ideographic description
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31bf) || // bopomofo
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0xe000 && c <= 0xf8ff) || // private use
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) // full-width Latin letters
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * How many characters of s[from…to) do not read as Chinese prose (see `isOddCode`); pinyin glosses (發(fā)) and their
 * remnants (lián) after a lost "(") are skipped, U+FFFD is not counted (a lost character, the same before and after a
 * re-decoding).
 */
export function oddCharacters(s: string, from = 0, to = s.length): number {
  let odd = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const gloss = c === 0x28 ? glossAt(s, i) : -1;
    if (gloss > 0) {
      i = gloss - 1;
    } else if (isOddCode(c)) {
      if (!(isPinyinLetter(s[i]!) && remnantAround(s, i))) odd++;
    } else if (isAsciiLetter(c) && isHan(s.charCodeAt(i - 1)) && isHan(s.charCodeAt(i + 1))) {
      odd++;
    }
  }
  return odd;
}

/** Pinyin letters from s[i] on that end in ")": what is left of a gloss whose "(" was lost (lián)). */
function remnantAround(s: string, i: number): boolean {
  let q = i;
  while (q < s.length && q - i <= 7 && isPinyinLetter(s[q]!)) q++;
  return s.charCodeAt(q) === 0x29;
}

/**
 * How sure a re-decoding is: 'certain' when the text it replaces holds characters that do not read as Chinese and the
 * re-decoded text holds none, with at least two such characters (or one and another sign of the damage, `evidence`:
 * the "?!" a lost 0xA1 leaves); 'possible' when the re-decoded text is clean but the evidence is thinner (a quick fix
 * the user chooses, never fix-all); 'none' when the re-decoded text reads worse, or the text already reads as normal
 * Chinese (it is never re-decoded). Only the part that differs is judged (the two share the rest of the line).
 */
export type RepairVerdict = 'certain' | 'possible' | 'none';

export function judgeRepair(original: string, repaired: string, evidence = 0): RepairVerdict {
  let p = 0;
  const max = Math.min(original.length, repaired.length);
  while (p < max && original.charCodeAt(p) === repaired.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && original.charCodeAt(original.length - 1 - s) === repaired.charCodeAt(repaired.length - 1 - s)) s++;
  const before = oddCharacters(original, p, original.length - s);
  const after = oddCharacters(repaired, p, repaired.length - s);
  if (after > 0 || before === 0) return 'none';
  return before + evidence >= 2 ? 'certain' : 'possible';
}
