/**
 * Recognise a heading marker at a position in a line. Hand-written scanners: linear, no backtracking.
 */
import type { MarkerKind } from './model';
import { cnNumeralValueAt, digitValue, isCloseParen, isCnNumeralCode, isIndent, isOpenParen, skipIndent } from './chars';

export interface MarkerMatch {
  readonly kind: MarkerKind;
  /** decimal: number of components; otherwise 0. */
  readonly depth: number;
  readonly ordinal: number | undefined;
  /** Offsets of the marker in the scanned string. */
  readonly start: number;
  readonly end: number;
  /** Where the heading's own text starts (after the marker and any separator). */
  readonly textStart: number;
  /** True when text follows the marker directly, with no space (used for 第X条 that might be a citation). */
  readonly glued: boolean;
  /** True when the marker ends with a colon (附件：). */
  readonly colon: boolean;
  /** True when the marker ends with a comma (第一，). */
  readonly comma: boolean;
}

const LAW_UNITS: Record<string, MarkerKind> = {
  '编': 'part', '編': 'part', '篇': 'part', '章': 'chapter', '节': 'section', '節': 'section', '条': 'article', '條': 'article',
};

/** Heavenly stems, the 甲、乙、 level of Taiwan judgments. */
const STEMS = '甲乙丙丁戊己庚辛壬癸';
/** Formal (financial) numerals: 壹貳參 … 拾佰仟; 壹、 numbers a level above or beside 一、. */
export const FORMAL_NUMERALS = '壹贰貳叁參肆伍陆陸柒捌玖拾佰仟';
/** The plain numerals of 一、 and （一） list markers (the terms extractor's list items). */
export const LIST_NUMERALS = '一二三四五六七八九十';

function isFormalNumeral(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!FORMAL_NUMERALS.includes(s[i]!)) return false;
  return true;
}

function readCnNumeral(s: string, p: number, end: number): number {
  while (p < end && isCnNumeralCode(s.charCodeAt(p))) p++;
  return p;
}

function readDigits(s: string, p: number, end: number): number {
  while (p < end && digitValue(s.charCodeAt(p)) >= 0) p++;
  return p;
}

function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + digitValue(s.charCodeAt(i));
  return v;
}

function finish(kind: MarkerKind, ordinal: number | undefined, start: number, end: number, s: string, lineEnd: number, depth = 0): MarkerMatch {
  const textStart = skipIndent(s, end, lineEnd);
  const last = s.charCodeAt(end - 1);
  return {
    kind, depth, ordinal, start, end, textStart, glued: textStart === end && end < lineEnd, colon: last === 0xff1a || last === 0x3a,
    comma: last === 0xff0c || last === 0x2c,
  };
}

/** 第X编 / 第X分编 / 第X章 / 第X节 / 第X条(之一) / 第 1 條 / 第 174-1 條 / 第12条. */
function lawMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  let q = skipIndent(s, p + 1, end);
  let ordinal: number | undefined;
  const cnEnd = readCnNumeral(s, q, end);
  const chinese = cnEnd > q;
  if (chinese) {
    ordinal = cnNumeralValueAt(s, q, cnEnd);
    q = cnEnd;
  } else {
    const dEnd = readDigits(s, q, end);
    if (dEnd === q || dEnd - q > 5) return undefined;
    ordinal = digitsValue(s, q, dEnd);
    q = dEnd;
    // Taiwan 第 174-1 條
    if (q < end && (s[q] === '-' || s[q] === '－')) {
      const e2 = readDigits(s, q + 1, end);
      if (e2 > q + 1) q = e2;
    }
  }
  if (ordinal === undefined) return undefined;
  q = skipIndent(s, q, end);
  if (q >= end) return undefined;
  // 第一、 / 第一， : an ordinal heading (only with a Chinese numeral)
  if (chinese && (s[q] === '、' || s[q] === '，' || s[q] === ',')) return finish('ordinal', ordinal, p, q + 1, s, end);
  let kind: MarkerKind | undefined;
  if ((s[q] === '分') && q + 1 < end && (s[q + 1] === '编' || s[q + 1] === '編')) {
    kind = 'subpart';
    q += 2;
  } else if (s[q] === '部' && q + 1 < end && s[q + 1] === '分') {
    kind = 'part'; // 第一部分
    q += 2;
  } else {
    kind = LAW_UNITS[s[q]!];
    if (!kind) return undefined;
    q++;
  }
  // 第X条之一, 第 四 章之一
  if (q < end && s[q] === '之') {
    const e2 = readCnNumeral(s, q + 1, end);
    if (e2 > q + 1) q = e2;
  }
  return finish(kind, ordinal, p, q, s, end);
}

/**
 * The marker at `p` (the first non-indent character of a line ending at `end`), or undefined.
 * Does not decide context (a glued 第X条 may be a citation; the caller decides).
 */
