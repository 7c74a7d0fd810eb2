/**
 * Citations: the references a law, a regulation or a report makes to its own parts and to other documents,
 * read the way a lawyer reads them (see the README's notes on citations).
 *
 * - absolute: 第X条 / 第 12 條 / 第X条之一 / 第 1-1 條, with 第Y款 第Z项 第N目; 第X章(第Y节), 第X编, 第X部分; chains
 *   joined by 、 和 及 与 或 至 (第十二条至第十五条, 第一款、第三款), each element taking the units it leaves out from
 *   the element before it (第八條第一項、第二項 → 第八條第二項);
 * - relative: 本条 本款 本项 本章 本节 本编, 前款 前两款 前条 前两条 前项, 同条 同項 (the previous citation's unit); not 该条 /
 *   该项 ("that": 该项请求, 各该条 are generic);
 * - whose: 本法/本条例/本办法…第X条 is this document; 《X》第X条 and 民法第X條 / 刑法第X条 (a name ending in 法, 条例,
 *   办法 … written without 《》) are another document's; a chain keeps the document of its first element;
 * - reports: 附件N / 附表N / 见附件, 专栏N (a line that starts with 专栏N is the box itself);
 * - 《titles》 are collected as mentions (links to workspace files).
 *
 * Units differ by jurisdiction (DOMAIN.md): mainland 条 > 款 (paragraph) > 项 (item) > 目, Taiwan 條 > 項 (paragraph) >
 * 款 (item) > 目. A document is read as Taiwan's when it writes 條 and cites paragraphs as 項 (前項, 第X條第Y項) at least
 * as often as 款.
 *
 * Not citations: the heading markers themselves, the amendment history before a law's first 编/章/条 (it names other
 * instruments' articles), 第X届 / 第X次 / 第X个 / 第X日 (no unit), 条件 / 款项 / 项目 / 目标 / 章程 / 条例.
 *
 * One pass: a regular expression with a single character class finds the characters a citation can start with, and
 * a hand-written reader takes each from there, so the scan is linear and cannot backtrack.
 */
import { cnNumeralValue, cnNumeralValueAt, digitValue, isCnNumeralCode, isHan } from './chars';
import { lowerBound } from './lines';
import type { ReportModel } from './model';
import { doubled } from './arrays';
import { isCue, SELF_WORDS, type Stops, stopsOf } from './stops';

/** Citation levels, outermost first. */
export const enum Level {
  Part = 0,
  Chapter = 1,
  Section = 2,
  Article = 3,
  Paragraph = 4,
  Item = 5,
  SubItem = 6,
}
export const LEVEL_COUNT = 7;

/** How a citation is anchored. */
export type RelativeKind = 'none' | 'this' | 'previous' | 'same';

/** What a citation points at. */
export type CitationKind = 'law' | 'appendix' | 'box';

export interface Citation {
  /** The citation as written: from 本法/前/本/第 to its last unit (UTF-16 offsets). */
  readonly start: number;
  readonly end: number;
  readonly kind: CitationKind;
  /**
   * The units written, by `Level`; 0 where not written. An article, a chapter, a section or a part is `n * 100 + sub`
   * (第十条之一 → 1001, 第 1-1 條 → 101, 第五編之一 → 501). For an appendix, `values[0]` is its number (0: "见附件", the only one) and `values[1]` is 1 for 附表; for a box (专栏N), `values[0]` is N.
   */
  readonly values: readonly number[];
  /** Where the article unit is written (第十条之一), for renumbering; -1 when none is. */
  readonly articleStart: number;
  readonly articleEnd: number;
  readonly relative: RelativeKind;
  /** For a relative citation: the level of 本X / 前X / 同X, and for 前两款 the count (2). */
  readonly relativeLevel: Level;
  readonly count: number;
  /** The element before it in a chain (第八條第一項、第二項), whose units it inherits above its own first one; or -1. */
  readonly chainPrevious: number;
  /** -1: this document; otherwise an index into `CitationIndex.documents`. */
  readonly document: number;
}

/** A 《title》 in the text. */
export interface TitleMention {
  /** The whole 《…》. */
  readonly start: number;
  readonly end: number;
  /** The text between the brackets. */
  readonly title: string;
}

/** Another document named by citations: 《中华人民共和国民法典》, 民法, 刑法. */
export interface CitedDocument {
  /** The name as read (the title in 《》, or 刑法 from 依照刑法). */
  readonly name: string;
  /** For a name without 《》: the Han characters before 第 it was read from (a workspace title may be any suffix of it). */
  readonly context: string;
  /** True when written in 《》. */
  readonly bracketed: boolean;
  /** Whose law the name says it is when it is written with its country (中华人民共和国… / 中華民國…); undefined otherwise. */
  readonly country?: 'mainland' | 'taiwan';
}

/** A box of a report (专栏1 普陀区国土空间近期规划核心指标表): a line that starts with 专栏N. */
export interface Box {
  readonly value: number;
  /** The box's title line. */
  readonly start: number;
  readonly end: number;
}

export interface CitationIndex {
  /** In document order. */
  readonly citations: readonly Citation[];
  /** The report's boxes (专栏N lines), in document order. */
  readonly boxes: readonly Box[];
  readonly mentions: readonly TitleMention[];
  readonly documents: readonly CitedDocument[];
  /** True when units are read the Taiwan way (項 = paragraph, 款 = item). */
  readonly taiwan: boolean;
  /** The value citations give each 编/章/节/条 heading (n * 100 + sub; 0 for others), by heading index, read once for the scan. */
  readonly headingValues: Int32Array;
}


/** How the name of another document ends when it is written without 《》 (民法第X條, 刑法第X条). 规定 is left out:
 * "前款规定第X项" and "国家规定第X条" are not names. */
