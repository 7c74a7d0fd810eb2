/**
 * Finding the terms a document names and defines, from what real documents do (../shared/DOMAIN.md, the corpus):
 * quoted short noun phrases (“X”, 「X」), titles 《X》, and definitions with their defining text.
 *
 * Every pattern is found by `indexOf` or one sticky/global regular expression without nested quantifiers, then
 * checked by hand in a small window, so the whole pass is linear in the text.
 */
import { stripGlosses } from '../gloss';
import { isHan } from '../chars';
import { lineIndexOf } from '../lines';
import { isCue, stopsOf } from '../stops';
import { gbLevel, markerInfo, matchMarker } from '../markers';
import { analyze } from '../analyze';
import type { MarkerKind, ReportModel } from '../model';
import type { DefinitionKind } from './types';
import { forgetLastMatch, keepLastInstance } from './keepAlive';

/**
 * The quoted and titled spans (the content between the marks), as parallel arrays: one object per span was, with
 * 100,000 distinct quoted terms and more (quoted-distinct at 4 MB), that many more objects for the collector.
 */
export interface Spans {
  /** Whether each span is a title 《X》 (1) or quoted (0). */
  readonly title: number[];
  /** Offsets of the content (inside the marks). */
  readonly start: number[];
  readonly end: number[];
  /** The content, glosses stripped. */
  readonly spelling: string[];
}

/** A definition as found: the term's spelling and place, the defining text's place. */
export interface FoundDefinition {
  readonly kind: DefinitionKind;
  readonly spelling: string;
  readonly termStart: number;
  readonly termEnd: number;
  readonly textStart: number;
  readonly textEnd: number;
  readonly fullForm: string | undefined;
  readonly start: number;
  readonly end: number;
}

export interface Extraction {
  /** Quoted terms and titles, in document order (quoted sentences and speech are left out). */
  readonly spans: Spans;
  /** Definitions, in document order of the term, at most one per term position. */
  readonly definitions: readonly FoundDefinition[];
}

/** Quoted content longer than this is a quotation, not a term. */
export const MAX_QUOTED_TERM = 12;
const MAX_TITLE = 80;
const MAX_DEFINED_TERM = 30;
const MAX_FULL_FORM = 40;
/** A form field's name (出租方, 承租方, 甲方(出租方) aside) is at most this long. */
const FIELD_NAME_MAX = 8;

/** Only underscores and blanks between `s` and `e`: a blank a form leaves to fill (_______, ＿＿＿). */
function isFillBlank(text: string, s: number, e: number): boolean {
  let underscores = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f || c === 0xff3f) underscores++;
    else if (!isBlank(c)) return false;
  }
  return underscores > 0;
}
const MAX_LIST_LINES = 12;
const MAX_LIST_ITEMS = 60;

/** The opening marks (the cue pass's QUOTE_OPENERS) by code unit: [open, close, kind, how far the close may be]. */
type QuotePair = readonly [number, number, 'quoted' | 'title', number];
const QUOTE_PAIRS: readonly QuotePair[] = ([
  ['“', '”', 'quoted', MAX_QUOTED_TERM * 4],
  ['「', '」', 'quoted', MAX_QUOTED_TERM * 4],
  ['『', '』', 'quoted', MAX_QUOTED_TERM * 4],
  ['‘', '’', 'quoted', MAX_QUOTED_TERM * 4],
  ['《', '》', 'title', MAX_TITLE * 2],
] as const).map(([open, close, kind, limit]) => [open.charCodeAt(0), close.charCodeAt(0), kind, limit] as const);

/** The pair an opening mark starts, or undefined when `c` opens none. */
function quotePairOf(c: number): QuotePair | undefined {
  for (const pair of QUOTE_PAIRS) if (pair[0] === c) return pair;
  return undefined;
}
const OPEN_QUOTES = '“「『‘';
const CLOSE_QUOTES = '”」』’';

/** Characters a term never contains: sentence and clause punctuation, blanks, quote marks. */
const NOT_IN_TERM_CHARS = '，。！？；：,!?;:、\n\r\t 　“”「」『』‘’"…—';
const QUOTE_CHARS = '“”「」『』‘’';
/**
 * One byte per BMP code unit (asked for every character of every quoted span): NotInTerm for NOT_IN_TERM_CHARS, and
 * Quote too for the quote marks among them.
 */
const enum TermChar {
  NotInTerm = 1,
  Quote = 2,
}
const TERM_CHAR = new Uint8Array(0x10000);
for (let i = 0; i < NOT_IN_TERM_CHARS.length; i++) TERM_CHAR[NOT_IN_TERM_CHARS.charCodeAt(i)] = TermChar.NotInTerm;
for (let i = 0; i < QUOTE_CHARS.length; i++) TERM_CHAR[QUOTE_CHARS.charCodeAt(i)]! |= TermChar.Quote;
const SENTENCE_END = '。！？!?\n';
/** A code unit of SENTENCE_END (。！？!? and the line feed). */
function isSentenceEndCode(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;
}
const CLAUSE_END = '，。；：！？,;:!?\n︰';

/** 指 that starts a definition, not 指出 / 指导 / 指示 … */
const ZHI_NOT_DEFINING = '出导導引示明挥揮标標向定南望令控责責挥揮数數';
/** 即 that means "namely", not 即使 / 即将 / 即可 … */
const JI_NOT_NAMELY = '使便将將可刻日时時为為是达達比增占在每用提从從以于於与與视視应應须須';
/** Words an unquoted X of “X，即…” does not start with: demonstratives and conditionals. */
const DEMONSTRATIVES = '这這那此其该該本上下前后後每各如若凡但因惟倘';
const NUMERAL_CHARS = '〇零一二三四五六七八九十百千万萬亿億两兩点點0123456789０１２３４５６７８９%％';
/** Words a full form does not start with: verbs and prepositions before the noun phrase. */
const LEADING_WORDS = [
  '根据', '根據', '依据', '依據', '依照', '按照', '依法', '經依法', '经依法', '对于', '對於', '对', '對', '向', '由', '须经', '須經', '应经', '應經', '经', '經', '在', '将', '將', '把',
  '与', '與', '为', '為', '以', '从', '從', '自', '填写', '填寫', '颁发', '頒發', '设立', '設立', '成立', '建立', '制定', '编制了', '編制了', '编制', '編制',
  '印发', '印發', '提交', '报送', '報送', '取得', '确定', '確定', '出口', '进口', '進口', '应当', '應當', '可以', '必须', '必須', '了',
];

const KIND_RANK: Readonly<Record<DefinitionKind, number>> = {
  glossary: 0, list: 1, abbreviation: 2, meaning: 3, called: 4, quotedMeaning: 5, colon: 6, namely: 7,
};

/** Where a noun phrase may begin after: a conjunction, 的, or a party's role in a judgment. */
const PHRASE_JOINS = '与與和及同、的';
/**
 * What joins a noun phrase to its clause: a full form before (“簡稱”) starts after the last of them (a preposition, 的,
 * a measure word, a verb that takes a name). 和 / 及 / 、 join parts of one name (康樂及文化事務署) and do not cut.
 */
