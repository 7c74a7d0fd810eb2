/**
 * THE table of heading markers: every kind of marker the core knows (一、 （一） 1. （1） ① 壹、 甲、 I. 第X编/章/节/条,
 * Taiwan's 第 一 款 / 第 一 目 groups of articles, 附件, 3.1 …), with, per kind, the scanner that recognises it, how the parser accepts it in context, its rank and family,
 * how its number is written back (renumbering, messages), the punctuation the standard puts after it, and its LSP
 * symbol kind and label. Every consumer reads it: the parser (analyze.ts: the candidate line, acceptance, nesting),
 * the numbering and punctuation checks, the terms extractor's list items, the outline's symbols; the client's report
 * detection reads its copy in server/src/protocol/markers.ts, which test/unit/markers.test.ts holds equal to this one,
 * and the TextMate grammar (syntaxes/zh-report.tmLanguage.json) colours every kind's examples (test/unit/grammar.test.ts).
 *
 * The scanners are hand-written: linear, no backtracking. `matchMarker` dispatches on a line's first character
 * through one table built from the scanners' start characters, and `CANDIDATE_START` is the same set as a regular
 * expression character class.
 */
import type { MarkerKind } from './model';
import { cnNumeralCodes, cnNumeralValueAt, digitValue, isCloseParen, isCnNumeralCode, isHan, isIndent, skipIndent } from './chars';
import { MAX_CN, formatCnNumeral } from './checks/numerals';

/** LSP's SymbolKind values (the core imports no LSP library; test/unit/markers.test.ts checks them against it). */
export const LspSymbolKind = {
  File: 1, Module: 2, Namespace: 3, Package: 4, Class: 5, Method: 6, Property: 7, Field: 8, String: 15, Number: 16, EnumMember: 22,
} as const;

/**
 * What a marker numbers: `list` the GB/T 9704 levels and their relatives (一、 壹、 甲、 （一） 1. （1） ① 第一、 I.);
 * `law` the structure of laws (编 分编 章 节 条, Taiwan's 款 目 groups of articles); `section` the decimal sections of technical standards (3.1);
 * `appendix` 附件 / 附录; `title` the document's title; `plain` an unnumbered heading (label, sub-heading, Markdown).
 */
export type MarkerFamily = 'title' | 'list' | 'law' | 'section' | 'appendix' | 'plain';

/**
 * How the parser accepts a marker in its line's context (analyze.ts's acceptMarker):
 * `citable` 第X条 glued to its text may be a citation; `structure` 第X章 glued to its text only with a short title;
 * `group` 第 一 款 通則 only with a blank and a short title, and only between a Taiwan law's structure lines (a
 * mainland 第X款 is a paragraph, a line-start 第一款 a citation); `appendix` 附件 with a short title; `ordinal` 第一、
 * alone or run into a short line; `text` only with text after it; `run` only with text after it and in a run that
 * starts at its first number (I. II. III.: not an English "I." nor a numeral in prose); `any` always.
 */
export type MarkerAcceptance = 'citable' | 'structure' | 'group' | 'appendix' | 'ordinal' | 'text' | 'run' | 'any';

/** Which hand-written scanner recognises a kind (see `matchMarker`); `none` for kinds found without a marker. */
export type MarkerScanner = 'law' | 'numeral' | 'stem' | 'paren' | 'enclosed' | 'digits' | 'roman' | 'appendix' | 'none';

export interface MarkerKindInfo {
  readonly scanner: MarkerScanner;
  readonly accept: MarkerAcceptance;
  readonly family: MarkerFamily;
  /**
   * Place in the tree for kinds with a fixed one (see `fixedRank`): appendix 0.5, label 0.6, law 1 (编) – 5 (条) with
   * Taiwan's 款 and 目 groups of articles at 4.3 and 4.6 (between 節 and 條),
   * decimal 10 + its depth. Undefined for kinds that nest by the order in which they appear (`nestsByOrder`).
   */
  readonly rank: number | undefined;
  /** Nests by the order in which kinds appear (a kind already open closes back to its sibling, a new one opens a level). */
  readonly nestsByOrder: boolean;
  /** GB/T 9704 level: 一、 1, （一） 2, 1. 3, （1） 4, ① 5; 0 for every other kind. */
  readonly gbLevel: number;
  /** The list style of an item marker (壹、 is written like 一、); undefined for kinds that do not number list items. */
  readonly listStyle: MarkerKind | undefined;
  /** The punctuation GB/T 15834 puts after the marker ('' for none); undefined where it is not checked. */
  readonly separator: string | undefined;
  /**
   * The marker renumbered to `n` in its own style (`style`: markers of its siblings, for what one marker cannot tell:
   * 肆、 is both simplified and traditional); undefined when the style cannot hold `n`.
   */
  readonly restyle: ((marker: string, n: number, style: string) => string | undefined) | undefined;
  /** LSP SymbolKind of its outline entries (the icons tell the levels apart). */
  readonly symbolKind: number;
  /** What kind of marker it is, in Chinese (the outline's detail) and in English. */
  readonly label: string;
  readonly labelEn: string;
  /** Markers of this kind as documents write them (test/unit/markers.test.ts runs each through every consumer). */
  readonly examples: readonly string[];
}

