/**
 * 字数 as Chinese editors count it: the rules of Word's and WPS's 字数统计, on plain text.
 *
 * - 字数 (`words`) = 中文字符和朝鲜语单词 (`cjk`) + 非中文单词 (`nonCjkWords`):
 *   - every Han character, kana and bopomofo letter, full-width punctuation mark (，。、；：“”《》（）…—) and full-width
 *     or East Asian symbol (①、％、℃、１) counts one; a run of Hangul syllables is one Korean word;
 *   - a run of other non-blank characters (Latin letters, digits, half-width punctuation) counts one word when it holds a
 *     letter or a digit: 2025, GDP, 3.5%, COVID-19 are one word each; a lone half-width mark (`-`, `(`) counts nothing;
 *   - blanks (spaces, tabs, U+3000 indents) and line ends count nothing.
 * - 字符数(不计空格) (`chars`): every character that is not blank — a Han character, a letter, a digit, a mark;
 *   字符数(计空格) (`charsWithSpaces`): the same plus spaces, tabs and U+3000 (not line ends).
 * - Alternatives people ask for: 汉字 (`han`, Han characters only), 不计标点 (`charsWithoutPunctuation`).
 * - 段落数 (`paragraphs`): lines with something counted on them.
 * A character outside the BMP (a rare Han character of extension B, an emoji) is one character, not two UTF-16 units;
 * combining marks and variation selectors belong to the character before them. Zero-width characters and the BOM are
 * invisible and count nothing.
 *
 * Not counted at all: pinyin glosses left by scraping (`發(fā)布` counts 發布, when the model has found them as damage),
 * and in Markdown the syntax a reader does not see (`#` of headings, `**`, `>` and list bullets at a line start,
 * table pipes, thematic breaks, HTML comments, YAML front matter).
 *
 * Linear in the counted range; no regular expression. Sections are counted from per-line totals built once per text
 * (`WordCounter.sectionWords`), so the outline's sizes cost one pass over the document.
 */
import { lineIndexOf } from './lines';
import type { ReportModel } from './model';

export interface WordCount {
  /** 字数: `cjk` + `nonCjkWords`. */
  readonly words: number;
  /** 中文字符和朝鲜语单词: Han characters, full-width marks and symbols, kana; Hangul words. */
  readonly cjk: number;
  /** 非中文单词: runs of Latin letters, digits and half-width marks that hold a letter or digit. */
  readonly nonCjkWords: number;
  /** 字符数(不计空格). */
  readonly chars: number;
  /** 字符数(计空格): with spaces, tabs and U+3000, without line ends. */
  readonly charsWithSpaces: number;
  /** 汉字: Han characters only (〇 and 々 included). */
  readonly han: number;
  /** 不计标点: `chars` less the punctuation marks, full- and half-width. */
  readonly charsWithoutPunctuation: number;
  /** 段落数: lines with at least one counted character. */
  readonly paragraphs: number;
  /** Pinyin glosses left out of every count. */
  readonly glosses: number;
}

export interface WordCountOptions {
  /** The text is Markdown: its syntax is not counted. */
  readonly markdown?: boolean;
}

// Character classes (one per code point).
const enum C {
  /** Line ends, controls, zero-width characters, combining marks: nothing. */
  None,
  /** Space, tab, U+3000, NBSP: counted only with spaces. */
  Blank,
  /** A Han ideograph. */
  Han,
  /** Kana, bopomofo, East Asian symbols: one each. */
  Wide,
  /** A full-width punctuation mark: one each, and punctuation. */
  WidePunct,
  /** A Hangul letter: runs of them are one word. */
  Hangul,
  /** A letter or digit of a Western script: part of a non-Chinese word. */
  Alnum,
  /** A half-width punctuation mark: part of a non-Chinese word, but not enough for one; punctuation. */
  Punct,
  /** A half-width symbol ($ % + = …): part of a non-Chinese word, but not enough for one. */
  Symbol,
}

