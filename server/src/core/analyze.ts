/**
 * Text → report model: headings tree, scrape damage. Linear in the text: one pass over lines to find heading
 * candidates, one pass over the candidates to build the tree with an explicit stack.
 */
import { cnNumeralValueAt, digitValue, isCnNumeralCode, isIndent, isSentenceEnd, isHan, skipIndent, trimEnd } from './chars';
import { breadcrumbLastStep, isAboveText, isBreadcrumb, isNavigationHeader, isOfficialFrontMatter, isSiteName, isSiteTitle } from './chrome';
import { judgeRepair, redecodeShifted, type GbkCodec } from './gbk';
import { SELF_WORDS } from './stops';
import { glossAt, glossBounds, stripGlossRemnants, stripGlosses } from './gloss';
import { HeadingTable, keepHeadingTable } from './headingTable';
import { MARKER_START_CLASS, canStartMarker, fixedRank, gbLevel, gluedDecimal, isLawKind, markerInfo, matchMarker, nestsByOrder, spacedNumber, type MarkerMatch } from './markers';
import type { Damage, Heading, MarkerKind, ReportModel, TableOfContents } from './model';
import { compact, findToc, isTocHeader, linkToc, namesToc } from './toc';

export interface AnalyzeOptions {
  /** Byte codec for repairing GBK-misaligned lines; without it such lines are left as they are. */
  readonly codec?: GbkCodec;
}

/** A document with fewer glosses than this is taken to gloss on purpose (a textbook), not damaged. */
export const GLOSS_DAMAGE_THRESHOLD = 3;
/** How many lines from the top may hold the title. */
const TITLE_SEARCH_LINES = 40;
const TITLE_MAX_LENGTH = 60;
const DETAIL_MAX_LENGTH = 40;

const GLOSSARY_HEADER_MAX = 8;
/** An appendix whose title says it is a glossary: 附件：名词解释. */
const GLOSSARY_TITLE = /名词解释|名詞解釋|注释|註釋/;
/** A step of a law's amendment history names its year: 1.中華民國十八年五月二十三日…公布, 1. 1997年3月14日…修订. */
const DATED = /[0-9０-９〇○零一二三四五六七八九十]\s*年/;
const GLOSSARY_HEADERS = new Set([
  '名词解释', '名詞解釋', '名词注释', '名詞註釋', '注释', '註釋', '注解', '註解', '附注', '附註', '名词解释：', '注释：', '註釋：',
  '附：名词解释', '附:名词解释', '附：名詞解釋', '附：注释', '附：註釋',
]);

/** What follows a 第X条 that is cited rather than headed: 第X条第二款, 第X条、第Y条, 第X条至…, 第X条规定 … */
const CITATION_FOLLOWERS = '第、，,至及和或与與的之所款项項规規中上下';

/** What the line scan records about a heading: its strings are made from these when first read (see `LazyHeading`). */
interface Candidate {
  readonly kind: MarkerKind;
  readonly depth: number;
  readonly ordinal: number | undefined;
  /** The marker as written (trimmed), before glosses are stripped. */
  readonly rawMarker: string;
  readonly line: number;
  readonly start: number;
  readonly headingStart: number;
  /** The text after the marker, and where it sits (for offsets) — for repaired lines, the repaired text. */
  readonly rest: string;
  readonly restStart: number;
  /** -1 when `rest` does not map to document offsets (a repaired line). */
  readonly lineEnd: number;
  /** The `#` depth of a Markdown heading line, 0 for a plain line. */
  readonly md: number;
  readonly repaired: boolean;
  /** Text that completes the heading's own text: the next line for a marker alone on its line, or Taiwan's
   * hard-wrapped continuation lines. */
  more: string;
  /** For an appendix alone on its line: the title line below it. */
  rawDetail: string;
}

/**
 * A line that may hold a heading: an optional indent, then `#` or a character a marker can start with
 * (第, numerals, brackets, digits, circled numbers, 附件, glossary headers 名词解释/注释, and the "?"/"。" that
 * GBK misalignment leaves).
 */
export const CANDIDATE_LINE = new RegExp(`^[ \\t\\u00a0\\u2000-\\u200b\\u200d\\u3000\\ufeff]*(?:>[ \\t\\u3000]+)?(?:[·•][ \\t\\u3000]+)?(?:\\*\\*)?[#${MARKER_START_CLASS}名注註?。]`);

/** Line starts after LF, CRLF and a lone CR, as editors count lines (a CR-only file has many lines, not one). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // LF only (nearly every file): indexOf is about ten times faster than a charCodeAt loop (bench, 1 MB)
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

function lineEndAt(text: string, lineStarts: readonly number[], line: number): number {
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
  if (end > lineStarts[line]! && text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}

function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) return true;
  return false;
}

/** Characters that close a list item rather than its heading: （一）管制； */
function isItemPunctuation(c: number): boolean {
  return c === 0xff1b || c === 0x3b || c === 0xff0c || c === 0x2c || c === 0x3001;
}

function cleanTitle(s: string, glossed: boolean): string {
  let t = glossed ? stripGlosses(s) : s;
  // a gloss right after the marker (第二節(à)…) has no Han character before it in the title: strip it too
  if (glossed && t.charCodeAt(0) === 0x28) {
    const e = glossAt('字' + t, 1);
    if (e > 0) t = t.slice(e - 1);
  }
  if (t.startsWith('**')) t = t.slice(2);
  if (t.endsWith('**')) t = t.slice(0, -2);
  // an item's closing ；/，/、 is punctuation of the list, not of the heading; allocate only when there is work
  let a = 0;
  let b = t.length;
  while (a < b && isIndent(t.charCodeAt(a))) a++;
  while (b > a && (isIndent(t.charCodeAt(b - 1)) || isItemPunctuation(t.charCodeAt(b - 1)))) b--;
  return a === 0 && b === t.length ? t : t.slice(a, b);
}

/** A heading with no marker of its own (名词解释, a Markdown `#` line): its whole line is its text. */
function unmarked(context: Context, kind: MarkerKind, depth: number, line: number, start: number, headingStart: number, whole: string, p: number, end: number, md: number): LazyHeading {
  return new LazyHeading(context, kind, depth, undefined, '', line, start, headingStart, whole, p, end, md, false);
}

interface TextLine {
  readonly line: number;
  /** First non-indent offset and trimmed end. */
  readonly p: number;
  readonly end: number;
  readonly text: string;
}

/** The next non-blank line within `span` lines below `line`, if any. */
function nextTextLine(text: string, lineStarts: readonly number[], line: number, span = 2): TextLine | undefined {
  for (let l = line + 1; l < Math.min(lineStarts.length, line + 1 + span); l++) {
    const start = lineStarts[l]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, l));
    const p = skipIndent(text, start, end);
    if (p < end) return { line: l, p, end, text: text.slice(p, end) };
  }
  return undefined;
}

function hasSentenceEnd(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSentenceEnd(s.charCodeAt(i))) return true;
  return false;
}

/** The line below `line` starts with two ASCII blanks (where continuationLines may find a continuation). */
function indentedBelow(text: string, lineStarts: readonly number[], line: number): boolean {
  if (line + 1 >= lineStarts.length) return false;
  const start = lineStarts[line + 1]!;
  return text.charCodeAt(start) === 0x20 && text.charCodeAt(start + 1) === 0x20;
}

/** Hard-wrapped continuation lines (Taiwan law text: indented by ASCII spaces) below an unindented list item. */
function continuationLines(text: string, lineStarts: readonly number[], line: number): string {
  let more = '';
  for (let l = line + 1; l < Math.min(lineStarts.length, line + 6); l++) {
    const start = lineStarts[l]!;
    if (text.charCodeAt(start) !== 0x20 || text.charCodeAt(start + 1) !== 0x20) break;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, l));
    const p = skipIndent(text, start, end);
    if (p >= end || matchMarker(text, p, end)) break;
    const s = text.slice(p, end);
    more += s;
    if (hasSentenceEnd(s)) break;
  }
  return more;
}

/**
 * The title of a Roman numeral alone on its line, on the line right below it (a LegCo agenda copied from its web
 * page: I. / 通過會議紀要): a short line with no sentence end that is no marker itself; undefined when there is none.
 */
function romanTitle(text: string, lineStarts: readonly number[], line: number): string | undefined {
  const next = nextTextLine(text, lineStarts, line, 1);
  if (next === undefined || next.text.length > PART_TITLE_MAX || hasSentenceEnd(next.text) || !hasHan(next.text) || matchMarker(text, next.p, next.end)) return undefined;
  return next.text;
}

/** A part's title on the line below its marker is at most this long. */
const PART_TITLE_MAX = 30;

/** 编 / 分编 / 篇 / 部分 / 章 / 节: structure above the article. */
function isStructureKind(kind: MarkerKind): boolean {
  return isLawKind(kind) && kind !== 'article';
}

/** The section markers a contract groups its articles under (一、…十、 holding 第１条 …). */
function isSectionKind(kind: MarkerKind): boolean {
  return kind === 'cn' || kind === 'cnFormal';
}

/** Lines that a one-byte-late GBK decoding leaves behind start with the trail of the lost lead byte. */
function looksMisaligned(s: string, p: number, end: number): boolean {
  const c = s.charCodeAt(p);
  return (c === 0x3f /* ? */ || c === 0x3002 /* 。 */) && end - p > 3;
}

/**
 * The markers a line alone cannot vouch for, judged among the others (see MarkerAcceptance in markers.ts):
 * - 第 一 款 通則 / 第 一 目 共同財產制 are groups of articles only in a law whose articles are written 條 (Taiwan), below a
 *   節 or another group (a 目 below a 款), right above an article or another group, and numbered on from the groups
 *   before them in their 節 (款) or 款 (目): the first one is 一, the others go up;
 * - I. II. III. only in a run: I. when the next of them is II., a later one when it goes on from the last one kept
 *   (a gap is the numbering check's to report), so an English "I." or a stray numeral stays text.
 */
function inContext(cands: LazyHeading[]): LazyHeading[] {
  let judged = false;
  for (const c of cands) {
    const accept = markerInfo(c.kind).accept;
    if (accept === 'group' || accept === 'run') {
      judged = true;
      break;
    }
  }
  if (!judged) return cands;
  const taiwan = cands.some((c) => c.kind === 'article' && c.rawMarker.endsWith('條'));
  const out: LazyHeading[] = [];
  let structure: MarkerKind | undefined; // the last structure heading kept (编 … 节, 款, 目)
  const groups = { group: 0, subgroup: 0 }; // the last 款 group kept in this 節, the last 目 in this 款
  let roman = 0; // the last Roman numeral kept
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const next = cands[i + 1];
    if (c.kind === 'group' || c.kind === 'subgroup') {
      const below = c.kind === 'group' ? structure === 'section' || structure === 'group' || structure === 'subgroup' : structure === 'group' || structure === 'subgroup';
      const above = next !== undefined && (next.kind === 'article' || next.kind === 'group' || next.kind === 'subgroup');
      if (!taiwan || !below || !above || !(groups[c.kind] === 0 ? c.ordinal === 1 : c.ordinal! > groups[c.kind])) continue;
      groups[c.kind] = c.ordinal!;
      if (c.kind === 'group') groups.subgroup = 0;
    } else if (c.kind === 'roman') {
      let k = i + 1;
      while (k < cands.length && cands[k]!.kind !== 'roman') k++;
      const starts = c.ordinal === 1 && k < cands.length && cands[k]!.ordinal === 2;
      // (a chapter page on its own: III. above its paragraphs 3.1, 3.2 … numbered from its value)
      const numbers = next !== undefined && next.kind === 'decimal' && next.ordinal === c.ordinal;
      if (!starts && !numbers && !(roman > 0 && c.ordinal! > roman)) continue;
      roman = c.ordinal!;
    }
    if (isStructureKind(c.kind)) {
      structure = c.kind;
      if (c.kind !== 'group' && c.kind !== 'subgroup') groups.group = groups.subgroup = 0;
    }
    out.push(c);
  }
  return out;
}

/** True when the lines strictly between line `a` and line `b` are all blank (none when b = a + 1). */
function blankBetween(text: string, lineStarts: readonly number[], a: number, b: number): boolean {
  if (b <= a + 1) return true;
  return text.slice(lineStarts[a + 1], lineStarts[b]).trim() === '';
}

/** Accept or reject a marker in its line's context. */
function acceptMarker(m: MarkerMatch, rest: string, prevArticle: number | undefined, chapterAbove = false, alone = false): boolean {
  switch (markerInfo(m.kind).accept) {
    case 'citable':
      // "第十条规定…" at a line start is a citation (often a hard-wrapped one: "第一百九十三條第二項之規定") unless the
      // numbering continues the articles before it and the text does not go on as a citation does
      if (!m.glued) return true;
      // 第一条、词语含义。 (older model contracts put 、 where a blank belongs): a heading unless a citation goes on
      // (第十条、第十一条 / 第十条、十一条), where the numbering continues or no article came before
      // (and 第一條:根據… / 第八條：違約責任：… — a colon there, as 范文 sites write their contracts)
      if ((rest[0] === '、' || rest[0] === '：' || rest[0] === ':') && rest.length > 1 && m.ordinal !== undefined && (prevArticle === undefined || m.ordinal === prevArticle + 1)) {
        const next = rest.charCodeAt(1);
        return !CITATION_FOLLOWERS.includes(rest[1]!) && !isCnNumeralCode(next) && digitValue(next) < 0;
      }
      // 第一章总则 / 第一条本协会的名称为… (a page that dropped the blanks): the first article right below its chapter
      if (prevArticle === undefined && chapterAbove && m.ordinal === 1) return !CITATION_FOLLOWERS.includes(rest[0]!);
      // 第一条劳动合同期限 on a line of its own (a contract's article title, its blank dropped): a short name of Han
      // characters only, in the numbering (第一条规定的… is a wrapped citation: 规 goes on as a citation does)
      if (alone && m.ordinal !== undefined && m.ordinal === (prevArticle ?? 0) + 1 && rest.length >= 2 && rest.length <= ARTICLE_TITLE_MAX
        && hanOnly(rest) && !CITATION_FOLLOWERS.includes(rest[0]!)) return true;
      if (prevArticle === undefined || m.ordinal === undefined || (m.ordinal !== prevArticle + 1 && m.ordinal !== prevArticle)) return false;
      // 第六条，本协会… (a comma where a space belongs) heads the next article; 第六条，第七条… and 第六条，依照… cite
      if ((rest[0] === '，' || rest[0] === ',') && m.ordinal === prevArticle + 1) {
        const next = rest.charCodeAt(1);
        return rest.length > 1 && !CITATION_FOLLOWERS.includes(rest[1]!) && !isCnNumeralCode(next) && digitValue(next) < 0;
      }
      return !CITATION_FOLLOWERS.includes(rest[0]!);
    case 'structure':
      // 第三章第九節第一～三款款名 (a wrapped line of a law's amendment history) names a unit inside the chapter: a citation
      return !m.glued || (rest.length <= 30 && !/[。，；,;]/.test(rest) && !LAW_UNIT_CITED.test(rest));
    case 'group':
      // 第 一 款 通則: a blank and a short title (第一款规定… / 第二款、第三款 are citations); the context is judged once
      // every line is read (inContext)
      return !m.glued && rest.length > 0 && rest.length <= 30 && !/[。，；,;：:]/.test(rest);
    case 'appendix':
      // 附件 / 附件1 / 附件：名称, but not a sentence that starts with 附表…
      // (附錄本案論罪科刑法條全文：, a title that announces what follows, is one too)
      // (附表二所示之人… / 附件一所列: the start of a sentence that refers to the appendix)
      return rest.length <= 40 && !/[。；;]/.test(rest) && !(m.glued && /^所[示列載载附述]/.test(rest)) && (!m.glued || m.ordinal !== undefined || m.colon || (rest.length <= 20 && /(?:[：:]|－－|——)$/.test(rest)));
    case 'ordinal':
      // 第一、…  /  第一， on a line of its own (a run-in 第一，…。 is an enumeration inside a paragraph)
      if (rest.length === 0) return true;
      if (isCnNumeralCode(rest.charCodeAt(0))) return false; // 第一、二季度
      return !m.comma || (rest.length <= 60 && !/[。！？；;：:]/.test(rest));
    case 'text':
      return rest.length > 0;
    case 'run':
      // with its title after it or alone on its line (a LegCo agenda's I. above 通過會議紀要: see romanTitle), and in a
      // run (inContext)
      return true;
    case 'any':
      return true;
  }
}

/** A chapter's name glued to its first article: an optional colon, a short name with no punctuation, then 第X条. */
const NAME_THEN_ARTICLE = /^[:：]?\s*[\u4e00-\u9fff]{1,12}?(?=第[〇一二三四五六七八九十百零两兩]{1,6}[条條])/;

/**
 * The article glued to a chapter's short name on the chapter's line (第二章:组织结构第三条协会设立…), when what follows
 * it is the article's text (not a citation: 第三条规定…); undefined otherwise.
 */
function articleGluedToName(text: string, from: number, end: number): { start: number; ordinal: number } | undefined {
  const name = NAME_THEN_ARTICLE.exec(text.slice(from, Math.min(end, from + 24)));
  if (!name) return undefined;
  const at = from + name[0].length;
  const a = matchMarker(text, at, end);
  if (!a || a.kind !== 'article' || a.ordinal === undefined || a.textStart >= end || CITATION_FOLLOWERS.includes(text[a.textStart]!)) return undefined;
  return { start: at, ordinal: a.ordinal };
}

/** A law unit named right after a structure marker, glued: 第九節 / 第 2 條 / 第一～三款 (a citation goes on). */
const LAW_UNIT_CITED = /^第\s*[〇一二三四五六七八九十百千两兩零0-9０-９～~、-]+\s*[编編篇章节節条條款项項目]/;

/** What may follow 五、六 in an approximate number (五、六十年代, 七、八个, 二、三十人) rather than a heading's text. */
const APPROXIMATE_FOLLOWERS = '十百千万萬亿億个個人年月日天次位名家项項条條种種倍成岁歲多余餘';

/** 五、六十年代 / 七、八个: a range of two neighbouring numbers, not the heading 五、. */
function isApproximateNumber(m: MarkerMatch, rest: string): boolean {
  if ((m.kind !== 'cn' && m.kind !== 'cnFormal') || m.ordinal === undefined || m.ordinal >= 10 || rest.length < 2) return false;
  // (the first character by code unit: rest[0] of a Han character is a new string for every 一、 heading)
  return cnNumeralValueAt(rest, 0, 1) === m.ordinal + 1 && APPROXIMATE_FOLLOWERS.includes(rest[1]!);
}

