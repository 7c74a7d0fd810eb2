/**
 * Text → report model: headings tree, scrape damage. Linear in the text: one pass over lines to find heading
 * candidates, one pass over the candidates to build the tree with an explicit stack.
 */
import { isCnNumeralCode, isIndent, isSentenceEnd, isHan, skipIndent, trimEnd } from './chars';
import { isChromeLine } from './chrome';
import { judgeRepair, redecodeShifted, type GbkCodec } from './gbk';
import { findGlosses, stripGlossRemnants, stripGlosses } from './gloss';
import { matchMarker, type MarkerMatch } from './markers';
import type { Damage, Heading, MarkerKind, ReportModel } from './model';

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

const LAW_RANK: Partial<Record<MarkerKind, number>> = { part: 1, subpart: 2, chapter: 3, section: 4, article: 5 };
const GLOSSARY_HEADER_MAX = 8;
/** An appendix whose title says it is a glossary: 附件：名词解释. */
const GLOSSARY_TITLE = /名词解释|名詞解釋|注释|註釋/;
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
const CANDIDATE_LINE = /^[ \t\u00a0\u2000-\u200b\u200d\u3000\ufeff]*(?:\*\*)?[#第一二三四五六七八九十百千万萬〇○零两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟Ｏ（(\u3220-\u3229\u2460-\u249b\u3251-\u325f0-9\uff10-\uff19附名注註?。]/;

/** Line starts after LF, CRLF and a lone CR, as editors count lines (a CR-only file has many lines, not one). */
function computeLineStarts(text: string): number[] {
  const starts = [0];
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

/** The next non-blank line within two lines below `line`, if any. */
function nextTextLine(text: string, lineStarts: readonly number[], line: number): TextLine | undefined {
  for (let l = line + 1; l < Math.min(lineStarts.length, line + 3); l++) {
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

/** Markers of GB/T list levels: their depth comes from the order in which they appear. */
function isListKind(kind: MarkerKind): boolean {
  return kind === 'cn' || kind === 'cnParen' || kind === 'num' || kind === 'numParen' || kind === 'circled' || kind === 'ordinal';
}

/** Lines that a one-byte-late GBK decoding leaves behind start with the trail of the lost lead byte. */
function looksMisaligned(s: string, p: number, end: number): boolean {
  const c = s.charCodeAt(p);
  return (c === 0x3f /* ? */ || c === 0x3002 /* 。 */) && end - p > 3;
}

/** Accept or reject a marker in its line's context. */
function acceptMarker(m: MarkerMatch, rest: string, prevArticle: number | undefined): boolean {
  switch (m.kind) {
    case 'article':
      // "第十条规定…" at a line start is a citation (often a hard-wrapped one: "第一百九十三條第二項之規定") unless the
      // numbering continues the articles before it and the text does not go on as a citation does
      return !m.glued || (prevArticle !== undefined && m.ordinal !== undefined && (m.ordinal === prevArticle + 1 || m.ordinal === prevArticle)
        && !CITATION_FOLLOWERS.includes(rest[0]!));
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
      return !m.glued || (rest.length <= 30 && !/[。，；,;]/.test(rest));
    case 'appendix':
      // 附件 / 附件1 / 附件：名称, but not a sentence that starts with 附表…
      return rest.length <= 40 && !/[。；;]/.test(rest) && (!m.glued || m.ordinal !== undefined || m.colon);
    case 'ordinal':
      // 第一、…  /  第一， on a line of its own (a run-in 第一，…。 is an enumeration inside a paragraph)
      if (rest.length === 0) return true;
      if (isCnNumeralCode(rest.charCodeAt(0))) return false; // 第一、二季度
      return !m.comma || (rest.length <= 60 && !/[。！？；;：:]/.test(rest));
    case 'num':
    case 'cn':
    case 'cnParen':
    case 'numParen':
    case 'circled':
      return rest.length > 0;
    default:
      return true;
  }
}

export function analyze(text: string, options: AnalyzeOptions = {}): ReportModel {
  const lineStarts = computeLineStarts(text);
  const damage: Damage[] = [];

  const glosses = findGlosses(text);
  const glossed = glosses.length >= GLOSS_DAMAGE_THRESHOLD;

  // Pass 1: heading candidates, line by line. Each is the heading it becomes (one object per heading; its strings
  // are made when first read).
  const context: Context = { text, lineStarts, glossed };
  const candidates: LazyHeading[] = [];
  let prevArticle: number | undefined;
  let glossary = false;

  // Only lines that start (after an indent) with a character some marker can start with are looked at; the
  // regular expression has no nested quantifier, so it cannot backtrack. `test` rather than `exec`: no match array
  // per line; the match ends on the line's first character after the indent, so lastIndex - 1 is on that line, and
  // lines come in order, so the line index only moves forward.
  const lineStartRe = new RegExp(CANDIDATE_LINE.source, 'gm');
  let line = 0;
  while (lineStartRe.test(text)) {
    const at = lineStartRe.lastIndex - 1;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= at) line++;
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, line));
    lineStartRe.lastIndex = Math.max(lineStartRe.lastIndex, end);
    let p = skipIndent(text, start, end);
    if (p >= end) continue;
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
      const rest = source.slice(m.textStart, sourceEnd);
      if (!acceptMarker(m, rest, prevArticle)) continue;
      if (m.kind === 'article') prevArticle = m.ordinal;
      if (m.kind === 'cn' || m.kind === 'appendix' || LAW_RANK[m.kind] !== undefined) glossary = m.kind === 'appendix' && GLOSSARY_TITLE.test(rest);
      if (glossary && (m.kind === 'num' || m.kind === 'numParen' || m.kind === 'circled')) continue;
      const added = new LazyHeading(
        context, m.kind, m.depth, m.ordinal, source.slice(m.start, m.end).trim(), line, start, headingStart,
        rest, repaired ? -1 : m.textStart, repaired ? -1 : end, md, repaired,
      );
      candidates.push(added);
      if (rest.length === 0 && (m.kind === 'ordinal' || m.kind === 'appendix')) {
        // a marker alone on its line: "第一、" takes the next line as its text; "附件2" shows it as its detail
        const next = nextTextLine(text, lineStarts, line);
        if (next && next.text[0] !== '#' && !matchMarker(text, next.p, next.end) && !isChromeLine(next.text)) {
          if (m.kind === 'ordinal' || m.colon) added.more = next.text; // 第一、 / 附件： promise their text
          else if (next.text.length <= 40 && !/[。；;]/.test(next.text) && !GLOSSARY_HEADERS.has(next.text)) added.rawDetail = next.text;
        }
      } else if (isListKind(m.kind) && headingStart === start && !repaired && !hasSentenceEnd(rest)) {
        added.more = continuationLines(text, lineStarts, line);
      }
      continue;
    }
    const whole = md > 0 || end - p <= GLOSSARY_HEADER_MAX ? text.slice(p, end) : '';
    if (GLOSSARY_HEADERS.has(whole)) {
      glossary = true;
      candidates.push(unmarked(context, 'appendix', 0, line, start, headingStart, whole, p, end, md));
      continue;
    }
    if (md > 0) {
      glossary = false;
      candidates.push(unmarked(context, 'markdown', md, line, start, headingStart, whole, p, end, md));
    }
  }

  // Laws: the numbered amendment history (沿革) between the title and the first 编/章/条 is not a section. Only a
  // preamble made of nothing but plain `1.` items is dropped, so a report with a law in its appendix keeps its headings.
  const firstLaw = candidates.findIndex((c) => LAW_RANK[c.kind] !== undefined);
  const preamble = firstLaw > 0 ? candidates.slice(0, firstLaw) : [];
  const history = preamble.length > 0 && preamble.every((c) => c.kind === 'num' && c.md === 0);
  const kept = history ? candidates.slice(firstLaw) : candidates;

  // The title: the first plausible line before the first heading.
  const headings: Heading[] = [];
  const firstLine = kept.length > 0 ? kept[0]!.line : lineStarts.length;
  let title: Heading | undefined;
  if (kept.length > 0 && kept[0]!.kind === 'markdown' && kept[0]!.depth === 1) {
    const c = kept.shift()!;
    title = makeTitle(text, c.line, c.start, c.headingStart, c.lineEnd, glossed);
  } else {
    title = findTitle(text, lineStarts, Math.min(firstLine, TITLE_SEARCH_LINES), glossed);
  }
  const mds: number[] = [];
  if (title) {
    headings.push(title);
    mds.push(1);
  }
  for (const c of kept) {
    headings.push(c);
    mds.push(c.md);
  }
  buildTree(headings, mds, title !== undefined);
  computeEnds(headings, text.length);

  if (glossed) for (const [a, b] of glosses) damage.push({ kind: 'pinyinGloss', start: a, end: b });
  damage.sort((a, b) => a.start - b.start);

  const roots: number[] = [];
  for (let i = 0; i < headings.length; i++) if (headings[i]!.parent < 0) roots.push(i);
  return { length: text.length, headings, roots, damage, lineStarts };
}