const JOINING_CHARS = '与與的向在于於由為为對对把將将從从以給给予至個个份';
/** Place names that open a body's full name before the part its abbreviation keeps (香港貿易發展局 → 貿發局). */
const PLACE_NAMES = ['香港', '澳門', '澳门', '內地', '内地', '中國', '中国', '國家', '国家', '全國', '全国', '特區', '特区'];
const JOINING_VERBS = ['包括', '委託', '委托', '公布了', '公布', '請', '请', '拓展', '推出', '成立', '設立', '设立', '邀請', '邀请'];
const PARTY_WORDS = ['原审原告', '原审被告', '原審原告', '原審被告', '被上诉人', '被上訴人', '上诉人', '上訴人', '被申请人', '被申請人', '申请人', '申請人', '第三人', '原告', '被告'];

/** True when the characters of `needle` occur in text[from, to) in order (中阳公司 in 中阳建设集团有限公司). */
function isSubsequence(needle: string, text: string, from: number, to: number): boolean {
  let k = 0;
  for (let i = from; i < to && k < needle.length; i++) if (text[i] === needle[k]) k++;
  return k === needle.length;
}

/** A 释义 list's intro (在本募集说明书中…下列词汇具有以下含义:) or its heading 释 义 alone on a line. */
const DEFINITIONS_INTRO = /下列(?:词汇|詞彙|词语|詞語|用语|用語|简称|簡稱|术语|術語)[^。]{0,12}(?:含义|含義|意义|意義)[：:]$|^(?:释|釋)\s*(?:义|義)$/;
/** A row of such a list: a short term, its colon and 指. */
const POINTER_ROW = /^[^。：:]{1,40}[：:]指/;
/** How many lines above a row its list's intro may stand (rows of a long list in between). */
const INTRO_SPAN = 60;

/** Header rows of a 释义 table, not terms. */
const TABLE_HEADERS = new Set(['释义项', '釋義項', '释义', '釋義', '词语', '詞語', '简称', '簡稱']);

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

const GLOSSARY_TITLE = /^(?:名词解释|名詞解釋|名词注释|名詞註釋|注释|註釋|注解|註解|附注|附註)[：:]?$/;
const LIST_INTRO = /定[义義]如下|下列用[语語]的?含[义義]|下列用[语語]，其含[义義]|下列用[词詞]的?含[义義]|下列[词詞][语語][和及与與]用[语語]的?含[义義]|如下含[义義]/g;
// The cue characters — opening quotes and title brackets; 称/稱 (以下简称, 所称, 稱X者); 即 (，即); 如 and 列 (定义如下,
// 下列用语的含义) — are found in the pass made for the citations too (stops.ts).

/**
 * A term as written: 2 to `max` characters, at least one Han, no punctuation or blanks; quote marks only when
 * `innerQuotes` (a glossary's 稳增长“21”条, 耕地林地园地空间治理“一张图”). One character is never a term: 稱家者，謂…
 * defines 家, but matching one character everywhere (國家) would be noise.
 */
export function isTermSpelling(s: string, max: number, innerQuotes = false): boolean {
  if (s.length < 2 || s.length > max) return false;
  let han = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const role = TERM_CHAR[c]!;
    if (role !== 0 && !(innerQuotes && (role & TermChar.Quote) !== 0)) return false;
    if (isHan(c)) han = true;
  }
  return han;
}

/**
 * A term written in Latin letters and digits (ESI, WTO, 5G, 1+5+N): a term only where the document defines it
 * explicitly, in a glossary entry or as an abbreviation (世界贸易组织（以下简称WTO）); quoted alone (“AI”) it is not.
 * Its uses are matched at word boundaries (see `isCodeTermKey`).
 */
export function isCodeTerm(s: string): boolean {
  if (s.length < 2 || s.length > 20 || !isCodeTermKey(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || s[i] === '+') return true; // a letter or a +, not only a number (2025)
  }
  return false;
}

/** Only ASCII letters, digits and + - & . (the first and last a letter, digit or +). */
export function isCodeTermKey(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
    const inner = c === 0x2b || ((c === 0x2d || c === 0x26 || c === 0x2e) && i > 0 && i < s.length - 1);
    if (!alnum && !inner) return false;
  }
  return true;
}

function allHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHan(s.charCodeAt(i))) return false;
  return s.length > 0;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0d || c === 0x200b || c === 0xfeff;
}

/** The defining text as a reader sees it: glosses stripped, line breaks and indents dropped, blanks collapsed. */
export function readableText(text: string, start: number, end: number, max = 400): string {
  const raw = stripGlosses(text.slice(start, Math.min(end, start + max * 3)));
  // most defining texts are one line without runs of blanks: the replacements would find nothing
  const s = (plainLine(raw) ? raw : raw
    .replace(/[ \t\u3000\u00a0\u200b\ufeff]*\r?\n[ \t\u3000\u00a0\u200b\ufeff\n]*/g, (gap, offset: number, all: string) =>
      listMarkerEnd(all, offset + gap.length, all.length) >= 0 ? ' ' : '')
    .replace(/[ \t\u00a0]{2,}/g, ' '))
    .trim();
  return s.length > max ? s.slice(0, max) + '…' : s;
}

/** Has `s` no line feed and no two of space, tab, no-break space in a row (nothing for readableText to replace)? */
function plainLine(s: string): boolean {
  let blank = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) return false;
    const b = c === 0x20 || c === 0x09 || c === 0xa0;
    if (b && blank) return false;
    blank = b;
  }
  return true;
}

/** What a released extractor points to instead of a document: the model of the empty text (same shape as any). */
let emptyModel: ReportModel | undefined;

class Extractor {

  #text: string;
  #model: ReportModel;
  readonly #definitions: FoundDefinition[] = [];

  constructor(text: string, model: ReportModel) {
    this.#text = text;
    this.#model = model;
    keepLastInstance(this);
  }

  run(): Extraction {
    // One pass over the text for every cue character (shared with the citation scan); the handlers look around
    // each hit.
    const text = this.#text;
    const quotes: number[] = [];
    const cues: number[] = [];
    const stops = stopsOf(text, this.#model);
    // (by code unit: text[p] would make a string of each of the 3,000 stops of a 1 MB report)
    for (let k = 0; k < stops.count; k++) {
      const p = stops.at[k]!;
      const c = text.charCodeAt(p);
      if (!isCue(c)) continue;
      if (quotePairOf(c) !== undefined) quotes.push(p);
      else cues.push(p);
    }
    const spans = this.#spans(quotes);
    for (let k = 0; k < spans.title.length; k++) if (spans.title[k] === 0) this.#afterQuote(spans.start[k]!, spans.end[k]!);
    for (const p of cues) {
      const c = text.charCodeAt(p);
      if (c === 0x79f0 /* 称 */ || c === 0x7a31 /* 稱 */) this.#atCalled(p);
      else if (c === 0x5373 /* 即 */) this.#namelyAt(p - 1);
      else this.#listAt(p);
    }
    this.#glossaries();
    this.#pointerRows();
    this.#bracketedNames(quotes);
    // At one term position, the most specific pattern wins: a glossary or list entry over the colon or 是指 it contains.
    // A glossary entry of a 、 list defines its first part and the whole at one position: both are kept.
    const definitions = this.#definitions.sort((a, b) => a.termStart - b.termStart || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.termEnd - b.termEnd);
    const unique: FoundDefinition[] = [];
    for (const d of definitions) {
      const last = unique[unique.length - 1];
      if (last !== undefined && last.termStart === d.termStart && !(last.kind === 'glossary' && d.kind === 'glossary' && last.termEnd < d.termEnd)) continue;
      unique.push(d);
    }
    return { spans, definitions: unique };
  }

  /**
   * Drops the document: keepLastInstance keeps this object alive until the next extraction, which must not keep the
   * text and model of a closed document with it (5 million characters: about 12 MB). The fields keep their types.
   */
  release(): void {
    this.#text = '';
    this.#model = emptyModel ??= analyze('');
    this.#definitions.length = 0;
    this.#headingLineSet = undefined;
  }

  // ------------------------------------------------------------------------------------------ lines

  #lineStart(offset: number): number {
    return this.#model.lineStarts[lineIndexOf(this.#model.lineStarts, offset)]!;
  }