/** Heavenly stems, the 甲、乙、 level of Taiwan judgments. */
export const STEMS = '甲乙丙丁戊己庚辛壬癸';
/** Formal (financial) numerals: 壹貳參 … 拾佰仟; 壹、 numbers a level above or beside 一、. */
export const FORMAL_NUMERALS = '壹贰貳叁參肆伍陆陸柒捌玖拾佰仟';
/** Units of law structure after 第X: 编 / 篇 (part), 章, 节, 条 (and 分编, 部分, read by the law scanner). */
const LAW_UNITS: Readonly<Record<string, MarkerKind>> = {
  '编': 'part', '編': 'part', '篇': 'part', '章': 'chapter', '节': 'section', '節': 'section', '条': 'article', '條': 'article',
};
export const LAW_UNIT_CHARS = Object.keys(LAW_UNITS).join('');
/**
 * Taiwan's groups of articles under a 節: 第 一 款 通則 > 第 一 目 共同財產制. Not in LAW_UNITS: elsewhere 第X款 is a
 * paragraph and 第X目 an item's sub-item, cited, never headings (the parser accepts these only in context).
 */
const GROUP_UNITS: Readonly<Record<string, MarkerKind>> = { '款': 'group', '目': 'subgroup' };
/** The two tables by character code (`s[q]` of a Han character is a new string, and a keyed lookup with it a hash). */
const LAW_UNIT_CODES = new Map(Object.entries(LAW_UNITS).map(([ch, kind]) => [ch.charCodeAt(0), kind]));
const GROUP_UNIT_CODES = new Map(Object.entries(GROUP_UNITS).map(([ch, kind]) => [ch.charCodeAt(0), kind]));

