// @ts-check
// Chinese numerals as they are written in report and law headings:
// 1→一, 10→十, 11→十一, 20→二十, 105→一百零五, 110→一百一十, 1260→一千二百六十, 10010→一万零一十.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NUMERALS = join(fileURLToPath(new URL('..', import.meta.url)), 'out', 'server', 'src', 'core', 'checks', 'numerals.js');
/** @type {((n: number) => string) | undefined} */
let format;

/**
 * Format an integer from 1 up as a Chinese numeral: the core's own formatter (formatCnNumeral, the one renumbering
 * writes with), loaded from out/ on first use (after the bench's build), so the bench has no second table.
 * @param {number} n
 */
export function toChineseNumeral(n) {
  format ??= /** @type {{ formatCnNumeral: (n: number) => string }} */ (createRequire(import.meta.url)(NUMERALS)).formatCnNumeral;
  const s = format(n);
  if (/[0-9]/.test(s)) throw new RangeError(`toChineseNumeral: unsupported ${n}`);
  return s;
}

/** Known values; `run.mjs` checks them before generating anything. */
/** @type {Array<[number, string]>} */
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
