/** Character classes and numerals. Explicit one-to-one tests: never NFKC (it changes lengths and loses levels). */

const enum Ch {
  Space = 0x20,
  Tab = 0x09,
  Nbsp = 0xa0,
  IdeographicSpace = 0x3000,
  Zwj = 0x200d,
  Bom = 0xfeff,
  CloseParen = 0x29,
  FullCloseParen = 0xff09,
}

/** Blank characters that may indent a line: ASCII space/tab, NBSP, U+2000–U+200B, U+3000, ZWJ, BOM. */
export function isIndent(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.Nbsp || c === Ch.IdeographicSpace || c === Ch.Bom
    || (c >= 0x2000 && c <= 0x200b) || c === Ch.Zwj;
}

/** The first offset at or after `p` (before `end`) that is not an indent character. */
export function skipIndent(s: string, p: number, end: number): number {
  while (p < end && isIndent(s.charCodeAt(p))) p++;
  return p;
}

/** `to` moved back over trailing indent characters (not before `from`). */
export function trimEnd(s: string, from: number, to: number): number {
  while (to > from && isIndent(s.charCodeAt(to - 1))) to--;
  return to;
}

export function isCloseParen(c: number): boolean {
  return c === Ch.CloseParen || c === Ch.FullCloseParen;
}

/** ASCII or full-width decimal digit value, or -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

const CN_DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, 'Ｏ': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
  '壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3, '肆': 4, '伍': 5, '陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9,
};
const CN_UNITS: Record<string, number> = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 10000, '萬': 10000 };

/** The two tables by char code (built once); every numeral test and value below reads them. */
const DIGIT_OF = new Map(Object.entries(CN_DIGITS).map(([ch, v]) => [ch.charCodeAt(0), v]));
const UNIT_OF = new Map(Object.entries(CN_UNITS).map(([ch, v]) => [ch.charCodeAt(0), v]));

/** Their codes in one table by UTF-16 code unit: one array read in the scanners' hot loops (checks' scan, citations). */
const CN_NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of cnNumeralCodes()) CN_NUMERAL_CODES[c] = 1;

/** The codes of the Chinese numeral characters (digits and units): the characters a 一、 marker starts with. */
export function cnNumeralCodes(): number[] {
  return [...DIGIT_OF.keys(), ...UNIT_OF.keys()];
}

/** A Chinese numeral character's code (digit or unit), for a test that allocates nothing. */
export function isCnNumeralCode(c: number): boolean {
  return CN_NUMERAL_CODES[c] === 1;
}

/** Value of the Chinese numeral s[from, to) (一 … 九千九百九十九万…, positional 一〇一 too); undefined if malformed. */
export function cnNumeralValueAt(s: string, from: number, to: number): number | undefined {
  if (to <= from) return undefined;
  let hasUnit = false;
  for (let i = from; i < to; i++) if (UNIT_OF.has(s.charCodeAt(i))) hasUnit = true;
  if (!hasUnit) {
    // positional: 一〇一, or a single digit
    let v = 0;
    for (let i = from; i < to; i++) {
      const d = DIGIT_OF.get(s.charCodeAt(i));
      if (d === undefined) return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_OF.get(c);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const u = UNIT_OF.get(c);
    if (u === undefined) return undefined;
    if (u === 10000) {
      section += digit > 0 ? digit : 0;
      total += (section === 0 ? 1 : section) * u;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * u;
    }
    digit = -1;
  }
  if (digit > 0) section += digit;
  return total + section;
}

/** Value of a Chinese numeral string; see cnNumeralValueAt. */
export function cnNumeralValue(s: string): number | undefined {
  return cnNumeralValueAt(s, 0, s.length);
}

/** Han ideographs (CJK Unified, Extension A, Compatibility) — BMP only, enough for text classification. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Sentence terminators that end a run-in heading. */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */;
}