/** A numeric table cell: 1,234,567.89 / (4.2%) / -12 / 35％ (a scan, nothing allocated). */
function isNumericCell(s: string, from: number, to: number): boolean {
  while (from < to && s.charCodeAt(from) === 0x20) from++;
  while (to > from && s.charCodeAt(to - 1) === 0x20) to--;
  if (from < to && '-+(（'.includes(s[from]!)) from++;
  if (to > from && '%％)）'.includes(s[to - 1]!)) to--;
  if (from >= to || digitValue(s.charCodeAt(from)) < 0) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (digitValue(c) < 0 && c !== 0x2c && c !== 0xff0c && c !== 0x2e && c !== 0xff0e) return false;
  }
  return true;
}

/** `一、营业收入 146,695 164,699`: a row whose cells a PDF tool split by single blanks ends in two numbers or more. */
function endsInNumbers(rest: string): boolean {
  let end = rest.length;
  let numbers = 0;
  while (end > 0) {
    const blank = rest.lastIndexOf(' ', end - 1);
    if (blank < 0 || !isNumericCell(rest, blank + 1, end)) break;
    numbers++;
    end = blank;
  }
  return numbers >= 2;
}

/** The last character of a numeric cell (see isNumericCell): a digit, a separator, or % ％ ) ）. */
function endsLikeNumber(c: number): boolean {
  return digitValue(c) >= 0 || c === 0x2c || c === 0xff0c || c === 0x2e || c === 0xff0e || c === 0x25 || c === 0xff05 || c === 0x29 || c === 0xff09;
}

/** A table row is a line of cells, not a paragraph. */
const TABLE_ROW_MAX = 300;

/**
 * Where the text's next TAB and next two blanks are, each found by one search from an offset and kept while the lines
 * are read in order (two searches of every short line cost analyze about 7% at 1 MB); an earlier offset searches again.
 */
class CellBreaks {
  #tab = -1;
  #tabFrom = Infinity;
  #blanks = -1;
  #blanksFrom = Infinity;
  constructor(private readonly text: string) {}
  /** A TAB or two blanks in the text's [from, to): what `rest.indexOf('\t') >= 0 || rest.indexOf('  ') >= 0` says of its slice. */
  within(from: number, to: number): boolean {
    if (from < this.#tabFrom || (this.#tab >= 0 && this.#tab < from)) {
      this.#tab = this.text.indexOf('\t', from);
      this.#tabFrom = from;
    }
    if (this.#tab >= 0 && this.#tab < to) return true;
    if (from < this.#blanksFrom || (this.#blanks >= 0 && this.#blanks < from)) {
      this.#blanks = this.text.indexOf('  ', from);
      this.#blanksFrom = from;
    }
    return this.#blanks >= 0 && this.#blanks + 1 < to;
  }
}

/**
 * `2.应收账款<TAB>1,234,567.89`: a table row (cells split by TABs or runs of spaces, one of them a number), not a heading.
 * `broken`: whether `rest` holds a TAB or two blanks (a caller that knows it from the text's CellBreaks passes it).
 */
function isTableRow(rest: string, broken = rest.indexOf('\t') >= 0 || rest.indexOf('  ') >= 0): boolean {
  if (rest.length > TABLE_ROW_MAX) return false;
  // a cell of a table scraped one cell a line, each ending in its column bar: 19.5 |
  const first = rest.charCodeAt(0);
  if (first === 0x7c || first === 0xff5c) return true;
  // (a row split by single blanks ends in a number: its last character is looked at before any search)
  if (!broken) return endsLikeNumber(rest.charCodeAt(rest.length - 1)) && endsInNumbers(rest);
  let cell = -1; // start of the current cell after the first separator
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    const separator = c === 0x09 || (c === 0x20 && rest.charCodeAt(i + 1) === 0x20);
    if (!separator) continue;
    if (cell >= 0 && isNumericCell(rest, cell, i)) return true;
    while (i + 1 < rest.length && (rest.charCodeAt(i + 1) === 0x09 || rest.charCodeAt(i + 1) === 0x20)) i++;
    cell = i + 1;
  }
  return cell >= 0 && isNumericCell(rest, cell, rest.length);
}

/** The indent of a line in columns (an ideographic space is two, a tab four); -1 for a blank line. */
function indentColumns(text: string, start: number, end: number): number {
  let cols = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x20 || c === 0xa0) cols++;
    else if (c === 0x3000) cols += 2;
    else if (c === 0x09) cols += 4;
    else if (c === 0x0d) return -1;
    else return cols;
  }
  return -1;
}

/** How far back a hanging paragraph is followed to find its quotation's opening mark. */
const QUOTE_LOOKBACK = 60;

/**
 * True when `line` is a continuation line of a hard-wrapped paragraph with a hanging indent (its first line less
 * indented, every line between at the same indent as this one) and a quotation that paragraph opened is still open:
 * a law quoted in a judgment (又「野生動物區分為下列二類：一、保育類：…。二、一般類：…」) enumerates inside the
 * quotation, and its 二、 is no heading of the judgment.
 */
function insideQuotation(text: string, lineStarts: readonly number[], line: number, memo: QuoteMemo): boolean {
  const indent = indentColumns(text, lineStarts[line]!, lineEndAt(text, lineStarts, line));
  if (indent <= 0) return false;
  let first = line - 1;
  while (first >= 0 && line - first <= QUOTE_LOOKBACK) {
    const cols = indentColumns(text, lineStarts[first]!, lineEndAt(text, lineStarts, first));
    if (cols < 0 || cols > indent) return false;
    if (cols < indent) break;
    first--;
  }
  if (first < 0 || line - first > QUOTE_LOOKBACK) return false;
  // the marks of the paragraph counted once, however many of its lines start with a marker
  let p = lineStarts[first]!;
  let open = 0;
  if (memo.first === p && memo.end <= lineStarts[line]!) {
    p = memo.end;
    open = memo.open;
  }
  for (const end = lineStarts[line]!; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x300c || c === 0x201c) open++;
    else if ((c === 0x300d || c === 0x201d) && open > 0) open--;
  }
  memo.first = lineStarts[first]!;
  memo.end = p;
  memo.open = open;
  return open > 0;
}

/**
 * True when the line right above opens a quotation with a list item of its own and does not close it (“一、被告人×××犯
 * ××罪，…； above 二、被告人×××…。”: a model text quoting the decision it describes): this line's marker is the quoted
 * list's next item, not a heading.
 */
function inQuotedList(text: string, lineStarts: readonly number[], line: number): boolean {
  if (line === 0) return false;
  const start = lineStarts[line - 1]!;
  const end = trimEnd(text, start, lineEndAt(text, lineStarts, line - 1));
  const p = skipIndent(text, start, end);
  const c = p < end ? text.charCodeAt(p) : 0;
  if ((c !== 0x201c && c !== 0x300c) || !matchMarker(text, p + 1, end)) return false;
  const close = c === 0x201c ? 0x201d : 0x300d;
  for (let q = p + 1; q < end; q++) if (text.charCodeAt(q) === close) return false;
  return true;
}

/** Where insideQuotation stopped counting in the paragraph it looked at last (offsets), and what it counted. */
interface QuoteMemo {
  first: number;
  end: number;
  open: number;
}

/** A hard-wrapped paragraph's line is at least this long; a shorter line above a marker is a heading or a short paragraph. */
const WRAP_MIN = 15;

/**
 * True when the line above `line` breaks off mid-sentence (a long line of prose that ends in a character, a comma or a
 * digit, with no blank line between): then a marker at the start of `line` continues that sentence — 第三，… /
 * 三、（一）第10行… in a hard-wrapped judgment — and is not a heading.
 */
function continuesLineAbove(text: string, lineStarts: readonly number[], line: number): boolean {
  if (line === 0) return false;
  const start = lineStarts[line - 1]!;
  const end = trimEnd(text, start, lineEndAt(text, lineStarts, line - 1));
  const p = skipIndent(text, start, end);
  if (end - p < WRAP_MIN) return false;
  const c = text.charCodeAt(end - 1);
  if (!(isHan(c) || c === 0xff0c || c === 0x2c || c === 0x3001 || digitValue(c) >= 0)) return false;
  // a short line that is a paragraph of its own — the text, the page or a blank line before it, or a finished sentence
  // (“十三五”应急体系9个具体建设任务 above （一）…) — is a heading or a label, not a wrapped paragraph's first line
  if (isHan(c) && end - p < SHORT_UNIT && ownsLine(text, lineStarts, line - 1)) return false;
  // a heading line of its own (一、总体要求 …) is not a paragraph that breaks off, nor is a filing's front matter or a
  // page's chrome (证券代码:002988 … 2023年年度报告摘要 above 一、重要提示)
  const m = matchMarker(text, p, end);
  if (m !== undefined || text.charCodeAt(p) === 0x23) return false;
  // (front matter and chrome are read only where the line has a field's colon, as 证券代码: does: prose goes on fast)
  let field = false;
  for (let i = p; i < end && !field; i++) field = text.charCodeAt(i) === 0xff1a || text.charCodeAt(i) === 0x3a;
  return !(field && isAboveText(text.slice(p, end)));
}

/** Below this length a line that starts a paragraph and breaks off is no hard wrap: wrapped text runs wider. */
const SHORT_UNIT = 20;

/** True when `line` starts a paragraph: the text's first line, or a blank line or a finished sentence above it. */
function ownsLine(text: string, lineStarts: readonly number[], line: number): boolean {
  if (line === 0) return true;
  const start = lineStarts[line - 1]!;
  const end = trimEnd(text, start, lineEndAt(text, lineStarts, line - 1));
  return end === skipIndent(text, start, end) || endsSentence(text, end);
}

/** True when the line above is a long line (a paragraph's) that ends in a digit: the number goes on on this line. */
function endsInWrappedDigit(text: string, lineStarts: readonly number[], line: number): boolean {
  if (line === 0) return false;
  const start = lineStarts[line - 1]!;
  const end = trimEnd(text, start, lineEndAt(text, lineStarts, line - 1));
  return end - skipIndent(text, start, end) >= WRAP_MIN && digitValue(text.charCodeAt(end - 1)) >= 0;
}

/**
 * By a line's first code unit: 1 when CANDIDATE_LINE matches there with every optional prefix empty (a marker's first
 * character, #, 名, 注, 註, ?, 。), 2 when it may match after an indent or a prefix (a quote's >, a bullet, bold's **),
 * 0 when it cannot match.
 */
const CANDIDATE_START = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isIndent(c)) CANDIDATE_START[c] = 2;
for (const ch of '>·•*') CANDIDATE_START[ch.charCodeAt(0)] = 2;
for (let c = 0; c < 0x10000; c++) if (canStartMarker(c)) CANDIDATE_START[c] = 1;
for (const ch of '#名注註?。') CANDIDATE_START[ch.charCodeAt(0)] = 1;

/**
 * The first line from `line` on whose start the sticky candidate-line expression matches, -1 when none does. A line
 * whose first character none of the expression's can be (most of a report's paragraphs) is passed over unmatched.
 */
function nextCandidateLine(text: string, lineStarts: readonly number[], line: number, sticky: RegExp): number {
  for (; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    if (start >= text.length) continue;
    const kind = CANDIDATE_START[text.charCodeAt(start)]!;
    if (kind === 1) return line;
    if (kind === 0) continue;
    sticky.lastIndex = start;
    if (sticky.test(text)) return line;
  }
  return -1;
}