  #lineEnd(offset: number): number {
    const starts = this.#model.lineStarts;
    const line = lineIndexOf(starts, offset);
    let end = line + 1 < starts.length ? starts[line + 1]! - 1 : this.#text.length;
    if (end > starts[line]! && this.#text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** The end of the sentence that starts at `from` (after its 。！？, or the line end unless the line is hard-wrapped). */
  #sentenceEnd(from: number): number {
    const text = this.#text;
    const limit = Math.min(text.length, from + 1200);
    // (by code unit: text[i] made a string of every character read)
    for (let i = from; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
        if (this.#wrapsAt(i)) continue;
        return i > from && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
      }
      if (isSentenceEndCode(c)) return i + 1;
    }
    return limit;
  }

  /**
   * Does the sentence go on after the line break at `nl`? Taiwan law text is hard-wrapped at a fixed width, even
   * inside a word (本法所稱行為人，係指…、設有\n代表人或管理人之…組織。): the line ends without punctuation, is no
   * heading, and the next line is text — not blank, not indented by a full-width space or a tab (a report's new
   * paragraph), no list marker, no heading.
   */
  #wrapsAt(nl: number): boolean {
    const text = this.#text;
    let e = nl;
    if (e > 0 && text.charCodeAt(e - 1) === 0x0d) e--;
    const last = text[e - 1];
    if (last === undefined || isBlank(last.charCodeAt(0)) || SENTENCE_END.includes(last) || '：:︰；;'.includes(last)) return false;
    const next = nl + 1;
    const c = text.charCodeAt(next);
    if (Number.isNaN(c) || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d) return false;
    const le = this.#lineEnd(next);
    let p = next;
    while (p < le && isBlank(text.charCodeAt(p))) p++;
    if (p === le || listMarkerEnd(text, p, le) >= 0) return false;
    const headings = this.#headingLines();
    const line = lineIndexOf(this.#model.lineStarts, nl);
    return !headings.has(line) && !headings.has(line + 1);
  }

  #headingLineSet: Set<number> | undefined;