/** ASCII 0x21–0x7e: which are punctuation marks (the rest of the non-alphanumerics are symbols). */
const ASCII_PUNCT = '!"\'(),-./:;?@[\\]_`{}*&#';

function classify(c: number): C {
  if (c < 0x80) {
    if (c === 0x20 || c === 0x09) return C.Blank;
    if (c < 0x20 || c === 0x7f) return C.None;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return C.Alnum;
    return ASCII_PUNCT.includes(String.fromCharCode(c)) ? C.Punct : C.Symbol;
  }
  if (c >= 0x4e00 && c <= 0x9fff) return C.Han;
  if (c < 0x2000) {
    if (c === 0xa0) return C.Blank;
    if (c < 0xa0) return C.None;
    if (c === 0xb7) return C.WidePunct; // · (the middle dot of names: 诺尔曼·白求恩)
    if (c === 0xd7 || c === 0xf7 || c === 0xb0 || c === 0xa7) return C.Wide; // × ÷ ° §
    if (c < 0xc0) return c === 0xa1 || c === 0xbf || c === 0xab || c === 0xbb ? C.Punct : C.Symbol;
    if (c >= 0x300 && c <= 0x36f) return C.None; // combining marks (tones written as marks)
    if (c >= 0x1100 && c <= 0x11ff) return C.Hangul;
    return C.Alnum; // Latin with diacritics (pinyin ā), IPA, Greek, Cyrillic and the other alphabets
  }
  if (c <= 0x206f) {
    if (c <= 0x200a || c === 0x202f || c === 0x205f) return C.Blank;
    if (c <= 0x200f || (c >= 0x2028 && c <= 0x202e) || c >= 0x2060) return C.None; // ZWSP, ZWJ, marks, line separators
    return c === 0x2010 || c === 0x2011 ? C.Punct : C.WidePunct; // ‐ is a hyphen; — “ ” ‘ ’ … ‰ ※ are Chinese marks
  }
  if (c === 0x3000) return C.Blank;
  if (c >= 0x3001 && c <= 0x303f) {
    if (c === 0x3005 || c === 0x3007) return C.Han; // 々 〇
    return (c <= 0x3003 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301f)) ? C.WidePunct : C.Wide;
  }
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2e80 && c <= 0x2fdf)) return C.Han;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x3130 && c <= 0x318f)) return C.Hangul;
  if (c >= 0xff01 && c <= 0xff65) {
    const fullAlnum = (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
    // full-width letters and digits are East Asian characters, one each; ＄％＋＜＝＞＾｜～ are symbols
    if (fullAlnum || '＄％＋＜＝＞＾｜～'.includes(String.fromCharCode(c))) return C.Wide;
    return C.WidePunct;
  }
  if ((c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b)) return C.WidePunct; // vertical and small forms: ︰
  if ((c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || (c >= 0xfff0 && c <= 0xfffc)) return C.None; // selectors, BOM
  if (c >= 0xd800 && c <= 0xdfff) return C.None; // surrogates are classified as a pair by the scan
  if (c >= 0xe000 && c <= 0xf8ff) return C.Wide; // private use (old fonts' symbols)
  // arrows, maths, box drawing, shapes (○ □ √), enclosed numbers (① ㈠), kana, bopomofo, CJK compatibility (㎡) …
  return C.Wide;
}

/** The class of a supplementary code point (given its value). */
function classifyAstral(cp: number): C {
  if (cp >= 0x20000 && cp <= 0x3ffff) return C.Han; // extensions B–H and the compatibility supplement
  if (cp >= 0xe0100 && cp <= 0xe01ef) return C.None; // ideographic variation selectors
  return C.Wide; // emoji and other symbols
}

/** The class of every BMP code unit, built on first use (a 64 KB table: the scan reads one byte per character). */
let bmpClasses: Uint8Array | undefined;

function classes(): Uint8Array {
  if (bmpClasses === undefined) {
    bmpClasses = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) bmpClasses[c] = classify(c);
  }
  return bmpClasses;
}