export function analyze(text: string, options: AnalyzeOptions = {}): ReportModel {
  const lineStarts = computeLineStarts(text);
  const damage: Damage[] = [];

  const glosses = glossBounds(text); // start, end, start, end …
  const glossed = glosses.length >= 2 * GLOSS_DAMAGE_THRESHOLD;

  // Pass 1: heading candidates, line by line. Each is the heading it becomes (one object per heading; its strings
  // are made when first read).
  const context: Context = { text, lineStarts, glossed };
  const candidates: LazyHeading[] = [];
  let prevArticle: number | undefined;
  let glossary = false;
  // what later passes would each look for in every heading, noted as the candidates are made
  let judged = false; // a marker judged among the others (inContext)
  let hasArticle = false;
  let hasAppendix = false;
  let hasLaw = false; // a law structure marker (dropRunningHeaders has nothing to do in a text with none and no label)
  // the last bare section number (a feature's 1 / 2 / 3 alone on a line, its heading on the next)
  let bareNumber = 0;
  // the numbering a decimal glued to its text (1.1融资租赁：…) must continue: the last `1.` item's number and the
  // last decimal section's numbers
  let openNum: number | undefined;
  let decimalPath: number[] = [];
  const toc = findToc(text, lineStarts, (l) => lineEndAt(text, lineStarts, l));
  const tocLast = toc ? toc.entries[toc.entries.length - 1]!.line : -1;
  // `1 本…` notes (one blank after the number): items only in a run 1, 2, 3 …, judged once every line is read
  let spaced: LazyHeading[] | undefined;

  // Only lines that start (after an indent) with a character some marker can start with are looked at; the
  // regular expression has no nested quantifier, so it cannot backtrack. `test` rather than `exec`: no match array
  // per line. It is tried (sticky) at each line start only, not run over every character of the text — except in a
  // text with U+2028/U+2029, where `^` also matches inside a line: there it scans the whole text as before; the match
  // ends on the line's first character after the indent, so lastIndex - 1 is on that line, and lines come in order,
  // so the line index only moves forward.
  const quotes: QuoteMemo = { first: -1, end: 0, open: 0 };
  const breaks = new CellBreaks(text);
  const scanAll = text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
  const lineStartRe = new RegExp(CANDIDATE_LINE.source, scanAll ? 'gm' : 'my');
  let line = scanAll ? 0 : -1;
  while (scanAll ? lineStartRe.test(text) : (line = nextCandidateLine(text, lineStarts, line + 1, lineStartRe)) >= 0) {
    if (scanAll) {
      const at = lineStartRe.lastIndex - 1;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= at) line++;
    }
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, line));
    lineStartRe.lastIndex = Math.max(lineStartRe.lastIndex, end);
    if (toc && line >= toc.line && line <= tocLast) continue; // the table of contents lists headings, it has none
    let p = skipIndent(text, start, end);
    if (p >= end) continue;
    // a Markdown quote (> 1.个人会员:…, items a converter indented) is read as the text it quotes
    if (text.charCodeAt(p) === 0x3e /* > */ && p + 1 < end && isIndent(text.charCodeAt(p + 1))) p = skipIndent(text, p + 1, end);
    // a word processor's bullet before a marker (· 1）实际收到金额…) is read as the item it marks
    if ((text.charCodeAt(p) === 0xb7 || text.charCodeAt(p) === 0x2022) && p + 1 < end && isIndent(text.charCodeAt(p + 1))) p = skipIndent(text, p + 1, end);
    let md = 0;
    if (text.charCodeAt(p) === 0x23 /* # */) {
      let q = p;
      while (q < end && text.charCodeAt(q) === 0x23) q++;
      if (q - p <= 6 && q < end && isIndent(text.charCodeAt(q))) {
        md = q - p;
        p = skipIndent(text, q, end);
      }
    }
    // Markdown bold around a heading: **一、总体要求**
    if (p + 2 < end && text.charCodeAt(p) === 0x2a && text.charCodeAt(p + 1) === 0x2a) p += 2;
    const headingStart = p;
    let m = matchMarker(text, p, end);
    if (!m && md === 0 && (openNum !== undefined || decimalPath.length > 0) && digitValue(text.charCodeAt(p)) >= 0) {
      const glued = gluedDecimal(text, p, end);
      if (glued && continuesNumbering(glued.parts, openNum, decimalPath)) m = glued.match;
    }
    if (!m && md === 0 && text.charCodeAt(p) <= 0x39 && text.charCodeAt(p) >= 0x30) {
      const note = spacedNumber(text, p, end);
      const rest = note ? text.slice(note.textStart, end) : '';
      // (a table's row, 1 北京市  12.5  13.1 or 1 董事 | 曲伟 |, is no note)
      if (note && !isTableRow(rest, breaks.within(note.textStart, end)) && !rest.includes('|')) {
        (spaced ??= []).push(new LazyHeading(context, 'num', 0, note.ordinal, note.end, line, start, headingStart, rest, note.textStart, end, 0, false));
        continue;
      }
    }
    let source = text;
    let sourceEnd = end;
    let repaired = false;
    if (!m && options.codec && looksMisaligned(text, p, end)) {
      let q = p;
      while (q < end && text.charCodeAt(q) === 0x3f) q++;
      const run = text.slice(q, end);
      for (const lost of [0xa1, 0xa3]) {
        const fixed = stripGlossRemnants(redecodeShifted(run, lost, options.codec));
        const fp = skipIndent(fixed, 0, fixed.length);
        const fm = matchMarker(fixed, fp, fixed.length);
        if (fm && fm.kind !== 'decimal' && fm.kind !== 'appendix' && judgeRepair(run, fixed) !== 'none') {
          m = fm;
          source = fixed;
          sourceEnd = fixed.length;
          repaired = true;
          damage.push({ kind: 'gbkMisaligned', start: p, end, repair: fixed.slice(fp) });
          break;
        }
      }
    }
    if (m) {
      let rest = source.slice(m.textStart, sourceEnd);
      // 第二章:组织结构第三条协会设立… (a page that dropped the line break after the chapter's name): the chapter's name
      // ends where its first article starts, and the articles after it continue that article's number
      const firstArticle = !repaired && m.kind === 'chapter' ? articleGluedToName(text, m.textStart, end) : undefined;
      let restStart = m.textStart;
      if (firstArticle) {
        while (restStart < firstArticle.start && /[:：\s]/.test(text[restStart]!)) restStart++;
        rest = text.slice(restStart, firstArticle.start);
      }
      const above = m.kind === 'article' && m.glued && prevArticle === undefined ? candidates[candidates.length - 1] : undefined;
      // (a glued article's title alone on its line: not a line that a wrapped sentence above goes on into)
      const alone = m.kind === 'article' && m.glued && md === 0 && !repaired && !continuesLineAbove(text, lineStarts, line);
      if (!acceptMarker(m, rest, prevArticle, above !== undefined && isStructureKind(above.kind) && blankBetween(text, lineStarts, above.line, line), alone)) continue;
      // markers in context: a range (五、六十年代), a table row (2.应收账款<TAB>1,234.56), a wrapped sentence's next line
      if (isApproximateNumber(m, rest) || (repaired ? isTableRow(rest) : isTableRow(rest, breaks.within(restStart, firstArticle ? firstArticle.start : end)))) continue;
      // (a Roman numeral alone on its line, its title below, continues no sentence)
      const below = rest.length === 0 && m.kind === 'roman' ? romanTitle(text, lineStarts, line) : undefined;
      if (rest.length === 0 && m.kind === 'roman' && below === undefined) continue;
      if (md === 0 && !repaired && below === undefined && (nestsByOrder(m.kind) || (m.kind === 'appendix' && m.glued && m.ordinal !== undefined)) && (candidates.length === 0 || candidates[candidates.length - 1]!.line !== line - 1)
        && (continuesLineAbove(text, lineStarts, line) || insideQuotation(text, lineStarts, line, quotes) || inQuotedList(text, lineStarts, line))) continue;
      // a number broken by the wrap: …3小段482、4 / 83、484、493… (a long line above ends in a digit, this one starts with digits)
      if (md === 0 && m.kind === 'num' && digitValue(text.charCodeAt(headingStart)) >= 0 && endsInWrappedDigit(text, lineStarts, line)) continue;
      if (m.kind === 'article' || firstArticle) {
        prevArticle = firstArticle ? firstArticle.ordinal : m.ordinal;
        hasArticle = true;
      }
      if (!hasLaw && isLawKind(m.kind)) hasLaw = true;
      if (m.kind === 'cn' || m.kind === 'appendix' || isLawKind(m.kind)) glossary = m.kind === 'appendix' && GLOSSARY_TITLE.test(rest);
      if (glossary && gbLevel(m.kind) >= 3) continue; // a glossary's 1. （1） ① entries
      const added = new LazyHeading(
        context, m.kind, m.depth, m.ordinal, repaired ? source.slice(m.start, m.end).trim() : m.end, line, start, headingStart,
        rest, repaired ? -1 : restStart, repaired ? -1 : firstArticle ? firstArticle.start : end, md, repaired,
      );
      candidates.push(added);
      if (m.kind === 'num' || m.kind === 'article') {
        // (a contract's 第一条 holds its clauses 1.1 1.2 glued to their text, as an item 1. does)
        openNum = m.ordinal;
        decimalPath = [];
      } else if (m.kind === 'decimal') {
        decimalPath = sectionNumbers(text, headingStart, m.end);
      }
      if (!judged) {
        const accept = markerInfo(m.kind).accept;
        judged = accept === 'group' || accept === 'run';
      }
      if (m.kind === 'appendix') hasAppendix = true;
      if (below !== undefined) {
        added.more = below;
      } else if (rest.length === 0 && (m.kind === 'ordinal' || m.kind === 'appendix')) {
        // a marker alone on its line: "第一、" takes the next line as its text; "附件2" shows it as its detail
        const next = nextTextLine(text, lineStarts, line);
        if (next && next.text[0] !== '#' && !matchMarker(text, next.p, next.end) && !isAboveText(next.text)) {
          if (m.kind === 'ordinal' || m.colon) added.more = next.text; // 第一、 / 附件： promise their text
          else if (next.text.length <= 40 && !/[。；;]/.test(next.text) && !GLOSSARY_HEADERS.has(next.text)) added.rawDetail = next.text;
        }
      } else if (rest.length === 0 && md === 0 && !repaired && isStructureKind(m.kind)) {
        // 第一部分 / 第一篇 alone on its line, the title on the next: 合同协议书 (past one blank line in a PDF's text, where
        // every line is followed by one: 第一章 / 总 则)
        const next = nextTextLine(text, lineStarts, line, 2);
        if (next && next.text[0] !== '#' && next.text.length <= PART_TITLE_MAX && !/[。，；：,;:！？]/.test(next.text) && hasHan(next.text)
          && !matchMarker(text, next.p, next.end) && !isAboveText(next.text)) {
          added.more = next.text;
          added.moreLine = next.line;
        }
      } else if (nestsByOrder(m.kind) && headingStart === start && !repaired && indentedBelow(text, lineStarts, line) && !hasSentenceEnd(rest)) {
        // (the line below is looked at before the whole of `rest` is: continuationLines reads none without two blanks)
        added.more = continuationLines(text, lineStarts, line);
      }
      continue;
    }
    if (md === 0 && end - p <= 2 && bareNumberTitle(text, lineStarts, line, p, end, bareNumber + 1)) {
      // a newspaper feature's section number alone on its line, the section's heading on the next: 1 / 五年规划首次…
      bareNumber++;
      const added = new LazyHeading(context, 'decimal', 1, bareNumber, text.slice(p, end), line, start, p, '', end, end, 0, false);
      added.more = nextTextLine(text, lineStarts, line, 2)!.text;
      candidates.push(added);
      continue;
    }
    const whole = md > 0 || end - p <= GLOSSARY_HEADER_MAX ? text.slice(p, end) : '';
    if (GLOSSARY_HEADERS.has(whole)) {
      glossary = true;
      hasAppendix = true;
      candidates.push(unmarked(context, 'appendix', 0, line, start, headingStart, whole, p, end, md));
      continue;
    }
    if (md > 0) {
      glossary = false;
      candidates.push(unmarked(context, 'markdown', md, line, start, headingStart, whole, p, end, md));
    }
  }

  if (spaced !== undefined) {
    const notes = inSpacedRuns(spaced);
    if (notes.length > 0) {
      const merged = mergeByPosition(candidates, notes);
      candidates.length = 0;
      for (const c of merged) candidates.push(c);
    }
  }
  dropAttachmentNote(text, lineStarts, candidates);
  dropPageChunks(text, lineStarts, candidates);
  const labels = findLabels(context, candidates, toc, tocLast);
  let hasSubhead = false;
  for (const h of labels) if (h.kind === 'subhead') hasSubhead = true;
  const found = mergeByPosition(judged ? inContext(candidates) : candidates, labels);
  // (running headers repeat a law's structure or a label: without either, the list is kept as it is, in no law)
  const { list: merged, firstLaw } = hasLaw || labels.length > 0 ? dropRunningHeaders(found) : { list: found, firstLaw: -1 };

  // Laws: the numbered amendment history (沿革) between the title and the first 编/章/条 is not a section. Only a
  // preamble made of nothing but plain `1.` items is dropped, so a report with a law in its appendix keeps its headings.
  // A charter's chapters numbered as a list (1. 总则 … 7. 附则, each right above the articles it holds) are not a history,
  // nor a contract's recitals and definitions before its 第一条 (1. 本金，指…): most steps of a history are dated (a
  // step's wrapped line may start with a number of its own: 1、859-1～859-5…).
  const groups = hasArticle ? articleGroups(merged) : NO_GROUPS;
  const preamble = firstLaw > 0 ? merged.slice(0, firstLaw) : [];
  let history = preamble.length > 0 && preamble.every((c) => c.kind === 'num' && c.md === 0) && !groups.has(merged[firstLaw - 1]!);
  if (history) {
    let dated = 0;
    for (const c of preamble) if (DATED.test(text.slice(c.headingStart, c.lineEnd))) dated++;
    history = 2 * dated > preamble.length;
  }
  const kept = history ? merged.slice(firstLaw) : merged;

  // The title: the first plausible line before the first heading.
  const firstLine = kept.length > 0 ? kept[0]!.line : lineStarts.length;
  let title: Heading | undefined;
  if (kept.length > 0 && ((kept[0]!.kind === 'markdown' && kept[0]!.depth === 1) || opensCompilation(text, lineStarts, kept))) {
    const c = kept.shift()!;
    title = makeTitle(text, c.line, c.start, c.headingStart, c.lineEnd, glossed);
  } else {
    // the title stands above the table of contents, never in it
    title = findTitle(text, lineStarts, Math.min(firstLine, TITLE_SEARCH_LINES, toc ? toc.line : firstLine), glossed, Math.min(firstLine, toc ? toc.line : firstLine));
    if (title && copiesTitle(kept, title.name)) kept.shift();
  }
  // the list the scan made becomes the model's (no copy of every heading); the `#` depths in bytes
  const headings: Heading[] = kept;
  if (title) headings.unshift(title);
  const mds = new Uint8Array(headings.length);
  if (title) mds[0] = 1;
  let roots: number[] = [];
  const links = new HeadingTable(headings.length);
  context.links = links;
  // a judgment's signature block ends it: what follows (a model text's notes, an appendix) is no part of its sections
  const cuts = judged || labels.length > 0 ? signatureCuts(text, lineStarts, headings) : NO_INDICES;
  buildTree(headings, mds, title !== undefined, groups, NO_INDICES, roots, links, cuts, text.length);
  // sub-headings that divide a section as its title does hold the topics after them: known once the sections are
  const named = hasSubhead ? sectionGroups(headings) : NO_INDICES;
  if (named.size > 0) {
    for (const h of headings) {
      h.parent = -1;
      (h as LazyHeading).children = NO_CHILDREN;
    }
    links.clear();
    roots = [];
    buildTree(headings, mds, title !== undefined, groups, named, roots, links, cuts, text.length);
  }
  endBeforeSignature(text, lineStarts, headings, hasAppendix);
  if (toc) linkToc(toc, headings);

  const allDamage = glossed ? withGlosses(damage, glosses) : damage;

  const model: ReportModel = toc ? { length: text.length, headings, roots, damage: allDamage, lineStarts, toc } : { length: text.length, headings, roots, damage: allDamage, lineStarts };
  keepHeadingTable(model, links);
  return model;
}

/**
 * The misaligned lines (in order) and the glosses (start, end, … in order) as one list in document order, a line
 * before a gloss at the same offset (what a stable sort of the two gave). Merged, not sorted: a glossed text has one
 * entry per gloss.
 */
function withGlosses(lines: readonly Damage[], glosses: Int32Array): Damage[] {
  const out: Damage[] = [];
  let k = 0;
  for (let g = 0; g < glosses.length; g += 2) {
    const start = glosses[g]!;
    while (k < lines.length && lines[k]!.start <= start) out.push(lines[k++]!);
    out.push({ kind: 'pinyinGloss', start, end: glosses[g + 1]! });
  }
  while (k < lines.length) out.push(lines[k++]!);
  return out;
}

/**
 * Unnumbered structural headings, whole lines (blanks inside ignored: 主  文). Judgments: 主文 / 事实 / 理由 hold what
 * follows; a preface or closing (总纲, 前言, 结束语) is a leaf beside the numbered parts.
 */
const CONTAINER_LABELS = new Set([
  '主文', '事实', '事實', '理由', '事实及理由', '事實及理由', '事实与理由', '事實與理由', '事实和理由', '事實和理由', '犯罪事实', '犯罪事實',
  // meeting minutes and consultation conclusions: the items 一、二、 that follow are what was decided
  '决定事项', '決定事項', '议定事项', '議定事項',
  // the sections a case database names on lines of their own around a judgment's text (当事人信息 / 审理经过 / 一审法院
  // 查明 / 本院认为 / 裁判结果), and those of a judgment reposted with its summary (【裁判要旨】 above 【裁判文书】)
  '当事人信息', '當事人信息', '审理经过', '審理經過', '诉讼记录', '訴訟記錄', '一审法院查明', '一審法院查明', '一审法院认为', '一審法院認為',
  '本院查明', '本院认为', '本院認為', '裁判结果', '裁判結果', '判决结果', '判決結果', '裁判要旨', '裁判要点', '裁判要點', '裁判文书', '裁判文書',
  '裁判理由', '基本案情', '案情简介', '案情簡介',
  // the parties' statements such a page sets apart the same way (原告诉称 / 被告辩称 between 审理经过 and 本院查明)
  '原告诉称', '原告訴稱', '被告辩称', '被告辯稱', '上诉人诉称', '上訴人訴稱', '被上诉人辩称', '被上訴人辯稱', '第三人述称', '第三人述稱',
  '公诉机关称', '公訴機關稱', '再审申请人称', '再審申請人稱', '被申请人辩称', '被申請人辯稱',
  // a contract's definitions, numbered below it (定义 / 1. 本金，指…)
  '定义', '定義', '释义', '釋義', '定义与解释', '定義與解釋', '定义和解释', '定義和解釋',
]);
/** A section's name in 【】 alone on its line (【说明】, 【法律依据】, 【典型意义】) is at most this long. */
const BRACKET_LABEL_MAX = 8;
/** Brackets a label may stand in on its line: 【裁判要旨】, [裁判文书], 〔基本案情〕. */
const LABEL_BRACKETS: Readonly<Record<number, number>> = { 0x3010: 0x3011, 0x5b: 0x5d, 0x3014: 0x3015, 0xff3b: 0xff3d };
const LEAF_LABELS = new Set(['总纲', '總綱', '总则', '總則', '附则', '附則', '序言', '前言', '结束语', '結束語', '结语', '結語', '后记', '後記']);
/** Run-in labels at a paragraph's start (本院认为，…) and labels that close a paragraph (…，判决如下：). */
const OPENING_LABELS = ['本院认为', '本院認為', '本院经审查认为', '本院經審查認為', '本院经审理认为', '本院經審理認為', '本院再审认为', '本院再審認為'];
const CLOSING_LABELS = ['判决如下', '判決如下', '裁定如下', '决定如下', '決定如下'];
/** A compilation's piece, listed numbered in its 目录, has a title at most this long (as a 目录 entry's). */
const PIECE_MAX = 60;
/** A label line (blanks inside it counted: 主  文) and an inferred sub-heading are short. */
const LABEL_MAX = 16;
const SUBHEAD_MIN = 2;
const SUBHEAD_MAX = 20;
/** Lines at most this long may be a label or a sub-heading. */
const SHORT_LINE_MAX = Math.max(LABEL_MAX, SUBHEAD_MAX);
/** Blank lines (a figure's room, a page break) that may stand around a sub-heading. */
const SUBHEAD_BLANKS = 5;
/** The paragraph around an inferred sub-heading: prose lines at least this long. */
const SUBHEAD_PARAGRAPH_MIN = 20;
/** A paragraph of one short sentence (ending 。！？) is at least this long. */
const SHORT_PARAGRAPH_MIN = 15;
/** A short line found this many times, next to a page number, is a page's running header (2024年年度报告). */
const RUNNING_HEADER_MIN = 3;
/** How near a running header stands to its page's number (a bare number on its line). */
const PAGE_NUMBER_SPAN = 3;
/** A document infers sub-headings only when it has this many: a speech uses them throughout, prose rarely has one. */
const SUBHEADS_MIN = 5;
/** A heading does not end on a word that needs more after it (二是, …的, …和): such a line is a broken sentence. */
const OPEN_ENDINGS = '是的了和及或对對把将將从從于於被让讓';
/** A numbered line this short is a heading of its own, not a paragraph. */
const NUMBERED_HEADING_MAX = 30;
/** What `isSubhead` finds: no sub-heading, a sub-heading, or the first of two (a group: 安老 above 安老服務). */
const enum Subhead { None, Topic, Group }

function isLabelChar(c: number): boolean {
  // Han, a middle dot, or a private-use character (HKSCS characters such as the 埗 of 深水埗 in Hong Kong PDFs)
  return isHan(c) || c === 0xb7 || c === 0x30fb || (c >= 0xe000 && c <= 0xf8ff);
}

/** Brackets a sub-heading may hold a name in: 《香港2030+》, "再工業化", “青年發展基金”, 「…」. */
const HEAD_QUOTES: Readonly<Record<number, number>> = { 0x300a: 0x300b, 0x22: 0x22, 0x201c: 0x201d, 0x300c: 0x300d };
const CLOSING_QUOTES: ReadonlySet<number> = new Set(Object.values(HEAD_QUOTES));

/**
 * A figure's, table's or box's caption (表1, 圖2, 地圖7, 专栏3): the text goes on after it as after a paragraph, and it
 * is no heading — a plan's 专栏 is a box of figures beside the text, not a section of it.
 */
const CAPTION = /^(?:表|圖|图|地圖|地图|附表|附圖|附图|专栏|專欄)[0-9０-９一二三四五六七八九十]{1,3}$/;
/** The same at the start of a line: 专栏1　“十三五”规划主要指标. */
const CAPTION_START = /^(?:表|圖|图|地圖|地图|附表|附圖|附图|专栏|專欄)[0-9０-９一二三四五六七八九十]{1,3}(?:[ 　]|$)/;

/** The closest non-blank line above (within `span` lines): its trimmed bounds, or undefined. */
function lineAbove(text: string, lineStarts: readonly number[], line: number, span = 2): { p: number; end: number; line: number } | undefined {
  for (let l = line - 1; l >= Math.max(0, line - span); l--) {
    const start = lineStarts[l]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, l));
    const p = skipIndent(text, start, end);
    if (p < end) return { p, end, line: l };
  }
  return undefined;
}

/** Ends like a finished sentence: 。！？；… or a closing quote or bracket after one. */
function endsSentence(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  return isSentenceEnd(c) || c === 0xff1b || c === 0x3b || c === 0x201d || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x2026;
}

/**
 * A set of line numbers, one byte per line of the text: read at every line. (A Set of the heading lines outgrew the CPU
 * caches on a text whose every line is a heading: 320,000 entries at 4 MB, and the scan slowed per line as it grew.)
 */
class LineFlags {
  readonly #flags: Uint8Array;

  constructor(lines: number) {
    this.#flags = new Uint8Array(lines);
  }

  add(line: number): void {
    this.#flags[line] = 1;
  }

  has(line: number): boolean {
    return this.#flags[line] === 1;
  }
}

/**
 * The ordinal of the numbered paragraph (1. 2. 3. …) on each line, read at every line: a typed array by line (a Map
 * of them, one entry per `1.` line, was a tenth of the garbage of a text of numbered headings), made only when there is one.
 */
class LineOrdinals {
  /** Ordinal + 1 by line, 0 for none. */
  #byLine: Int32Array | undefined;
  readonly #lines: number;
  size = 0;

  constructor(lines: number) {
    this.#lines = lines;
  }