  /** The lines on which a heading of the model starts. */
  #headingLines(): Set<number> {
    if (this.#headingLineSet === undefined) {
      const starts = this.#model.lineStarts;
      this.#headingLineSet = new Set(this.#model.headings.map((h) => lineIndexOf(starts, h.headingStart)));
    }
    return this.#headingLineSet;
  }

  /**
   * The defining text from `from`: to the end of its sentence; when the sentence introduces a list (ends with ：),
   * the list items on the following lines too.
   */
  #definingText(from: number): number {
    const text = this.#text;
    let end = this.#sentenceEnd(from);
    let last = end;
    while (last > from && isBlank(text.charCodeAt(last - 1))) last--;
    const tail = text[last - 1];
    if (tail !== '：' && tail !== ':' && tail !== '︰') return end;
    const starts = this.#model.lineStarts;
    let blanks = 0;
    let style: MarkerKind | undefined;
    for (let line = lineIndexOf(starts, from) + 1, items = 0; items < MAX_LIST_LINES && line < starts.length; line++) {
      const ls = starts[line]!;
      const le = this.#lineEnd(ls);
      let p = ls;
      while (p < le && isBlank(text.charCodeAt(p))) p++;
      if (p === le) {
        if (++blanks > 2) break;
        continue;
      }
      // the items of this list share one marker style; a marker of another style starts the next definition
      const itemStyle = listMarkerStyle(text, p, le);
      if (itemStyle === undefined && style !== undefined && text.startsWith('  ', ls)) {
        // a hard-wrapped item's continuation line (Taiwan law text: indented by ASCII spaces)
        blanks = 0;
        end = le;
        continue;
      }
      if (itemStyle === undefined || (style !== undefined && itemStyle !== style)) break;
      style = itemStyle;
      blanks = 0;
      items++;
      end = le;
    }
    return end;
  }

  #add(kind: DefinitionKind, termStart: number, termEnd: number, textStart: number, textEnd: number, fullForm?: string, start = termStart): void {
    const text = this.#text;
    while (termStart < termEnd && isBlank(text.charCodeAt(termStart))) termStart++;
    while (termEnd > termStart && isBlank(text.charCodeAt(termEnd - 1))) termEnd--;
    while (textEnd > textStart && isBlank(text.charCodeAt(textEnd - 1))) textEnd--;
    const spelling = stripGlosses(text.slice(termStart, termEnd));
    const plain = spelling.includes('、') ? spelling.replace(/、/g, '') : spelling;
    const spelled = isTermSpelling(plain, MAX_DEFINED_TERM, true) || ((kind === 'glossary' || kind === 'abbreviation') && isCodeTerm(plain));
    if (!spelled || textEnd <= textStart) return;
    this.#definitions.push({ kind, spelling, termStart, termEnd, textStart, textEnd, fullForm, start: Math.min(start, termStart), end: Math.max(textEnd, termEnd) });
  }

  // ------------------------------------------------------------------------------------------ quotes and titles

  /** Quoted terms and titles from the opening marks found by the cue pass (in document order). */
  #spans(openers: readonly number[]): Spans {
    const text = this.#text;
    const spans: Spans = { title: [], start: [], end: [], spelling: [] };
    for (const p of openers) {
      const open = text.charCodeAt(p);
      const [, closeCode, kind, limit] = quotePairOf(open)!;
      const max = Math.min(text.length, p + 1 + limit);
      let q = -1;
      let paren = false;
      for (let k = p + 1; k < max; k++) {
        const c = text.charCodeAt(k);
        if (c === closeCode) {
          q = k;
          break;
        }
        if (c === 0x0a || c === 0x0d || c === open) break;
        if (c === 0x28) paren = true;
      }
      if (q < 0) continue;
      const raw = text.slice(p + 1, q);
      const spelling = paren ? stripGlosses(raw).trim() : raw.trim();
      const ok = kind === 'title' ? spelling.length >= 2 && spelling.length <= MAX_TITLE : isTermSpelling(spelling, MAX_QUOTED_TERM);
      if (ok) {
        spans.title.push(kind === 'title' ? 1 : 0);
        spans.start.push(p + 1);
        spans.end.push(q);
        spans.spelling.push(spelling);
      }
    }
    return spans;
  }

  /** At 称/稱: an abbreviation （以下简称X）, a 所称X，是指…, or a 稱X者，謂…. */
  #atCalled(p: number): void {
    const text = this.#text;
    let k = p - 1;
    if ('简簡统統'.includes(text[k] ?? '')) k--;
    if (text.startsWith('以下', k - 1) || text.startsWith('下文', k - 1)) k -= 2;
    else if (text[k] === '下' && (text[k - 1] === '\n' || text[k - 1] === '\r')) {
      // a PDF's line broken inside the cue: (以 / 下简称“公司”)
      let b = k - 1;
      while (b > 0 && (text[b] === '\n' || text[b] === '\r')) b--;
      k = text[b] === '以' ? b - 1 : k - 1;
    } else if (text[k] === '下') k--;
    if (text[k] === '（' || text[k] === '(') {
      let cueEnd = p + 1;
      if ('：:︰'.includes(text[cueEnd] ?? '')) cueEnd++;
      this.#abbreviationAt(k, cueEnd);
    } else if (text[p - 1] === '所') {
      this.#meaningAt(p - 1);
    } else {
      this.#calledAt(p);
    }
  }

  /** “X”是指… / “X”，指… / “X”，即… / “X”：… (the colon only where the quote opens the line). */
  #afterQuote(termStart: number, termEnd: number): void {
    const text = this.#text;
    let p = termEnd + 1;
    while (p < text.length && isBlank(text.charCodeAt(p))) p++;
    const ch = text[p];
    if (ch === '：' || ch === ':' || ch === '︰') {
      if (!this.#opensLine(termStart - 1)) return;
      let from = p + 1;
      while (from < text.length && isBlank(text.charCodeAt(from))) from++;
      const end = text[from] === '\n' || text[from] === '\r' || from >= text.length ? from : this.#sentenceEnd(from);
      if (end > from) this.#add('colon', termStart, termEnd, from, end);
      return;
    }
    let comma = false;
    if (ch === '，' || ch === ',') {
      comma = true;
      p++;
      while (p < text.length && isBlank(text.charCodeAt(p))) p++;
    }
    const cue = definingCue(text, p);
    if (cue > 0) {
      this.#add('quotedMeaning', termStart, termEnd, p, this.#definingText(p));
      return;
    }
    if (comma && text[p] === '即' && !JI_NOT_NAMELY.includes(text[p + 1] ?? '')) {
      // the defining text is what follows 即
      this.#add('namely', termStart, termEnd, p + 1, this.#definingText(p + 1));
      return;
    }
    // a charter's “X”是… : only when the quoted term opens its sentence (他说“好”是对的 is no definition)
    if (!comma && text[p] === '是' && !'否不非'.includes(text[p + 1] ?? '') && this.#opensSentence(termStart - 1)) {
      this.#add('quotedMeaning', termStart, termEnd, p + 1, this.#definingText(p + 1));
    }
  }

  /** True when the quote at `q` opens a sentence: first on its line, or right after 。！？；. */
  #opensSentence(q: number): boolean {
    const prev = this.#text[q - 1];
    return prev === undefined || '。！？；;!?'.includes(prev) || this.#opensLine(q);
  }

  /** True when the quote at `q` is the first thing on its line (after an indent and an optional list marker). */
  #opensLine(q: number): boolean {
    const text = this.#text;
    const ls = this.#lineStart(q);
    let p = ls;
    while (p < q && isBlank(text.charCodeAt(p))) p++;
    if (p === q) return true;
    const m = listMarkerEnd(text, p, q + 1);
    if (m < 0) return false;
    p = m;
    while (p < q && isBlank(text.charCodeAt(p))) p++;
    return p === q;
  }

  // ------------------------------------------------------------------------------------------ （以下简称X）

  #abbreviationAt(bracket: number, cueEnd: number): void {
    const text = this.#text;
    {
      let p = cueEnd;
      while (p < text.length && isBlank(text.charCodeAt(p))) p++;
      // a PDF's text breaks the line after the cue (（以下简称 / “公司”）), with a blank line between
      for (let breaks = 0; breaks < 3 && (text[p] === '\n' || text[p] === '\r'); breaks++) {
        p++;
        while (p < text.length && (isBlank(text.charCodeAt(p)) || text[p] === '\n' || text[p] === '\r') && p - cueEnd < 8) p++;
      }
      // a title inside the quotes names a law: (以下简称“《公司法》”) — the term is the 《title》 within them
      const titled = OPEN_QUOTES.includes(text[p] ?? '') && text[p + 1] === '《';
      if (titled) p++;
      const opener = text[p] ?? '';
      // ASCII quotes where a scrape lost the curly ones: (以下简称"顺华隆公司")
      const ascii = opener === '"';
      const quoted = OPEN_QUOTES.includes(opener) || opener === '《' || ascii;
      const termStart = quoted ? p + 1 : p;
      let q = termStart;
      const limit = Math.min(text.length, termStart + MAX_DEFINED_TERM * 2);
      while (q < limit && !'）)”」』》\n，。；、'.includes(text[q]!) && !(ascii && text[q] === '"')) q++;
      if (q >= limit || q === termStart || '\n，。；、'.includes(text[q]!) || (ascii && text[q] !== '"')) return;
      const termEnd = q;
      if (quoted) q++;
      if (titled && CLOSE_QUOTES.includes(text[q] ?? '')) q++;
      if (text[q] !== '）' && text[q] !== ')') return;
      const first = text[termStart]!;
      if (!quoted && (first === '为' || first === '為' || first === '作')) return; // （称为…）, （称作…）: not an abbreviation
      const full = this.#fullFormBefore(bracket, text.slice(termStart, termEnd));
      if (full === undefined) return;
      this.#add('abbreviation', termStart, termEnd, full.start, full.end, full.display, full.start);
    }
  }

  /** The noun phrase just before an abbreviation's bracket: a 《title》, a quoted phrase, or the clause's noun phrase. */
  #fullFormBefore(bracket: number, abbreviation?: string): { start: number; end: number; display: string } | undefined {
    const text = this.#text;
    const before = text[bracket - 1] ?? '';
    if (before === '》' || CLOSE_QUOTES.includes(before)) {
      const open = before === '》' ? '《' : OPEN_QUOTES[CLOSE_QUOTES.indexOf(before)]!;
      // the opening mark within reach (a lastIndexOf over the whole text was quadratic where none opens)
      let o = bracket - 2;
      while (o >= 0 && bracket - o <= MAX_TITLE + 2 && text[o] !== open) o--;
      if (o < 0 || bracket - o > MAX_TITLE + 2 || /[\n\r]/.test(text.slice(o, bracket))) return undefined;
      return { start: o, end: bracket, display: stripGlosses(text.slice(o, bracket)) };
    }
    const ls = this.#lineStart(bracket);
    let s = bracket;
    while (s > ls && bracket - s < 120 && !CLAUSE_END.includes(text[s - 1]!)) s--;
    while (s < bracket && isBlank(text.charCodeAt(s))) s++;
    // an article or list marker at the start of the line is not part of the phrase
    const marker = matchMarker(text, s, Math.min(bracket, s + 20));
    if (marker !== undefined && (marker.kind === 'article' || markerInfo(marker.kind).listStyle !== undefined)) s = marker.textStart;
    const called = /所[称稱][的之]?/.exec(text.slice(s, bracket));
    if (called && bracket - (s + called.index + called[0].length) >= 2) s += called.index + called[0].length;
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of LEADING_WORDS) {
        if (text.startsWith(w, s) && bracket - s > w.length + 1) {
          s += w.length;
          changed = true;
          break;
        }
      }
    }
    if (bracket - s > MAX_FULL_FORM) s = bracket - MAX_FULL_FORM;
    if (bracket - s < 2) return undefined;
    // a form's blank to fill (出租方:_______(以下简称甲方)): the field's name before the colon is the full form
    if (isFillBlank(text, s, bracket)) return this.#fieldNameBefore(s);
    if (abbreviation !== undefined) s = this.#nounPhraseStart(s, bracket, abbreviation);
    return { start: s, end: bracket, display: stripGlosses(text.slice(s, bracket)) };
  }

  /** The name of the form field whose colon ends right before `s` (出租方 of 出租方:____), if it is a short Han name. */
  #fieldNameBefore(s: number): { start: number; end: number; display: string } | undefined {
    const text = this.#text;
    const colon = text[s - 1];
    if (colon !== '：' && colon !== ':') return undefined;
    const end = s - 1;
    const ls = this.#lineStart(end);
    let start = end;
    while (start > ls && end - start < FIELD_NAME_MAX + 4 && !CLAUSE_END.includes(text[start - 1]!)) start--;
    // (the name fills its field: from the line's start or the clause's, past an indent)
    if (start > ls && !CLAUSE_END.includes(text[start - 1]!)) return undefined;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    if (end - start < 2 || end - start > FIELD_NAME_MAX) return undefined;
    for (let i = start; i < end; i++) if (!isHanCode(text.charCodeAt(i))) return undefined;
    return { start, end, display: text.slice(start, end) };
  }

  /**
   * Where the full form begins inside a clause that names parties: after the last party word or conjunction (原告邹洪蛟与被告中阳建设集团
   * 有限公司 → 中阳建设集团有限公司; …会议室达成的…会议纪要 → …会议纪要) — the latest such cut whose tail still holds the
   * abbreviation's characters in order (中阳公司 in 中阳建设集团有限公司), so a full form is never cut short.
   */
  #nounPhraseStart(s: number, bracket: number, abbreviation: string): number {
    const text = this.#text;
    // only where parties are named (a judgment's 原告…与被告…): elsewhere 和 / 的 / 、 join parts of one noun phrase
    // (生产、储存…危险化学品的单位, 导弹相关物项和技术出口申请表)
    const clause = text.slice(s, bracket);
    if (!PARTY_WORDS.some((w) => clause.includes(w))) return s;
    let best = s;
    for (let i = s; i < bracket - 1; i++) {
      let cut = -1;
      if (PHRASE_JOINS.includes(text[i]!)) cut = i + 1;
      else for (const w of PARTY_WORDS) if (text.startsWith(w, i)) cut = i + w.length;
      if (cut > best && bracket - cut >= 2 && isSubsequence(abbreviation, text, cut, bracket)) best = cut;
    }
    return best;
  }

  // ------------------------------------------------------------------------------------------ 所称X，是指…

  /** At 所 of 所称/所稱. */
  #meaningAt(at: number): void {
    const text = this.#text;
    {
      let p = at + 2;
      if (text[p] === '的' || text[p] === '之') p++;
      const found = this.#termThenCue(p);
      if (found === undefined) return;
      const textEnd = this.#definingText(found.textStart);
      this.#addParts('meaning', found.termStart, found.termEnd, found.textStart, textEnd, at);
    }
  }

  /**
   * A term starting at `p` followed by a defining cue (，是指 / 是指 / ，指 / ，謂 / ，係指 / 即 / ，包括 / ，例示如下 /
   * 者，謂 …), within a short window and without crossing a clause end.
   */
  #termThenCue(p: number): { termStart: number; termEnd: number; textStart: number } | undefined {
    const text = this.#text;
    const quoted = OPEN_QUOTES.includes(text[p] ?? '');
    const termStart = quoted ? p + 1 : p;
    let limit = Math.min(text.length, termStart + MAX_DEFINED_TERM + 2);
    let cut = -1;
    for (let k = termStart + 1; k < limit; k++) {
      const ch = text[k]!;
      if (CLOSE_QUOTES.includes(ch)) {
        continue;
      }
      if (ch === '（' || ch === '(') {
        // 所称军用无线电固定设施电磁环境(以下简称军用电磁环境)，是指…: the term ends at the bracket
        // the closing bracket within 40 characters (an indexOf over the rest of the text was quadratic where none closes)
        const closer = ch === '（' ? '）' : ')';
        let close = k + 1;
        while (close < text.length && close - k <= 40 && text[close] !== closer) close++;
        if (close >= text.length || close - k > 40) return undefined;
        if (cut < 0) cut = k;
        limit = Math.min(text.length, close + 4);
        k = close;
        continue;
      }
      let termEnd = cut >= 0 ? cut : k;
      let q = k;
      if (ch === '，' || ch === ',') q++;
      while (q < text.length && isBlank(text.charCodeAt(q))) q++;
      const cue = definingCue(text, q);
      const inclusive = text.startsWith('包括', q) || text.startsWith('例示如下', q) || text.startsWith('如下', q) || (text[q] === '即' && !JI_NOT_NAMELY.includes(text[q + 1] ?? ''));
      // 本法所稱主管機關：在中央為內政部…: the colon introduces the definition
      const colon = ch === '：' || ch === '︰' || ch === ':';
      if (colon) {
        q = k + 1;
        while (q < text.length && isBlank(text.charCodeAt(q))) q++;
      }
      // 本章程所称其他高级管理人员包括副经理、财务负责人 (a charter's 所称X包括… without the comma)
      const includes = text.startsWith('包括', q) && k - termStart >= 2;
      if (cue > 0 || colon || (inclusive && (ch === '，' || ch === ',' || text[q] === '即' || text.startsWith('如下', q) || includes))) {
        if (CLOSE_QUOTES.includes(text[termEnd - 1]!)) termEnd--;
        if (text[termEnd - 1] === '者') termEnd--; // 所稱公務員者，謂…
        if (termEnd <= termStart) return undefined;
        return { termStart, termEnd, textStart: q };
      }
      if (CLAUSE_END.includes(ch)) return undefined;
    }
    return undefined;
  }

  /**
   * 本法所称以上、以下、以内，包括本数: one definition per term of a 、 list of short words; a longer phrase with a 、
   * (军用输油、输水管道) is one term.
   */
  #addParts(kind: DefinitionKind, termStart: number, termEnd: number, textStart: number, textEnd: number, start: number): void {
    const parts = enumerationParts(this.#text, termStart, termEnd);
    if (parts.length === 1 || parts.some(([s, e]) => e - s > 3)) {
      this.#add(kind, termStart, termEnd, textStart, textEnd, undefined, start);
      return;
    }
    for (const [s, e] of parts) this.#add(kind, s, e, textStart, textEnd, undefined, start);
  }

  // ------------------------------------------------------------------------------------------ 稱X者，謂…

  #calledAt(p: number): void {
    const text = this.#text;
    {
      const prev = text[p - 1] ?? '';
      if ('所简簡统統以下'.includes(prev) || prev === '（' || prev === '(') return;
      const limit = Math.min(text.length, p + 1 + MAX_DEFINED_TERM);
      let k = p + 1;
      while (k < limit && text[k] !== '者' && !CLAUSE_END.includes(text[k]!)) k++;
      if (text[k] !== '者' || k === p + 1) return;
      let q = k + 1;
      if (text[q] !== '，' && text[q] !== ',') return;
      q++;
      const cue = definingCue(text, q);
      const is = text[q] === '為' || text[q] === '为';
      if (cue <= 0 && !is) return;
      this.#add('called', p + 1, k, q, this.#definingText(q), undefined, p);
    }
  }

  // ------------------------------------------------------------------------------------------ 公有制，即…

  /** At the comma of ，即. */
  #namelyAt(comma: number): void {
    const text = this.#text;
    if (text[comma] === '）' || text[comma] === ')') {
      this.#glossedNamelyAt(comma);
      return;
    }
    if (text[comma] !== '，' && text[comma] !== ',') return;
    {
      const next = text[comma + 2] ?? '';
      if (JI_NOT_NAMELY.includes(next) || NUMERAL_CHARS.includes(next) || next === '\n' || next === '\r') return;
      if (CLOSE_QUOTES.includes(text[comma - 1] ?? '')) return; // “X”，即: see #afterQuote
      let s = comma;
      while (s > 0 && comma - s < 40 && !CLAUSE_END.includes(text[s - 1]!) && !'、”」』》）)“「'.includes(text[s - 1]!)) s--;
      // X is the whole clause when the clause opens a sentence or a line (（一）发表权，即…); inside a longer clause,
      // only the tail of a 是-sentence (…的基础是生产资料的社会主义公有制，即…; 党的领导是政治领导，即…).
      const clauseStart = s;
      const opensSentence = s === 0 || '。！？；;!?\n'.includes(text[s - 1]!) || this.#opensLine(s);
      // the last 是 of the clause (searched within it: a lastIndexOf over the whole text was quadratic)
      let is = comma - 1;
      while (is >= clauseStart && text[is] !== '是') is--;
      if (is >= clauseStart) {
        s = is + 1;
        for (let k = comma - 1; k > s; k--) {
          if (text[k] === '的') {
            s = k + 1;
            break;
          }
        }
      } else if (!opensSentence) {
        return;
      }
      const term = text.slice(s, comma);
      if (term.length < 2 || term.length > 8 || !allHan(term) || DEMONSTRATIVES.includes(term[0]!)) return;
      if ([...term].some((c) => NUMERAL_CHARS.includes(c))) return;
      const from = text[comma + 1] === '即' ? comma + 2 : comma + 1; // the defining text is what follows 即
      this.#add('namely', s, comma, from, this.#definingText(from));
    }
  }

  /**
   * 区块链（Blockchain）即… : a term with its foreign name in brackets, then 即. The term opens its sentence or line and
   * the brackets hold Latin letters only (a bracketed remark or an abbreviation of Chinese words is no such name).
   */
  #glossedNamelyAt(close: number): void {
    const text = this.#text;
    let open = close - 1;
    while (open > 0 && close - open <= 40 && /[A-Za-z .\-]/.test(text[open]!)) open--;
    if ((text[open] !== '（' && text[open] !== '(') || open === close - 1) return;
    let s = open;
    while (s > 0 && open - s < MAX_DEFINED_TERM && isHanCode(text.charCodeAt(s - 1))) s--;
    const opens = s === 0 || '。！？；;!?\n'.includes(text[s - 1]!) || this.#opensLine(s);
    if (!opens || open - s < 2 || DEMONSTRATIVES.includes(text[s]!)) return;
    const from = close + 2;
    this.#add('namely', s, open, from, this.#definingText(from));
  }

  // ------------------------------------------------------------------------------------------ 释义 tables: X<TAB>指<TAB>Y

  /**
   * 全稱("簡稱") / 全稱（“簡稱”） / 全稱（「簡稱」）: a bracket that holds nothing but a quoted short name right after a
   * noun phrase defines that name as its abbreviation (香港貿易發展局("貿發局"), 綜合社會保障援助("綜援"): Hong Kong
   * and Macau papers; 甲方（“买方”）: contracts). The full form is cut after the last word that joins it to its clause
   * (向香港貿易發展局 → 香港貿易發展局) where the rest still holds the name's characters in order.
   */
  #bracketedNames(quotes: readonly number[]): void {
    const text = this.#text;
    // the brackets before the quotes the cue pass found (“ 「 『 ‘), then those before an ASCII quote: ("…") and （"…"）.
    // The ASCII quotes are found by one indexOf of '"' and the bracket checked before each: a search for '（"' stops at
    // every （ of the text (0.34 ms for both brackets at 1 MB, against 0.01 ms for '"', which Chinese text rarely has).
    const brackets: number[] = [];
    for (const q of quotes) if (text[q - 1] === '(' || text[q - 1] === '（') brackets.push(q - 1);
    const wide: number[] = [];
    for (let q = text.indexOf('"', 1); q >= 0; q = text.indexOf('"', q + 1)) {
      const c = text.charCodeAt(q - 1);
      if (c === 0x28 /* ( */) brackets.push(q - 1);
      else if (c === 0xff08 /* （ */) wide.push(q - 1);
    }
    for (const b of wide) brackets.push(b);
    for (const b of brackets) {
      const q = text[b + 1] ?? '';
      const close = q === '"' ? '"' : OPEN_QUOTES.includes(q) ? CLOSE_QUOTES[OPEN_QUOTES.indexOf(q)]! : '';
      if (close === '' || b === 0) continue;
      const termStart = b + 2;
      const limit = Math.min(text.length, termStart + MAX_DEFINED_TERM + 1);
      let e = termStart;
      while (e < limit && text[e] !== close && !'\n"“”「」()（）'.includes(text[e]!)) e++;
      if (e >= limit || text[e] !== close || (text[e + 1] !== ')' && text[e + 1] !== '）')) continue;
      const name = text.slice(termStart, e);
      // a quoted or titled full form (“綜合社會保障援助”(“綜援”)) is whole as it stands; otherwise the clause before the
      // bracket, cut to the name (its leading 經 / 在 may be the name's: 經濟發展委員會("經委會"))
      let start: number;
      if (text[b - 1] === '》' || CLOSE_QUOTES.includes(text[b - 1]!)) {
        const full = this.#fullFormBefore(b);
        if (full === undefined) continue;
        start = full.start;
      } else {
        const ls = this.#lineStart(b);
        let c = b;
        while (c > ls && b - c < MAX_FULL_FORM * 2 && !CLAUSE_END.includes(text[c - 1]!) && text[c - 1] !== ')' && text[c - 1] !== '）') c--;
        while (c < b && isBlank(text.charCodeAt(c))) c++;
        const marker = matchMarker(text, c, Math.min(b, c + 20));
        if (marker !== undefined && (marker.kind === 'article' || markerInfo(marker.kind).listStyle !== undefined)) c = marker.textStart;
        start = this.#joinedPhraseStart(c, b, name);
        if (b - start > MAX_FULL_FORM || b - start < 2) continue;
      }
      this.#add('abbreviation', termStart, e, start, b, stripGlosses(text.slice(start, b)), start);
    }
  }

  /** The latest cut after a joining word (向, 的, 在, 與, 包括 …) whose tail still holds `name`'s characters in order. */
  #joinedPhraseStart(s: number, bracket: number, name: string): number {
    const text = this.#text;
    let best = s;
    for (let i = s; i < bracket - 1; i++) {
      let cut = JOINING_CHARS.includes(text[i]!) ? i + 1 : -1;
      if (cut < 0) for (const w of JOINING_VERBS) if (text.startsWith(w, i)) cut = i + w.length;
      if (cut > best && bracket - cut >= Math.max(2, name.length) && isSubsequence(name, text, cut, bracket)) best = cut;
    }
    // the name's first character usually opens its full form (社署: 例如社會福利署 → 社會福利署, 強積金: 要改良強制性公積金
    // → 強制性公積金): its first place that leaves the name's characters in order, with a place name kept before it
    // (港鐵: 香港鐵路有限公司)
    let f = best;
    while (f < bracket && !(text[f] === name[0] && isSubsequence(name, text, f, bracket))) f++;
    if (f > best && f < bracket && bracket - f > name.length) {
      for (const place of PLACE_NAMES) {
        const k = place.indexOf(name[0]!);
        const at = k > 0 ? f - k : f - place.length;
        if (at >= best && text.startsWith(place, at)) {
          f = at;
          break;
        }
      }
      best = f;
    }
    return best;
  }

  /**
   * A definition a row: `本公司<TAB>指<TAB>某某股份有限公司` (an annual report's 释义 table; cells split by TABs or runs of
   * blanks) and numbered ones inside a contract article (`１２．工期：指…`). The term is
   * the first cell (several names split by 、 are each defined); 指 stands alone as a cell or right after the colon.
   */
  #pointerRows(): void {
    const text = this.#text;
    const stops = stopsOf(text, this.#model);
    for (let k = 0; k < stops.pointerCount; k++) {
      const q = stops.pointers[k]!;
      let b = q;
      while (b > 0 && (text[b - 1] === '\t' || text[b - 1] === ' ' || text[b - 1] === '　')) b--;
      const blank = b < q;
      if (!blank && text[b - 1] === '是' && (text[b - 2] === '：' || text[b - 2] === ':')) b--; // 合同：是指…
      const colon = text[b - 1] === '：' || text[b - 1] === ':';
      if (!blank && !colon) continue;
      let a = q + 1;
      while (a < text.length && (text[a] === '\t' || text[a] === ' ' || text[a] === '　' || text[a] === '：' || text[a] === ':')) a++;
      if (!colon && a === q + 1) continue; // 指 inside a sentence, not a cell of its own
      const ls = this.#lineStart(q);
      let t = ls;
      while (t < b && isBlank(text.charCodeAt(t))) t++;
      const marker = Math.max(numberMarkerEnd(text, t, b), decimalMarkerEnd(text, t, b));
      // X：指 defines only as a numbered item (１２．工期：指…), or as a row of a 释义 list under its intro (下列词汇具有
      // 以下含义: / 释 义 above 本次发行:指本期债券的发行。), where a row may follow another on its line after its 。
      let listed = false;
      if (marker >= 0) t = marker;
      else if (colon && !blank) {
        if (!this.#underDefinitionsIntro(ls)) continue;
        listed = true;
        let stop = b;
        while (stop > t && text[stop - 1] !== '。') stop--;
        if (stop > t) t = stop;
      }
      while (t < b && isBlank(text.charCodeAt(t))) t++;
      let e = colon ? b - 1 : b;
      while (e > t && isBlank(text.charCodeAt(e - 1))) e--;
      if (e - t < 2 || e - t > MAX_DEFINED_TERM) continue;
      const term = text.slice(t, e);
      if (/[。，；;,\t“”「」]/.test(term) || TABLE_HEADERS.has(term)) continue;
      const le = this.#lineEnd(q);
      if (a >= le) continue;
      if (colon && listed) {
        // a row's first cell may name several terms (发行人、开元旅业集团、集团、公司): each is defined by the row
        const end = this.#definingText(a);
        for (const [ps, pe] of enumerationParts(text, t, e)) if (pe - ps >= 2) this.#add('colon', ps, pe, a, end, undefined, t);
        continue;
      }
      if (colon) {
        this.#addParts('colon', t, e, a, this.#definingText(a), t);
        continue;
      }
      // a table's first cell may name several terms: 平安银行、本行 — each is defined by the row
      for (const [ps, pe] of enumerationParts(text, t, e)) if (pe - ps >= 2) this.#add('glossary', ps, pe, a, le, undefined, t);
    }
  }

  /**
   * True when the lines above the one starting at `ls` are rows `X：指Y` (or blank) up to a 释义 list's intro: a line
   * with 下列…含义 (下列词汇具有以下含义:) or 释义 alone.
   */
  #underDefinitionsIntro(ls: number): boolean {
    const text = this.#text;
    const starts = this.#model.lineStarts;
    const line = lineIndexOf(starts, ls);
    for (let l = line - 1; l >= 0 && line - l <= INTRO_SPAN; l--) {
      const row = text.slice(starts[l]!, this.#lineEnd(starts[l]!)).trim();
      if (row === '') continue;
      if (DEFINITIONS_INTRO.test(row)) return true;
      if (!POINTER_ROW.test(row)) return false;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------ lists and glossaries

  /** 下列用语的含义： / 本法用詞，定義如下： then items 一、X：指… / （一）X，是指… */
  #listAt(cue: number): void {
    const text = this.#text;
    const starts = this.#model.lineStarts;
    // the cue pass stops at 如 (定义如下) and 列 (下列用语): is this the introduction of a list of definitions?
    const around = text.slice(Math.max(0, cue - 3), cue + 8);
    LIST_INTRO.lastIndex = 0;
    if (!LIST_INTRO.test(around)) return;
    {
      let line = lineIndexOf(starts, cue) + 1;
      let items = 0;
      let firstLead = -1;
      for (; line < starts.length && items < MAX_LIST_ITEMS; line++) {
        const ls = starts[line]!;
        const le = this.#lineEnd(ls);
        let p = ls;
        while (p < le && isBlank(text.charCodeAt(p))) p++;
        if (p === le) continue;
        let mk = listMarkerEnd(text, p, le);
        // a contract's clauses 1.1 / 1.2 (glued to the term: 1.2租赁物：指…), as long as they stay in the first one's
        // numbered item (2. 租金及支付 and its 2.1 are the next part, not definitions)
        let lead = -1;
        if (mk < 0 && (mk = decimalMarkerEnd(text, p, le)) >= 0) lead = Number.parseInt(text.slice(p, mk).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)), 10);
        if (mk < 0 || (items > 0 && lead !== firstLead)) break;
        if (items === 0) firstLead = lead;
        items++;
        const found = this.#itemTerm(mk, le);
        if (found !== undefined) this.#add('list', found.termStart, found.termEnd, found.textStart, le, undefined, found.termStart);
      }
    }
  }

  /** An item's term, up to ：/: or ，是指 / 是指 / ，指; undefined when the item defines nothing. */
  #itemTerm(p: number, le: number): { termStart: number; termEnd: number; textStart: number } | undefined {
    const text = this.#text;
    while (p < le && isBlank(text.charCodeAt(p))) p++;
    const limit = Math.min(le, p + MAX_DEFINED_TERM + 4);
    for (let k = p + 1; k < limit; k++) {
      const ch = text[k]!;
      if (CLOSE_QUOTES.includes(ch)) continue;
      let textStart = -1;
      if (ch === '：' || ch === ':' || ch === '︰') {
        textStart = k + 1;
        while (textStart < le && isBlank(text.charCodeAt(textStart))) textStart++;
      } else {
        const q = ch === '，' || ch === ',' ? k + 1 : k;
        if (definingCue(text, q) > 0) textStart = q;
        else if (CLAUSE_END.includes(ch)) return undefined;
      }
      if (textStart >= 0) {
        const [termStart, termEnd] = unquote(text, p, k);
        return { termStart, termEnd, textStart };
      }
    }
    return undefined;
  }

  /** 名词解释 / 注释 sections (headings of the model): `1.“两重”：是指…`, the term and its text possibly on separate lines. */
  #glossaries(): void {
    const text = this.#text;
    const starts = this.#model.lineStarts;
    for (const h of this.#model.headings) {
      // 名词解释, 注释：, 附：名词解释, 附件：名词解释 (the parser keeps their numbered entries out of the outline)
      if (h.kind !== 'appendix' || !GLOSSARY_TITLE.test(h.title.replace(/^附[：:]\s*/, ''))) continue;
      const first = lineIndexOf(starts, h.headingEnd) + 1;
      const last = lineIndexOf(starts, Math.max(h.headingEnd, h.end - 1));
      type Item = { termStart: number; termEnd: number; textStart: number; textEnd: number };
      let item: Item | undefined;
      const flush = (): void => {
        if (item !== undefined && item.textEnd > item.textStart) {
          this.#add('glossary', item.termStart, item.termEnd, item.textStart, item.textEnd, undefined, item.termStart);
          this.#glossaryParts(item.termStart, item.termEnd, item.textStart, item.textEnd);
        }
        item = undefined;
      };
      for (let line = first; line <= last && line < starts.length; line++) {
        const ls = starts[line]!;
        const le = this.#lineEnd(ls);
        let p = ls;
        while (p < le && isBlank(text.charCodeAt(p))) p++;
        if (p === le) continue;
        const mk = numberMarkerEnd(text, p, le);
        if (mk < 0) {
          // a continuation of the item's text (a broken line, or the text on the line after the term)
          if (item !== undefined) {
            if (item.textStart < 0) item.textStart = p;
            item.textEnd = le;
          }
          continue;
        }
        flush();
        let q = mk;
        while (q < le && isBlank(text.charCodeAt(q))) q++;
        const found = this.#itemTerm(q, le);
        if (found !== undefined) {
          item = { termStart: found.termStart, termEnd: found.termEnd, textStart: found.textStart, textEnd: le };
          if (item.textStart >= le) item.textStart = -1;
        } else if (le - q <= MAX_DEFINED_TERM + 2) {
          // the term alone on its line: “两重”
          let ts = q;
          let te = le;
          while (te > ts && isBlank(text.charCodeAt(te - 1))) te--;
          [ts, te] = unquote(text, ts, te);
          item = { termStart: ts, termEnd: te, textStart: -1, textEnd: -1 };
        }
      }
      flush();
    }
  }

  /**
   * A glossary entry that explains a 、 list of terms at once (［10］两个基地、两个枢纽、两个网络：…) while the body
   * quotes each of them (“两个基地”“两个枢纽”): each part is defined by the entry too, next to the whole (which the
   * body may write as it is: 五统一、一开放). Only when every part is a term of its own.
   */
  #glossaryParts(termStart: number, termEnd: number, textStart: number, textEnd: number): void {
    const text = this.#text;
    const parts = enumerationParts(text, termStart, termEnd).map(([s, e]) => unquote(text, s, e));
    if (parts.length < 2 || !parts.every(([s, e]) => isTermSpelling(stripGlosses(text.slice(s, e)), MAX_DEFINED_TERM))) return;
    for (const [s, e] of parts) this.#add('glossary', s, e, textStart, textEnd, undefined, termStart);
  }
}

