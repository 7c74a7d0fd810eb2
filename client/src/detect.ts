/**
 * Does a plain-text document look like a Chinese report, official document or law?
 *
 * Pure (no vscode, no Node built-ins) so that it can be unit-tested on the corpus. It reads at most
 * `SAMPLE_CHARS` characters and does a constant amount of work per character and per line (every regular
 * expression is anchored or bounded), so it is linear in the sample and cheap on huge files.
 *
 * The rule, measured on the 31 documents of the shared corpus, the founding seed and a set of negatives
 * (see test/unit/detect.test.ts):
 *
 * 1. The sample is Chinese: at least `MIN_HAN` Han characters, and Han characters make up at least
 *    `MIN_HAN_SHARE` of all letters (Han + ASCII letters). Source code with Chinese comments and English text
 *    fail here (share ≤ 0.2); every corpus document has a share above 0.9.
 * 2. And one of:
 *    a. at least `MIN_HEADINGS` structural heading lines: a line that starts (after white space, U+3000,
 *       zero-width spaces or Markdown `#`) with 第X编/章/节/条 (simplified or traditional, Arabic or Chinese
 *       numerals, with or without spaces; 分编, 部分, 篇), 一、 or 壹、, 甲、, （一）/(一), （1）/(1), 3.1 + space, or a
 *       circled number (the marker characters: server/src/protocol/markers.ts);
 *       `1.` items alone do not count (any Chinese list has them);
 *    b. at least `MIN_HEADINGS_WITH_TITLE` such lines and a title line among the first lines (a short line
 *       ending in 报告, 决议, 条例, 通知 …);
 *    c. a genre cue — a salutation line (各位代表： / 同志们：) or a session phrase (第十四届…第三次会议) — and
 *       a density of official vocabulary of at least `MIN_OFFICIAL_DENSITY` terms per 1,000 Han characters.
 *       This catches speeches without numbered sections (the 1954 work report) and short resolutions.
 */

import { MARKER_CHARS } from '../../server/src/protocol/markers';

/** How much of the document is examined. */
export const SAMPLE_CHARS = 20_000;
export const MIN_HAN = 100;
export const MIN_HAN_SHARE = 0.8;
export const MIN_HEADINGS = 3;
export const MIN_HEADINGS_WITH_TITLE = 2;
export const MIN_OFFICIAL_DENSITY = 20;

/** What the rule measured (exported for tests and for logging). */
export interface ReportSignals {
  readonly han: number;
  readonly latin: number;
  /** Han characters / (Han characters + ASCII letters); 0 when there are no letters. */
  readonly hanShare: number;
  /** Structural heading lines (see the module comment, rule 2a). */
  readonly headings: number;
  /** A short genre title among the first non-empty lines. */
  readonly titleLine: boolean;
  /** A salutation line or a 第X届…第X次会议 phrase. */
  readonly genreCue: boolean;
  /** Official vocabulary per 1,000 Han characters. */
  readonly officialDensity: number;
}

const { numerals: CN_NUM, formal: FORMAL_NUMERALS, stems: STEMS, lawUnits: LAW_UNITS } = MARKER_CHARS;
const DIGIT = '0-9０-９';
const SPACE = ' \\t\\u3000';

/**
 * Structural heading markers at the start of a line whose leading blanks and `#` are already stripped. The marker
 * characters come from the protocol's copy of the server's marker table (壹、 and 甲、 count like 一、).
 */
const HEADING_PATTERNS: readonly RegExp[] = [
  // 第X编/篇/章/节/条, 第X分编, 第X部分 (第 1 條, 第 174-1 條, 第一条之一), followed by a space, a colon or the end of the line.
  new RegExp(`^第[${SPACE}]{0,2}[${CN_NUM}${DIGIT}]{1,8}[${SPACE}]{0,2}(?:[-－][${DIGIT}]{1,3}[${SPACE}]{0,2})?(?:[${LAW_UNITS}]|分[编編]|部分)(?:之[一二三四五六七八九十]{1,3})?(?:[${SPACE}：:︰]|$)`),
  new RegExp(`^(?:[${CN_NUM}]{1,4}|[${FORMAL_NUMERALS}]{1,4})、`),
  new RegExp(`^[${STEMS}]、(?![${STEMS}])`),
  new RegExp(`^[（(](?:[${CN_NUM}]{1,4}|[${FORMAL_NUMERALS}]{1,4})[）)]`),
  new RegExp(`^[（(][${DIGIT}]{1,3}[）)]`),
  new RegExp(`^[${DIGIT}]{1,2}[.．][${DIGIT}]{1,3}(?:[.．][${DIGIT}]{1,3})?[${SPACE}]`),
  // circled numbers ① … ⑳ ㉑ … ㉟, ⑴ … ⒇, ㈠ … ㈩
  /^[\u2460-\u2473\u3251-\u325f\u2474-\u2487\u3220-\u3229]/,
  // I. II. IV. of Hong Kong LegCo papers and minutes, with a Chinese title (I. 通過會議紀要; not an English "I.")
  /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[.．][ \t\u3000]*[\u4e00-\u9fff]/,
];