/** Roman numerals I … XXXIX (canonical forms only: IIII and VX are not numerals). */
const ROMAN_DIGITS: ReadonlyArray<readonly [string, number]> = [['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];
export const ROMAN_MAX = 39;

export function formatRoman(n: number): string | undefined {
  if (n < 1 || n > ROMAN_MAX) return undefined;
  let out = '';
  for (const [r, v] of ROMAN_DIGITS) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  return out;
}

/** The value of each canonical numeral (I → 1 … XXXIX → 39). */
const ROMAN_VALUE = new Map(Array.from({ length: ROMAN_MAX }, (_, i) => [formatRoman(i + 1)!, i + 1] as const));

const SIMPLIFIED_FORMAL: Readonly<Record<string, string>> = {
  '〇': '零', '一': '壹', '二': '贰', '三': '叁', '四': '肆', '五': '伍', '六': '陆', '七': '柒', '八': '捌', '九': '玖', '十': '拾', '百': '佰', '千': '仟', '万': '万',
};
const TRADITIONAL_FORMAL: Readonly<Record<string, string>> = { ...SIMPLIFIED_FORMAL, '二': '貳', '三': '參', '六': '陸', '万': '萬' };

/**
 * n in formal numerals (4 → 肆): traditional (貳 參 陸) unless `style` (the marker, or its siblings' markers) is
 * written with the simplified ones (贰 叁 陆).
 */
function formatFormal(n: number, style: string): string {
  const table = /[贰叁陆]/.test(style) ? SIMPLIFIED_FORMAL : TRADITIONAL_FORMAL;
  let out = '';
  for (const ch of formatCnNumeral(n)) out += table[ch] ?? ch;
  return out;
}

function formatDigits(n: number, fullWidth: boolean): string {
  const ascii = String(n);
  if (!fullWidth) return ascii;
  let out = '';
  for (const ch of ascii) out += String.fromCharCode(0xff10 + ch.charCodeAt(0) - 0x30);
  return out;
}

function enclosed(base: number, first: number, n: number, max: number): string | undefined {
  return n >= first && n <= max ? String.fromCharCode(base + n - first) : undefined;
}

/** A number written as the digits `digits` are (ASCII or full-width) or, when they are Chinese numerals, in Chinese. */
function likeNumber(digits: string, n: number): string {
  const c = digits.charCodeAt(0);
  if (isCnNumeralCode(c)) return formatCnNumeral(n);
  return formatDigits(n, c >= 0xff10 && c <= 0xff19);
}

/** 第X编 / 第 1 條 / 第１条 / 第十五条之一: the number replaced in the marker's own style (Chinese numerals or digits). */
function restyleLaw(marker: string, n: number): string | undefined {
  const m = /^(第\s*)([^\s\d０-９]+?|[\d０-９]+)(\s*)([-－][\d０-９]+)?(\s*)(分编|分編|部分|[编編篇章节節款目条條])/.exec(marker);
  if (!m) return undefined;
  return m[1]! + likeNumber(m[2]!, n) + m[3]! + m[5]! + m[6]!;
}

/** 3.1 / 3.1.2 / １．２: the last component replaced, in its width. */
function restyleDecimal(marker: string, n: number): string | undefined {
  const m = /([\d０-９]+)(\s*)$/.exec(marker);
  return m ? marker.slice(0, m.index) + likeNumber(m[1]!, n) + m[2]! : undefined;
}

/** 附件1 / 附件一 / 附录２：: the number replaced in its style; undefined for a marker with no number (附件). */
function restyleAppendix(marker: string, n: number): string | undefined {
  const m = /[\d０-９〇零一二三四五六七八九十百]+/.exec(marker.slice(2));
  return m ? marker.slice(0, 2 + m.index) + likeNumber(m[0], n) + marker.slice(2 + m.index + m[0].length) : undefined;
}

const RESTYLE: Partial<Record<MarkerKind, (marker: string, n: number, style: string) => string | undefined>> = {
  cn: (marker, n) => (n > MAX_CN ? undefined : formatCnNumeral(n) + marker[marker.length - 1]!),
  cnFormal: (marker, n, style) => (n > MAX_CN ? undefined : formatFormal(n, style) + marker[marker.length - 1]!),
  stem: (marker, n) => (n <= STEMS.length ? STEMS[n - 1]! + marker[marker.length - 1]! : undefined),
  stemParen: (marker, n) => (n <= STEMS.length ? marker[0]! + STEMS[n - 1]! + marker[marker.length - 1]! : undefined),
  cnParen: (marker, n) => {
    const c = marker.charCodeAt(0);
    if (c >= 0x3220 && c <= 0x3229) return enclosed(0x3220, 1, n, 10);
    return n > MAX_CN ? undefined : marker[0]! + formatCnNumeral(n) + marker[marker.length - 1]!;
  },
  num: (marker, n) => {
    const c = marker.charCodeAt(0);
    if (c >= 0x2488 && c <= 0x249b) return enclosed(0x2488, 1, n, 20);
    return formatDigits(n, c >= 0xff10 && c <= 0xff19) + marker[marker.length - 1]!;
  },
  numParen: (marker, n) => {
    const c = marker.charCodeAt(0);
    if (c >= 0x2474 && c <= 0x2487) return enclosed(0x2474, 1, n, 20);
    let i = 1;
    while (i < marker.length && digitValue(marker.charCodeAt(i)) < 0) i++;
    const full = i < marker.length && marker.charCodeAt(i) >= 0xff10;
    return marker[0]! + formatDigits(n, full) + marker[marker.length - 1]!;
  },
  numHalf: (marker, n) => formatDigits(n, marker.charCodeAt(0) >= 0xff10) + marker[marker.length - 1]!,
  circled: (_marker, n) => (n <= 20 ? enclosed(0x2460, 1, n, 20) : enclosed(0x3251, 21, n, 35)),
  ordinal: (marker, n) => marker.replace(/^第[〇一二三四五六七八九十百千两零]+/, '第' + formatCnNumeral(n)),
  roman: (marker, n) => {
    const r = formatRoman(n);
    return r === undefined ? undefined : r + marker[marker.length - 1]!;
  },
  part: restyleLaw, subpart: restyleLaw, chapter: restyleLaw, section: restyleLaw, group: restyleLaw, subgroup: restyleLaw, article: restyleLaw,
  decimal: restyleDecimal,
  appendix: restyleAppendix,
};

type Row = [
  scanner: MarkerScanner, accept: MarkerAcceptance, family: MarkerFamily, rank: number | undefined, gbLevel: number,
  listStyle: MarkerKind | undefined, separator: string | undefined, symbolKind: number, label: string, labelEn: string, examples: readonly string[],
];

const K = LspSymbolKind;
const ROWS: Readonly<Record<MarkerKind, Row>> = {
  // kind: [scanner, accept, family, rank, GB/T level, list style, separator, symbol kind, label, English label, examples]
  title:    ['none',     'any',       'title',    undefined, 0, undefined, undefined, K.File,    '标题', 'title', []],
  part:     ['law',      'structure', 'law',      1,     0, undefined,   undefined, K.Package,   '编', 'part', ['第一编', '第一編', '第 一 編', '第一篇', '第一部分', '第1编']],
  subpart:  ['law',      'structure', 'law',      2,     0, undefined,   undefined, K.Package,   '分编', 'sub-part', ['第一分编', '第一分編']],
  chapter:  ['law',      'structure', 'law',      3,     0, undefined,   undefined, K.Module,    '章', 'chapter', ['第一章', '第 一 章', '第1章', '第１章', '第四章之一']],
  section:  ['law',      'structure', 'law',      4,     0, undefined,   undefined, K.Namespace, '节', 'section', ['第一节', '第一節', '第 1 節']],
  group:    ['law',      'group',     'law',      4.3,   0, undefined,   undefined, K.Namespace, '款（条文组）', 'group of articles (款)', ['第 一 款', '第一款']],
  subgroup: ['law',      'group',     'law',      4.6,   0, undefined,   undefined, K.Namespace, '目（条文组）', 'sub-group of articles (目)', ['第 一 目', '第一目']],
  article:  ['law',      'citable',   'law',      5,     0, undefined,   undefined, K.Field,     '条', 'article', ['第一条', '第一條', '第 1 條', '第 174-1 條', '第十五条之一', '第１条', '第12条']],
  cn:       ['numeral',  'text',      'list',     undefined, 1, 'cn',    '、',      K.Class,     '汉字序号', 'Chinese numeral', ['一、', '十一、', '一百零一、']],
  cnFormal: ['numeral',  'text',      'list',     undefined, 0, 'cn',    '、',      K.Class,     '大写汉字序号', 'formal numeral', ['壹、', '貳、', '參、', '贰、', '叁、', '拾壹、']],
  stem:     ['stem',     'text',      'list',     undefined, 0, 'stem',  '、',      K.Class,     '天干序号', 'heavenly stem', ['甲、', '乙、', '丙、']],
  cnParen:  ['paren',    'text',      'list',     undefined, 2, 'cnParen', '',      K.Method,    '括号汉字序号', 'bracketed Chinese numeral', ['（一）', '(一)', '（十二）', '（壹）', '㈠']],
  stemParen: ['paren',   'text',      'list',     undefined, 0, 'stemParen', '',    K.Method,    '括号天干序号', 'bracketed heavenly stem', ['（甲）', '(乙)', '（丙）']],
  num:      ['digits',   'text',      'list',     undefined, 3, 'num',   '.',       K.Field,     '数字序号', 'Arabic numeral', ['1.', '1．', '１．', '12.', '⒈']],
  numParen: ['paren',    'text',      'list',     undefined, 4, 'numParen', '',     K.Property,  '括号数字序号', 'bracketed Arabic numeral', ['（1）', '(1)', '（１）', '⑴']],
  numHalf:  ['digits',   'text',      'list',     undefined, 0, 'numHalf', '',      K.Property,  '半括号数字序号', 'half-bracketed Arabic numeral', ['1）', '1)', '１）', '12）']],
  circled:  ['enclosed', 'text',      'list',     undefined, 5, 'circled', '',      K.EnumMember, '圈码序号', 'circled number', ['①', '⑳', '㉑']],
  roman:    ['roman',    'run',       'list',     undefined, 0, undefined, '.',     K.Class,     '罗马数字序号', 'Roman numeral', ['I.', 'II.', 'IV.', 'IX.', 'XIV.', 'I．']],
  ordinal:  ['law',      'ordinal',   'list',     undefined, 0, undefined, undefined, K.Class,   '第X序号', 'ordinal', ['第一、', '第二，']],
  decimal:  ['digits',   'any',       'section',  10,    0, undefined,   undefined, K.Number,    '多级编号', 'decimal section', ['3.1', '3.1.2', '１．２']],
  appendix: ['appendix', 'appendix',  'appendix', 0.5,   0, undefined,   undefined, K.File,      '附件', 'appendix', ['附件', '附件1', '附件一', '附件：', '附录', '附錄', '附表']],
  label:    ['none',     'any',       'plain',    0.6,   0, undefined,   undefined, K.Namespace, '无序号标题', 'unnumbered heading', []],
  subhead:  ['none',     'any',       'plain',    undefined, 0, undefined, undefined, K.Class,   '无序号小标题', 'unnumbered sub-heading', []],
  markdown: ['none',     'any',       'plain',    undefined, 0, undefined, undefined, K.String,  'Markdown 标题', 'Markdown heading', []],
};

function info(kind: MarkerKind, row: Row): MarkerKindInfo {
  const [scanner, accept, family, rank, gbLevel, listStyle, separator, symbolKind, label, labelEn, examples] = row;
  const nestsByOrder = family === 'list' || kind === 'subhead';
  return { scanner, accept, family, rank, nestsByOrder, gbLevel, listStyle, separator, restyle: RESTYLE[kind], symbolKind, label, labelEn, examples };
}

/** The table, by kind. */
export const MARKERS: Readonly<Record<MarkerKind, MarkerKindInfo>> = Object.fromEntries(
  (Object.keys(ROWS) as MarkerKind[]).map((k) => [k, info(k, ROWS[k])]),
) as Record<MarkerKind, MarkerKindInfo>;

export const MARKER_KINDS = Object.keys(MARKERS) as readonly MarkerKind[];

/** The GB/T 9704 list kinds by level: index 1 一、 … 5 ①; index 0 the title (the root above them). */
export const GB_LEVEL_KINDS: readonly MarkerKind[] = ['title', ...MARKER_KINDS.filter((k) => MARKERS[k].gbLevel > 0).sort((a, b) => MARKERS[a].gbLevel - MARKERS[b].gbLevel)];

/*
 * The predicates the parser calls per heading read Maps and Sets made from the table once (a Map or Set lookup is
 * inlined by the optimiser; a keyed load on MARKERS with a varying key is not, and cost analyze ~10% at 1 MB).
 */
const INFO = new Map(MARKER_KINDS.map((k) => [k, MARKERS[k]]));
const GB_LEVEL = new Map(MARKER_KINDS.map((k) => [k, MARKERS[k].gbLevel]));
const NESTS_BY_ORDER = new Set(MARKER_KINDS.filter((k) => MARKERS[k].nestsByOrder));
const LAW_KINDS = new Set(MARKER_KINDS.filter((k) => MARKERS[k].family === 'law'));
const RANK = new Map(MARKER_KINDS.map((k) => [k, MARKERS[k].rank]));

/*
 * Faster still, for the predicates that the parser and the checks call several times per heading (a text of headings
 * made them a tenth of its analysis): each kind has a slot in small arrays, found from its length and first and last
 * characters with a multiplier chosen when the module loads so that no two kinds share a slot; the kind stored in the
 * slot is compared (a pointer comparison for these constant strings), and anything else goes to the Maps.
 */
const SLOTS = 256;
function slotOf(kind: string, multiplier: number): number {
  return (Math.imul((kind.length << 16) ^ (kind.charCodeAt(0) << 8) ^ kind.charCodeAt(kind.length - 1), multiplier) >>> 24) & (SLOTS - 1);
}
function findMultiplier(): number {
  if (MARKER_KINDS.some((k) => !(MARKERS[k].gbLevel >= 0 && MARKERS[k].gbLevel < 16))) return 0; // four bits each, below
  for (let m = 0x9e3779b1, tries = 0; tries < 64; tries++, m = Math.imul(m, 0x85ebca6b) | 1) {
    const used = new Set(MARKER_KINDS.map((k) => slotOf(k, m)));
    if (used.size === MARKER_KINDS.length) return m;
  }
  return 0; // none found: the Maps answer
}
const MULTIPLIER = findMultiplier();
const SLOT_KIND: Array<MarkerKind | undefined> = new Array<MarkerKind | undefined>(SLOTS).fill(undefined);
const SLOT_INFO: Array<MarkerKindInfo | undefined> = new Array<MarkerKindInfo | undefined>(SLOTS).fill(undefined);
/** By slot: the GB/T level in bits 0–3, nestsByOrder in bit 4, law in bit 5. */
const SLOT_BITS = new Uint8Array(SLOTS);
if (MULTIPLIER !== 0) {
  for (const k of MARKER_KINDS) {
    const i = slotOf(k, MULTIPLIER);
    SLOT_KIND[i] = k;
    SLOT_INFO[i] = MARKERS[k];
    SLOT_BITS[i] = MARKERS[k].gbLevel | (MARKERS[k].nestsByOrder ? 16 : 0) | (MARKERS[k].family === 'law' ? 32 : 0);
  }
}
/** The slot of a kind, or -1 (not a kind, or no multiplier). */
function slot(kind: MarkerKind): number {
  const i = slotOf(kind, MULTIPLIER);
  return SLOT_KIND[i] === kind ? i : -1; // (every slot is empty without a multiplier)
}

/**
 * A byte per kind (its index in MARKER_KINDS): a heading table (headingTable.ts) keeps every heading's kind in a
 * Uint8Array, and the checks' passes over all headings read these tables instead of the heading objects.
 */
export const KIND_BY_CODE: readonly MarkerKind[] = MARKER_KINDS;
/** The code of a string that is no kind. */
export const NO_KIND_CODE = 255;
const KIND_CODE = new Map(MARKER_KINDS.map((k, i) => [k, i]));
/** By code: the GB/T 9704 level; law structure (1 or 0); the standard's separator after the marker. */
export const GB_LEVEL_BY_CODE = Uint8Array.from(MARKER_KINDS, (k) => MARKERS[k].gbLevel);
export const LAW_BY_CODE = Uint8Array.from(MARKER_KINDS, (k) => (MARKERS[k].family === 'law' ? 1 : 0));
export const SEPARATOR_BY_CODE: ReadonlyArray<string | undefined> = MARKER_KINDS.map((k) => MARKERS[k].separator);
/** The code of each slot (see `slot`). */
const SLOT_CODE = new Uint8Array(SLOTS).fill(NO_KIND_CODE);
if (MULTIPLIER !== 0) for (const k of MARKER_KINDS) SLOT_CODE[slotOf(k, MULTIPLIER)] = KIND_CODE.get(k)!;

/** The code of a kind (NO_KIND_CODE for a string that is no kind). */
export function kindCode(kind: MarkerKind): number {
  const i = slot(kind);
  return i >= 0 ? SLOT_CODE[i]! : KIND_CODE.get(kind) ?? NO_KIND_CODE;
}

/** The table's row of a kind (MARKERS[kind], by a lookup the optimiser inlines). */
export function markerInfo(kind: MarkerKind): MarkerKindInfo {
  const i = slot(kind);
  return i >= 0 ? SLOT_INFO[i]! : INFO.get(kind)!;
}

/** GB/T 9704 level of a kind (一、 1 … ① 5), 0 for the others. */
export function gbLevel(kind: MarkerKind): number {
  const i = slot(kind);
  return i >= 0 ? SLOT_BITS[i]! & 15 : GB_LEVEL.get(kind)!;
}

/** A kind that nests by the order in which kinds appear (the list family and speeches' sub-headings). */
export function nestsByOrder(kind: MarkerKind): boolean {
  const i = slot(kind);
  return i >= 0 ? (SLOT_BITS[i]! & 16) !== 0 : NESTS_BY_ORDER.has(kind);
}

/**
 * The fixed place of a heading in the tree: appendix 0.5 (0.75 for a 名词解释 header with no marker: it may sit inside
 * an 附件), label 0.6, law 1–5, decimal 10 + depth; undefined for kinds that nest by order.
 */
export function fixedRank(h: { readonly kind: MarkerKind; readonly depth: number; readonly marker: string }): number | undefined {
  const i = slot(h.kind);
  const rank = i >= 0 ? SLOT_INFO[i]!.rank : RANK.get(h.kind);
  if (rank === undefined) return undefined;
  if (h.kind === 'appendix' && h.marker === '') return 0.75;
  return h.kind === 'decimal' ? rank + h.depth : rank;
}

/** A law structure kind (编 分编 章 节 条, Taiwan's 款 目 groups): fixed ranks 1–5, numbered through the law. */
export function isLawKind(kind: MarkerKind): boolean {
  const i = slot(kind);
  return i >= 0 ? (SLOT_BITS[i]! & 32) !== 0 : LAW_KINDS.has(kind);
}

/**
 * The marker `marker` (of kind `kind`) renumbered to `n`, keeping its brackets, separator, numerals (壹 貳 or 壹 贰:
 * by `style`, the marker itself or its siblings' markers), digit width and enclosed-character style; undefined when
 * the style cannot hold `n` (㈩ stops at ten) or the kind has no number.
 */
export function restyleMarker(marker: string, kind: MarkerKind, n: number, style = marker): string | undefined {
  if (marker.length === 0 || n < 1) return undefined;
  return MARKERS[kind].restyle?.(marker, n, style);
}

/** The LSP symbol kind of each marker kind (the outline's icons). */
export const MARKER_SYMBOL_KINDS: Readonly<Record<MarkerKind, number>> = Object.fromEntries(
  MARKER_KINDS.map((k) => [k, MARKERS[k].symbolKind]),
) as Record<MarkerKind, number>;

/** What kind of marker a heading has, in Chinese (the outline's detail). */
export const MARKER_LABELS: Readonly<Record<MarkerKind, string>> = Object.fromEntries(
  MARKER_KINDS.map((k) => [k, MARKERS[k].label]),
) as Record<MarkerKind, string>;

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

/** The formal numerals by code unit (read per character of a marker: no one-character string made). */
const FORMAL_CODES = new Set([...FORMAL_NUMERALS].map((ch) => ch.charCodeAt(0)));

function isFormalNumeral(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!FORMAL_CODES.has(s.charCodeAt(i))) return false;
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
  // (read by character code: no one-character string made)
  const c = s.charCodeAt(q);
  // 第一、 / 第一， : an ordinal heading (only with a Chinese numeral)
  if (chinese && (c === 0x3001 /* 、 */ || c === 0xff0c /* ， */ || c === 0x2c)) return finish('ordinal', ordinal, p, q + 1, s, end);
  let kind: MarkerKind | undefined;
  const next = q + 1 < end ? s.charCodeAt(q + 1) : -1;
  if (c === 0x5206 /* 分 */ && (next === 0x7f16 /* 编 */ || next === 0x7de8 /* 編 */)) {
    kind = 'subpart';
    q += 2;
  } else if (c === 0x90e8 /* 部 */ && next === 0x5206 /* 分 */) {
    kind = 'part'; // 第一部分
    q += 2;
  } else {
    kind = LAW_UNIT_CODES.get(c);
    if (!kind) {
      // 第 一 款 通則 takes a blank before its title; 第2款、第41條… at a line start is a citation, not a marker at all
      kind = GROUP_UNIT_CODES.get(c);
      if (!kind || q + 1 >= end || !isIndent(s.charCodeAt(q + 1))) return undefined;
    }
    q++;
  }
  // 第X条之一, 第 四 章之一
  if (q < end && s.charCodeAt(q) === 0x4e4b /* 之 */) {
    const e2 = readCnNumeral(s, q + 1, end);
    if (e2 > q + 1) q = e2;
  }
  return finish(kind, ordinal, p, q, s, end);
}

/** 一、 (also the misuse 一. / 一．); 壹、 in formal numerals is a kind of its own. */
function numeralMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  const q = readCnNumeral(s, p, end);
  if (q < end && q - p <= 8) {
    const sep = s.charCodeAt(q);
    if (sep === 0x3001 || ((sep === 0x2e || sep === 0xff0e) && !(q + 1 < end && digitValue(s.charCodeAt(q + 1)) >= 0))) {
      const ordinal = cnNumeralValueAt(s, p, q);
      if (ordinal !== undefined && ordinal > 0) return finish(isFormalNumeral(s, p, q) ? 'cnFormal' : 'cn', ordinal, p, q + 1, s, end);
    }
    // 一 重要提示 / 二 公司基本情况 (a listed company's report summary): one blank, then a word (not 二 月 春 风, spaced out)
    if (sep === 0x20 && q - p <= 2 && q + 2 < end && isHan(s.charCodeAt(q + 1)) && isHan(s.charCodeAt(q + 2))) {
      const ordinal = cnNumeralValueAt(s, p, q);
      if (ordinal !== undefined && ordinal > 0 && ordinal <= 20 && !isFormalNumeral(s, p, q)) return finish('cn', ordinal, p, q + 1, s, end);
    }
  }
  return undefined;
}