/** The pieces of text[start, end) between its 、 (one piece, the whole, when there is none), as [start, end) pairs. */
function enumerationParts(text: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = start;
  for (let k = start; k <= end; k++) {
    if (k < end && text[k] !== '、') continue;
    parts.push([s, k]);
    s = k + 1;
  }
  return parts;
}

/** [start, end) without the quotes around it when one pair of quotes wraps the whole of it (“两重” → 两重). */
function unquote(text: string, start: number, end: number): [number, number] {
  const open = OPEN_QUOTES.indexOf(text[start] ?? '');
  if (open < 0 || end - start < 3 || text[end - 1] !== CLOSE_QUOTES[open]) return [start, end];
  const inner = text.slice(start + 1, end - 1);
  return inner.includes(CLOSE_QUOTES[open]!) ? [start, end] : [start + 1, end - 1];
}

/** Length of a defining cue at `p` (是指, 係指, 系指, 指, 謂, 谓), or 0. */
function definingCue(text: string, p: number): number {
  const ch = text[p];
  if (ch === '是' || ch === '係' || ch === '系') return text[p + 1] === '指' ? 2 : 0;
  if (ch === '指') return ZHI_NOT_DEFINING.includes(text[p + 1] ?? '') ? 0 : 1;
  if (ch === '謂' || ch === '谓') return 1;
  return 0;
}