/** Characters stripped from the start of a line before the heading test. */
const LEADING = /^[\s\u3000\u200b\u200c\u200d\ufeff#]{1,40}/;

const TITLE_LINE = /^[^。，；！？,;!?]{2,40}(?:报告|報告|决议|決議|决定|決定|公报|公報|通知|通报|通報|意见|意見|办法|辦法|条例|條例|规定|規定|规则|規則|细则|細則|方案|纲要|綱要|规划|規劃|计划|計劃|总结|總結|讲话|講話|公告|解释|解釋|标准|標準|法)$/;
/** How many non-empty lines from the top may hold the title. */
const TITLE_LINES = 12;

const SALUTATION = /^(?:各位代表|同志们|同志們|各位委员|各位委員|代表们|代表們|各位同志)[:：]/;
const SESSION = new RegExp(`第[${CN_NUM}${DIGIT}]{1,4}[届屆][^。\\n]{0,24}第[${CN_NUM}${DIGIT}]{1,3}次(?:全体)?(?:会议|會議)`);

/** Words of the official register (simplified and traditional); counted per 1,000 Han characters. */
const OFFICIAL_TERMS = new RegExp(
  [
    '人民代表大会', '人民代表大會', '国务院', '國務院', '政府', '委员会', '委員會', '中央', '会议', '會議',
    '社会主义', '社會主義', '坚持', '堅持', '推进', '推進', '加强', '加強', '全面', '深化', '贯彻', '貫徹',
    '落实', '落實', '建设', '建設', '发展', '發展', '改革', '经济', '經濟', '国家', '國家', '工作', '人民',
    '依法', '规定', '規定', '条例', '條例', '实施', '實施', '管理', '制度', '机制', '機制', '部门', '部門',
    '法律', '本法', '应当', '應當', '不得',
  ].join('|'),
  'g',
);

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Measures the signals of `looksLikeReport` on the first `SAMPLE_CHARS` characters of `text`. */
export function reportSignals(text: string): ReportSignals {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isHan(code)) {
      han++;
    } else if (isAsciiLetter(code)) {
      latin++;
    }
  }

  let headings = 0;
  let titleLine = false;
  let salutation = false;
  let nonEmpty = 0;
  let lineStart = 0;
  while (lineStart <= sample.length) {
    let lineEnd = sample.indexOf('\n', lineStart);
    if (lineEnd < 0) {
      lineEnd = sample.length;
    }
    // Only the beginning of a line matters: the patterns are anchored and short.
    const head = sample.slice(lineStart, Math.min(lineEnd, lineStart + 80)).replace(LEADING, '');
    const line = head.replace(/[\s\u3000]+$/, '');
    if (line.length > 0) {
      nonEmpty++;
      if (HEADING_PATTERNS.some((pattern) => pattern.test(line))) {
        headings++;
      }
      if (SALUTATION.test(line)) {
        salutation = true;
      }
      if (nonEmpty <= TITLE_LINES && lineEnd - lineStart <= 80 && TITLE_LINE.test(line)) {
        titleLine = true;
      }
    }
    lineStart = lineEnd + 1;
  }

  const official = han === 0 ? 0 : (sample.match(OFFICIAL_TERMS)?.length ?? 0);
  return {
    han,
    latin,
    hanShare: han + latin === 0 ? 0 : han / (han + latin),
    headings,
    titleLine,
    genreCue: salutation || SESSION.test(sample),
    officialDensity: han === 0 ? 0 : (official * 1000) / han,
  };
}

/** True when the beginning of `text` looks like a Chinese report, official document or law. */
export function looksLikeReport(text: string): boolean {
  const s = reportSignals(text);
  if (s.han < MIN_HAN || s.hanShare < MIN_HAN_SHARE) {
    return false;
  }
  return (
    s.headings >= MIN_HEADINGS ||
    (s.headings >= MIN_HEADINGS_WITH_TITLE && s.titleLine) ||
    (s.genreCue && s.officialDensity >= MIN_OFFICIAL_DENSITY)
  );
}