  /** The ordinal of the numbered paragraph on `line` (the last one given for a line wins). */
  add(line: number, ordinal: number): void {
    this.#byLine ??= new Int32Array(this.#lines);
    if (this.#byLine[line] === 0) this.size++;
    this.#byLine[line] = ordinal + 1;
  }

  get(line: number): number | undefined {
    const v = this.#byLine === undefined ? 0 : this.#byLine[line]!;
    return v === 0 ? undefined : v - 1;
  }
}

/**
 * Headings without a marker: fixed labels (judgments, charters, prefaces), the unnumbered titles a table of contents
 * lists, and — in a document that has several — short lines standing alone between paragraphs (a speech's
 * sub-headings). Precision first: a sub-heading is a short line of Han characters with no sentence punctuation, after a
 * paragraph that ends a sentence and before a paragraph at least twice as long, in a document with at least five of
 * them (or whose every one stands between paragraphs of prose: standsInProse) and no articles; poems, dialogue and
 * lists do not qualify.
 */
function findLabels(context: Context, markers: readonly LazyHeading[], toc: TableOfContents | undefined, tocLast: number): LazyHeading[] {
  const { text, lineStarts } = context;
  const listed = new Set<string>();
  // a compilation's 目录 numbers its pieces (1.高新区2022年工作总结… 3) whose own titles stand unnumbered in the body:
  // the entry's title after its number, found alone on a line of the body, is the heading it lists
  const pieces = new Set<string>();
  const pieceFirsts = new Set<number>();
  if (toc) {
    for (const e of toc.entries) {
      if (namesToc(e)) continue;
      const m = matchMarker(e.text, 0, e.text.length);
      if (!m) listed.add(compact(e.text));
      else if (!isLawKind(m.kind) && m.textStart < e.text.length) {
        const name = compact(e.text.slice(m.textStart));
        if (name.length >= SUBHEAD_MIN && hasHan(name)) {
          pieces.add(name);
          pieceFirsts.add(name.charCodeAt(0));
        }
      }
    }
  }
  // one pass over the markers for what the line scan needs of them; numbered paragraphs (1. 2. 3. … across the whole
  // paper): the ordinal on each such line, to see a short line between paragraph N-1 and paragraph N as the heading of
  // the section N opens (HK government and LegCo papers)
  const markerLines = new LineFlags(lineStarts.length);
  const paragraphs = new LineOrdinals(lineStarts.length);
  let articles = false; // a law, charter or contract numbers its structure (第X条): short lines there are wrapped text, not sub-headings
  for (const c of markers) {
    markerLines.add(c.line);
    if (c.moreLine >= 0) markerLines.add(c.moreLine);
    if (c.kind === 'num' && c.ordinal !== undefined) paragraphs.add(c.line, c.ordinal);
    else if (c.kind === 'article') articles = true;
  }
  let lastParagraph = 0;
  let anchored = 0;
  let prosed = 0;
  let textBefore = false;
  let sentenceAbove = false; // a finished sentence on some line above: the page has prose before this line
  const firsts = new Set<number>();
  for (const key of [...CONTAINER_LABELS, ...LEAF_LABELS, ...listed]) firsts.add(key.charCodeAt(0));
  for (const open of Object.keys(LABEL_BRACKETS)) firsts.add(Number(open));
  const labels: LazyHeading[] = [];
  let subheads: LazyHeading[] = [];
  // a compilation's numbered copies (房屋租赁合同1, 房屋租赁合同2 …): line and number by name, judged after the scan
  let copies: Map<string, { line: number; p: number; end: number; n: number; piece: boolean }[]> | undefined;
  for (let line = 0; line < lineStarts.length; line++) {
    if (toc && line >= toc.line && line <= tocLast) continue;
    const numbered = paragraphs.get(line);
    if (numbered !== undefined) lastParagraph = numbered;
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, line));
    const p = skipIndent(text, start, end);
    if (p >= end) continue;
    const length = end - p;
    const proseAbove = sentenceAbove;
    const last = text.charCodeAt(end - 1);
    if (isSentenceEnd(last) || last === 0x21 /* ! */ || last === 0x3f /* ? */) sentenceAbove = true;
    if (length <= PIECE_MAX && pieceFirsts.has(text.charCodeAt(p)) && !markerLines.has(line) && pieces.has(compact(text.slice(p, end)))) {
      labels.push(new LazyHeading(context, 'label', 0, undefined, '', line, start, p, text.slice(p, end), p, end, 0, false));
      textBefore = true;
      continue;
    }
    // (the document's first line of text, after any page chrome, is its title's place)
    const first = !textBefore;
    if (first && !isAboveText(text.slice(p, end))) textBefore = true;
    // a name standing right above a numbered list it heads (告知事项 / 1、… 2、…): Han only, not the document's first
    // line, and not a label (a listed title keeps its own kind)
    const mayHeadList = !first && !articles && length <= LIST_HEAD_MAX && !markerLines.has(line);
    // a case's name (“远程软件服务系统”发明专利侵权纠纷案) above a case digest's sections (【裁判要旨】, 01、案号) holds them
    if (!first && length <= CASE_NAME_MAX && !markerLines.has(line) && text.charCodeAt(end - 1) === 0x6848 /* 案 */ && namesDigestedCase(text, lineStarts, line, p, end)) {
      labels.push(new LazyHeading(context, 'subhead', 1, undefined, '', line, start, p, text.slice(p, end), p, end, 0, false));
      continue;
    }
    // a judgment's spaced 主 文 / 理 由 with the section's first sentence glued after it (主 文原告之訴…駁回。)
    const glued = markerLines.has(line) ? -1 : gluedSpacedLabel(text, p, end);
    if (glued > 0) {
      labels.push(new LazyHeading(context, 'label', 0, undefined, '', line, start, p, text.slice(p, glued), p, glued, 0, false));
      continue;
    }
    if (length > SHORT_LINE_MAX && mayHeadList && headsList(text, lineStarts, line, p, end, paragraphs)) {
      labels.push(new LazyHeading(context, 'subhead', 0, undefined, '', line, start, p, text.slice(p, end), p, end, 0, false));
      continue;
    }
    // a law-kind text's name (某某协会章程, 有限公司章程范本1) right above its 第一章, after the page's prose: the page
    // shows that text under its own name, which holds its chapters (the page's title is above the prose)
    if (proseAbove && length <= COPY_LINE_MAX && !markerLines.has(line) && namesTextBelow(context, markers, line, p, end)) {
      labels.push(new LazyHeading(context, 'label', COPY_DEPTH, undefined, '', line, start, p, text.slice(p, end), p, end, 0, false));
      continue;
    }
    const tail = text.charCodeAt(end - 1);
    // (a glossed name is longer than it reads: 購(gòu)買(mǎi)協(xié)議書(shū)1)
    const copy = length <= COPY_LINE_MAX && (digitValue(tail) >= 0 || tail === 0x29 || tail === 0xff09 || (text.charCodeAt(end - 2) === 0x7bc7 && COPY_NUMERALS.includes(text[end - 1]!))) && !markerLines.has(line)
      ? copyNumber(context.glossed ? stripGlosses(text.slice(p, end)) : text.slice(p, end)) : undefined;
    if (copy) {
      copies ??= new Map();
      const seen = copies.get(copy.name);
      if (seen) seen.push({ line, p, end, n: copy.n, piece: copy.piece });
      else copies.set(copy.name, [{ line, p, end, n: copy.n, piece: copy.piece }]);
      continue;
    }
    if (length <= SHORT_LINE_MAX && !markerLines.has(line)) {
      // only a line that starts as some label does is compared with the labels (no string made for the others)
      if (length <= LABEL_MAX && firsts.has(text.charCodeAt(p))) {
        const whole = text.slice(p, end);
        const close = LABEL_BRACKETS[text.charCodeAt(p)];
        const key = compact(close !== undefined && text.charCodeAt(end - 1) === close ? text.slice(p + 1, end - 1) : whole);
        const leaf = LEAF_LABELS.has(key);
        // any short name in 【】 alone on its line names the part below it (【说明】, 【法律依据】), page buttons aside
        const named = text.charCodeAt(p) === 0x3010 && close === 0x3011 && key.length + 2 === length && key.length >= SUBHEAD_MIN
          && key.length <= BRACKET_LABEL_MAX && hanOnly(key) && !isAboveText(whole) && !isAboveText(key);
        if (leaf || named || CONTAINER_LABELS.has(key) || listed.has(key)) {
          labels.push(new LazyHeading(context, 'label', leaf ? 1 : 0, undefined, '', line, start, p, whole, p, end, 0, false));
          continue;
        }
      }
      if (mayHeadList && headsList(text, lineStarts, line, p, end, paragraphs)) {
        labels.push(new LazyHeading(context, 'subhead', 0, undefined, '', line, start, p, text.slice(p, end), p, end, 0, false));
        continue;
      }
      let sub = articles ? Subhead.None : isSubhead(text, lineStarts, line, p, end, markerLines);
      if (sub === Subhead.None && !articles && opensParagraphSection(text, lineStarts, line, p, end, paragraphs, lastParagraph)) {
        sub = Subhead.Topic;
        anchored++;
      }
      if (sub !== Subhead.None) {
        const whole = text.slice(p, end);
        subheads.push(new LazyHeading(context, 'subhead', sub === Subhead.Group ? 1 : 0, undefined, '', line, start, p, whole, p, end, 0, false));
        if (sub === Subhead.Topic && standsInProse(text, lineStarts, line, p, end, markerLines)) prosed++;
      }
      continue;
    }
    if (text.charCodeAt(p) === 0x672c /* 本 */) {
      for (const word of OPENING_LABELS) {
        const after = text[p + word.length];
        if (text.startsWith(word, p) && (after === '，' || after === '：' || after === ',' || after === ':') && !continuesLineAbove(text, lineStarts, line)) {
          labels.push(new LazyHeading(context, 'label', 0, undefined, '', line, start, p, word, p, p + word.length, 0, false));
        }
      }
    }
    if (text.charCodeAt(end - 1) === 0xff1a /* ： */ || text.charCodeAt(end - 1) === 0x3a /* : */) {
      for (const word of CLOSING_LABELS) {
        const at = end - 1 - word.length;
        // Taiwan: …本院判決如下： then 主文 — the label 主文 names that section
        const next = at > p && text.startsWith(word, at) && !markerLines.has(line) ? nextTextLine(text, lineStarts, line) : undefined;
        if (next && !CONTAINER_LABELS.has(compact(next.text)) && gluedSpacedLabel(next.text, 0, next.text.length) < 0) {
          // its section starts at the label (本院认为，…判决如下： on one line holds two sections)
          labels.push(new LazyHeading(context, 'label', 0, undefined, '', line, at, at, word, at, at + word.length, 0, false));
        }
      }
    }
  }
  if (copies) {
    // numbered 1, 2, 3 … in order under one name (or the first alone, as 篇1 / 篇一 or under the page's headline that
    // names it: 企业劳动合同 above 企业劳动合同1): each copy holds what follows it, up to the next
    let added = false;
    // (a lone copy right above a law's structure — 天津大学章程 篇1 above 第一章 — names the one text the page holds, as
    // its title does: it holds no 章/条, as no label does)
    for (const [name, run] of copies) {
      if (!run.every((c, k) => c.n === k + 1)) continue;
      if (run.length < 2) {
        const next = markers.find((c) => c.line > run[0]!.line);
        // (某某合同 篇1 / 某某合同汇总篇一 says it is one piece of several; a bare 某某合同1 needs the headline)
        if ((!run[0]!.piece && !headlineNames(context, name, run[0]!.line)) || (next !== undefined && isLawKind(next.kind))) continue;
      }
      for (const c of run) labels.push(new LazyHeading(context, 'label', COPY_DEPTH, undefined, '', c.line, lineStarts[c.line]!, c.p, text.slice(c.p, c.end), c.p, c.end, 0, false));
      added = true;
    }
    if (added) labels.sort((a, b) => a.line - b.line);
  }
  if (subheads.length > 0) subheads = withoutRunningHeaders(text, lineStarts, subheads);
  // five sub-headings in all, two that the paragraph numbering confirms, or only ones standing between paragraphs of
  // prose (a work report's lone “十三五”时期的工作回顾) show that the document uses them
  return (subheads.length >= SUBHEADS_MIN || anchored >= ANCHORED_MIN || (prosed > 0 && prosed === subheads.length)) && !articles
    ? mergeByPosition(labels, subheads) : labels;
}

/** A sub-heading a page has only one or two of holds at least this many Han characters. */
const PROSE_SUBHEAD_MIN = 4;

/**
 * A sub-heading candidate standing between two paragraphs of prose: the line above is no numbered line and ends a
 * sentence at least a paragraph long, the line below is no numbered line and is a sentence (a comma or a full stop in
 * it, no table cells), and the candidate holds four Han characters or more and no digit (a date, 第24條). A document
 * whose candidates all stand so uses them however few; signatures, captions, table names and attachment titles stand
 * elsewhere.
 */
function standsInProse(text: string, lineStarts: readonly number[], line: number, p: number, end: number, markerLines: LineFlags): boolean {
  // (a word or two alone — 好的, 明白 — is as often a reply in a dialogue)
  if (hanCount(text, p, end) < PROSE_SUBHEAD_MIN) return false;
  for (let i = p; i < end; i++) if (digitValue(text.charCodeAt(i)) >= 0) return false;
  // one word said again (廣告 廣告) is a page's button or banner
  const words = text.slice(p, end).split(/[ 　]+/);
  if (words.length > 1 && words.every((w) => w === words[0])) return false;
  // two phrases joined by a comma match in length as a heading's do (堅守“一國”,從未偏廢); a sentence cut at its comma
  // does not (总之，要把握机遇)
  const comma = text.slice(p, end).search(/[，,]/);
  if (comma >= 0 && hanCount(text, p, p + comma) !== hanCount(text, p + comma + 1, end)) return false;
  const above = lineAbove(text, lineStarts, line, SUBHEAD_BLANKS);
  if (!above || markerLines.has(above.line) || above.end - above.p < SUBHEAD_PARAGRAPH_MIN || !endsSentence(text, above.end)) return false;
  const below = nextTextLine(text, lineStarts, line, SUBHEAD_BLANKS);
  return below !== undefined && !markerLines.has(below.line) && below.end - below.p >= SUBHEAD_PARAGRAPH_MIN && /[，,。]/.test(below.text) && !/\t|[ 　]{2}/.test(below.text);
}

/** How many Han characters (or the like, see isLabelChar) stand in text[p, end). */
function hanCount(text: string, p: number, end: number): number {
  let n = 0;
  for (let i = p; i < end; i++) if (isLabelChar(text.charCodeAt(i))) n++;
  return n;
}

/** Two-character section labels a judgment sets spaced out (主 文, 理 由, 事 實). */
const SPACED_LABELS = ['主文', '理由', '事實', '事实'];

/**
 * Where a judgment's spaced two-character label ends when the section's text is glued right after it on its line
 * (`主 文原告之訴…`: the blank inside tells the label from prose such as 主文第二項 or 理由是…); -1 otherwise.
 */
function gluedSpacedLabel(text: string, p: number, end: number): number {
  for (const key of SPACED_LABELS) {
    if (text.charCodeAt(p) !== key.charCodeAt(0)) continue;
    let q = p + 1;
    while (q < end && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x3000)) q++;
    if (q === p + 1 || q - p > 4 || text.charCodeAt(q) !== key.charCodeAt(1)) continue;
    const c = q + 1 < end ? text.charCodeAt(q + 1) : 0;
    return isHan(c) ? q + 1 : -1;
  }
  return -1;
}

/** A copy's name is at least this long (专栏1 / 图2 are captions, and captions are not copies anyway). */
const COPY_NAME_MIN = 3;
/** A copy's line, glosses and all, is at most this long. */
const COPY_LINE_MAX = 40;
/** A label's depth for a compilation's copy: it holds the whole text that follows, a law's structure too. */
const COPY_DEPTH = 2;

/**
 * A numbered copy in a compilation page (范文 sites list several versions of one text: 房屋租赁合同1 … 房屋租赁合同2,
 * 某某合同 篇1, 某某合同(篇1), 某某致辞(1)): Han characters only (glosses stripped before), then its number (one or two digits) at
 * the line's end. Its name and number, or undefined.
 */
function copyNumber(s: string): { name: string; n: number; piece: boolean } | undefined {
  let e = s.length;
  const bracketed = s.charCodeAt(e - 1) === 0x29 || s.charCodeAt(e - 1) === 0xff09;
  if (bracketed) e--;
  let q = e;
  let n = 0;
  const numeral = COPY_NUMERALS.indexOf(s[e - 1] ?? '');
  if (numeral >= 0 && s.charCodeAt(e - 2) === 0x7bc7 /* 篇一 … 篇九 */) {
    n = numeral + 1;
    q = e - 1;
  } else {
    while (q > 0 && e - q < 2 && digitValue(s.charCodeAt(q - 1)) >= 0) q--;
    if (q === e || q === 0 || digitValue(s.charCodeAt(q - 1)) >= 0) return undefined;
    for (let i = q; i < e; i++) n = n * 10 + digitValue(s.charCodeAt(i));
  }
  let nameEnd = q;
  const pian = s.charCodeAt(nameEnd - 1) === 0x7bc7; /* 篇 */
  if (pian) nameEnd--;
  if (bracketed) {
    // 某某合同(篇1), and 某某致辞(1) with no 篇
    const open = s.charCodeAt(nameEnd - 1);
    if (open !== 0x28 && open !== 0xff08) return undefined;
    nameEnd--;
  }
  if (pian) while (nameEnd > 0 && (s.charCodeAt(nameEnd - 1) === 0x20 || s.charCodeAt(nameEnd - 1) === 0x3000)) nameEnd--;
  if (nameEnd < COPY_NAME_MIN || CAPTION.test(s)) return undefined;
  for (let i = 0; i < nameEnd; i++) if (!isLabelChar(s.charCodeAt(i))) return undefined;
  return { name: s.slice(0, nameEnd), n, piece: pian };
}

/**
 * True when the line names a law-kind text (its name holds 章程, 条例, 办法 …: Han only, a copy's number after it allowed)
 * whose first chapter (第一章) is the next line of text, and no line above quotes that name in 《》 (a notice that
 * issues the text names it so, and then the name is the document's title).
 */
function namesTextBelow(context: Context, markers: readonly LazyHeading[], line: number, p: number, end: number): boolean {
  const { text, lineStarts } = context;
  let e = end;
  while (e > p && digitValue(text.charCodeAt(e - 1)) >= 0 && end - e < 2) e--;
  if (e - p < COPY_NAME_MIN) return false;
  for (let i = p; i < e; i++) if (!isLabelChar(text.charCodeAt(i))) return false;
  const name = context.glossed ? stripGlosses(text.slice(p, e)) : text.slice(p, e);
  if (!SELF_WORDS.some((w) => w.length >= 2 && name.includes(w))) return false;
  const next = nextTextLine(text, lineStarts, line);
  if (!next) return false;
  // (the markers are in line order: a binary search, so many such lines in a long text cost little)
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (markers[mid]!.line < next.line) lo = mid + 1;
    else hi = mid;
  }
  const chapter = markers[lo];
  if (chapter?.line !== next.line || chapter.kind !== 'chapter' || chapter.ordinal !== 1) return false;
  const quoted = `《${name}》`;
  return text.lastIndexOf(quoted, lineStarts[line]! - quoted.length) < 0;
}