/** 甲、 乙、 (not 甲、乙双方: a stem list inside a sentence). */
function stemMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  const stem = STEMS.indexOf(s[p]!);
  if (p + 2 < end && s.charCodeAt(p + 1) === 0x3001 && !STEMS.includes(s[p + 2]!)) return finish('stem', stem + 1, p, p + 2, s, end);
  return undefined;
}

/** （一） (一) （壹） （1） (1) （１） （甲） (乙). */
function parenMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  const q0 = skipIndent(s, p + 1, end);
  const stem = q0 < end ? STEMS.indexOf(s[q0]!) : -1;
  if (stem >= 0) {
    const q = skipIndent(s, q0 + 1, end);
    return q < end && isCloseParen(s.charCodeAt(q)) ? finish('stemParen', stem + 1, p, q + 1, s, end) : undefined;
  }
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

/** One enclosed character: ㈠ … ㈩, ① … ⑳, ㉑ … ㉟, ⑴ … ⒇, ⒈ … ⒛. */
const ENCLOSED: ReadonlyArray<readonly [first: number, last: number, kind: MarkerKind, firstNumber: number]> = [
  [0x3220, 0x3229, 'cnParen', 1],
  [0x2460, 0x2473, 'circled', 1],
  [0x3251, 0x325f, 'circled', 21],
  [0x2474, 0x2487, 'numParen', 1],
  [0x2488, 0x249b, 'num', 1],
];

function enclosedMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  const c = s.charCodeAt(p);
  for (const [first, last, kind, n] of ENCLOSED) if (c >= first && c <= last) return finish(kind, c - first + n, p, p + 1, s, end);
  return undefined;
}

/** 1. 1． １． 1、 1） and 3.1 / 3.1.2. */
function digitsMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  const dEnd = readDigits(s, p, end);
  if (dEnd - p > 3 || dEnd >= end) return undefined;
  const sep = s.charCodeAt(dEnd);
  if (sep === 0x3001) return finish('num', digitsValue(s, p, dEnd), p, dEnd + 1, s, end);
  // 1）实际收到金额小于… / 2) 资金… : a half bracket, then text on the same line (not `1)` alone, a cell)
  if (sep === 0xff09 || sep === 0x29) {
    const t = skipIndent(s, dEnd + 1, end);
    return t < end && digitValue(s.charCodeAt(t)) < 0 ? finish('numHalf', digitsValue(s, p, dEnd), p, dEnd + 1, s, end) : undefined;
  }
  // 1   本半年度报告摘要来自… (a report summary's numbered notes): two blanks or more, then a word that is no unit
  if (sep === 0x20 && dEnd - p <= 2) {
    const t = skipIndent(s, dEnd, end);
    if (t - dEnd >= 2 && t + 1 < end && isHan(s.charCodeAt(t)) && isHan(s.charCodeAt(t + 1)) && !UNIT_CHARS.includes(s[t]!)) {
      return finish('num', digitsValue(s, p, dEnd), p, dEnd, s, end);
    }
  }
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
  // 2.102 年聲監字第383 號 (a list item whose text starts with a Taiwan year, written with a blank before 年): the
  // second number is a year, not a section number
  if (depth === 2 && q - dEnd - 1 >= 2 && s.charCodeAt(t) === 0x5e74) return finish('num', digitsValue(s, p, dEnd), p, dEnd + 1, s, end);
  return finish('decimal', digitsValue(s, p, dEnd), p, q, s, end, depth);
}

