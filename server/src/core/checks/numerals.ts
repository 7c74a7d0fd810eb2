/** Chinese numerals written from numbers (renumbering, messages, citations); markers.ts writes them into markers. */

const CN_DIGITS = '〇一二三四五六七八九';

/**
 * `parts` (most significant first) each followed by its unit, a part of 0 left out and read as 零 before the next
 * part that is written; `short`: a part that needs 零 even right after the one before (一万零二: 2 has no 千).
 */
function withUnits(parts: readonly number[], units: readonly string[], write: (part: number, first: boolean) => string, short: (part: number) => boolean): string {
  let out = '';
  let zero = false;
  for (let i = 0; i < parts.length; i++) {
    const d = parts[i]!;
    if (d === 0) {
      if (out.length > 0) zero = true;
      continue;
    }
    if (out.length > 0 && (zero || short(d))) out += '零';
    zero = false;
    out += write(d, out.length === 0) + units[i]!;
  }
  return out;
}

const DIGIT_UNITS = ['千', '百', '十', ''];
const GROUP_UNITS = ['亿', '万', ''];

/** 1 … 9999 in one group of 千 百 十: 110 → 一百一十, 2005 → 二千零五; `top`: 10–19 are written 十… (not 一十…). */
function formatGroup(n: number, top: boolean): string {
  if (top && n >= 10 && n < 20) return '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]!);
  return withUnits([Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10], DIGIT_UNITS, (d) => CN_DIGITS[d]!, () => false);
}

/** The largest number written in Chinese numerals here (below 一万亿); larger ones are written in digits. */
export const MAX_CN = 999_999_999_999;

/**
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 1260 → 一千二百六十, 10010 → 一万零一十,
 * 120000 → 十二万. Never throws: 0, fractions and numbers past 一万亿 come back in digits.
 */
export function formatCnNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CN) return String(n);
  // a group of fewer than four digits after a higher one is read with 零: 一万零二, 一亿零五百万
  return withUnits([Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4], GROUP_UNITS, formatGroup, (g) => g < 1000);
}