/** Accumulates counts over ranges of one text (runs end at every range end, so ranges can be summed). */
class Tally {
  cjk = 0;
  nonCjkWords = 0;
  chars = 0;
  blanks = 0;
  han = 0;
  punctuation = 0;
  paragraphs = 0;
  glosses = 0;

  toCount(): WordCount {
    return {
      words: this.cjk + this.nonCjkWords,
      cjk: this.cjk,
      nonCjkWords: this.nonCjkWords,
      chars: this.chars,
      charsWithSpaces: this.chars + this.blanks,
      han: this.han,
      charsWithoutPunctuation: this.chars - this.punctuation,
      paragraphs: this.paragraphs,
      glosses: this.glosses,
    };
  }
}

/**
 * Counts `text[from, to)` into `t`, leaving out the sorted, disjoint `skips` ranges (glosses, Markdown syntax).
 * A skipped range is invisible: the characters either side of it join as if it were not there (發(fā)布 is two Han
 * characters; `**GDP**增长` is one word and two characters).
 */
function tally(text: string, from: number, to: number, skips: SkipList, t: Tally, near = -1): number {
  let word = false; // inside a run of Western characters
  let wordCounts = false; // …that holds a letter or digit
  let hangul = false; // inside a run of Hangul
  let lineHas = false; // something counted on this line
  let k = near < 0 ? skips.firstEndingAfter(from) : skips.firstEndingAfterNear(from, near);
  const first = k;
  const table = classes();
  let i = from;
  while (i < to) {
    if (k < skips.length && i >= skips.start[k]!) {
      if (i < skips.end[k]!) {
        if (skips.gloss[k] === 1) t.glosses++;
        i = skips.end[k]!;
        k++;
        continue;
      }
      k++;
      continue;
    }
    let c = text.charCodeAt(i);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const cls: C = width === 2 ? classifyAstral(c) : table[c]!;
    i += width;
    if (cls === C.Alnum || cls === C.Punct || cls === C.Symbol) {
      // part of a non-Chinese word
      hangul = false;
      word = true;
      if (cls === C.Alnum) wordCounts = true;
      else if (cls === C.Punct) t.punctuation++;
      t.chars++;
      lineHas = true;
      continue;
    }
    // anything else ends a word
    if (word) {
      if (wordCounts) t.nonCjkWords++;
      word = false;
      wordCounts = false;
    }
    if (cls === C.None || cls === C.Blank) {
      hangul = false;
      if (cls === C.Blank) t.blanks++;
      else if (c === 0x0a) {
        if (lineHas) t.paragraphs++;
        lineHas = false;
      }
      continue;
    }
    if (cls === C.Hangul) {
      if (!hangul) t.cjk++;
      hangul = true;
    } else {
      hangul = false;
      t.cjk++;
      if (cls === C.Han) t.han++;
      else if (cls === C.WidePunct) t.punctuation++;
    }
    t.chars++;
    lineHas = true;
  }
  if (word && wordCounts) t.nonCjkWords++;
  if (lineHas) t.paragraphs++;
  return first;
}

/**
 * Sorted, disjoint ranges left out of the counts; `gloss[k]` is 1 for a pinyin gloss. In typed arrays of the most
 * ranges there can be (a glossed text has one per gloss: 200,000 at 4 MB, where arrays of tuples, copied and sorted,
 * made the counter's setup ten times slower than at 1 MB).
 */