/** 篇一 … 篇九: a copy numbered in words. */
const COPY_NUMERALS = '一二三四五六七八九';

/** True when a line in the page's first lines, above `line`, starts with `name` (the compilation's headline). */
function headlineNames(context: Context, name: string, line: number): boolean {
  const { text, lineStarts, glossed } = context;
  for (let l = 0; l < Math.min(line, TITLE_SEARCH_LINES); l++) {
    const start = lineStarts[l]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, l));
    const p = skipIndent(text, start, end);
    if (p < end && (glossed ? stripGlosses(text.slice(p, end)) : text.slice(p, end)).startsWith(name)) return true;
  }
  return false;
}

/**
 * A sub-heading's own text: Han characters, with at most a 、 or a single blank between words (短、中期土地供應,
 * 優化人口 創建未來), or a quoted name (“青年發展基金”); no other punctuation.
 */
function isShortHeadText(text: string, p: number, end: number): boolean {
  if (end - p < SUBHEAD_MIN || end - p > SUBHEAD_MAX) return false;
  let close = -1;
  let han = 0;
  let comma = false;
  // a year or a fiscal year first: 2017年經濟回顧, 2018-2019年度財政預算案策略
  const first = yearEnd(text, p, end);
  for (let i = first; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLabelChar(c)) {
      han++;
      continue;
    }
    if (c === close) {
      close = -1;
      continue;
    }
    const pair = HEAD_QUOTES[c];
    if (pair !== undefined && close < 0) {
      close = pair; // a name in brackets: 《香港2030+》
      continue;
    }
    if (i === first) return false;
    // digits (將軍澳第137區), and one 、 or blank between two characters (短、中期土地供應, 優化人口 創建未來)
    if (digitValue(c) >= 0 || (close >= 0 && c === 0x2b)) continue;
    if ((c === 0x3001 || c === 0x20 || c === 0x3000) && i + 1 < end && isLabelChar(text.charCodeAt(i + 1))) continue;
    // one comma between two phrases of two characters or more (堅守“一國”,從未偏廢 / 坚定信心，攻坚克难)
    if ((c === 0xff0c || c === 0x2c) && !comma && han >= SUBHEAD_MIN && i + SUBHEAD_MIN < end && isLabelChar(text.charCodeAt(i + 1)) && isLabelChar(text.charCodeAt(i + 2))) {
      comma = true;
      continue;
    }
    return false;
  }
  if (OPEN_ENDINGS.includes(text[end - 1]!)) return false;
  const last = text.charCodeAt(end - 1);
  return close < 0 && han >= SUBHEAD_MIN && (isLabelChar(last) || CLOSING_QUOTES.has(last));
}

/**
 * The sub-headings that are no page's running header (2024年年度报告): a short line found three times or more with a
 * page number near it. Only the candidates' texts are counted, in one pass over the lines, and only in a document that
 * has candidates.
 */
function withoutRunningHeaders(text: string, lineStarts: readonly number[], subheads: LazyHeading[]): LazyHeading[] {
  const counts = new Map<string, number>();
  const firsts = new Set<number>();
  for (const h of subheads) {
    counts.set(h.rest, 0);
    firsts.add(h.rest.charCodeAt(0));
  }
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    const p = skipIndent(text, start, lineEndAt(text, lineStarts, line));
    if (!firsts.has(text.charCodeAt(p))) continue;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, line));
    if (end - p < SUBHEAD_MIN || end - p > SUBHEAD_MAX) continue;
    const whole = text.slice(p, end);
    const n = counts.get(whole);
    if (n !== undefined) counts.set(whole, n + 1);
  }
  const header = (h: LazyHeading): boolean => counts.get(h.rest)! >= RUNNING_HEADER_MIN && nearPageNumber(text, lineStarts, h.line);
  return subheads.some(header) ? subheads.filter((h) => !header(h)) : subheads;
}

/** Is there a page number (digits alone on a line, at most four) within a few lines of `line`? */
function nearPageNumber(text: string, lineStarts: readonly number[], line: number): boolean {
  for (let l = Math.max(0, line - PAGE_NUMBER_SPAN); l <= Math.min(lineStarts.length - 1, line + PAGE_NUMBER_SPAN); l++) {
    const start = lineStarts[l]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, l));
    const p = skipIndent(text, start, end);
    if (p >= end || end - p > 4) continue;
    let digits = true;
    for (let i = p; i < end && digits; i++) digits = digitValue(text.charCodeAt(i)) >= 0;
    if (digits) return true;
  }
  return false;
}

/** Where a leading year ends (at its 年): 2017年 / 2018-2019年度 / ２０２４年; `p` when the line starts otherwise. */
function yearEnd(text: string, p: number, end: number): number {
  let q = p;
  while (q < end && q - p < 4 && digitValue(text.charCodeAt(q)) >= 0) q++;
  if (q - p !== 4) return p;
  if (q + 5 < end && (text[q] === '-' || text[q] === '－' || text[q] === '至')) {
    let r = q + 1;
    while (r < end && r - q <= 4 && digitValue(text.charCodeAt(r)) >= 0) r++;
    if (r - q === 5) q = r;
  }
  return q < end && text[q] === '年' ? q : p;
}

function isShortHeadLine(text: string, line: { p: number; end: number }): boolean {
  return isShortHeadText(text, line.p, line.end) && !isAboveText(text.slice(line.p, line.end));
}

/** A paragraph of prose below a sub-heading: long, and not the tail of a sentence. */
function isParagraphBelow(below: { p: number; end: number; text: string }, headLength: number): boolean {
  const length = below.end - below.p;
  // a paragraph of one short sentence (政府會繼續致力改善環境和應對氣候變化。) is prose too
  const prose = length >= SUBHEAD_PARAGRAPH_MIN || (length >= SHORT_PARAGRAPH_MIN && /[。！？]$/.test(below.text));
  return prose && length >= 2 * headLength && !/^[。，、；：,;.）)」』”]/.test(below.text) && !below.text.includes('\t'); // not a table row
}

/** What may stand above a sub-heading: a short numbered heading, or a line that finishes a sentence (a paragraph, a list item). */
function isFinishedAbove(text: string, above: { p: number; end: number; line: number }, markerLines: LineFlags): boolean {
  if (above.end - above.p <= 5 && CAPTION.test(text.slice(above.p, above.end))) return true;
  // a numbered heading of its own ((四) 房屋土地與交通運輸) or a list item that ends a sentence
  if (markerLines.has(above.line)) return above.end - above.p <= NUMBERED_HEADING_MAX || endsSentence(text, above.end);
  if (!endsSentence(text, above.end)) return false;
  // a paragraph, or one short sentence with a clause in it (在此形勢下，政府應扮演甚麼角色？): verse lines have no comma
  return above.end - above.p >= SUBHEAD_PARAGRAPH_MIN || (above.end - above.p >= SHORT_PARAGRAPH_MIN && /[，,]/.test(text.slice(above.p, above.end)));
}

/** A list's own heading (人民法院对当事人填写送达地址确认书告知事项) is at most this long. */
const LIST_HEAD_MAX = 30;
/** A list's name before a colon (一般原則:) is this long: a name, not a sentence. */
const LIST_NAME_MIN = 3;
const LIST_NAME_MAX = 8;
/** A sentence's lead-in to a list (…如下：, 依次写明下列事项：), which names no section. */
const LEAD_IN = /如下|以下|下列|如次|下述/;

/**
 * True when the line (Han only: no punctuation, no digits) stands right above item 1 of a numbered list (1. / 1、)
 * whose item 2 follows within a few lines: the list's heading.
 */
function headsList(text: string, lineStarts: readonly number[], line: number, p: number, end: number, paragraphs: LineOrdinals): boolean {
  if (paragraphs.size < 2 || end - p < SUBHEAD_MIN || (paragraphs.get(line + 1) !== 1 && paragraphs.get(line + 2) !== 1)) return false;
  // a name and its colon (一般原則: / 分段款式: above 1. 2. …), not a lead-in to what follows (鉴于: / 具体要求如下：)
  const last = text.charCodeAt(end - 1);
  if (last === 0xff1a || last === 0x3a) {
    end--;
    if (end - p < LIST_NAME_MIN || end - p > LIST_NAME_MAX || OPEN_ENDINGS.includes(text[end - 1]!) || LEAD_IN.test(text.slice(p, end))) return false;
  }
  for (let i = p; i < end; i++) if (!isLabelChar(text.charCodeAt(i))) return false;
  const next = nextTextLine(text, lineStarts, line);
  if (!next || paragraphs.get(next.line) !== 1) return false;
  for (let l = next.line + 1; l < Math.min(lineStarts.length, next.line + 2 * SUBHEAD_BLANKS); l++) if (paragraphs.get(l) === 2) return true;
  return false;
}

/**
 * A short line standing alone between a finished paragraph and a longer one. Two such lines may stand together (安老
 * then 安老服務: a group and its first topic); three or more in a row are verse or a list, not headings.
 */
function isSubhead(text: string, lineStarts: readonly number[], line: number, p: number, end: number, markerLines: LineFlags): Subhead {
  if (!isShortHeadText(text, p, end) || isAboveText(text.slice(p, end)) || CAPTION_START.test(text.slice(p, end))) return Subhead.None;
  const above = lineAbove(text, lineStarts, line, SUBHEAD_BLANKS);
  if (!above) return Subhead.None;
  let aboveOk = isFinishedAbove(text, above, markerLines);
  let pairedAbove = false;
  if (!aboveOk && !markerLines.has(above.line) && isShortHeadLine(text, above)) {
    const further = lineAbove(text, lineStarts, above.line, SUBHEAD_BLANKS);
    aboveOk = further !== undefined && isFinishedAbove(text, further, markerLines);
    pairedAbove = aboveOk;
  }
  if (!aboveOk) return Subhead.None;
  const below = nextTextLine(text, lineStarts, line, SUBHEAD_BLANKS);
  if (!below || markerLines.has(below.line)) return Subhead.None;
  // the first of two short lines: the second must be followed by prose (and this one not be the second of a pair); a
  // second line as long as a short paragraph (政府賣地、鐵路物業發展及私人房屋土地供應) is still a heading when it has no
  // punctuation and prose follows it
  if (!pairedAbove && isShortHeadLine(text, below)) {
    const after = nextTextLine(text, lineStarts, below.line, SUBHEAD_BLANKS);
    if (after !== undefined && !markerLines.has(after.line) && isParagraphBelow(after, below.end - below.p)) return Subhead.Group;
  }
  return isParagraphBelow(below, end - p) ? Subhead.Topic : Subhead.None;
}

/** Sub-headings the paragraph numbering confirms that make a document one with sub-headings (see findLabels). */
const ANCHORED_MIN = 2;

/**
 * A short line between numbered paragraphs N-1 and N (背景 / 現行做法 above `4. 目前,…` after `3. …`): the heading of
 * the section that paragraph N opens. The line above finishes a sentence (or is the title block), the line below is
 * paragraph N, and the numbering runs on across the line (or N is the first number, the paper's paragraph 1 being
 * unnumbered).
 */
function opensParagraphSection(
  text: string, lineStarts: readonly number[], line: number, p: number, end: number, paragraphs: LineOrdinals, last: number,
): boolean {
  if (paragraphs.size === 0) return false;
  // the cheap test first: is the next text line the paragraph that continues the numbering?
  const below = nextTextLine(text, lineStarts, line, SUBHEAD_BLANKS);
  const n = below ? paragraphs.get(below.line) : undefined;
  if (n === undefined || (n !== last + 1 && !(last === 0 && n === 2))) return false;
  if (!isShortHeadText(text, p, end) || isAboveText(text.slice(p, end)) || CAPTION_START.test(text.slice(p, end))) return false;
  const above = lineAbove(text, lineStarts, line, SUBHEAD_BLANKS);
  if (above === undefined) return false; // the document's first line: its title
  if (endsSentence(text, above.end)) return true;
  // the first section (目的 above paragraph 1) stands below the title block, not below a paragraph: the title is never
  // the document's first text line and a heading at once
  return last === 0 && lineAbove(text, lineStarts, above.line, above.line + 1) !== undefined;
}

/** A decimal section inside a numbered part (1.1 under 一、): the list goes on past it (二、 closes it). */
function inListPart(headings: readonly Heading[], i: number): boolean {
  let h = headings[i]!;
  while (h.kind === 'decimal' && h.parent >= 0) h = headings[h.parent]!;
  return h !== headings[i] && (h.kind === 'cn' || h.kind === 'cnFormal' || h.kind === 'ordinal');
}

/**
 * Pops the list items open on top of the stack: numbered items that are sentences ((四) 為合資格的納稅人設立…。, …；及),
 * not numbered parts with a short title ((一) 引言), which hold the sub-headings after them.
 */
function popListItems(headings: readonly Heading[], stack: number[]): void {
  while (stack.length > 0) {
    const h = headings[stack[stack.length - 1]!]! as LazyHeading;
    if (!nestsByOrder(h.kind) || h.md !== 0) return;
    const rest = h.rest.trimEnd();
    if (rest.length <= NUMBERED_HEADING_MAX && !/[。；;]$|及$/.test(rest)) return;
    stack.pop();
  }
}

/** Two lists of headings in document order, merged (both are in order). */
function mergeByPosition(a: LazyHeading[], b: LazyHeading[]): LazyHeading[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: LazyHeading[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.headingStart <= b[j]!.headingStart)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * A page's running header repeats the open chapter (第一章 公司简介 on every page of an annual report) or label: a
 * structural heading named exactly as the last one of its kind is that header, not a new heading.
 */
function dropRunningHeaders(list: LazyHeading[]): { list: LazyHeading[]; firstLaw: number } {
  const last = new Map<MarkerKind, LazyHeading>();
  // filtered in place (the list is this analysis's own): no second array of every heading; the first law heading kept
  // is noted on the way (a findIndex was one more pass over every heading)
  let kept = 0;
  let firstLaw = -1;
  for (let i = 0; i < list.length; i++) {
    const h = list[i]!;
    if (isStructureKind(h.kind) || h.kind === 'label') {
      const before = last.get(h.kind);
      // the same number first (cheap), then the same name blanks aside
      if (before !== undefined && before.ordinal === h.ordinal && before.rawMarker === h.rawMarker && compact(before.rest) === compact(h.rest)) continue;
      last.set(h.kind, h);
    }
    if (firstLaw < 0 && isLawKind(h.kind)) firstLaw = kept;
    list[kept++] = h;
  }
  list.length = kept;
  return { list, firstLaw };
}

function makeTitle(text: string, line: number, start: number, headingStart: number, end: number, glossed: boolean): Heading {
  const name = cleanTitle(text.slice(headingStart, end), glossed);
  return {
    kind: 'title', depth: 0, level: 0, marker: '', ordinal: undefined, title: name, name, detail: '', line, start, headingStart, headingEnd: end,
    end: text.length, parent: -1, children: [], runIn: false, repaired: false,
  };
}

function findTitle(text: string, lineStarts: readonly number[], lines: number, glossed: boolean, hardLimit = lines): Heading | undefined {
  let chromeAbove = -2;
  let masthead: TextLine | undefined; // an issuer's 红头 (湖南省人民政府办公厅文件): the title only when no other line is
  let navigation = false; // inside an e-paper's list of the page's headlines (below 本版標題導航, up to a blank or chrome line)
  let column = ''; // the last breadcrumb's last step: the page's column, which sites repeat below it (… >> 党委党建 / 党委党建)
  // a BBS post's header (发信人: … / 标  题: … / 发信站: …): the site's lines above it and the header are not the text
  for (let line = bbsHeaderEnd(text, lineStarts, lines) + 1; line < lines; line++) {
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, line));
    let p = skipIndent(text, start, end);
    while (p < end && text.charCodeAt(p) === 0x23) p++;
    p = skipIndent(text, p, end);
    if (p >= end) {
      navigation = false;
      continue;
    }
    const s = text.slice(p, end);
    const plain = glossed ? stripGlosses(s) : s;
    if (isAboveText(plain) || isSiteTitle(plain)) {
      if (masthead === undefined && chromeAbove < 0 && MASTHEAD.test(plain)) masthead = { line, p, end, text: plain };
      chromeAbove = line;
      navigation = isNavigationHeader(plain);
      if (isBreadcrumb(plain)) column = breadcrumbLastStep(plain);
      continue;
    }
    // the column's name under its breadcrumb, short and above a longer line (the page's own title); a breadcrumb that
    // ends in the page's title (… > 行业热点 > 建筑装饰工程施工合同) is followed by that title, which stays
    if (plain === column && plain.length <= SECTION_NAME_MAX && longerLineBelow(text, lineStarts, line, lines, plain)) continue;
    if (navigation || isBulletedLink(plain)) continue; // a menu's bullet (• 长辈版|) is never the title
    if (plain.length <= 6 && isTocHeader(plain)) continue; // a page's 目录 above the title it shows (目录 / 公司章程范本)
    const menu = menuRunEnd(text, lineStarts, line, hardLimit);
    if (menu > line) {
      lines = Math.min(hardLimit, lines + menu - line + 1); // a site's menus do not use up the lines the title is looked for in
      line = menu;
      continue;
    }
    if (plain.startsWith('—') || plain.startsWith('-')) continue; // a subtitle or dateline
    if (BYLINE.test(plain)) continue; // a news byline (即時中心／潘柏廷、魏熙芸報導, 新华社记者 张三 报道)
    // a breadcrumb written with blanks (美章网 资料文库 晋江市教育意见范文) above the page's title it ends in
    if (/[ \u3000]/.test(plain) && blankCrumbAbove(plain, nextTextLine(text, lineStarts, line, 2)?.text)) continue;
    // a judgment's head line run on into its case number and parties (臺灣臺中地方法院民事判決 107年度訴字第1472號原 告…
    // 判決如下:): the head is the title
    const runOn = !glossed && (plain.length > TITLE_MAX_LENGTH || /[，,：:。]/.test(plain)) ? RUN_ON_HEAD.exec(plain) : null;
    if (runOn) return makeTitle(text, line, start, p, p + runOn[1]!.length, glossed);
    const last = plain[plain.length - 1]!;
    // the salutation: the body has begun (unless a notice that issues a document comes first, its title not scraped)
    // (a headline that ends in its page's empty byline field — …上市公告书 2014-12-17 来源:证券时报网 作者: — is no salutation)
    if ((last === '：' || last === ':') && !PAGE_FIELDS.test(plain)) return issuedTitle(text, lineStarts, line, lines, glossed);
    // a line with no Han and no words (mojibake of GBK read as Latin-1: ¹ãÖÝÊÐ…) is damage, not the text's start
    if (!hasHan(plain) && !/[A-Za-z]{2,}[ ,.][A-Za-z]/.test(plain)) continue;
    const sentence = /[。，,；;！？?]/.test(plain);
    // a line longer than a title with no sentence punctuation is no paragraph: a page's listing row above the document
    // (“党政混合信息公开” 中共某某区委办公室 某某区人民政府办公室印发《…》的通知), passed over as chrome is
    if (plain.length > TITLE_MAX_LENGTH && !sentence) continue;
    if (plain.length > TITLE_MAX_LENGTH || (sentence && !isHeadline(text, lineStarts, line, plain))) return undefined;
    // a date line (2018 11月14日 星期, a page's date with its weekday left empty)
    if (!hasHan(plain) || (/^[\d０-９]/.test(plain) && (/[日分]$/.test(plain) || (plain.length <= 24 && /\d\s*月\s*\d{1,2}\s*日/.test(plain))))) continue;
    // a cover's imprint: the issuing body above the date (中华人民共和国国务院新闻办公室 / 二○○七年十二月•北京), or the date
    if (DATE_LINE.test(plain)) continue;
    const dated = ORGAN_END.test(plain) ? nextTextLine(text, lineStarts, line, 2) : undefined;
    if (dated && DATE_LINE.test(dated.text)) continue;
    // a page's category or menu word right below its chrome (查看原文 / 其他) is chrome too; a short law's title (民法) is not
    if (chromeAbove === line - 1 && compact(plain).length <= 2) continue;
    if (continuesSentence(text, lineStarts, line)) return undefined; // a fragment of a paragraph broken by a removed link
    // the issuing body above its paper's number and date (臨時立法會 / 臨立會236/96-97號文件 / 檔號:… / 日期): the
    // title comes after that front matter
    if (frontMatterFollows(text, lineStarts, line, lines) && !/关于|關於|关於/.test(plain)) continue; // (国务院关于… is the title)
    // a site's name above its breadcrumb (再审申诉律师网 / 再审 >> 再审研究): the page's own title comes after it
    if (crumbFollows(text, lineStarts, line, lines)) continue;
    // a site's name above its header's chrome (绿色圃中小学教育网 / 找回密码): the page's own title comes after it
    if (/[网網]$/.test(plain) && !/[联聯电電]網$|[联电]网$/.test(plain) && isSiteName(plain) && chromeFollows(text, lineStarts, line, lines)) continue;
    // a site section's name above the page's own title of that kind: 院會紀錄 above 立法院第9屆…第1次會議紀錄
    const below = plain.length <= SECTION_NAME_MAX ? nextTextLine(text, lineStarts, line, 2) : undefined;
    if (below && below.line < lines && below.text.length > plain.length && below.text.endsWith(plain.slice(-2)) && !/[。，,；;：:！？]/.test(below.text)) {
      continue;
    }
    // a judgment's own head line (最 高 行 政 法 院 判 決) a line or two below a site's words above it (a case's cause
    // 國有不動產撥用, a placeholder): the court's name or the judgment's kind is the title
    const head = COURT_END.test(plain) ? undefined : judgmentHeadBelow(text, lineStarts, line, lines);
    if (head) return makeTitle(text, head.line, lineStarts[head.line]!, head.p, head.end, glossed);
    // a judgment database's short name (裁判書系統) above the judgment's fields and head line: the head line is the title
    const far = compact(plain).length <= SECTION_NAME_MAX && !JUDGMENT_HEAD.test(compact(plain)) ? judgmentHeadWithin(text, lineStarts, line, lines) : undefined;
    if (far) return makeTitle(text, far.line, lineStarts[far.line]!, far.p, far.end, glossed);
    return makeTitle(text, line, start, p, end, glossed);
  }
  return masthead && makeTitle(text, masthead.line, lineStarts[masthead.line]!, masthead.p, masthead.end, glossed);
}