/**
 * `1 本年度报告摘要来自…` (a filing's numbered notes with one blank after the number, as an exchange's template prints
 * them): one or two digits, one ASCII blank, then two Han characters of which the first is no unit. The shape of a
 * wrapped quantity too (3 万吨…), so only a run of them numbered 1, 2, 3 … tells (see analyze). Undefined otherwise.
 */
export function spacedNumber(s: string, p: number, end: number): MarkerMatch | undefined {
  const dEnd = readDigits(s, p, end);
  if (dEnd === p || dEnd - p > 2 || s.charCodeAt(dEnd) !== 0x20) return undefined;
  const t = dEnd + 1;
  if (t + 1 >= end || !isHan(s.charCodeAt(t)) || !isHan(s.charCodeAt(t + 1)) || UNIT_CHARS.includes(s[t]!)) return undefined;
  return finish('num', digitsValue(s, p, dEnd), p, dEnd, s, end);
}

/**
 * The numbers of a decimal section number glued to its text (1.1融资租赁：…, 5.2.1将租赁物…), no blank between: the
 * shape of a decimal quantity too (1.5倍, 3.5公里), so only the numbering around it can tell (see analyze). Undefined
 * when the line does not start so or a unit follows; `match` is the marker as a decimal section.
 */
export function gluedDecimal(s: string, p: number, end: number): { match: MarkerMatch; parts: number[] } | undefined {
  const parts: number[] = [];
  let q = p;
  for (;;) {
    const e = readDigits(s, q, end);
    if (e === q || e - q > 3) return undefined;
    parts.push(digitsValue(s, q, e));
    q = e;
    if (q < end && (s.charCodeAt(q) === 0x2e || s.charCodeAt(q) === 0xff0e)) q++;
    else break;
  }
  if (parts.length < 2 || parts.length > 4 || q >= end || !isHan(s.charCodeAt(q)) || UNIT_CHARS.includes(s[q]!) || MEASURE_WORDS.test(s.slice(q, q + 2))) return undefined;
  return { match: finish('decimal', parts[0], p, q, s, end, parts.length), parts };
}