const NAME_SUFFIXES = ['法', '法典', '条例', '條例', '办法', '辦法', '细则', '細則', '规则', '規則', '通则', '通則', '准则', '準則', '公约', '公約', '条约', '條約'];
/** Leading words of a Han run that are not part of a document's name: 依照刑法 → 刑法. */
const NAME_LEADERS = [
  '审理', '審理', '执行', '執行', '超过', '超過', '提交', '审查', '審查', '行使', '不受', '无', '無',
  '符合', '具有', '认定', '認定', '遵守', '履行', '发生', '發生', '排除', '主张', '主張', '发现', '發現', '告知', '属于', '屬於', '存在', '不适用', '规定的', '了', '的', '将', '將', '把', '被', '向', '从', '從',
  '依照', '按照', '根据', '根據', '依据', '依據', '违反', '違反', '适用', '適用', '准用', '準用', '参照', '參照', '比照', '触犯', '觸犯', '构成', '構成',
  '规定', '規定', '以及', '或者', '除', '依', '照', '按', '据', '據', '及', '和', '与', '與', '或', '并', '並', '对', '對', '于', '於', '由', '经', '經',
  '即', '之', '在', '为', '為', '是', '有', '犯', '另', '亦', '应', '應', '得', '不', '仍', '者', '以', '係', '系', '如', '但', '且', '即',
];
/** The code units of `chars`, for lookups by `charCodeAt` (a Han character read as `text[i]` is a new string each time). */
function codeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** Characters before 前 that make it part of another word (目前, 当前, 事前 …): then 前条 is not a citation. */
const NOT_BEFORE_QIAN = codeSet('目当當事提以此生空眼面跟史向超日之从從先之前年月');
/** Characters before 本 that make it part of another word (基本, 成本, 根本 …). */
const NOT_BEFORE_BEN = codeSet('基根成资資样樣原版脚腳剧劇课課账賬标標范範文书書读讀话話日副正蓝藍底手资账样课绘繪剧母');
/** Characters before 同 that make it part of another word (共同, 相同, 合同 …). */
const NOT_BEFORE_TONG = codeSet('共相等如不协協会會合陪连連认認赞贊雷混同');
/** A unit followed by one of these is part of another word: 条件, 条例, 款项, 项目, 目标, 章程, 节约 … */
const NOT_AFTER: Readonly<Record<string, string>> = {
  '条': '件例款文约約', '條': '件例款文約', '款': '项項式子', '项': '目', '項': '目', '目': '标標的录錄前光', '章': '程', '节': '约約能日奏省目', '節': '约約能日奏省目',
  '编': '制写寫辑輯号號者码碼', '編': '制写寫辑輯号號者码碼',
};

/** What a parenthesis after a name says when it gives the name's short form: （以下简称本法）, （下稱本條例）. */
const SHORT_FORM = /^(?:以下|下)?(?:简称|簡稱|称|稱)/;

/** The law named last: 该法, 同條例, 前揭條例 … */
const ANAPHORA = ['该', '該', '同', '前揭', '上開', '上揭', '上述', '前述'].flatMap((w) => ['法', '条例', '條例'].map((x) => w + x));

/** The last characters of the names and of the anaphora. */
const NAME_SUFFIX_LAST = new Set(NAME_SUFFIXES.map((x) => x.charCodeAt(x.length - 1)));
const ANAPHORA_LAST = new Set(ANAPHORA.map((x) => x.charCodeAt(x.length - 1)));

/** What may follow an element of a chain and qualify it (第三條第二款本文, 第六項前段, 第一項但書). */
const QUALIFIERS = ['本文', '但書', '但书', '前段', '中段', '後段', '后段'];

/** Connectors that continue a chain: 、 和 及 与 或 至 到 ～ (以及, 或者 are read as 及 / 或 plus one character). */
const CHAIN = new Set('、和及与與或至到～~');

function unitLevel(ch: string, taiwan: boolean): Level | undefined {
  switch (ch) {
    case '编':
    case '編':
      return Level.Part;
    case '章':
      return Level.Chapter;
    case '节':
    case '節':
      return Level.Section;
    case '条':
    case '條':
      return Level.Article;
    case '款':
      return taiwan ? Level.Item : Level.Paragraph;
    case '项':
    case '項':
      return taiwan ? Level.Paragraph : Level.Item;
    case '目':
      return Level.SubItem;
    default:
      return undefined;
  }
}

/** `unitLevel` and `NOT_AFTER` by character code, for the scan (mainland levels; Taiwan swaps 款 and 項). */
const UNIT_LEVELS = new Map<number, Level>([...'编編章节節条條款项項目'].map((ch) => [ch.charCodeAt(0), unitLevel(ch, false)!]));
const NOT_AFTER_CODES = new Map<number, ReadonlySet<number>>(Object.entries(NOT_AFTER).map(([ch, after]) => [ch.charCodeAt(0), codeSet(after)]));

/** `unitLevel` by character code (UNIT_LEVELS, with 款 and 項 swapped for Taiwan). */
function unitLevelOfCode(c: number, taiwan: boolean): Level | undefined {
  const level = UNIT_LEVELS.get(c);
  if (level === undefined || !taiwan) return level;
  return level === Level.Paragraph ? Level.Item : level === Level.Item ? Level.Paragraph : level;
}

/** 两 / 兩: a numeral only as the first character (第三、第四兩款: 兩 counts the list). */
function isLiang(c: number): boolean {
  return c === 0x4e24 || c === 0x5169;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0;
}