function makeTitle(text: string, line: number, start: number, headingStart: number, end: number, glossed: boolean): Heading {
  const name = cleanTitle(text.slice(headingStart, end), glossed);
  return {
    kind: 'title', depth: 0, level: 0, marker: '', ordinal: undefined, title: name, name, detail: '', line, start, headingStart, headingEnd: end,
    end: text.length, parent: -1, children: [], runIn: false, repaired: false,
  };
}

function findTitle(text: string, lineStarts: readonly number[], lines: number, glossed: boolean): Heading | undefined {
  for (let line = 0; line < lines; line++) {
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEndAt(text, lineStarts, line));
    let p = skipIndent(text, start, end);
    while (p < end && text.charCodeAt(p) === 0x23) p++;
    p = skipIndent(text, p, end);
    if (p >= end) continue;
    const s = text.slice(p, end);
    const plain = glossed ? stripGlosses(s) : s;
    if (isChromeLine(plain)) continue;
    if (plain.startsWith('—') || plain.startsWith('-')) continue; // a subtitle or dateline
    const last = plain[plain.length - 1]!;
    if (last === '：' || last === ':') return undefined; // the salutation: the body has begun
    if (plain.length > TITLE_MAX_LENGTH || /[。，,；;！？]/.test(plain)) return undefined;
    if (!hasHan(plain) || /^[\d０-９]/.test(plain) && /[日分]$/.test(plain)) continue; // a date line
    if (continuesSentence(text, lineStarts, line)) return undefined; // a fragment of a paragraph broken by a removed link
    return makeTitle(text, line, start, p, end, glossed);
  }
  return undefined;
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

