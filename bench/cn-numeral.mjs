// @ts-check
// Chinese numerals as they are written in report and law headings:
// 1→一, 10→十, 11→十一, 20→二十, 105→一百零五, 110→一百一十, 1260→一千二百六十, 10010→一万零一十.

const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/** 1..9999 without the 10–19 shortening (一十一); one 零 stands for any run of inner zeros. */
function group(n) {
  let out = '';
  let pendingZero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    out += DIGITS[d] + UNITS[p];
  }
  return out;
}

/** Format a non-negative integer below 10^8 as a Chinese numeral. */
export function toChineseNumeral(n) {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new RangeError(`toChineseNumeral: unsupported ${n}`);
  if (n === 0) return '零';
  let out;
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    out = group(high) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + group(low));
  } else {
    out = group(n);
  }
  // A leading 一十 is read 十 (十一, 十万), but an inner one keeps its 一 (一百一十).
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Known values; `run.mjs` checks them before generating anything. */
export const NUMERAL_CASES = [
  [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'],
  [100, '一百'], [101, '一百零一'], [105, '一百零五'], [110, '一百一十'], [111, '一百一十一'], [201, '二百零一'],
  [1000, '一千'], [1005, '一千零五'], [1010, '一千零一十'], [1050, '一千零五十'], [1260, '一千二百六十'],
  [9999, '九千九百九十九'], [10000, '一万'], [10010, '一万零一十'], [12345, '一万二千三百四十五'],
  [100000, '十万'], [101000, '十万一千'],
];

export function checkNumerals() {
  const bad = NUMERAL_CASES.filter(([n, s]) => toChineseNumeral(n) !== s);
  if (bad.length > 0) {
    const list = bad.map(([n, s]) => `${n}: got ${toChineseNumeral(n)}, want ${s}`).join('; ');
    throw new Error(`Chinese numeral formatter is wrong: ${list}`);
  }
}