function count(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/**
 * Taiwan terminology: 條 written, and paragraphs cited as 項 at least as often as 款. `traditional` when the caller knows
 * the text writes 條 (from its article headings).
 */
export function readsTaiwanStyle(text: string, traditional = false): boolean {
  // a simplified text has no 條: one search decides (bench: the five counts took a third of the index at 1 MB)
  if (!traditional && (!text.includes('條') || count(text, '條') <= count(text, '条'))) return false;
  const tw = count(text, '前項') + count(text, '項第');
  const ml = count(text, '前款') + count(text, '款第');
  return tw >= ml;
}

export interface Unit {
  readonly level: Level;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/** A 第X<unit> at p (第三十条之一, 第 1-1 條, 第五編之一, 第二款 …), or undefined. */
export function readUnit(text: string, p: number, taiwan: boolean): Unit | undefined {
  if (text.charCodeAt(p) !== 0x7b2c /* 第 */) return undefined;
  let q = p + 1;
  while (q < text.length && q - p < 3 && isSpace(text.charCodeAt(q))) q++;
  let value: number | undefined;
  let sub = 0;
  // a hard-wrapped text (a PDF's lines, a judgment) may break a citation anywhere: one break is stepped over, after 第,
  // inside the number or before the unit, when what follows it continues the citation
  let wrapped = false;
  const afterFirst = wrapEnd(text, q);
  if (afterFirst !== q && (isCnNumeralCode(text.charCodeAt(afterFirst)) || digitValue(text.charCodeAt(afterFirst)) >= 0 || isOpenParen(text.charCodeAt(afterFirst)))) {
    q = afterFirst;
    wrapped = true;
  }
  // 第（三）项: some laws write the item's number as its marker is written
  const paren = isOpenParen(text.charCodeAt(q));
  if (paren) {
    q++;
    const w = wrapped ? q : wrapEnd(text, q);
    if (w !== q && isCnNumeralCode(text.charCodeAt(w))) [q, wrapped] = [w, true];
  }
  const numStart = q;
  while (q < text.length && q - numStart < 10 && isCnNumeralCode(text.charCodeAt(q)) && (q === numStart || !isLiang(text.charCodeAt(q)))) q++;
  if (paren) {
    const numEnd = q;
    const w = wrapped ? q : wrapEnd(text, q);
    if (w !== q && (text.charCodeAt(w) === 0xff09 || text.charCodeAt(w) === 0x29)) [q, wrapped] = [w, true];
    const close = text.charCodeAt(q);
    if (numEnd === numStart || (close !== 0xff09 /* ） */ && close !== 0x29 /* ) */)) return undefined;
    value = cnNumeralValueAt(text, numStart, numEnd);
    q++;
  } else if (q > numStart) {
    const w = wrapped ? q : wrapEnd(text, q);
    if (w !== q && isCnNumeralCode(text.charCodeAt(w))) {
      // 第一百二⏎十条
      let e = w;
      while (e < text.length && e - w < 10 && isCnNumeralCode(text.charCodeAt(e))) e++;
      value = cnNumeralValue(text.slice(numStart, q) + text.slice(w, e));
      q = e;
      wrapped = true;
    } else {
      value = cnNumeralValueAt(text, numStart, q);
    }
  } else {
    while (q < text.length && q - numStart < 5 && digitValue(text.charCodeAt(q)) >= 0) q++;
    if (q === numStart || q - numStart > 4) return undefined;
    value = 0;
    for (let i = numStart; i < q; i++) value = value * 10 + digitValue(text.charCodeAt(i));
    // Taiwan 第 1-1 條
    const dash = text.charCodeAt(q);
    if (q + 1 < text.length && (dash === 0x2d || dash === 0xff0d) && digitValue(text.charCodeAt(q + 1)) >= 0) {
      let e = q + 1;
      while (e < text.length && e - q < 3 && digitValue(text.charCodeAt(e)) >= 0) e++;
      for (let i = q + 1; i < e; i++) sub = sub * 10 + digitValue(text.charCodeAt(i));
      q = e;
    }
  }
  if (value === undefined || value <= 0) return undefined;
  const numEnd = q;
  while (q < text.length && q - numEnd < 4 && isSpace(text.charCodeAt(q))) q++;
  if (!wrapped) {
    const w = wrapEnd(text, q);
    if (w !== q && isUnitChar(text[w] ?? '')) q = w;
  }
  if (q >= text.length) return undefined;
  const ch = text.charCodeAt(q);
  let level: Level | undefined;
  if (ch === 0x90e8 /* 部 */ && text.charCodeAt(q + 1) === 0x5206 /* 分 */) {
    level = Level.Part;
    q++;
  } else {
    level = unitLevelOfCode(ch, taiwan);
  }
  if (level === undefined) return undefined;
  if (q + 1 < text.length && NOT_AFTER_CODES.get(ch)?.has(text.charCodeAt(q + 1))) return undefined;
  q++;
  if (level <= Level.Article) {
    // 第十条之一, 第五編之一 (and not 第十条之规定)
    const zhi = wrapped ? q : wrapEnd(text, q); // 第四條⏎之一
    if (text.charCodeAt(zhi) === 0x4e4b /* 之 */) {
      const from = wrapped || zhi !== q ? zhi + 1 : wrapEnd(text, zhi + 1); // 第四條之⏎一
      let e = from;
      while (e < text.length && e - from < 3 && isCnNumeralCode(text.charCodeAt(e))) e++;
      const s = e > from ? cnNumeralValueAt(text, from, e) : undefined;
      if (s !== undefined && s > 0 && s < 100) {
        sub = s;
        q = e;
      }
    }
    return { level, value: value * 100 + Math.min(sub, 99), start: p, end: q };
  }
  return { level, value, start: p, end: q };
}

/** How many names the scan has looked up for a name written without 《》 (for the test that it stays linear). */
let nameProbes = 0;

/** The number of name lookups `indexCitations` has made in this process: at most 29 per citation, however many documents it names. */
export function citationNameProbes(): number {
  return nameProbes;
}

/** Polynomial hash (Horner, base HASH_BASE, mod 2^32) of `text` [from, to). */
const HASH_BASE = 0x01000193;
function hashRange(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, HASH_BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * The names of cited documents and what each names (see `Scanner.documentId`): an open-addressing table of names by
 * hash, in typed arrays. A name is looked up from the text it is written in, without cutting it out: a lookup is one
 * probe into an array of hashes (the name's characters are compared only when the hash matches), where a Map of
 * strings needed a new string per lookup and three dependent loads per probe (bucket, entry, key) in tables that
 * outgrow the caches when thousands of laws are named (laws-cited at 4 MB: 51,000 names).
 */
class NameTable {
  /** By table position: the hash of the name there, and its slot (-1: empty). */
  #hashes: Int32Array = new Int32Array(256);
  #at: Int32Array = new Int32Array(256).fill(-1);
  /** By slot, in the order names were first seen. */
  readonly names: string[] = [];
  bracketedOf: Int32Array = new Int32Array(64);
  plainOf: Int32Array = new Int32Array(64);
  firstOf: Int32Array = new Int32Array(64);

  /** The slot of `text` [from, to) whose hash is `h`, or -1. */
  find(h: number, text: string, from: number, to: number): number {
    const mask = this.#at.length - 1;
    const n = to - from;
    for (let i = mix(h) & mask; ; i = (i + 1) & mask) {
      const slot = this.#at[i]!;
      if (slot < 0) return -1;
      if (this.#hashes[i] !== h) continue;
      const name = this.names[slot]!;
      if (name.length === n && (n === text.length ? name === text : text.startsWith(name, from))) return slot;
    }
  }

  /** The slot of `name`, made when new (no document yet). */
  slot(name: string): number {
    const h = hashRange(name, 0, name.length);
    const found = this.find(h, name, 0, name.length);
    if (found >= 0) return found;
    const slot = this.names.length;
    this.names.push(name);
    if (slot === this.firstOf.length) {
      this.bracketedOf = doubled(this.bracketedOf);
      this.plainOf = doubled(this.plainOf);
      this.firstOf = doubled(this.firstOf);
    }
    this.bracketedOf[slot] = this.plainOf[slot] = this.firstOf[slot] = -1;
    if (2 * (slot + 1) > this.#at.length) this.#grow();
    this.#insert(h, slot);
    return slot;
  }

  #insert(h: number, slot: number): void {
    const mask = this.#at.length - 1;
    let i = mix(h) & mask;
    while (this.#at[i]! >= 0) i = (i + 1) & mask;
    this.#at[i] = slot;
    this.#hashes[i] = h;
  }

  #grow(): void {
    const hashes = this.#hashes;
    const at = this.#at;
    this.#hashes = new Int32Array(at.length * 2);
    this.#at = new Int32Array(at.length * 2).fill(-1);
    for (let i = 0; i < at.length; i++) if (at[i]! >= 0) this.#insert(hashes[i]!, at[i]!);
  }
}

/** Spreads a hash's bits before it is cut to a table position. */
function mix(h: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return x ^ (x >>> 16);
}

/** The hashes of every suffix of a run of at most 30 characters (`suffixHashes[k]`: of run[k..]), reused. */
const suffixHashes = new Int32Array(32);

class Scanner {
  readonly citations: Citation[] = [];
  readonly boxes: Box[] = [];
  readonly mentions: TitleMention[] = [];
  readonly documents: CitedDocument[] = [];
  /**
   * Documents by name, in one table: each name (the stripped name, without 《》) has a slot, and the slot says which
   * document it names when written in 《》, which when written without, and the first document read under it (a name
   * of two or more characters, for the names written without 《》 that `nameBefore` looks up). A name written without
   * 《》 that starts with 《 is the bracketed one's (the key 《 + name). One table looked up once per citation: three maps
   * (one per kind of key) cost three probes into tables that outgrow the caches when thousands of laws are named.
   */
  readonly #names = new NameTable();
  /** The end of the last citation: a name is looked for only after it. */
  #lastEnd = 0;
  /** The last other document named in this paragraph (for 该法 / 同法). */
  #lastDocument = -1;
  #lastDocumentLine = -1;
  /** Offsets of every \n and \r, ascending (built on the first `lineOf`). */

  constructor(
    readonly text: string,
    readonly taiwan: boolean,
    readonly selfTitles: readonly string[],
    readonly lineStarts: readonly number[],
    /** For implementing rules (X法施行細則, X法实施条例): the law X they implement, whose 本法 / 本條例 they write; '' otherwise. */
    readonly parentLaw = '',
  ) {}

  unitAt(p: number): Unit | undefined {
    return readUnit(this.text, p, this.taiwan);
  }

  /**
   * A list of numbers sharing one unit: 第三、第四兩款 / 第十四至第十七项 / 第三、四款. Each number becomes a unit of its own
   * (the last one spans the unit character); the caller makes the first a citation and `chain` takes the rest.
   */
  sharedUnit(p: number): Unit[] {
    const text = this.text;
    const numbers: Array<{ start: number; end: number; value: number }> = [];
    let q = p;
    for (let guard = 0; guard < 12; guard++) {
      const s = q;
      if (text.charCodeAt(q) === 0x7b2c /* 第 */) q++;
      const n0 = q;
      while (q < text.length && q - n0 < 10 && isCnNumeralCode(text.charCodeAt(q)) && (q === n0 || !isLiang(text.charCodeAt(q)))) q++;
      if (q === n0) return [];
      const value = cnNumeralValueAt(text, n0, q);
      if (value === undefined || value <= 0) return [];
      numbers.push({ start: s, end: q, value });
      // (by code unit: text[q] made a string for every number read)
      const sep = text.charCodeAt(q);
      if ((sep === 0x3001 /* 、 */ || sep === 0x81f3 /* 至 */ || sep === 0x53ca /* 及 */ || sep === 0x6216 /* 或 */ || sep === 0x548c /* 和 */) && q + 1 < text.length) {
        q++;
        continue;
      }
      break;
    }
    if (numbers.length < 2) return [];
    if (isLiang(text.charCodeAt(q)) || text[q] === '各') q++;
    const ch = text[q];
    const level = ch === undefined ? undefined : unitLevel(ch, this.taiwan);
    if (level === undefined || level === Level.Article && text[q + 1] === '例') return [];
    this.#pendingShared = numbers.slice(1).map((n, i) => ({ level, value: level <= Level.Article ? n.value * 100 : n.value, start: n.start, end: i === numbers.length - 2 ? q + 1 : n.end }));
    const first = numbers[0]!;
    return [{ level, value: level <= Level.Article ? first.value * 100 : first.value, start: first.start, end: first.end }];
  }

  /** The other numbers of a shared-unit list, for `chain` to add after the first. */
  #pendingShared: Unit[] = [];

  /** Consecutive units of strictly deeper levels from p (第三十条第二款第一项). */
  units(p: number, above: Level | -1): Unit[] {
    const out: Unit[] = [];
    let last: Level | -1 = above;
    let q = p;
    for (;;) {
      let u = this.unitAt(q);
      // 第八十七条第一款第一、二、三项: a shared-unit list continues the units before it
      // (after a unit or a relative head: a bare 第一、二 is an enumeration of the text, not a citation)
      if (u === undefined && (out.length > 0 || above >= 0) && this.#pendingShared.length === 0) u = this.sharedUnit(q)[0];
      if (u === undefined || u.level <= last) {
        if (u !== undefined) this.#pendingShared = [];
        break;
      }
      out.push(u);
      last = u.level;
      q = u.end;
      while (q < this.text.length && q - u.end < 2 && this.text.charCodeAt(q) === 0x20) q++;
      const w = wrapEnd(this.text, q);
      if (w !== q && this.text.charCodeAt(w) === 0x7b2c /* 第 */) q = w; // 第三十条⏎第二款 in a hard-wrapped text
    }
    return out;
  }

  add(start: number, units: readonly Unit[], relative: RelativeKind, relativeLevel: Level, n: number, chainPrevious: number, document: number): number {
    const values = [0, 0, 0, 0, 0, 0, 0]; // LEVEL_COUNT zeros (a literal: packed, no fill)
    let articleStart = -1;
    let articleEnd = -1;
    for (const u of units) {
      values[u.level] = u.value;
      if (u.level === Level.Article) {
        articleStart = u.start;
        articleEnd = u.end;
      }
    }
    const end = units.length > 0 ? units[units.length - 1]!.end : start;
    this.citations.push({ start, end, kind: 'law', values, articleStart, articleEnd, relative, relativeLevel, count: n, chainPrevious, document });
    this.#lastEnd = end;
    return this.citations.length - 1;
  }

  /** Follows a chain after the citation `index` ending at `end`: 、第二项 / 至第十五条 / 和第Z条. Returns where scanning resumes. */
  chain(index: number, end: number): number {
    const text = this.text;
    let previous = index;
    let q = end;
    for (;;) {
      if (this.#pendingShared.length > 0) {
        const prev = this.citations[previous]!;
        for (const u of this.#pendingShared) previous = this.add(u.start, [u], 'none', Level.Article, 0, previous, prev.document);
        this.#pendingShared = [];
        q = this.citations[previous]!.end;
      }
      let r = q;
      // 第三條第二款本文、第四款 / 第四百三十條前段、第四百三十一條: a qualifier of the element does not end the chain
      if (QUALIFIERS.some((w) => text.startsWith(w, r))) r += 2;
      const wrapped = wrapEnd(text, r); // 第一款⏎至第三款
      if (wrapped !== r && CHAIN.has(text[wrapped] ?? '')) r = wrapped;
      if (text[r] === '之') break;
      // 前條第二項所列第一款至第四款: what 所列 / 所定 lists belongs to the unit before it
      const listed = (text[r] === '所' && (text[r + 1] === '列' || text[r + 1] === '定')) ? 2 : 0;
      if (listed === 0 && !CHAIN.has(text[r] ?? '')) break;
      r += listed || 1;
      if (text[r] === '及' || text[r] === '者') r++; // 、及 / 或者
      r = wrapEnd(text, r); // 第四款、⏎第五款
      if (text[r] !== '第') break;
      const prev = this.citations[previous]!;
      const top = this.unitAt(r);
      if (top === undefined) break;
      const units = this.units(r, -1);
      if (units.length === 0) break;
      // an element that names a document of its own (和刑法第X条) is not part of this chain
      const named = this.nameBefore(r);
      if (named !== undefined) this.noteDocument(named, r);
      const document = named ?? prev.document;
      previous = this.add(r, units, 'none', Level.Article, 0, named === undefined ? previous : -1, document);
      q = this.citations[previous]!.end;
    }
    return q;
  }

  /**
   * The document named just before `p`: 《X》 (another document unless it is this one's title), a name ending in 法 /
   * 条例 … (民法, 刑法), or 该法 / 同法 (the last one named in this paragraph). Undefined when nothing names one.
   */
  nameBefore(p: number): number | undefined {
    const text = this.text;
    let q = p;
    // blanks, and a hard line break with its indent (Taiwan judgments wrap 條例⏎    第80條)
    while (q > this.#lastEnd && (isSpace(text.charCodeAt(q - 1)) || text[q - 1] === '\n' || text[q - 1] === '\r')) q--;
    if (q <= this.#lastEnd) return undefined;
    // 所得基本稅額條例（以下簡稱本條例）第十七條: the name is before the parenthesis that gives its short form
    if (text[q - 1] === '）' || text[q - 1] === ')') {
      const open = lastIndexWithin(text, text[q - 1] === '）' ? 0xff08 /* （ */ : 0x28 /* ( */, q - 2, Math.max(this.#lastEnd + 1, q - 24));
      if (open > this.#lastEnd && q - open <= 24 && SHORT_FORM.test(text.slice(open + 1, q - 1))) q = open;
    }
    // 《民法典》人格权编第九百九十七条 / 民法典物权编第二百零九条: a named part (编) of another document, numbered with it
    if (text[q - 1] === '编' || text[q - 1] === '編') {
      let b = q - 1;
      while (b > this.#lastEnd && q - b < 8 && isHan(text.charCodeAt(b - 1))) b--;
      if (text[b - 1] === '》') q = b;
      else {
        for (let k = q - 3; k > b; k--) {
          if (NAME_SUFFIXES.some((x) => text.endsWith(x, k))) {
            q = k;
            break;
          }
        }
      }
    }
    if (text[q - 1] === '”' || text[q - 1] === '」') {
      // a document named in quotes: “会议纪要”第六条
      const open = lastIndexWithin(text, text[q - 1] === '”' ? 0x201c /* “ */ : 0x300c /* 「 */, q - 2, Math.max(this.#lastEnd, q - 40));
      if (open >= this.#lastEnd && q - open <= 40) return this.documentId(text.slice(open + 1, q - 1), false);
      return undefined;
    }
    if (text[q - 1] === '》') {
      const m = this.mentions[this.mentions.length - 1];
      if (m !== undefined && m.end === q) return this.documentId(m.title, true);
      return undefined;
    }
    let s = q;
    while (s > this.#lastEnd && q - s < 30 && isHan(text.charCodeAt(s - 1))) s--;
    if (s === q) return undefined;
    const run = text.slice(s, q);
    // most runs end in neither (the last character decides before 42 endsWith calls)
    const last = run.charCodeAt(run.length - 1);
    if (ANAPHORA_LAST.has(last) && ANAPHORA.some((a) => run.endsWith(a))) {
      return this.#lastDocument >= 0 && this.#lastDocumentLine === this.lineOf(p) ? this.#lastDocument : this.documentId('', false);
    }
    if (!NAME_SUFFIX_LAST.has(last) || !NAME_SUFFIXES.some((x) => run.endsWith(x))) return undefined;
    // a name already read (in 《》 or before) that ends the run is that document: 应当执行行政诉讼法 → 行政诉讼法
    // (陸海空軍刑法 is not 刑法: what comes before a known name must be a verb or a function word)
    // the longest such name: each suffix of the run (at most 30 characters) looked up by name — comparing the run with
    // every document read so far was quadratic (80,000 citations of 40,000 different laws, 800 K characters: 146 s)
    // (each suffix hashed from the end in one pass, and looked up in place: no string cut out per probe)
    let known = -1;
    const names = this.#names;
    let h = 0;
    for (let k = run.length - 1, power = 1; k >= 0; k--, power = Math.imul(power, HASH_BASE)) {
      h = (h + Math.imul(run.charCodeAt(k), power)) | 0;
      suffixHashes[k] = h;
    }
    for (let k = 0; k + 2 <= run.length && known < 0; k++) {
      nameProbes++;
      const slot = names.find(suffixHashes[k]!, run, k, run.length);
      const id = slot < 0 ? -1 : names.firstOf[slot]!;
      if (id >= 0 && namedAtEnd(run, this.documents[id]!.name)) known = id;
    }
    if (this.selfTitles.some((t) => namedAtEnd(run, t))) return -1;
    // the law implementing rules implement, named in full before its short form (依所得基本稅額條例（以下簡稱本條例）第十七條)
    if (known < 0 && this.parentLaw !== '' && namedAtEnd(run, this.parentLaw)) return this.documentId(this.parentLaw, false);
    if (known >= 0) return this.documentId(this.documents[known]!.name, false, run);
    const name = stripLeaders(run);
    if (name.length < 2 || name.startsWith('本')) return undefined;
    if (this.selfTitles.includes(name)) return -1;
    return this.documentId(name, false, run);
  }

  lineOf(p: number): number {
    // paragraph identity for 该法: the line (lines are paragraphs in these texts), by binary search over the model's
    // line starts (a lastIndexOf from every 《》 of one long line was quadratic: 4 MB of titles on one line, 100 s)
    // (the line found last answers again without a search: the scan asks in text order, mostly on one line)
    const starts = this.lineStarts;
    const line = this.#line;
    if (line >= 0 && starts[line]! <= p && (line + 1 === starts.length || p < starts[line + 1]!)) return line;
    return (this.#line = lowerBound(starts, p + 1) - 1);
  }

  /** The line `lineOf` found last (-1: none yet). */
  #line = -1;

  documentId(name: string, bracketed: boolean, context = ''): number {
    const stripped = stripCountry(name);
    const country = stripped === name ? undefined : name.startsWith('中華民國') || name.startsWith('中华民国') ? 'taiwan' : 'mainland';
    if (bracketed && this.selfTitles.includes(stripped)) return -1;
    // the key 《 + stripped (the bracketed one of the slot of stripped), or stripped (its plain one); a plain name that
    // starts with 《 is the bracketed one of the name after its 《
    const quoted = !bracketed && stripped.charCodeAt(0) === 0x300a;
    const names = this.#names;
    const own = names.slot(stripped);
    const slot = quoted ? names.slot(stripped.slice(1)) : own;
    const ids = bracketed || quoted ? names.bracketedOf : names.plainOf;
    let id = ids[slot]!;
    if (id < 0) {
      id = this.documents.length;
      this.documents.push(country === undefined ? { name: stripped, context: context || stripped, bracketed } : { name: stripped, context: context || stripped, bracketed, country });
      ids[slot] = id;
      if (stripped.length >= 2 && names.firstOf[own]! < 0) names.firstOf[own] = id;
    }
    return id;
  }

  noteDocument(id: number, at: number): void {
    if (id >= 0 && this.documents[id]!.name !== '') {
      this.#lastDocument = id;
      this.#lastDocumentLine = this.lineOf(at);
    }
  }

  /** 《…》 at p: the title (nested 〈〉 kept; line breaks a scrape left inside, at most two, are dropped), up to 》. Returns its end, or -1. */
  title(p: number): number {
    const text = this.text;
    let breaks = 0;
    for (let q = p + 1; q < text.length && q - p <= 160; q++) {
      // by code unit (text[q] of a Han character is a new string each time)
      const c = text.charCodeAt(q);
      if (c === 0x300a /* 《 */) return -1;
      if ((c === 0x0a || (c === 0x0d && text.charCodeAt(q + 1) !== 0x0a)) && ++breaks > 2) return -1;
      if (c === 0x300b /* 》 */) {
        if (q === p + 1) return -1;
        const raw = text.slice(p + 1, q);
        this.mentions.push({ start: p, end: q + 1, title: breaks > 0 ? raw.replace(/\s+/g, '') : raw });
        return q + 1;
      }
    }
    return -1;
  }

  /** A relative head at p (本条, 前两款, 同條, 该条): its level, count and where it ends; undefined if none. */
  relativeAt(p: number): { kind: RelativeKind; level: Level; count: number; end: number } | undefined {
    // by code unit throughout: this runs at every 本/前/同 stop, and text[i] of a Han character is a new string
    const text = this.text;
    const c = text.charCodeAt(p);
    const before = p > 0 ? text.charCodeAt(p - 1) : -1;
    let q = p + 1;
    let n = 1;
    let kind: RelativeKind;
    if (c === 0x672c /* 本 */) {
      if (NOT_BEFORE_BEN.has(before)) return undefined;
      kind = 'this';
    } else if (c === 0x524d /* 前 */) {
      if (NOT_BEFORE_QIAN.has(before) && before !== 0x4ee5 /* 以: checked below */) return undefined;
      kind = 'previous';
      const d = text.charCodeAt(q);
      if (isCnNumeralCode(d) && d !== 0x5341 /* 十 */) {
        const v = cnNumeralValueAt(text, q, q + 1);
        if (v === undefined || v < 2 || v > 9) return undefined;
        n = v;
        q = wrapEnd(text, q + 1); // 前二⏎項 in a hard-wrapped text
      }
    } else {
      if (NOT_BEFORE_TONG.has(before)) return undefined;
      kind = 'same';
    }
    if (q >= text.length) return undefined;
    const ch = text.charCodeAt(q);
    const level = unitLevelOfCode(ch, this.taiwan);
    if (level === undefined || level === Level.SubItem && kind === 'same') return undefined; // 本目, 前目, 前二目
    if (q + 1 < text.length && NOT_AFTER_CODES.get(ch)?.has(text.charCodeAt(q + 1))) return undefined;
    if (kind === 'same' && level < Level.Article) return undefined;
    // 科以前條第一項: 以前 ("before") is a word, but not before a unit and its number
    if (kind === 'previous' && before === 0x4ee5 /* 以 */ && text.charCodeAt(q + 1) !== 0x7b2c /* 第 */) return undefined;
    // 同條項第一款 (Taiwan): the same article and paragraph
    if (kind === 'same' && level === Level.Article && this.taiwan && text.charCodeAt(q + 1) === 0x9805 /* 項 */) return { kind, level: Level.Paragraph, count: 1, end: q + 2 };
    return { kind, level, count: n, end: q + 1 };
  }

  /**
   * Reads the citations from `from` on. Where a citation or a title can start — 第, 附, 《, 专/專, or 本/前/同 followed by
   * a unit, a count (前两款) or the first character of a word naming this document (本法, 本条例 …) — comes from the
   * stops of the text (stops.ts: one pass, shared with the term extraction). `resume` is where
   * the next stop may start (after a citation, a title or a skipped heading read here).
   */
  scan(from: number, skips: Int32Array, stops: Stops): void {
    const text = this.text;
    let skip = 0;
    let resume = from;
    for (let k = lowerBound(stops.at.subarray(0, stops.count), from); k < stops.count; k++) {
      const p = stops.at[k]!;
      if (p < resume) continue;
      const one = text.charCodeAt(p);
      if (isCue(one) && one !== 0x300a /* 《 */) continue; // a term cue only
      // a two-character stop (本/前/同 + the next) ends after both, as the regex match did
      resume = one === 0x672c /* 本 */ || one === 0x524d /* 前 */ || one === 0x540c /* 同 */ ? p + 2 : p + 1;
      while (skip < skips.length && skips[skip + 1]! <= p) skip += 2;
      if (skip < skips.length && skips[skip]! <= p) {
        resume = skips[skip + 1]!;
        continue;
      }
      // (by code unit: text[p] made a string of every stop read here)
      if (one === 0x300a /* 《 */) {
        const e = this.title(p);
        if (e > 0) {
          resume = e;
          if (text.charCodeAt(e) === 0x7b2c /* 第 */ || isSpace(text.charCodeAt(e)) && text.charCodeAt(e + 1) === 0x7b2c) continue; // read at the 第
          const last = this.mentions[this.mentions.length - 1]!;
          this.noteDocument(this.documentId(last.title, true), p);
        }
        continue;
      }
      if (one === 0x7b2c /* 第 */) {
        const line = structureLineEnd(text, p);
        if (line > 0) {
          resume = line;
          continue;
        }
        let units = this.units(p, -1);
        if (units.length === 0) units = this.sharedUnit(p);
        if (units.length === 0) continue;
        const named = this.nameBefore(p);
        const document = named ?? -1;
        this.noteDocument(document, p);
        const i = this.add(p, units, 'none', Level.Article, 0, -1, document);
        resume = this.chain(i, this.citations[i]!.end);
        continue;
      }
      if (one === 0x9644 /* 附 */) {
        const e = this.appendix(p);
        if (e > 0) resume = e;
        continue;
      }
      if (one === 0x4e13 /* 专 */ || one === 0x5c08 /* 專 */) {
        const e = this.box(p);
        if (e > 0) resume = e;
        continue;
      }
      // 本法第X条: this document
      if (one === 0x672c /* 本 */) {
        let wordEnd = -1;
        let w: string | undefined;
        // (a loop, not SELF_WORDS.find: a closure for each of the ~900 本 of a 1 MB report)
        for (let k = 0; k < SELF_WORDS.length && w === undefined; k++) {
          wordEnd = wordAt(text, SELF_WORDS[k]!, p + 1);
          if (wordEnd >= 0) w = SELF_WORDS[k]!;
        }
        if (w !== undefined) {
          let q = wordEnd;
          while (q < text.length && q - p < 8 && isSpace(text.charCodeAt(q))) q++;
          if (text.charCodeAt(q) === 0x7b2c /* 第 */) {
            const units = this.units(q, -1);
            if (units.length > 0) {
              this.#lastEnd = p;
              // 本條例 in 所得基本稅額條例施行細則 is the act it implements (its own word is 本細則)
              const parent = this.parentLaw !== '' && this.parentLaw.endsWith(w) ? this.documentId(this.parentLaw, false) : -1;
              this.noteDocument(parent, p);
              const i = this.add(p, units, 'none', Level.Article, 0, -1, parent);
              resume = this.chain(i, this.citations[i]!.end);
            }
          }
          resume = Math.max(resume, wordEnd);
          continue;
        }
      }
      const head = this.relativeAt(p);
      if (head === undefined) continue;
      const units = this.units(head.end, head.level);
      // 同條 is the article cited just before, in whichever document it is (違反民法第一百八十四條者，依同條第二項)
      const document = head.kind === 'same' ? this.citations[this.citations.length - 1]?.document ?? -1 : -1;
      const i = this.add(p, units, head.kind, head.level, head.count, -1, document);
      const citation = this.citations[i]!;
      if (units.length === 0) (citation as { end: number }).end = head.end;
      this.#lastEnd = citation.end;
      resume = this.chain(i, citation.end);
    }
  }

  /** 专栏N / 專欄N: a box's title when it starts a line, else a citation of the box. Returns where it ends, or -1. */
  box(p: number): number {
    const text = this.text;
    const second = text.charCodeAt(p + 1);
    if (second !== 0x680f /* 栏 */ && second !== 0x6b04 /* 欄 */) return -1;
    const { value, end: q } = readNumber(text, p + 2);
    if (value === 0) return -1;
    let b = p;
    while (b > 0 && isSpace(text.charCodeAt(b - 1))) b--;
    if (b === 0 || isLineBreak(text.charCodeAt(b - 1)) /* a line start: the box itself */) {
      let e = lineEnd(text, q);
      while (e > q && isSpace(text.charCodeAt(e - 1))) e--;
      this.boxes.push({ value, start: p, end: e });
      return e;
    }
    const values = [0, 0, 0, 0, 0, 0, 0]; // LEVEL_COUNT zeros (a literal: packed, no fill)
    values[0] = value;
    this.citations.push({
      start: p, end: q, kind: 'box', values, articleStart: -1, articleEnd: -1, relative: 'none', relativeLevel: Level.Article, count: 0, chainPrevious: -1, document: -1,
    });
    this.#lastEnd = q;
    return q;
  }

  /** 附件N / 附表N (and 见附件 with no number): an appendix citation. Returns where it ends, or -1. */
  appendix(p: number): number {
    const text = this.text;
    const second = text[p + 1];
    if (second !== '件' && second !== '表') return -1;
    const number = readNumber(text, p + 2);
    const value = number.value;
    let q = number.end;
    if (value === 0) {
      const before = text[p - 1];
      if (before !== '见' && before !== '見') return -1;
      q = p + 2;
    }
    const values = [0, 0, 0, 0, 0, 0, 0]; // LEVEL_COUNT zeros (a literal: packed, no fill)
    values[0] = value;
    values[1] = second === '表' ? 1 : 0;
    this.citations.push({
      start: p, end: q, kind: 'appendix', values, articleStart: -1, articleEnd: -1, relative: 'none', relativeLevel: Level.Article, count: 0, chainPrevious: -1, document: -1,
    });
    this.#lastEnd = q;
    return q;
  }
}

/** The number after 附件 / 专栏: Chinese (三) or digits (3); value 0 and `end` = `p` when there is none. */
function readNumber(text: string, p: number): { value: number; end: number } {
  let q = p;
  while (q < text.length && q - p < 4 && isCnNumeralCode(text.charCodeAt(q))) q++;
  if (q > p) return { value: cnNumeralValueAt(text, p, q) ?? 0, end: q };
  let value = 0;
  while (q < text.length && q - p < 3 && digitValue(text.charCodeAt(q)) >= 0) value = value * 10 + digitValue(text.charCodeAt(q++));
  return { value, end: q };
}

/**
 * The last `code` in `text` at or before `from` and not before `limit`, or -1: the lastIndexOf of a character the
 * caller accepts only within a few characters (an unbounded lastIndexOf from every citation after a ） or ” with no （
 * or “ before it read the text back to its start: 5.5 s at 1 MB).
 */
function lastIndexWithin(text: string, code: number, from: number, limit: number): number {
  for (let k = from; k >= limit; k--) if (text.charCodeAt(k) === code) return k;
  return -1;
}

/** 中华人民共和国民法典 → 民法典 (the short title by which laws cite each other). */
export function stripCountry(name: string): string {
  for (const prefix of ['中华人民共和国', '中華人民共和國', '中华民国', '中華民國']) {
    if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length);
  }
  return name;
}

/** How the title of implementing rules ends: 施行細則, 实施细则, 实施条例 … (the law they implement comes before it). */
const IMPLEMENTING = /^(.{2,}?(?:法|法典|条例|條例|通则|通則))(?:施行|实施|實施)(细则|細則|条例|條例|办法|辦法|规定|規定)$/;

/**
 * The law a document implements, from its title: 所得基本稅額條例施行細則 → 所得基本稅額條例, 企业所得税法实施条例 → 企业所得税法;
 * '' when the title is no such rules'. Its own word (細則, 条例) stays its own: 本条例 in 企业所得税法实施条例 is itself.
 */
export function parentLaw(title: string): string {
  const m = IMPLEMENTING.exec(title);
  if (m === null) return '';
  const law = m[1]!;
  return law.endsWith(m[2]!) ? '' : law;
}

/** True when `run` ends with the name `name` and what comes before it, if anything, ends with a word that cannot be part of a name. */
function namedAtEnd(run: string, name: string): boolean {
  if (!run.endsWith(name)) return false;
  const before = run.slice(0, run.length - name.length);
  return before === '' || NAME_LEADERS.some((w) => before.endsWith(w));
}

/** The name in a run of Han characters before 第: what follows the last word that cannot be part of a name. */
function stripLeaders(run: string): string {
  let from = 0;
  for (const w of NAME_LEADERS) {
    if (w.length < 2) continue;
    const i = run.lastIndexOf(w);
    if (i >= 0 && i + w.length > from && run.length - (i + w.length) >= 2) from = i + w.length;
  }
  // 依 anywhere (已依原公務人員退休法 → 原公務人員退休法; not 依法): what follows it is what is applied
  const yi = Math.max(run.lastIndexOf('依'), run.lastIndexOf('按'));
  if (yi >= from && run.length - yi > 3 && run[yi + 1] !== '法') from = yi + 1;
  // one-character words only at the start: 依刑法, 及民法 (对外贸易法 keeps its 对)
  for (let guard = 0; guard < 3; guard++) {
    const w = NAME_LEADERS.find((x) => x.length === 1 && run.startsWith(x, from) && run.length - from > 3);
    if (w === undefined) break;
    from++;
  }
  return run.slice(from);
}

/**
 * Where a line ends when it is a structure line that is no 编/章/节/条 heading — Taiwan's 第 一 款 通則 / 第 一 目
 * 共同財產制 groups of articles under a 節 (headings of the outline, not citations), a contents line 第一章 总则 —
 * starting at p (the line's first character): a 第X<unit> followed by a blank and a short text without sentence
 * punctuation. -1 otherwise.
 */
export function structureLineEnd(text: string, p: number): number {
  let s = p;
  while (s > 0 && isSpace(text.charCodeAt(s - 1))) s--;
  if (s > 0 && !isLineBreak(text.charCodeAt(s - 1))) return -1;
  let q = p + 1;
  while (q < text.length && q - p < 16 && !isLineBreak(text.charCodeAt(q)) && !isUnitChar(text[q]!)) q++;
  if (q >= text.length || !isUnitChar(text[q]!)) return -1;
  q++;
  if (!isSpace(text.charCodeAt(q))) return -1;
  const e = lineEnd(text, q);
  if (e - q > 30) return -1;
  for (let i = q; i < e; i++) if ('。，；,;：:'.includes(text[i]!)) return -1;
  return e;
}

/**
 * Where a line break at q and the next line's indent end (q itself when no break is there): for a citation a hard
 * wrap cut in two. Only a break within a line of text: not a blank line.
 */
function wrapEnd(text: string, q: number): number {
  const c = text.charCodeAt(q);
  let e = q;
  if (c === 0x0d) e += text.charCodeAt(q + 1) === 0x0a ? 2 : 1; // CRLF or a lone CR
  else if (c === 0x0a) e++;
  else return q;
  while (e < text.length && e - q < 12 && (isSpace(text.charCodeAt(e)) || text.charCodeAt(e) === 0x09)) e++;
  return e;
}

function isOpenParen(c: number): boolean {
  return c === 0xff08 /* （ */ || c === 0x28 /* ( */;
}

/** Where `word` ends when it is written at p, perhaps cut by a hard wrap after its first character (本细⏎则); -1 if not there. */
function wordAt(text: string, word: string, p: number): number {
  if (text.startsWith(word, p)) return p + word.length;
  if (word.length < 2 || text.charCodeAt(p) !== word.charCodeAt(0)) return -1;
  const w = wrapEnd(text, p + 1);
  return w !== p + 1 && text.startsWith(word.slice(1), w) ? w + word.length - 1 : -1;
}

/** LF or CR: lines end in LF, CRLF or a lone CR (old Mac files, some exports). */
function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** The offset of the line break at or after q (or the text's end). */
function lineEnd(text: string, q: number): number {
  let e = q;
  while (e < text.length && !isLineBreak(text.charCodeAt(e))) e++;
  return e;
}

function isUnitChar(ch: string): boolean {
  return '编編章节節条條款项項目'.includes(ch);
}

/**
 * Where the marker of a 编/章/节/条 or 附件 heading starting at p ends, read from the text (the heading's own `marker`
 * string is made on first read; asking every heading for it would make the strings of all of them).
 */
function markerEnd(text: string, p: number): number {
  const unit = readUnit(text, p, false);
  if (unit !== undefined) return unit.end;
  let q = p + 1;
  if (text[p] === '附') {
    q = p + 2;
    while (q < text.length && q - p < 8 && (isCnNumeralCode(text.charCodeAt(q)) || digitValue(text.charCodeAt(q)) >= 0)) q++;
  }
  return q;
}

/** The structure above articles. */
const GROUP_KINDS = new Set(['part', 'subpart', 'chapter', 'section']);

/** Law structure kinds whose markers are headings, not citations. */
const STRUCTURE_KINDS = new Set(['part', 'subpart', 'chapter', 'section', 'article', 'appendix']);

/**
 * Every citation of one version of a document. Linear: one scan of the text for trigger characters and a read of a
 * few characters at each. Text before a law's first article and the 编/章/节 headings right above it (the title and
 * the amendment history) is not read when the document has articles.
 */
export function indexCitations(text: string, model: ReportModel): CitationIndex {
  // start, end, start, end …: at most one range per heading and the table of contents (no array per heading)
  const skips = new Int32Array(2 * model.headings.length + 2);
  let skipCount = 0;
  const toc = model.toc;
  let tocSkipped = false;
  const headingValues = new Int32Array(model.headings.length);
  let from = 0;
  let firstArticle = -1;
  let hasArticles = false;
  let traditional = 0;
  const headings = model.headings;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (!STRUCTURE_KINDS.has(h.kind)) continue;
    if (h.kind === 'article' && !hasArticles) {
      hasArticles = true;
      firstArticle = i;
    }
    if (h.repaired) continue;
    const unit = readUnit(text, h.headingStart, false);
    if (unit !== undefined) {
      if (unit.level <= Level.Article) headingValues[i] = unit.value;
      if (unit.level === Level.Article) traditional += text.charCodeAt(unit.end - 1) === 0x689d /* 條 */ ? 1 : -1;
    }
    if (toc !== undefined && h.headingStart >= toc.start) {
      // a table of contents lists headings: its 第二章 … entries are the outline's, not citations (its entries link
      // by themselves, see toc.ts); it is skipped whole, in its place among the headings
      if (!tocSkipped) {
        skips[skipCount++] = toc.start;
        skips[skipCount++] = toc.end;
      }
      tocSkipped = true;
      if (h.headingStart < toc.end) continue;
    }
    skips[skipCount++] = h.headingStart;
    skips[skipCount++] = unit?.end ?? markerEnd(text, h.headingStart);
  }
  if (toc !== undefined && !tocSkipped) {
    skips[skipCount++] = toc.start;
    skips[skipCount++] = toc.end;
  }
  if (hasArticles) {
    // the law starts at its first article and the 编/章/节 headings right above it: a wrapped line of the amendment
    // history that reads as a heading (…及第三章第九節第一～三款款名) does not start it
    let k = firstArticle;
    while (k > 0 && GROUP_KINDS.has(model.headings[k - 1]!.kind)) k--;
    from = model.headings[k]!.start;
  }
  // a law's own articles say which script it is in; a text without articles is counted
  const taiwan = hasArticles ? traditional > 0 && readsTaiwanStyle(text, true) : readsTaiwanStyle(text);
  const title = model.headings[0]?.kind === 'title' ? model.headings[0].title : '';
  const selfTitles = title ? [stripCountry(title.replace(/[（(].*$/, '').trim())] : [];
  const scanner = new Scanner(text, taiwan, selfTitles, model.lineStarts, parentLaw(selfTitles[0] ?? ''));
  scanner.scan(from, skips.subarray(0, skipCount), stopsOf(text, model));
  return { citations: scanner.citations, boxes: scanner.boxes, mentions: scanner.mentions, documents: scanner.documents, taiwan, headingValues };
}

/** The last of `count` things, sorted by start, whose start is at or before `offset`; -1 when none is. Binary search. */
export function lastStartingBy(count: number, startOf: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of the citation under `offset` (start ≤ offset < end, or offset at its end), or -1. */
export function citationAt(index: CitationIndex, offset: number): number {
  const cs = index.citations;
  const found = lastStartingBy(cs.length, (i) => cs[i]!.start, offset);
  return found >= 0 && offset <= cs[found]!.end ? found : -1;
}

/** Index of the 《title》 mention under `offset`, or -1. */
export function mentionAt(index: CitationIndex, offset: number): number {
  const ms = index.mentions;
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid]!;
    if (offset < m.start) hi = mid - 1;
    else if (offset >= m.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