/** The children of every heading that has none: frozen, so nothing can add to it by mistake. */
const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

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
}

/**
 * A heading whose strings (marker, title, name, detail) are made when first read: analysing a 10 MB report with
 * 50,000 headings then costs a few objects per heading, and the outline pays for the names it shows.
 */
class LazyHeading implements Heading, Candidate {
  readonly kind: MarkerKind;
  readonly depth: number;
  readonly ordinal: number | undefined;
  readonly line: number;
  readonly start: number;
  readonly headingStart: number;
  readonly repaired: boolean;
  readonly rawMarker: string;
  readonly rest: string;
  readonly restStart: number;
  readonly lineEnd: number;
  readonly md: number;
  more = '';
  rawDetail = '';
  level = 0;
  end: number;
  parent = -1;
  /** Shared and frozen while the heading has no children (most headings): one array fewer per leaf. */
  children: number[] = NO_CHILDREN;
  readonly #context: Context;
  #text: HeadingText | undefined;

  constructor(
    context: Context, kind: MarkerKind, depth: number, ordinal: number | undefined, rawMarker: string, line: number, start: number,
    headingStart: number, rest: string, restStart: number, lineEnd: number, md: number, repaired: boolean,
  ) {
    this.kind = kind;
    this.depth = kind === 'markdown' ? md : depth;
    this.ordinal = ordinal;
    this.line = line;
    this.start = start;
    this.headingStart = headingStart;
    this.repaired = repaired;
    this.rawMarker = rawMarker;
    this.rest = rest;
    this.restStart = restStart;
    this.lineEnd = lineEnd;
    this.md = md;
    this.end = context.text.length;
    this.#context = context;
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
  const isLaw = LAW_RANK[c.kind] !== undefined;
  let title: string;
  let detail = c.rawDetail;
  let runIn = false;
  let headingEnd: number;
  if (c.kind === 'article') {
    title = '';
    let body = c.rest;
    if (body.length === 0 && c.line + 1 < lineStarts.length) {
      // Taiwan: 第 1 條 on its own line, the text on the next
      const next = nextTextLine(text, lineStarts, c.line);
      if (next) body = next.text;
    }
    const first = cleanTitle(firstSentence(body).text, glossed);
    detail = first.length > DETAIL_MAX_LENGTH ? first.slice(0, DETAIL_MAX_LENGTH) + '…' : first;
    headingEnd = c.lineEnd >= 0 ? trimEnd(text, c.headingStart, c.restStart) : c.headingStart + c.rawMarker.length;
  } else {
    const fs = firstSentence(c.more ? c.rest + c.more : c.rest);
    runIn = fs.runIn;
    title = cleanTitle(fs.text, glossed);
    if (c.restStart >= 0) {
      headingEnd = c.restStart + Math.min(fs.text.length, c.rest.length);
    } else {
      headingEnd = trimEnd(text, c.headingStart, lineEndAt(text, lineStarts, c.line));
    }
  }
  const lastOfMarker = c.rawMarker.charCodeAt(c.rawMarker.length - 1);
  const spaced = (isLaw || c.kind === 'decimal' || c.kind === 'appendix') && lastOfMarker !== 0xff1a && lastOfMarker !== 0x3a;
  const marker = glossed ? stripGlosses(c.rawMarker) : c.rawMarker;
  const name = c.kind === 'markdown' || (c.kind === 'appendix' && marker === '') ? title : title ? marker + (spaced ? ' ' : '') + title : marker;
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
 * The stack holds indices into `headings`; `mds[i]` is the `#` depth of heading i's line (0 for a plain line).
 */
function buildTree(headings: Heading[], mds: readonly number[], hasTitle: boolean): void {
  const stack: number[] = [];
  if (hasTitle) stack.push(0);
  for (let i = hasTitle ? 1 : 0; i < headings.length; i++) {
    const h = headings[i]!;
    const md = mds[i]!;
    if (h.kind === 'markdown') {
      while (stack.length > 0) {
        const t = stack[stack.length - 1]!;
        if (headings[t]!.kind === 'title' || (mds[t]! !== 0 && mds[t]! < md)) break;
        stack.pop();
      }
    } else if (rankOf(h) !== undefined) {
      const rank = rankOf(h)!;
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
        const tr = rankOf(th);
        if (tr !== undefined ? tr < rank : mds[t]! > 0 && rank >= 4) break;
        stack.pop();
      }
    } else {
      let found = -1;
      for (let k = stack.length - 1; k >= 0; k--) {
        const t = stack[k]!;
        const th = headings[t]!;
        if (th.kind === h.kind) {
          found = k;
          break;
        }
        if (isListKind(th.kind) || (md > 0 && isPlainInner(th, mds[t]!))) continue;
        break;
      }
      if (found >= 0) {
        stack.length = found;
      } else if (md > 0) {
        while (stack.length > 0 && isPlainInner(headings[stack[stack.length - 1]!]!, mds[stack[stack.length - 1]!]!)) stack.pop();
      }
    }
    const parent = stack.length > 0 ? stack[stack.length - 1]! : -1;
    h.parent = parent;
    if (parent >= 0) {
      const ph = headings[parent]!;
      h.level = ph.level + 1;
      if (ph.children === NO_CHILDREN) (ph as LazyHeading).children = [i];
      else ph.children.push(i);
    } else {
      h.level = 0;
    }
    stack.push(i);
  }
}

/** A plain (non-`#`) list item, 条 or 节: such a line cannot enclose a `#` line. */
function isPlainInner(h: Heading, md: number): boolean {
  if (md > 0) return false;
  const rank = rankOf(h);
  return rank === undefined ? isListKind(h.kind) : rank >= 4 && rank < 10;
}

/** Rank of structural headings: appendix 0.5 (just under the title), law 1–5, decimal 10+depth. */
function rankOf(h: Heading): number | undefined {
  if (h.kind === 'appendix') return h.marker === '' ? 0.75 : 0.5; // a 名词解释 header may sit inside an 附件

  const law = LAW_RANK[h.kind];
  if (law !== undefined) return law;
  if (h.kind === 'decimal') return 10 + h.depth;
  return undefined;
}

/** Section end: the start of the next heading at the same or a higher level (monotonic stack, linear). */
function computeEnds(headings: Heading[], textLength: number): void {
  const open: Heading[] = [];
  for (const h of headings) {
    while (open.length > 0 && open[open.length - 1]!.level >= h.level) open.pop()!.end = h.start;
    open.push(h);
  }
  for (const h of open) h.end = textLength;
}