/**
 * A compilation page that starts with its first copy, `第一篇:某某办法` on the text's first line, no other 篇 after it:
 * that line names the one text the page shows, so it is the title, not a part of the text (the copy after a page's own
 * headline, 第一篇:湖南省人民政府办公厅文件 below it, stays a heading).
 */
function opensCompilation(text: string, lineStarts: readonly number[], kept: readonly LazyHeading[]): boolean {
  const c = kept[0]!;
  if (c.kind !== 'part' || c.md !== 0 || (c.rest[0] !== ':' && c.rest[0] !== '：') || c.rest.length < 3) return false;
  if (nextTextLine(text, lineStarts, -1, c.line + 1)?.line !== c.line) return false; // the text's first line
  for (let i = 1; i < kept.length; i++) if (kept[i]!.kind === 'part') return false;
  return true;
}

/**
 * A compilation page's copy line that names the page's own title above a charter's or a law's chapters (中国管理研究院章程 /
 * 第一篇:中国管理研究院章程 / 第一章总则 …), no other 篇 after it: it marks the one copy shown, as 某某章程 篇1 above 第一章
 * does, and is no part holding the chapters (a copy above 一、 items, 第一篇:湖南省人民政府办公厅文件, stays a heading).
 */
function copiesTitle(kept: readonly LazyHeading[], title: string): boolean {
  const c = kept[0];
  if (c === undefined || c.kind !== 'part' || c.md !== 0 || (c.rest[0] !== ':' && c.rest[0] !== '：')) return false;
  if (kept[1]?.kind !== 'chapter' || compact(c.rest.slice(1)) !== compact(title)) return false;
  for (let i = 1; i < kept.length; i++) if (kept[i]!.kind === 'part') return false;
  return true;
}

/** A breadcrumb's step before the page's title is at most this long (a site's or a column's name). */
const CRUMB_STEP_MAX = 12;

/**
 * A breadcrumb whose steps are joined by blanks only (美章网 资料文库 晋江市教育意见范文): three steps or more, each short and
 * unpunctuated, the last the page's title on the next line.
 */
function blankCrumbAbove(line: string, below: string | undefined): boolean {
  if (below === undefined) return false;
  const steps = line.split(/[ \u3000]+/);
  if (steps.length < 3 || steps.some((x, k) => x.length === 0 || x.length > (k < steps.length - 1 ? CRUMB_STEP_MAX : TITLE_MAX_LENGTH) || /[。，,；;：:！？?、]/.test(x))) return false;
  return steps[steps.length - 1] === below.trim();
}

/** A judgment's head line (a court, the kind, spaced or not) and its case number opening a line that runs on. */
const RUN_ON_HEAD = /^(\S{2,30}?(?:法院|法庭)\s?(?:[民刑][\s\u3000]?事|行[\s\u3000]?政|家[\s\u3000]?事)?[\s\u3000]?(?:判[\s\u3000]?[決决](?:[\s\u3000]?[書书])?|裁[\s\u3000]?定(?:[\s\u3000]?[書书])?))[\s\u3000]*(?:\d{2,3}年度|[（(]\d{4}[）)])/;

/** A page's source and author fields after a headline on its line: 2014-12-17 来源:证券时报网 作者: */
const PAGE_FIELDS = /\s(?:来源|來源)[：:]\S*\s+(?:作者|编辑|編輯)[：:]$/;

/** A news byline: the desk or the reporters, then 报道 / 報導 at the end (a slash or 记者 before the names). */
const BYLINE = /(?:[／/]|记者|記者)[^。，,；;！？?]{0,30}(?:报道|報導|報道)$/;

/** An issuer's 红头 on a line of its own: 湖南省人民政府办公厅文件, 中共某某市委文件. */
const MASTHEAD = /^\S{2,28}文件$/;

/**
 * A 公文's 附件说明 (GB/T 9704 §7.3.6): 附件: alone, the attachments' names numbered below it, or 附件：1.X with the
 * first name on its line (附件：X for the only one), then the signature's date (or the issuer above it). It is part of
 * the body, not an appendix; the appendices themselves come after the date (附件1 / 参会单位名单). Removes the note and
 * its items from `candidates` (in place).
 */
function dropAttachmentNote(text: string, lineStarts: readonly number[], candidates: Candidate[]): void {
  // the notes are marked, then dropped in one pass (a splice per note moved every candidate after it: quadratic in a
  // text of many notes). After a note, the candidate right after it is not looked at as a note (as when each note was
  // spliced out and the loop went on from the next index).
  let dropped: Uint8Array | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.kind !== 'appendix' || c.ordinal !== undefined || !/[:：]$/.test(c.rawMarker)) continue;
    // 附件：1.某某报告 (the first name on the note's line, the others below it) or 附件：某某制度 (the only attachment)
    const named = c.rest.trim() !== '';
    let j = i + 1;
    let at = c.line;
    for (;;) {
      const next = nextTextLine(text, lineStarts, at, 3);
      if (!next || j >= candidates.length || candidates[j]!.line !== next.line || candidates[j]!.kind !== 'num') break;
      at = next.line;
      j++;
    }
    if (j === i + 1 && !named) continue;
    const after = nextTextLine(text, lineStarts, at, 4);
    const dated = after && (DATE_LINE.test(after.text) || (ORGAN_END.test(after.text) && DATE_LINE.test(nextTextLine(text, lineStarts, after.line, 3)?.text ?? '')));
    if (dated) {
      (dropped ??= new Uint8Array(candidates.length)).fill(1, i, j);
      i = j;
    }
  }
  if (dropped === undefined) return;
  let kept = 0;
  for (let i = 0; i < candidates.length; i++) if (dropped[i] === 0) candidates[kept++] = candidates[i]!;
  candidates.length = kept;
}

/** A case's name is at most this long. */
const CASE_NAME_MAX = 40;
/** How a case's name ends: …纠纷案, …侵权案, 甲诉乙…案. */
const CASE_NAME = /(?:纠纷|糾紛|侵权|侵權|争议|爭議|赔偿|賠償)案$|[诉訴]\S{1,30}案$/;
/** A digest's field line between the case's name and its sections: 一审案号:(2014)…号. */
const CASE_NUMBER_FIELD = /^[一二三]?[审審]?案[号號]\s*[：:]/;
/** The sections of a case digest named on their own (after a number: 01、案号, 02、基本案情). */
const DIGEST_SECTIONS = new Set(['案号', '案號', '基本案情', '案情简介', '案情簡介', '案情介绍', '案情介紹', '裁判要旨', '裁判要点', '裁判要點', '裁判结果', '裁判結果', '裁判理由', '典型意义', '典型意義']);

/**
 * A case's name on its line (no sentence punctuation) whose next text line — after any case-number fields — opens a
 * case digest's section: a name in 【】, a judgment page's section name, or a numbered 案号 / 基本案情 / 裁判要旨.
 */
function namesDigestedCase(text: string, lineStarts: readonly number[], line: number, p: number, end: number): boolean {
  const name = text.slice(p, end);
  if (/[。，,；;：:！？]/.test(name) || !CASE_NAME.test(name)) return false;
  let at = line;
  for (let k = 0; k < 4; k++) {
    const next = nextTextLine(text, lineStarts, at, 3);
    if (!next) return false;
    if (CASE_NUMBER_FIELD.test(next.text)) {
      at = next.line;
      continue;
    }
    const t = next.text;
    if (t.charCodeAt(0) === 0x3010 && t.charCodeAt(t.length - 1) === 0x3011) return t.length <= BRACKET_LABEL_MAX + 2;
    if (CONTAINER_LABELS.has(compact(t))) return true;
    const m = matchMarker(text, next.p, next.end);
    return m !== undefined && DIGEST_SECTIONS.has(compact(text.slice(m.textStart, next.end)));
  }
  return false;
}

/** A document site's page of text, numbered as one item, is at least this long (a list item's paragraph is shorter). */
const PAGE_CHUNK_MIN = 200;

/**
 * A document-sharing site's pages of text, each on one line numbered 1、 2、 3、… (1、第三版本…有限公司章程第一章 总 则
 * 第一条…依法 / 2、及本章程规定…): long lines, each cut mid-sentence where the next goes on. The numbers are the site's,
 * not the document's: the whole run is dropped. A list whose items end their sentences is kept.
 */
function dropPageChunks(text: string, lineStarts: readonly number[], candidates: Candidate[]): void {
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.ordinal !== 1 || !nestsByOrder(c.kind) || c.rest.length < PAGE_CHUNK_MIN) continue;
    // each page but the last is long and stops mid-sentence, and the next page's number is right below it
    let j = i + 1;
    while (j < candidates.length) {
      const prev = candidates[j - 1]!;
      const next = candidates[j]!;
      if (prev.rest.length < PAGE_CHUNK_MIN || endsSentence(prev.rest, prev.rest.length) || prev.rest.endsWith(')')) break;
      if (next.kind !== c.kind || next.ordinal !== prev.ordinal! + 1 || !blankBetween(text, lineStarts, prev.line, next.line)) break;
      j++;
    }
    if (j - i >= 2) candidates.splice(i, j - i);
  }
}

/** A 公文's note on its publication, after the signature: (此件公开发布), （此件主动公开）. */
const PUBLICATION_NOTE = /^[（(]此件[^（）()]{2,8}[）)]$/;

/** How many lines a notice that issues a document (印发通知) may take from its salutation to its date. */
const ISSUING_NOTICE_SPAN = 8;

/**
 * The title of the document a notice issues, when the text starts at the notice's salutation (its own title left in
 * the page's header): the salutation, a short body, the signature (an issuing body, then a date line), a bracketed
 * note such as (此件公开发布) (which may stand for the signature), then a short line with no sentence punctuation whose
 * next line, or the one after its opening paragraph, opens the document's structure (第一章 总 则, 第一条, 一、).
 * Anything else leaves the document without a title, as before.
 */
function issuedTitle(text: string, lineStarts: readonly number[], line: number, lines: number, glossed: boolean): Heading | undefined {
  let at = line;
  let signed = false;
  for (let k = 0; k < ISSUING_NOTICE_SPAN && !signed; k++) {
    const next = nextTextLine(text, lineStarts, at, 2);
    if (!next || next.line >= lines) return undefined;
    const after = ORGAN_END.test(next.text) ? nextTextLine(text, lineStarts, next.line, 2) : undefined;
    if (after && DATE_LINE.test(after.text)) {
      signed = true;
      at = after.line;
    } else if (PUBLICATION_NOTE.test(next.text)) {
      signed = true; // (此件公开发布) ends the notice even where the page left out its signature
      at = next.line;
    } else at = next.line;
  }
  if (!signed) return undefined;
  let title = nextTextLine(text, lineStarts, at, 2);
  while (title && /^[（(][^（）()]{1,12}[）)]$/.test(title.text)) title = nextTextLine(text, lineStarts, title.line, 2);
  if (!title || title.line >= lines || title.text.length > TITLE_MAX_LENGTH || /[。，,；;：:！？?]/.test(title.text) || matchMarker(text, title.p, title.end)) return undefined;
  // its structure opens right below it, or after one paragraph (为贯彻落实…，制定本方案。 above 一、主要目标)
  const body = nextTextLine(text, lineStarts, title.line, 2);
  const second = body && !matchMarker(text, body.p, body.end) ? nextTextLine(text, lineStarts, body.line, 2) : body;
  if (!second || !matchMarker(text, second.p, second.end)) return undefined;
  return makeTitle(text, title.line, lineStarts[title.line]!, title.p, title.end, glossed);
}

/** A date alone on its line, perhaps with the place: 二○○七年十二月•北京, 2024年3月, 二〇二五年十二月. */
const DATE_LINE = /^[（(]?[〇○零一二三四五六七八九十0-9０-９]{4}\s*年\s*[〇○零一二三四五六七八九十0-9０-９]{1,2}\s*月(?:\s*[〇○零一二三四五六七八九十0-9０-９]{1,3}\s*日)?[）)]?(?:[•·・ 　]\S{1,6})?$/;
/** What an issuing body's name ends in: 国务院新闻办公室, 某某市人民政府, 某某委员会. */
const ORGAN_END = /(?:办公室|辦公室|办公厅|辦公廳|委员会|委員會|人民政府|政府|国务院|國務院|人民代表大会|人民代表大會|党委|黨委|部|局|署)$/;

/** A court's name ends so (…中级人民法院, 臺灣高等法院臺南分院 ends in 分院). */
const COURT_END = /(?:法院|法庭|分院)$/;
/** A judgment's head line: the court and the kind, or the kind alone (民事判决书, 最 高 行 政 法 院 判 決). */
const JUDGMENT_HEAD = /(?:判決|判决|判決書|判决书|裁定|裁定書|裁定书|決定書|决定书|調解書|调解书)$/;

/** The judgment's head line among the next two text lines, when what stands between is short and not a sentence. */
function judgmentHeadBelow(text: string, lineStarts: readonly number[], line: number, lines: number): TextLine | undefined {
  let at = line;
  for (let k = 0; k < 2; k++) {
    const next = nextTextLine(text, lineStarts, at, 2);
    if (!next || next.line >= lines || next.text.length > 40 || /[。，,；;：:]/.test(next.text)) return undefined;
    if (JUDGMENT_HEAD.test(compact(next.text))) return next;
    at = next.line;
  }
  return undefined;
}

/**
 * A judgment's head line further down the title's search (…法院民事判決, 民 事 判 决 书) whose next line is the case's
 * number (113年度建上字第5號, (2019)鄂72民初752号).
 */
function judgmentHeadWithin(text: string, lineStarts: readonly number[], line: number, lines: number): TextLine | undefined {
  for (let l = line + 1; l < lines; l++) {
    const start = lineStarts[l]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, l));
    const p = skipIndent(text, start, end);
    if (p >= end || end - p > 40 || !JUDGMENT_HEAD.test(compact(text.slice(p, end)))) continue;
    const next = nextTextLine(text, lineStarts, l, 2);
    if (next && CASE_NUMBER.test(compact(next.text))) return { line: l, p, end, text: text.slice(p, end) };
  }
  return undefined;
}

/** True when the next text line is longer than `plain` and no salutation or marker (a page's title below its column). */
function longerLineBelow(text: string, lineStarts: readonly number[], line: number, lines: number, plain: string): boolean {
  const next = nextTextLine(text, lineStarts, line, 2);
  return next !== undefined && next.line < lines && next.text.length > plain.length && !/[：:]$/.test(next.text) && !matchMarker(text, next.p, next.end);
}