/** I. II. IV. XIV. (and I．): a canonical Roman numeral and a dot, then text (the parser wants a run: `run`). */
function romanMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  let q = p;
  while (q < end && q - p <= 6 && 'IVX'.includes(s[q]!)) q++;
  if (q === p || q >= end || (s.charCodeAt(q) !== 0x2e && s.charCodeAt(q) !== 0xff0e)) return undefined;
  // I.5 / V.2: a number, not a marker
  if (q + 1 < end && digitValue(s.charCodeAt(q + 1)) >= 0) return undefined;
  const value = ROMAN_VALUE.get(s.slice(p, q));
  if (value === undefined) return undefined;
  return finish('roman', value, p, q + 1, s, end);
}

/** Units of measure after a decimal quantity (1.5公里, 2.3平方米, 0.8吨): never a clause's text. */
const MEASURE_WORDS = /^(?:公[里顷頃斤尺]|平方|千[米克瓦]|[米吨噸升])/;

/** What follows a number as its unit (10  月, 102 年, 3  个): a number, not a marker. */
const UNIT_CHARS = '年月日号號时時分秒个個万萬亿億元%％倍岁歲';

/** 附件 / 附件1 / 附件一 / 附件： / 附录 / 附錄 / 附表, and 附：相关法律条文 (the texts a judgment appends). */
function appendixMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  if (p + 1 >= end) return undefined;
  const n = s[p + 1];
  if (n === '：' || n === ':') return p + 2 < end ? finish('appendix', undefined, p, p + 2, s, end) : undefined;
  if (n !== '件' && n !== '录' && n !== '錄' && n !== '表') return undefined;
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