/**
 * The end of a list item's marker at `p` (一、 壹、 甲、 （一） (一) ㈠ 1. 1． 1、 （1） (1) ⑴ ①: a kind with a list style
 * in the marker table), or -1.
 */
export function listMarkerEnd(text: string, p: number, end: number): number {
  const m = matchMarker(text, p, end);
  return m !== undefined && markerInfo(m.kind).listStyle !== undefined ? m.end : -1;
}

/** The list style of the item marker at `p` (壹、 is written like 一、, ㈠ like （一）: markers.ts), or undefined. */
function listMarkerStyle(text: string, p: number, end: number): MarkerKind | undefined {
  const m = matchMarker(text, p, end);
  return m === undefined ? undefined : markerInfo(m.kind).listStyle;
}

/**
 * The end of a numbered glossary marker at `p` (1. 1． 1、 （1） (1) ①, and the footnote style of 注释 sections whose
 * body marks uses with ［1］: ［1］ [1] 〔1〕), or -1.
 */
function numberMarkerEnd(text: string, p: number, end: number): number {
  // the numbered list levels of the marker table (1. 1． 1、 ⒈ （1） (1) ⑴ ①), then the footnote styles
  const m = matchMarker(text, p, end);
  if (m !== undefined && gbLevel(m.kind) >= 3) return m.end;
  const f = /^(?:［[0-9０-９]+］|\[[0-9０-９]+\]|〔[0-9０-９]+〕)/.exec(text.slice(p, Math.min(end, p + 8)));
  return f ? p + f[0].length : -1;
}

/**
 * The end of a decimal clause number and its blank at `p` (1.1.1.1 合同：是指… in a contract template; the blank may be
 * missing before Han text: 1.2租赁物：指…), or -1.
 */
function decimalMarkerEnd(text: string, p: number, end: number): number {
  const m = /^[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3}){1,4}(?:[ 　\t]|(?=[\u3400-\u9fff]))/.exec(text.slice(p, Math.min(end, p + 24)));
  return m ? p + m[0].length : -1;
}

export function extract(text: string, model: ReportModel): Extraction {
  const extractor = new Extractor(text, model);
  try {
    return extractor.run();
  } finally {
    extractor.release();
    forgetLastMatch();
  }
}