/** A case's number alone on its line: 113年度建上字第5號, （2019）鄂72民初752号, (2003)沪海法商初字第436号. */
const CASE_NUMBER = /^(?:\d{2,3}年度\S{1,8}字第\d+[號号]|[（(]\d{4}[）)]\S{1,16}[号號])$/;

/** The BBS header's labels: 发信人: someone, 信区: board / 标  题: … / 发信站: site (date). */
const BBS_SENDER = /^(?:发信人|發信人)\s*[:：]/;
const BBS_STATION = /^(?:发信站|發信站)\s*[:：]/;

/** The line of a BBS post's 发信站: when 发信人: stands within the three lines above it (the post's header); else -1. */
function bbsHeaderEnd(text: string, lineStarts: readonly number[], lines: number): number {
  let sender = -1;
  for (let l = 0; l < lines; l++) {
    const s = text.slice(lineStarts[l]!, lineEndAt(text, lineStarts, l)).trim();
    if (BBS_SENDER.test(s)) sender = l;
    else if (sender >= 0 && BBS_STATION.test(s) && l - sender <= 3) return l;
  }
  return -1;
}

/** A heading below a bare section number is at most this long. */
const BARE_TITLE_MAX = 50;

/**
 * A section number alone on its line (1, 2 … in order from 1; ASCII or full-width digits) whose heading is the next
 * line: a line of Han text with no sentence end, not a marker or chrome, and a paragraph after it. A page number is
 * followed by the page's text, which is not a short heading with a paragraph after it, and pages do not restart at 1.
 */
function bareNumberTitle(text: string, lineStarts: readonly number[], line: number, p: number, end: number, want: number): boolean {
  let n = 0;
  for (let i = p; i < end; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d < 0) return false;
    n = n * 10 + d;
  }
  if (n !== want) return false;
  const next = nextTextLine(text, lineStarts, line, 2);
  if (!next || next.text.length > BARE_TITLE_MAX || !hasHan(next.text) || /[。！？；!?;：:]/.test(next.text)) return false;
  if (matchMarker(text, next.p, next.end) || isAboveText(next.text)) return false;
  const after = nextTextLine(text, lineStarts, next.line, 2);
  return after !== undefined && after.end - after.p >= SUBHEAD_PARAGRAPH_MIN;
}

/** How far below a line front matter (a document number, a file reference) still belongs to the same header. */
const FRONT_MATTER_SPAN = 4;

/** Is there front matter (…號文件, 京政发〔2025〕1号, 檔號:) among the next few lines, before the search ends? */
function frontMatterFollows(text: string, lineStarts: readonly number[], line: number, lines: number): boolean {
  for (let l = line + 1; l < Math.min(lines, line + 1 + FRONT_MATTER_SPAN); l++) {
    const s = text.slice(lineStarts[l]!, lineEndAt(text, lineStarts, l)).trim();
    if (s === '') continue;
    // (a filing prints its codes above its own title: the line right above 公司代码:600478 … is a page's title for it,
    // no issuer)
    if (isOfficialFrontMatter(s)) return !(FILING_CODES.test(s) && nextTextLine(text, lineStarts, line, l - line)?.line === l);
  }
  return false;
}

/** A listed company's codes at the top of its filing: 公司代码:600478 公司简称:科力远, 证券代码: / 股票代码: / 债券代码:. */
const FILING_CODES = /^(?:公司代码|公司代碼|证券代码|證券代碼|股票代码|股票代碼|债券代码|債券代碼)[：:]/;

/** True when a breadcrumb follows the line with only blank or chrome lines between (a site's header above it). */
function crumbFollows(text: string, lineStarts: readonly number[], line: number, lines: number): boolean {
  let seen = 0;
  for (let l = line + 1; l < lines && seen < FRONT_MATTER_SPAN; l++) {
    const s = text.slice(lineStarts[l]!, lineEndAt(text, lineStarts, l)).trim();
    if (s === '') continue;
    if (isBreadcrumb(s)) return true;
    if (!isAboveText(s)) return false;
    seen++;
  }
  return false;
}

/** True when the next text line (within a few) is page chrome. */
function chromeFollows(text: string, lineStarts: readonly number[], line: number, lines: number): boolean {
  const next = nextTextLine(text, lineStarts, line, 3);
  return next !== undefined && next.line < lines && isAboveText(next.text);
}

/** A site section's name (院會紀錄, 通知公告) is this short. */
const SECTION_NAME_MAX = 6;

/** A short remark in brackets at a headline's end: (此文火爆了), （图）. */
const HEADLINE_REMARK = /[（(][^（）()。，,；;]{1,8}[）)]$/;

/** A headline may hold one comma and end with a question: 全球能源格局变动,中国的能源安全状况改善了吗? */
const HEADLINE_MAX = 40;

/**
 * A news or journal headline with a comma or a question mark: short, no full stop or semicolon, at most one comma
 * and not at its end (同志们，), a ？ only at its end, and a blank line after it (a paragraph's first line runs on).
 */
function isHeadline(text: string, lineStarts: readonly number[], line: number, plain: string): boolean {
  // a site's remark in brackets after the headline (…尿你吗?(此文火爆了)) is not part of it
  plain = plain.replace(HEADLINE_REMARK, '');
  if (plain.length > HEADLINE_MAX || /[。；;！!]/.test(plain) || /[，,、]$/.test(plain) || (plain.match(/[，,]/g)?.length ?? 0) > 1) return false;
  const question = plain.search(/[？?]/);
  if (question >= 0 && question !== plain.length - 1) return false;
  if (line + 1 >= lineStarts.length) return false;
  return text.slice(lineStarts[line + 1]!, lineEndAt(text, lineStarts, line + 1)).trim() === '';
}

/** A site menu is a run of this many short lines or more (网站首页 / 新闻中心 / 政务公开 …). */
const MENU_RUN = 3;
const MENU_ITEM_MAX = 6;

/** A line of a site menu: a few Han characters with no punctuation, or several such words on one line. */
function isMenuLine(s: string): boolean {
  if (s.length === 0) return false;
  if (s.length <= 2 && !hasHan(s) && !/[0-9A-Za-z]/.test(s)) return true; // a close button ✖ between menu rows
  // anything but Han and blanks fails below: said before splitting a long line into words
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isHan(c) && c !== 0x20 && c !== 0xa0 && c !== 0x3000) return false;
  }
  const words = s.split(/[ \u00a0\u3000]+/);
  return words.every((w) => w.length > 0 && w.length <= MENU_ITEM_MAX && hanOnly(w)) && (words.length > 1 || s.length <= MENU_ITEM_MAX);
}

/** A site menu's bulleted link (• 澳廣視新聞, • 粵政協訪澳調研灣區“軟聯通”): a bullet, a blank, a short line that is no sentence. */
function isBulletedLink(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c === 0x2022 || c === 0xb7) && s.length <= BULLETED_LINK_MAX && isIndent(s.charCodeAt(1)) && !/[。；;，,：:]/.test(s);
}
const BULLETED_LINK_MAX = 32;

function hanOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHan(s.charCodeAt(i))) return false;
  return true;
}

/** The last line of a site menu starting at `line` (at least MENU_RUN menu lines in a row), or `line` - 1 when there is none. */
function menuRunEnd(text: string, lineStarts: readonly number[], line: number, limit: number): number {
  let l = line;
  while (l < limit) {
    const s = text.slice(lineStarts[l]!, lineEndAt(text, lineStarts, l)).trim();
    if (!isMenuLine(s) && !isBulletedLink(s)) break;
    l++;
  }
  return l - line >= MENU_RUN ? l - 1 : line - 1;
}

/** The numbers of a decimal section number: 5.2.1 → [5, 2, 1] (ASCII or full-width digits and dots). */
function sectionNumbers(text: string, from: number, to: number): number[] {
  const parts: number[] = [];
  let v = -1;
  for (let i = from; i < to; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d >= 0) v = (v < 0 ? 0 : v * 10) + d;
    else if (v >= 0) {
      parts.push(v);
      v = -1;
    }
  }
  if (v >= 0) parts.push(v);
  return parts;
}

/**
 * True when a glued decimal (1.1融资租赁：…) goes on with the numbering around it: the first section of the `N.` item
 * open above it (1.1 after 1. 定义与解释), the next after the last section at its depth (1.2 after 1.1, 2.4 after 2.3),
 * or the first one below the last section (5.2.1 after 5.2). A quantity at a line's start (1.5公里) does neither.
 */
function continuesNumbering(parts: readonly number[], openNum: number | undefined, path: readonly number[]): boolean {
  const k = parts.length;
  const last = parts[k - 1]!;
  let prefix = path.length >= k - 1;
  for (let i = 0; prefix && i < k - 1; i++) if (path[i] !== parts[i]) prefix = false;
  if (prefix) return path.length === k - 1 ? last === 1 : last === path[k - 1]! + 1;
  return k === 2 && parts[0] === openNum && last === 1;
}

/** A run of notes numbered with one blank (1 本年度报告摘要… / 2 本公司董事会… / 3 未出席董事情况) has at least this many. */
const SPACED_RUN_MIN = 3;

/**
 * The `1 本…` notes that number 1, 2, 3 … in order (at least three; other lines between them), so that each is read as
 * item N; a lone `3 万吨…` or `15 公里…` (a wrapped quantity) is in no run.
 */
function inSpacedRuns(notes: readonly LazyHeading[]): LazyHeading[] {
  const kept: LazyHeading[] = [];
  let run: LazyHeading[] = [];
  const close = (): void => {
    if (run.length >= SPACED_RUN_MIN) for (const c of run) kept.push(c);
    run = [];
  };
  for (const c of notes) {
    if (c.ordinal === 1) {
      close();
      run.push(c);
    } else if (run.length > 0 && c.ordinal === run.length + 1) run.push(c);
  }
  close();
  return kept;
}

/** True when a line's paragraph (the lines up to the next blank one) goes on with a line that starts mid-sentence. */
function continuesSentence(text: string, lineStarts: readonly number[], line: number): boolean {
  for (let l = line + 1; l < Math.min(lineStarts.length, line + 4); l++) {
    const s = text.slice(lineStarts[l]!, lineEndAt(text, lineStarts, l)).trim();
    if (s.length === 0) return false;
    if (/^[。，、；：,;.]/.test(s)) return true;
  }
  return false;
}

function firstSentence(rest: string): { text: string; runIn: boolean } {
  for (let i = 0; i < rest.length; i++) {
    if (isSentenceEnd(rest.charCodeAt(i))) {
      let j = i + 1;
      while (j < rest.length && isIndent(rest.charCodeAt(j))) j++;
      return { text: rest.slice(0, i), runIn: j < rest.length };
    }
  }
  return { text: rest, runIn: false };
}

/** A contract article's title sentence is short and has no comma: 合同文件 / 词语定义. */
const ARTICLE_TITLE_MAX = 16;

/**
 * Contracts write 第１条　合同文件。: full-width digits and a title sentence (older model texts: 第一条、词语含义。, a 、
 * after the marker). Laws write a first sentence that is a rule (第一条　为了…，制定本法。); only the contract forms get
 * a title, so laws keep theirs.
 */
function isArticleTitle(marker: string, first: string, enumerated: boolean): boolean {
  if (first.length === 0 || first.length > ARTICLE_TITLE_MAX || /[，,、；;：:]/.test(first)) return false;
  if (enumerated) return true;
  for (let i = 0; i < marker.length; i++) {
    const c = marker.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return true;
  }
  return false;
}

/** The children of every heading that has none: frozen, so nothing can add to it by mistake. */
const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];
const NO_INDICES: ReadonlySet<number> = new Set();
const NO_GROUPS: ReadonlySet<object> = new Set();

/** What a heading reads as: computed from its candidate on first use (most requests need few of them). */
interface HeadingText {
  readonly marker: string;
  readonly title: string;
  readonly name: string;
  readonly detail: string;
  readonly runIn: boolean;
  readonly headingEnd: number;
}

interface Context {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly glossed: boolean;
  /** The tree's parent → children links (and the headings' columns), once it is built. */
  links?: HeadingTable;
}

/**
 * A heading whose strings (marker, title, name, detail) are made when first read: analysing a 10 MB report with
 * 50,000 headings then costs a few objects per heading, and the outline pays for the names it shows.
 */
class LazyHeading implements Heading, Candidate {
  readonly kind: MarkerKind;
  readonly ordinal: number | undefined;
  readonly line: number;
  readonly start: number;
  readonly headingStart: number;
  readonly restStart: number;
  readonly lineEnd: number;
  level = 0;
  end: number;
  parent = -1;
  /**
   * The children once made (shared and frozen when there are none), or this heading's index while they are not: they
   * are then made from the analysis' links when first read.
   */
  #children: number[] | number = NO_CHILDREN;
  /**
   * depth, md and repaired in one small integer: a text of headings keeps one of these objects per heading, and every
   * field is 8 bytes the collector copies (fields of this class: 17, from 20).
   */
  readonly #flags: number;
  /** The text after the marker where it is not the text's own [restStart, lineEnd) (a repaired line), else made when read. */
  #rest: string | undefined;
  /** `more` (and the line it was read from, `moreLine`) and `rawDetail`, which few headings have. */
  #extra: { more: string; moreLine: number; rawDetail: string } | undefined;
  readonly #context: Context;
  #text: HeadingText | undefined;
  /** The marker as written, or where it ends in the text (from `headingStart`): its string is made when first read. */
  #rawMarker: string | number;

  /**
   * `rest` is the text after the marker; where `restStart` is not -1 it must be text.slice(restStart, lineEnd) (it is
   * then not kept, but made again when first read).
   */
  constructor(
    context: Context, kind: MarkerKind, depth: number, ordinal: number | undefined, rawMarker: string | number, line: number, start: number,
    headingStart: number, rest: string, restStart: number, lineEnd: number, md: number, repaired: boolean,
  ) {
    this.kind = kind;
    this.ordinal = ordinal;
    this.line = line;
    this.start = start;
    this.headingStart = headingStart;
    this.restStart = restStart;
    this.lineEnd = lineEnd;
    this.end = context.text.length;
    this.#flags = ((kind === 'markdown' ? md : depth) << 4) | (md << 1) | (repaired ? 1 : 0);
    this.#rest = restStart >= 0 && rest.length === lineEnd - restStart ? undefined : rest;
    this.#extra = undefined;
    this.#context = context;
    this.#text = undefined;
    this.#rawMarker = rawMarker;
  }