class SkipList {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly gloss: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.gloss = new Uint8Array(capacity);
  }

  /** The index of the first range that ends after `offset` (binary search). */
  firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.end[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The same, found by walking from `near` (the answer for a nearby offset): per-line counts in order walk once. */
  firstEndingAfterNear(offset: number, near: number): number {
    let k = Math.min(near, this.length);
    while (k > 0 && this.end[k - 1]! > offset) k--;
    while (k < this.length && this.end[k]! <= offset) k++;
    return k;
  }

  /** Adds [s, e) after the ranges so far (`s` at or after the last start), merged with the last one where they overlap. */
  add(s: number, e: number, g: number): void {
    if (e <= s) return;
    const last = this.length - 1;
    if (last >= 0 && s < this.end[last]!) {
      if (e > this.end[last]!) this.end[last] = e;
      return;
    }
    this.start[this.length] = s;
    this.end[this.length] = e;
    this.gloss[this.length] = g;
    this.length++;
  }

  static merge(a: ReadonlyArray<readonly [number, number, number]>): SkipList {
    const list = new SkipList(a.length);
    const sorted = [...a].sort((x, y) => x[0] - y[0]);
    for (const [s, e, g] of sorted) list.add(s, e, g);
    return list;
  }

  /** The glosses of a model (its damage is in document order: no sorting, unless a model says otherwise). */
  static glosses(damage: ReportModel['damage']): SkipList {
    let n = 0;
    let ordered = true;
    let last = -Infinity;
    for (const d of damage) {
      if (d.kind !== 'pinyinGloss') continue;
      n++;
      if (d.start < last) ordered = false;
      last = d.start;
    }
    if (!ordered) return SkipList.merge(damage.filter((d) => d.kind === 'pinyinGloss').map((d) => [d.start, d.end, 1] as const));
    const list = new SkipList(n);
    for (const d of damage) if (d.kind === 'pinyinGloss') list.add(d.start, d.end, 1);
    return list;
  }
}

/** Markdown syntax that a reader does not see, as [start, end, 0] ranges. One pass over the lines. */
export function markdownSyntax(text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let p = 0;
  // YAML front matter: "---" on the first line, up to the next "---" line
  if (text.startsWith('---\n') || text.startsWith('---\r\n')) {
    const close = text.indexOf('\n---', 3);
    if (close > 0) {
      let e = text.indexOf('\n', close + 4);
      e = e < 0 ? text.length : e;
      out.push([0, e, 0]);
      p = e;
    }
  }
  // the next HTML comment, searched again only once passed (a search from every line would be quadratic)
  let comment = -2;
  while (p < text.length) {
    let lineEnd = text.indexOf('\n', p);
    if (lineEnd < 0) lineEnd = text.length;
    if (comment !== -1 && comment < p) comment = text.indexOf('<!--', p);
    markdownLine(text, p, comment >= 0 && comment < lineEnd ? comment : lineEnd, out);
    if (comment >= 0 && comment < lineEnd) {
      const close = text.indexOf('-->', comment + 4);
      const e = close < 0 ? text.length : close + 3;
      out.push([comment, e, 0]);
      p = e;
      continue;
    }
    p = lineEnd + 1;
  }
  return out;
}

function markdownLine(text: string, start: number, end: number, out: Array<[number, number, number]>): void {
  let p = start;
  while (p < end && p - start < 4 && text.charCodeAt(p) === 0x20) p++;
  // a thematic break or a table's delimiter row: --- / *** / |:--|--:|
  let onlySyntax = p < end;
  for (let i = p; i < end && onlySyntax; i++) onlySyntax = '-*_|: \t\r'.includes(text[i]!);
  if (onlySyntax && end - p >= 3) {
    out.push([p, end, 0]);
    return;
  }
  // block quote markers
  while (p < end && text.charCodeAt(p) === 0x3e) {
    const q = text.charCodeAt(p + 1) === 0x20 ? p + 2 : p + 1;
    out.push([p, q, 0]);
    p = q;
  }
  // an ATX heading's # run, a list bullet
  let h = p;
  while (h < end && text.charCodeAt(h) === 0x23) h++;
  if (h > p && h - p <= 6 && (h === end || text.charCodeAt(h) === 0x20)) {
    out.push([p, h, 0]);
  } else if ((text[p] === '-' || text[p] === '*' || text[p] === '+') && text.charCodeAt(p + 1) === 0x20) {
    out.push([p, p + 1, 0]);
  }
  // emphasis runs (** and __) and table pipes anywhere on the line
  for (let i = p; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2a || c === 0x5f) && text.charCodeAt(i + 1) === c) {
      let j = i + 2;
      while (j < end && text.charCodeAt(j) === c) j++;
      out.push([i, j, 0]);
      i = j - 1;
    } else if (c === 0x7c) {
      out.push([i, i + 1, 0]);
    }
  }
}