type Scan = (s: string, p: number, end: number) => MarkerMatch | undefined;

const DIGIT_CHARS = '0123456789０１２３４５６７８９';
const ENCLOSED_CHARS = ENCLOSED.map(([first, last]) => {
  let out = '';
  for (let c = first; c <= last; c++) out += String.fromCharCode(c);
  return out;
}).join('');

/** Each scanner and the characters a marker it recognises can start with. */
const SCANNERS: ReadonlyArray<readonly [MarkerScanner, string, Scan]> = [
  ['law', '第', lawMarker],
  ['numeral', cnNumeralCodes().map((c) => String.fromCharCode(c)).join(''), numeralMarker],
  ['stem', STEMS, stemMarker],
  ['paren', '（(', parenMarker],
  ['enclosed', ENCLOSED_CHARS, enclosedMarker],
  ['digits', DIGIT_CHARS, digitsMarker],
  ['roman', 'IVX', romanMarker],
  ['appendix', '附', appendixMarker],
];

/** The scanner of each first character (index into SCANNERS + 1; 0 for none): one array read per line. */
const SCANNER_OF = new Uint8Array(0x10000);
SCANNERS.forEach(([, starts], i) => {
  for (let k = 0; k < starts.length; k++) SCANNER_OF[starts.charCodeAt(k)] = i + 1;
});

/** The characters a marker can start with, as a regular expression character class body (code-unit escapes). */
export const MARKER_START_CLASS = SCANNERS.map(([, starts]) => starts).join('').split('')
  .map((ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/** True when a marker can start with this character code. */
export function canStartMarker(c: number): boolean {
  return SCANNER_OF[c] !== 0;
}

/**
 * The marker at `p` (the first non-indent character of a line ending at `end`), or undefined.
 * Does not decide context (a glued 第X条 may be a citation; the parser decides, see `MarkerKindInfo.accept`).
 */
export function matchMarker(s: string, p: number, end: number): MarkerMatch | undefined {
  if (p >= end) return undefined;
  const i = SCANNER_OF[s.charCodeAt(p)]!;
  return i === 0 ? undefined : SCANNERS[i - 1]![2](s, p, end);
}