export function matchMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  if (p >= end) return undefined;
  const c = s.charCodeAt(p);

  if (c === 0x7b2c /* 第 */) return lawMarker(s, p, end);

  // 一、 (also the misuse 一. / 一．); 壹、 in formal numerals is a level of its own
  if (isCnNumeralCode(c)) {
    const q = readCnNumeral(s, p, end);
    if (q < end && q - p <= 8) {
      const sep = s.charCodeAt(q);
      if (sep === 0x3001 || ((sep === 0x2e || sep === 0xff0e) && !(q + 1 < end && digitValue(s.charCodeAt(q + 1)) >= 0))) {
        const ordinal = cnNumeralValueAt(s, p, q);
        if (ordinal !== undefined && ordinal > 0) return finish(isFormalNumeral(s, p, q) ? 'cnFormal' : 'cn', ordinal, p, q + 1, s, end);
      }
    }
    return undefined;
  }

  // 甲、 乙、 (not 甲、乙双方: a stem list inside a sentence)
  const stem = STEMS.indexOf(s[p]!);
  if (stem >= 0) {
    if (p + 2 < end && s.charCodeAt(p + 1) === 0x3001 && !STEMS.includes(s[p + 2]!)) return finish('stem', stem + 1, p, p + 2, s, end);
    return undefined;
  }

  // （一） (一) （1） (1)
  if (isOpenParen(c)) {
    const q0 = skipIndent(s, p + 1, end);
    const cnEnd = readCnNumeral(s, q0, end);
    if (cnEnd > q0 && cnEnd - q0 <= 8) {
      const q = skipIndent(s, cnEnd, end);
      if (q < end && isCloseParen(s.charCodeAt(q))) {
        const ordinal = cnNumeralValueAt(s, q0, cnEnd);
        if (ordinal !== undefined && ordinal > 0) return finish('cnParen', ordinal, p, q + 1, s, end);
      }
      return undefined;
    }
    const dEnd = readDigits(s, q0, end);
    if (dEnd > q0 && dEnd - q0 <= 3) {
      const q = skipIndent(s, dEnd, end);
      if (q < end && isCloseParen(s.charCodeAt(q))) return finish('numParen', digitsValue(s, q0, dEnd), p, q + 1, s, end);
    }
    return undefined;
  }

  // ㈠ … ㈩
  if (c >= 0x3220 && c <= 0x3229) return finish('cnParen', c - 0x3220 + 1, p, p + 1, s, end);
  // ① … ⑳, ㉑ … ㉟
  if (c >= 0x2460 && c <= 0x2473) return finish('circled', c - 0x2460 + 1, p, p + 1, s, end);
  if (c >= 0x3251 && c <= 0x325f) return finish('circled', c - 0x3251 + 21, p, p + 1, s, end);
  // ⑴ … ⒇
  if (c >= 0x2474 && c <= 0x2487) return finish('numParen', c - 0x2474 + 1, p, p + 1, s, end);
  // ⒈ … ⒛
  if (c >= 0x2488 && c <= 0x249b) return finish('num', c - 0x2488 + 1, p, p + 1, s, end);

  // 1. 1． １． 1、 and 3.1 / 3.1.2
  if (digitValue(c) >= 0) {
    const dEnd = readDigits(s, p, end);
    if (dEnd - p > 3 || dEnd >= end) return undefined;
    const sep = s.charCodeAt(dEnd);
    if (sep === 0x3001) return finish('num', digitsValue(s, p, dEnd), p, dEnd + 1, s, end);
    if (sep !== 0x2e && sep !== 0xff0e) return undefined;
    const after = dEnd + 1 < end ? s.charCodeAt(dEnd + 1) : -1;
    if (digitValue(after) < 0) {
      // "1." must be followed by text on the same line
      if (after === -1 || skipIndent(s, dEnd + 1, end) >= end) return undefined;
      return finish('num', digitsValue(s, p, dEnd), p, dEnd + 1, s, end);
    }
    // decimal numbering: digits(.digits)+ then a blank, then text that is not a number or unit
    let q = dEnd;
    let depth = 1;
    while (q < end && (s.charCodeAt(q) === 0x2e || s.charCodeAt(q) === 0xff0e)) {
      const e2 = readDigits(s, q + 1, end);
      if (e2 === q + 1 || e2 - q - 1 > 3) return undefined;
      q = e2;
      depth++;
    }
    if (q >= end || !isIndent(s.charCodeAt(q))) return undefined;
    const t = skipIndent(s, q, end);
    if (t >= end || digitValue(s.charCodeAt(t)) >= 0) return undefined;
    return finish('decimal', digitsValue(s, p, dEnd), p, q, s, end, depth);
  }

  // 附件 / 附件1 / 附件一 / 附录 / 附錄 / 附表
  if (c === 0x9644 /* 附 */ && p + 1 < end) {
    const n = s[p + 1];
    if (n === '件' || n === '录' || n === '錄' || n === '表') {
      let q = p + 2;
      let ordinal: number | undefined;
      const cnEnd = readCnNumeral(s, q, end);
      if (cnEnd > q) {
        ordinal = cnNumeralValueAt(s, q, cnEnd);
        q = cnEnd;
      } else {
        const dEnd = readDigits(s, q, end);
        if (dEnd > q) {
          ordinal = digitsValue(s, q, dEnd);
          q = dEnd;
        }
      }
      if (q < end && (s[q] === '：' || s[q] === ':')) q++;
      return finish('appendix', ordinal, p, q, s, end);
    }
  }
  return undefined;
}