/** Counts of one version of one document: the whole, any range, and every section of its outline. */
export class WordCounter {
  readonly #text: string;
  readonly #model: ReportModel;
  readonly #skips: SkipList;
  #lineWords: Int32Array | undefined;
  #document: WordCount | undefined;
  readonly #sections = new Map<number, WordCount>();

  constructor(text: string, model: ReportModel, options: WordCountOptions = {}) {
    this.#text = text;
    this.#model = model;
    if (options.markdown === true) {
      const ranges: Array<[number, number, number]> = [];
      for (const d of model.damage) if (d.kind === 'pinyinGloss') ranges.push([d.start, d.end, 1]);
      for (const r of markdownSyntax(text)) ranges.push(r);
      this.#skips = SkipList.merge(ranges);
    } else {
      this.#skips = SkipList.glosses(model.damage);
    }
  }

  /** The counts of `text[from, to)`. */
  count(from: number, to: number): WordCount {
    const t = new Tally();
    tally(this.#text, Math.max(0, from), Math.min(this.#text.length, to), this.#skips, t);
    return t.toCount();
  }

  /** The counts of the whole document (computed once). */
  document(): WordCount {
    this.#document ??= this.count(0, this.#text.length);
    return this.#document;
  }

  /** The 字数 of a section (heading line and everything below it, up to the next heading of its level or above). */
  sectionWords(heading: number): number {
    const h = this.#model.headings[heading];
    if (h === undefined) return 0;
    return this.#wordsBefore(h.end) - this.#wordsBefore(h.start);
  }

  /** The counts of a section, in full (kept: the cursor moves within one section many times per version). */
  section(heading: number): WordCount {
    let counts = this.#sections.get(heading);
    if (counts === undefined) {
      const h = this.#model.headings[heading];
      counts = h === undefined ? new Tally().toCount() : this.count(h.start, h.end);
      this.#sections.set(heading, counts);
    }
    return counts;
  }

  /** 字数 before `offset`: per-line totals (built on first use) plus the part of the line before it. */
  #wordsBefore(offset: number): number {
    const starts = this.#model.lineStarts;
    if (this.#lineWords === undefined) {
      const before = new Int32Array(starts.length + 1);
      const t = new Tally();
      let near = 0; // where the previous line's search for skipped ranges ended: the next one starts there
      for (let line = 0; line < starts.length; line++) {
        before[line] = t.cjk + t.nonCjkWords;
        const end = line + 1 < starts.length ? starts[line + 1]! : this.#text.length;
        near = tally(this.#text, starts[line]!, end, this.#skips, t, near);
      }
      before[starts.length] = t.cjk + t.nonCjkWords;
      this.#lineWords = before;
    }
    if (offset >= this.#text.length) return this.#lineWords[starts.length]!;
    const line = lineIndexOf(starts, offset);
    if (starts[line] === offset) return this.#lineWords[line]!;
    const t = new Tally();
    tally(this.#text, starts[line]!, offset, this.#skips, t);
    return this.#lineWords[line]! + t.cjk + t.nonCjkWords;
  }
}

/** The counts of a text on its own (no model: glosses are not known, nothing is skipped but Markdown syntax). */
export function countText(text: string, options: WordCountOptions = {}): WordCount {
  const t = new Tally();
  const skips = SkipList.merge(options.markdown === true ? markdownSyntax(text) : []);
  tally(text, 0, text.length, skips, t);
  return t.toCount();
}