  /** For `decimal`: the number of components; for `markdown`: the number of `#`; otherwise 0. */
  get depth(): number {
    return this.#flags >> 4;
  }
  /** The `#` depth of a Markdown heading line, 0 for a plain line. */
  get md(): number {
    return (this.#flags >> 1) & 7;
  }
  get repaired(): boolean {
    return (this.#flags & 1) === 1;
  }
  get rest(): string {
    return (this.#rest ??= this.#context.text.slice(this.restStart, this.lineEnd));
  }
  get more(): string {
    return this.#extra === undefined ? '' : this.#extra.more;
  }
  set more(value: string) {
    if (this.#extra !== undefined) this.#extra.more = value;
    else if (value !== '') this.#extra = { more: value, moreLine: -1, rawDetail: '' };
  }
  /** The line `more` was read from when it is a title of its own (第一章 / 总 则): no label or sub-heading there; else -1. */
  get moreLine(): number {
    return this.#extra === undefined ? -1 : this.#extra.moreLine;
  }
  set moreLine(value: number) {
    if (this.#extra !== undefined) this.#extra.moreLine = value;
    else if (value !== -1) this.#extra = { more: '', moreLine: value, rawDetail: '' };
  }
  get rawDetail(): string {
    return this.#extra === undefined ? '' : this.#extra.rawDetail;
  }
  set rawDetail(value: string) {
    if (this.#extra !== undefined) this.#extra.rawDetail = value;
    else if (value !== '') this.#extra = { more: '', moreLine: -1, rawDetail: value };
  }
  get children(): number[] {
    const c = this.#children;
    if (typeof c !== 'number') return c;
    const made = this.#context.links!.list(c, NO_CHILDREN);
    this.#children = made;
    return made;
  }
  set children(value: number[]) {
    this.#children = value;
  }
  /** From now on the children are read from the links, as heading `index`. */
  linkAs(index: number): void {
    this.#children = index;
  }
  get rawMarker(): string {
    const raw = this.#rawMarker;
    return typeof raw === 'string' ? raw : (this.#rawMarker = this.#context.text.slice(this.headingStart, raw).trim());
  }
  get marker(): string {
    return this.#read().marker;
  }
  get title(): string {
    return this.#read().title;
  }
  get name(): string {
    return this.#read().name;
  }
  get detail(): string {
    return this.#read().detail;
  }
  get runIn(): boolean {
    return this.#read().runIn;
  }
  get headingEnd(): number {
    return this.#read().headingEnd;
  }

  /** A plain copy with every field (for logs and JSON). */
  toJSON(): Heading {
    const { marker, title, name, detail, runIn, headingEnd } = this.#read();
    const { kind, depth, level, ordinal, line, start, headingStart, end, parent, children, repaired } = this;
    return { kind, depth, level, marker, ordinal, title, name, detail, line, start, headingStart, headingEnd, end, parent, children, runIn, repaired };
  }

  #read(): HeadingText {
    return (this.#text ??= headingText(this.#context, this));
  }
}

function headingText({ text, lineStarts, glossed }: Context, c: Candidate): HeadingText {
  const isLaw = isLawKind(c.kind);
  let title: string;
  let detail = c.rawDetail;
  let runIn = false;
  let headingEnd: number;
  if (c.kind === 'article') {
    title = '';
    let body = c.rest;
    // 第一条、词语含义。…: a 、 where a blank belongs, and the short first sentence is the article's title
    const enumerated = body.charCodeAt(0) === 0x3001;
    if (enumerated) body = body.slice(1);
    if (body.length === 0 && c.line + 1 < lineStarts.length) {
      // Taiwan: 第 1 條 on its own line, the text on the next
      const next = nextTextLine(text, lineStarts, c.line);
      if (next) body = next.text;
    }
    const first = cleanTitle(firstSentence(body).text, glossed);
    headingEnd = c.lineEnd >= 0 ? trimEnd(text, c.headingStart, c.restStart) : c.headingStart + c.rawMarker.length;
    // a contract's 第一条劳动合同期限 / 第一条 合同期限: a short name alone on the article's line, its text below it, is its
    // title (not a PDF's line that breaks off: 第四条 公司于 / 2022 年 7 月…, nor the last line of a cut text)
    let named = c.rest.length > 0 && !enumerated && first === body && body.length <= ARTICLE_TITLE_MAX && hanOnly(body) && !OPEN_ENDINGS.includes(body[body.length - 1]!);
    if (named) {
      const below = nextTextLine(text, lineStarts, c.line, 3);
      named = below !== undefined && (digitValue(below.text.charCodeAt(0)) < 0 || matchMarker(text, below.p, below.end) !== undefined || gluedDecimal(text, below.p, below.end) !== undefined);
    }
    if (named || isArticleTitle(c.rawMarker, first, enumerated)) {
      // a contract's 第３条　合同文件。: the short first sentence is the article's title
      title = first;
      if (c.restStart >= 0 && c.rest.endsWith(body)) headingEnd = c.restStart + (enumerated ? 1 : 0) + first.length;
    } else {
      detail = first.length > DETAIL_MAX_LENGTH ? first.slice(0, DETAIL_MAX_LENGTH) + '…' : first;
    }
  } else {
    const fs = firstSentence(c.more ? c.rest + c.more : c.rest);
    runIn = fs.runIn;
    title = cleanTitle(fs.text, glossed);
    // 第一部分、合同条件: a 、 where a blank belongs after a structural marker
    if (isLaw && title.charCodeAt(0) === 0x3001) title = title.slice(1);
    if (c.kind === 'label') title = compact(title); // 主  文 → 主文
    if (c.restStart >= 0) {
      headingEnd = c.restStart + Math.min(fs.text.length, c.rest.length);
    } else {
      headingEnd = trimEnd(text, c.headingStart, lineEndAt(text, lineStarts, c.line));
    }
  }
  const lastOfMarker = c.rawMarker.charCodeAt(c.rawMarker.length - 1);
  const spaced = (isLaw || c.kind === 'decimal' || c.kind === 'appendix' || c.kind === 'roman') && lastOfMarker !== 0xff1a && lastOfMarker !== 0x3a;
  const marker = glossed ? stripGlosses(c.rawMarker) : c.rawMarker;
  const name = marker === '' ? title : title ? marker + (spaced ? ' ' : '') + title : marker;
  return { marker, title, name, detail, runIn, headingEnd: Math.max(headingEnd, c.headingStart + 1) };
}

/**
 * Nesting with an explicit stack, in one pass.
 * - A heading's marker decides its place; a Markdown `#` depth only orders headings that have no marker
 *   (## 序言, ## 附则), and a `#` line is never enclosed by a plain line (copies mix "## 十三、" with plain "十二、").
 * - Law structure nests by fixed rank: 编/部分 > 分编 > 章 > 节 > 条; 3.1 > 3.1.2; an appendix sits just under the title.
 *   条 and 节 may sit inside a `#` list heading (judicial interpretations group articles under "## 一、一般规定").
 * - List markers (一、 （一） 1. （1） ① 第一、) nest by the order in which their kinds appear: a kind already open
 *   closes back to its sibling, a new kind opens a deeper level. List items inside a law article stay its children.
 * The stack holds indices into `headings`; `mds[i]` is the `#` depth of heading i's line (0 for a plain line), filled
 * here (the title's is set). The indices of the headings with no parent are added to `roots`, in order; each heading
 * goes into the table `links` as it is placed. Section ends are set on the way: the start of the next heading at the
 * same or a higher level (a monotonic stack, linear), or the text's end.
 */
function buildTree(
  headings: Heading[], mds: Uint8Array, hasTitle: boolean, groups: ReadonlySet<object>, named: ReadonlySet<number>, roots: number[], links: HeadingTable,
  cuts: ReadonlySet<number>, textLength: number,
): void {
  // a contract's 一、 sections, and list items that a document numbers across its articles, hold the articles after them
  const holds = (h: Heading): boolean => isSectionKind(h.kind) || groups.has(h);
  const stack: number[] = [];
  // sub-headings that hold the topics after them: the first of two (安老 above 安老服務) or one its section names
  const subGroups = new Set<number>();
  // the sections still open (their ends not known yet)
  const open: Heading[] = [];
  // every heading's fixedRank, NaN for none (read again for each heading below it on the stack)
  const ranks = new Float64Array(headings.length);
  if (hasTitle) {
    ranks[0] = fixedRank(headings[0]!) ?? NaN;
    stack.push(0);
    roots.push(0); // the title is the root above everything
    headings[0]!.parent = -1;
    headings[0]!.level = 0;
    links.set(0, headings[0]!);
    open.push(headings[0]!);
  }
  for (let i = hasTitle ? 1 : 0; i < headings.length; i++) {
    const h = headings[i]!;
    const md = (mds[i] = (h as LazyHeading).md);
    const rank = (ranks[i] = fixedRank(h) ?? NaN);
    if (cuts.has(i)) stack.length = hasTitle ? 1 : 0;
    if (h.kind === 'markdown') {
      while (stack.length > 0) {
        const t = stack[stack.length - 1]!;
        if (headings[t]!.kind === 'title' || (mds[t]! !== 0 && mds[t]! < md)) break;
        stack.pop();
      }
    } else if (!Number.isNaN(rank)) {
      const law = isLawKind(h.kind);
      while (stack.length > 0) {
        const t = stack[stack.length - 1]!;
        const th = headings[t]!;
        if (th.kind === 'title') break;
        if (th.kind === 'markdown') {
          if (md > 0 && mds[t]! >= md) {
            stack.pop();
            continue;
          }
          break;
        }
        // a contract's section 一、 (outside any article) holds the articles that follow it
        if (h.kind === 'article' && holds(th) && md === 0 && mds[t]! === 0 && !insideArticle(headings, stack)) break;
        // 1.1 / 1.2 under 一、 and 2.1 under 二、 (a quarterly report), 3.1 under III.: a decimal section whose first number
        // is the open numbered part's sits in it
        if (h.kind === 'decimal' && md === 0 && h.ordinal !== undefined && th.ordinal === h.ordinal && (th.kind === 'cn' || th.kind === 'cnFormal' || th.kind === 'ordinal' || th.kind === 'num' || th.kind === 'roman')) break;
        // a case's name holds its digest's sections (“…侵权纠纷案” above 【裁判要旨】 【案情介绍】)
        if (h.kind === 'label' && th.kind === 'subhead' && th.depth === 1 && CASE_NAME.test(th.name)) break;
        const tr = ranks[t]!;
        // a label (主文, 总纲, a TOC-listed title) never holds 编/章/节/条: they are its siblings (a compilation's copy does)
        if (law && th.kind === 'label' && th.depth !== COPY_DEPTH) {
          stack.pop();
          continue;
        }
        if (!Number.isNaN(tr) ? tr < rank : mds[t]! > 0 && rank >= 4) break;
        stack.pop();
      }
    } else if (h.kind === 'subhead' && (h.depth === 1 || named.has(i))) {
      // a group of topics (安老 above 安老服務 …) takes the place of the sub-headings open above it
      subGroups.add(i);
      popListItems(headings, stack);
      while (stack.length > 0 && headings[stack[stack.length - 1]!]!.kind === 'subhead') stack.pop();
    } else {
      // a sub-heading after a list ((一) …；(二) …。, items that are sentences) closes it: the list was its section's
      if (h.kind === 'subhead') popListItems(headings, stack);
      let found = -1;
      let acrossArticle = false;
      for (let k = stack.length - 1; k >= 0; k--) {
        const t = stack[k]!;
        const th = headings[t]!;
        if (th.kind === h.kind && (h.kind !== 'subhead' || subGroups.has(t) === subGroups.has(i))) {
          // past an article, only the contract section the article sits in, continued in order (二、 after 一、)
          found = !acrossArticle || (th.ordinal !== undefined && h.ordinal === th.ordinal + 1) ? k : -1;
          break;
        }
        if (nestsByOrder(th.kind) || (md > 0 && isPlainInner(th, mds[t]!)) || inListPart(headings, t)) continue;
        // 2. after 1.10 (and 6. after 5.2.3): the decimal sections sat in the item 1. that this one follows
        if (th.kind === 'decimal' && inNumberedItem(headings, stack, k, h.kind)) continue;
        if (th.kind === 'article' && holds(h) && md === 0) {
          acrossArticle = true;
          continue;
        }
        break;
      }
      if (found >= 0) {
        stack.length = found;
      } else if (md > 0) {
        while (stack.length > 0 && isPlainInner(headings[stack[stack.length - 1]!]!, mds[stack[stack.length - 1]!]!)) stack.pop();
      } else if (h.kind === 'subhead') {
        // a sub-heading between numbered paragraphs (背景 after 1. 2.) closes them: they are its section's paragraphs
        while (stack.length > 0 && headings[stack[stack.length - 1]!]!.kind === 'num') stack.pop();
      }
    }
    const parent = stack.length > 0 ? stack[stack.length - 1]! : -1;
    h.parent = parent;
    // its children are read from the links, as heading i (the title, a plain object, keeps an array)
    if (h instanceof LazyHeading) h.linkAs(i);
    if (parent >= 0) {
      const ph = headings[parent]!;
      h.level = ph.level + 1;
      if (!(ph instanceof LazyHeading)) {
        if (ph.children === NO_CHILDREN) (ph as Heading & { children: number[] }).children = [i];
        else ph.children.push(i);
      }
    } else {
      h.level = 0;
      roots.push(i);
    }
    links.set(i, h);
    while (open.length > 0 && open[open.length - 1]!.level >= h.level) open.pop()!.end = h.start;
    open.push(h);
    // a leaf label (总纲, 前言, 结束语) sits beside the numbered parts and holds none of them
    if (!(h.kind === 'label' && h.depth === 1)) stack.push(i);
  }
  for (const h of open) h.end = textLength;
}

/** True when the decimal section at stack[k] sits (through decimals only) in an item of `kind` with its first number. */
function inNumberedItem(headings: readonly Heading[], stack: readonly number[], k: number, kind: MarkerKind): boolean {
  const ordinal = headings[stack[k]!]!.ordinal;
  let j = k - 1;
  while (j >= 0 && headings[stack[j]!]!.kind === 'decimal') j--;
  return j >= 0 && headings[stack[j]!]!.kind === kind && ordinal !== undefined && headings[stack[j]!]!.ordinal === ordinal;
}

/** What joins the parts of a section's title: 房屋土地與交通運輸, 退休保障及人口政策, 優化人口 創建未來. */
const TITLE_JOINERS = /[與与及和、，,\s]/g;

/**
 * Sub-headings that divide their numbered section the way its title does: when the sub-headings directly under a
 * section together name every part of its title ((四) 房屋土地與交通運輸 → 房屋, 土地, 交通運輸; (五) 扶貧安老助弱 → 扶貧,
 * 安老, 助弱), each of them holds the topics after it. One part named alone (教育 under 青少年教育和發展) holds nothing:
 * the others are its siblings. Reads the tree as first built (linear: a sub-heading's section is a few parents up).
 */
function sectionGroups(headings: readonly Heading[]): Set<number> {
  // the line texts the scan kept (a sub-heading's whole line, a section's text after its marker): reading them does
  // not make every heading compute its name
  const raw = (i: number): string => (headings[i] as LazyHeading).rest;
  const bySection = new Map<number, number[]>();
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (h.kind !== 'subhead' || raw(i).length < 2) continue;
    let s = h.parent;
    while (s >= 0 && headings[s]!.kind === 'subhead') s = headings[s]!.parent;
    if (s < 0 || headings[s]!.kind === 'title' || !raw(s).includes(raw(i))) continue;
    const list = bySection.get(s);
    if (list) list.push(i);
    else bySection.set(s, [i]);
  }
  const out = new Set<number>();
  for (const [s, list] of bySection) {
    if (list.length < 2) continue;
    let rest = raw(s);
    for (const i of list) rest = rest.split(raw(i)).join('');
    if (rest.replace(TITLE_JOINERS, '') === '') for (const i of list) out.add(i);
  }
  return out;
}

/**
 * List items that group articles: a plain list kind whose items, each directly followed by an article (第X条), are
 * numbered 1, 2, 3 … in order across the document (a charter's 1. 总则 … 7. 附则 rendered as a list). Items inside an
 * article restart their numbering in each article, so they never form such a run. Linear.
 */
function articleGroups(cands: readonly Candidate[]): Set<object> {
  const runs = new Map<MarkerKind, Candidate[]>();
  for (let i = 0; i + 1 < cands.length; i++) {
    const c = cands[i]!;
    if (c.md !== 0 || !nestsByOrder(c.kind) || isSectionKind(c.kind) || c.kind === 'subhead' || cands[i + 1]!.kind !== 'article') continue;
    const run = runs.get(c.kind);
    if (run) run.push(c);
    else runs.set(c.kind, [c]);
  }
  const out = new Set<object>();
  for (const run of runs.values()) {
    if (run.length < 2 || !run.every((c, k) => c.ordinal === k + 1)) continue;
    for (const c of run) out.add(c);
  }
  return out;
}

/** True when the stack holds an article below its top (list items inside an article belong to it). */
function insideArticle(headings: readonly Heading[], stack: readonly number[]): boolean {
  for (let k = stack.length - 1; k >= 0; k--) if (headings[stack[k]!]!.kind === 'article') return true;
  return false;
}

/** A plain (non-`#`) list item, 条 or 节: such a line cannot enclose a `#` line. */
function isPlainInner(h: Heading, md: number): boolean {
  if (md > 0) return false;
  const rank = fixedRank(h);
  return rank === undefined ? nestsByOrder(h.kind) : rank >= 4 && rank < 10;
}

/** The roles that sign a judgment, longest first (审判长 before 审判员; 審判長法官 before 審判長). */
const SIGNERS = [
  '代理审判员', '助理审判员', '人民陪审员', '代理书记员', '审判长', '审判员', '陪审员', '书记员', '法官助理', '执行员', '速录员',
  '審判長法官', '代理審判員', '人民陪審員', '代理書記員', '審判長', '審判員', '陪審員', '書記官', '書記員', '法官助理', '法官',
];

/** A line's text with every blank removed (审 判 长 吴 晓 慧 → 审判长吴晓慧), or undefined when it is long. */
function squeezed(text: string, from: number, to: number, max: number): string | undefined {
  // counted first, without a string: most lines are body text longer than `max` (built one character at a time, a
  // 24-character prefix of every line after the last heading was a third of the garbage of a long article's analysis)
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSqueezedBlank(c)) continue;
    if (++n > max) return undefined;
  }
  if (n === to - from) return text.slice(from, to);
  let out = '';
  for (let i = from; i < to; i++) if (!isSqueezedBlank(text.charCodeAt(i))) out += text[i];
  return out;
}

function isSqueezedBlank(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0d || c === 0xa0;
}

/** 审判长　吴晓慧 / 書記官 翁心欣: a signer's role and a short name, nothing else. */
function isSignerLine(line: string): boolean {
  // Taiwan writes the division first: 刑事第六庭審判長法官董武全
  const division = line.indexOf('庭');
  const s = division > 0 && division < 8 ? line.slice(division + 1) : line;
  for (const role of SIGNERS) {
    if (!s.startsWith(role)) continue;
    const name = s.length - role.length;
    if (name < 1 || name > 5) return false;
    // (a model text's ××× holds the name's place)
    for (let i = role.length; i < s.length; i++) if (!isHan(s.charCodeAt(i)) && s[i] !== '·' && s[i] !== '×') return false;
    return true;
  }
  return false;
}

/** 二〇一九年八月二十一日 / 中華民國102年1月17日: a date standing alone. */
function isDateLine(s: string): boolean {
  let i = s.startsWith('中华民国') || s.startsWith('中華民國') ? 4 : 0;
  for (const unit of ['年', '月', '日']) {
    const from = i;
    // (a model text's ××××年××月××日 holds the date's place)
    while (i < s.length && (isCnNumeralCode(s.charCodeAt(i)) || digitValue(s.charCodeAt(i)) >= 0 || s.charCodeAt(i) === 0xd7)) i++;
    if (i === from || s[i] !== unit) return false;
    i++;
  }
  return i === s.length;
}

/**
 * A judgment's signature block (审判长… 审判员… date, 书记员…, with the notices between) is end matter: no section
 * holds it. It starts at the first signer line after the last body heading and runs to the text end or to an appendix
 * (附錄法條) after it; it needs a date line too. The sections still open there end where it starts. Linear.
 */
function endBeforeSignature(text: string, lineStarts: readonly number[], headings: readonly Heading[], hasAppendix: boolean): void {
  // the last heading of the body: not an appendix, nor inside one (parents come before their children); without any
  // appendix, the last heading
  let last = headings.length - 1;
  if (hasAppendix) {
    const appended = new Uint8Array(headings.length);
    last = -1;
    for (let k = 0; k < headings.length; k++) {
      const h = headings[k]!;
      if (h.kind === 'appendix' || (h.parent >= 0 && appended[h.parent] === 1)) appended[k] = 1;
      else last = k;
    }
  }
  if (last < 0 || headings[last]!.kind === 'title') return;
  const limitLine = last + 1 < headings.length ? headings[last + 1]!.line : lineStarts.length;
  let signer = -1;
  let dated = false;
  for (let l = headings[last]!.line + 1; l < limitLine; l++) {
    const s = squeezed(text, lineStarts[l]!, lineEndAt(text, lineStarts, l), 24);
    if (s === undefined || s === '') continue;
    if (signer < 0 && isSignerLine(s)) signer = l;
    else if (signer >= 0 && isDateLine(s)) dated = true;
  }
  if (signer < 0 || !dated) return;
  const at = lineStarts[signer]!;
  for (const h of headings) if (h.kind !== 'title' && h.start < at && h.end > at) h.end = at;
}

/**
 * The headings that a judgment's signature block (a signer line and a date line, 审判长… ××××年××月××日 书记员…)
 * stands right above: none of the sections before it holds them. Only a judgment's labels ask; each line between two
 * headings is read once.
 */
function signatureCuts(text: string, lineStarts: readonly number[], headings: readonly Heading[]): Set<number> {
  // a signature block comes after the judgment's orders (判决如下 / 裁定如下): the lines before them are not read
  const from = headings.findIndex((h) => h.kind === 'label' && CLOSING_LABELS.includes(h.name));
  if (from < 0) return NO_INDICES as Set<number>;
  const cuts = new Set<number>();
  for (let i = from + 1; i < headings.length; i++) {
    let signer = false;
    let dated = false;
    for (let l = headings[i - 1]!.line + 1; l < headings[i]!.line; l++) {
      const s = squeezed(text, lineStarts[l]!, lineEndAt(text, lineStarts, l), 24);
      if (s === undefined || s === '') continue;
      if (isSignerLine(s)) signer = true;
      else if (isDateLine(s)) dated = true;
    }
    if (signer && dated) cuts.add(i);
  }
  return cuts;
}
