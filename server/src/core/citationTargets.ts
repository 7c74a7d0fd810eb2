/**
 * Where citations point: a document's citable structure (编 章 节 条, the paragraphs of each article and their items,
 * 附件/附表) and the resolution of a citation against it.
 *
 * A 款 (mainland) / 項 (Taiwan) is the Nth paragraph of an article's text: the first is the text after 第X条 (or the
 * line below a Taiwan 第 1 條), every later line that does not continue a sentence starts the next one. The article's
 * first kind of list marker (（一） on the mainland, 一、 in Taiwan) starts its items (项 / 款), the next kind their
 * sub-items (目). Paragraphs are found when an article is first cited (each article read at most once per version).
 */
import { cnNumeralValue, digitValue, isCnNumeralCode, isIndent, skipIndent, trimEnd } from './chars';
import { formatCnNumeral } from './checks/numerals';
import { type Citation, type CitationIndex, indexCitations, lastStartingBy, Level, LEVEL_COUNT, readUnit, structureLineEnd } from './citations';
import { lowerBound } from './lines';
import { gbLevel, matchMarker } from './markers';
import type { Heading, MarkerKind, ReportModel } from './model';
import { headingAt } from './selection';
import type { Localized } from './checks/types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Item extends Span {
  readonly subs: Span[];
}

export interface Paragraph extends Span {
  readonly items: Item[];
}

/** A place in the structure: heading indices for 编/章/节, the article's position among articles, then 0-based units. */
export interface Place {
  part: number;
  chapter: number;
  section: number;
  article: number;
  paragraph: number;
  item: number;
  sub: number;
}

export type TargetStatus = 'ok' | 'missing' | 'external' | 'unknown';

export interface Target {
  readonly status: TargetStatus;
  /** Where the cited unit is (status 'ok'): its text, trimmed. */
  readonly start: number;
  readonly end: number;
  /** The heading of the cited article, chapter or appendix (index into the model's headings); -1 when none. */
  readonly heading: number;
  readonly place: Place;
  /** 第二十条第一款 (status 'ok'). */
  readonly label: string;
  /** Why it points at nothing (status 'missing'). */
  readonly reason?: Localized;
}

/** A line ending with one of these ends its sentence: the next line starts a new paragraph or item. */
const ENDS_LINE = new Set('。；;：:！？!?”」』）)');

function emptyPlace(): Place {
  return { part: -1, chapter: -1, section: -1, article: -1, paragraph: -1, item: -1, sub: -1 };
}

/**
 * The value a citation gives a 条/章/节/编 heading: 第十条 → 1000, 第十条之一 → 1001, 第 1-1 條 → 101, 第 五 編之一 → 501.
 * Read from `text` where given (the heading's marker string is made only when asked for).
 */
export function articleValue(h: Heading, text?: string): number {
  if (text !== undefined && !h.repaired) {
    const unit = readUnit(text, h.headingStart, false);
    if (unit !== undefined && unit.level <= Level.Article) return unit.value;
  }
  const n = h.ordinal ?? 0;
  const m = h.marker;
  let sub = 0;
  const zhi = m.indexOf('之');
  if (zhi >= 0) sub = cnNumeralValue(m.slice(zhi + 1)) ?? 0;
  const dash = Math.max(m.indexOf('-'), m.indexOf('－'));
  if (dash >= 0) {
    for (let i = dash + 1; i < m.length && digitValue(m.charCodeAt(i)) >= 0; i++) sub = sub * 10 + digitValue(m.charCodeAt(i));
  }
  return n * 100 + Math.min(sub, 99);
}

/** The citable structure of one version of a document. */
export class CitableStructure {
  /** Heading indices of the articles, in document order. */
  readonly articles: number[] = [];
  readonly #byValue = new Map<number, number>();
  /** The value of each 编/章/节/条 heading, by heading index (see `articleValue`); 0 for other headings. */
  readonly #values: Int32Array;
  readonly #paragraphs = new Map<number, Paragraph[]>();
  readonly parts: number[] = [];
  readonly chapters: number[] = [];
  readonly sections: number[] = [];
  /** Appendix headings with a number: 附件 / 附录 (key 0) and 附表 (key 1). */
  readonly appendices: [number[], number[]] = [[], []];

  /** @param headingValues the values of the 编/章/节/条 headings, by heading index, where the caller has read them (CitationIndex) */
  constructor(
    readonly text: string,
    readonly model: ReportModel,
    readonly taiwan: boolean,
    headingValues?: Int32Array,
  ) {
    const hs = model.headings;
    this.#values = headingValues ?? new Int32Array(hs.length);
    for (let i = 0; i < hs.length; i++) {
      const h = hs[i]!;
      const kind = h.kind;
      if (kind === 'article' || kind === 'part' || kind === 'chapter' || kind === 'section') {
        if (this.#values[i] === 0) this.#values[i] = articleValue(h, text); // not read by the caller (a repaired heading)
        if (kind === 'article') {
          if (!this.#byValue.has(this.#values[i]!)) this.#byValue.set(this.#values[i]!, this.articles.length);
          this.articles.push(i);
        } else {
          (kind === 'part' ? this.parts : kind === 'chapter' ? this.chapters : this.sections).push(i);
        }
      } else if (kind === 'appendix') {
        if (text.startsWith('附表', h.headingStart)) this.appendices[1].push(i);
        else if (text.charCodeAt(h.headingStart) === 0x9644 /* 附 */) this.appendices[0].push(i);
      }
    }
  }

  /** The value citations give heading `h` (a 编/章/节/条): n * 100 + sub. */
  valueOf(h: number): number {
    return this.#values[h] ?? 0;
  }

  /** The 编 (Level.Part), 章 or 节 list. */
  groups(level: Level.Part | Level.Chapter | Level.Section): readonly number[] {
    return level === Level.Part ? this.parts : level === Level.Chapter ? this.chapters : this.sections;
  }

  /** The headings of a 编/章/节 list whose value is `v`, in document order (the lists read once, on first use). */
  groupsWithValue(level: Level.Part | Level.Chapter | Level.Section, v: number): readonly number[] {
    let byValue = this.#groupsByValue[level];
    if (byValue === undefined) {
      byValue = new Map<number, number[]>();
      for (const h of this.groups(level)) {
        const value = this.valueOf(h);
        const same = byValue.get(value);
        if (same === undefined) byValue.set(value, [h]);
        else same.push(h);
      }
      this.#groupsByValue[level] = byValue;
    }
    return byValue.get(v) ?? NO_HEADINGS;
  }

  readonly #groupsByValue: Array<Map<number, number[]> | undefined> = [undefined, undefined, undefined];

  /**
   * The 编/章/节 numbered `v` (inside heading `scope`, if given) that a citation means: the first that holds something
   * (a contents list repeats 第二章 总则 before the body), else the first; -1 when none. Only the headings of that value
   * are looked at, and inside a scope only those between it and its last descendant: a search of the whole list at
   * every 第X章 was quadratic in a law of many chapters. The answer without a scope is kept per value.
   */
  groupWithValue(level: Level.Part | Level.Chapter | Level.Section, v: number, scope = -1): number {
    const cache = scope < 0 ? (this.#firstByValue[level] ??= new Map<number, number>()) : undefined;
    const cached = cache?.get(v);
    if (cached !== undefined) return cached;
    const hs = this.model.headings;
    const same = this.groupsWithValue(level, v);
    let from = 0;
    let to = same.length;
    const last = scope >= 0 ? this.lastDescendant(scope) : -1;
    if (last >= 0) {
      // (heading indices are integers: the entries ≤ x are those < x + 1)
      from = lowerBound(same, scope + 1);
      to = lowerBound(same, last + 1);
    }
    let found = -1;
    for (let k = from; k < to; k++) {
      const h = same[k]!;
      if (scope >= 0 && !isInside(hs, h, scope)) continue;
      if (hs[h]!.children.length > 0) {
        found = h;
        break;
      }
      if (found < 0) found = h;
    }
    cache?.set(v, found);
    return found;
  }

  readonly #firstByValue: Array<Map<number, number> | undefined> = [undefined, undefined, undefined];

  /** The position of heading `h` in a 编/章/节 list (as `indexOf`), or -1. */
  groupPosition(level: Level.Part | Level.Chapter | Level.Section, h: number): number {
    const list = this.groups(level);
    if (this.#groupPositions === undefined) {
      const at = new Int32Array(this.model.headings.length).fill(-1);
      for (const l of [this.parts, this.chapters, this.sections]) l.forEach((g, k) => (at[g] = k));
      this.#groupPositions = at;
    }
    const k = h >= 0 && h < this.#groupPositions.length ? this.#groupPositions[h]! : -1;
    return k >= 0 && list[k] === h ? k : -1;
  }

  #groupPositions: Int32Array | undefined;

  /**
   * The largest heading index among `h` and its descendants (every descendant of h lies in (h, this]); -1 when the
   * model's tree has a parent after its child (then no range is known).
   */
  lastDescendant(h: number): number {
    if (this.#lastDescendants === undefined) {
      const hs = this.model.headings;
      let last: Int32Array | null = new Int32Array(hs.length);
      for (let i = 0; i < hs.length; i++) last[i] = i;
      // a parent comes before its children: from the end, each heading's last is final before its parent reads it
      for (let i = hs.length - 1; i >= 0; i--) {
        const p = hs[i]!.parent;
        if (p >= i) {
          last = null;
          break;
        }
        if (p >= 0 && last[i]! > last[p]!) last[p] = last[i]!;
      }
      this.#lastDescendants = last;
    }
    return this.#lastDescendants === null ? -1 : this.#lastDescendants[h]!;
  }

  #lastDescendants: Int32Array | null | undefined;

  /** The first appendix heading (附件/附录: list 0, 附表: list 1) numbered `v`, or -1 (a table made on first use). */
  appendixNumbered(list: 0 | 1, v: number): number {
    let byNumber = this.#appendixByNumber[list];
    if (byNumber === undefined) {
      byNumber = new Map<number, number>();
      for (const h of this.appendices[list]) {
        const n = this.model.headings[h]!.ordinal;
        if (n !== undefined && !byNumber.has(n)) byNumber.set(n, h);
      }
      this.#appendixByNumber[list] = byNumber;
    }
    return byNumber.get(v) ?? -1;
  }

  readonly #appendixByNumber: [Map<number, number> | undefined, Map<number, number> | undefined] = [undefined, undefined];

  articleByValue(value: number): number {
    return this.#byValue.get(value) ?? -1;
  }

  /** The article (position in `articles`) holding `offset`, or -1. */
  articleAt(offset: number): number {
    const as = this.articles;
    const hs = this.model.headings;
    const found = lastStartingBy(as.length, (i) => hs[as[i]!]!.start, offset);
    return found >= 0 && offset < hs[as[found]!]!.end ? found : -1;
  }

  /** The paragraphs of an article (position in `articles`), with their items and sub-items. */
  paragraphs(article: number): Paragraph[] {
    let ps = this.#paragraphs.get(article);
    if (ps === undefined) {
      ps = this.#readParagraphs(this.model.headings[this.articles[article]!]!);
      this.#paragraphs.set(article, ps);
    }
    return ps;
  }

  #readParagraphs(h: Heading): Paragraph[] {
    const { text, model } = this;
    const starts = model.lineStarts;
    const out: Paragraph[] = [];
    let itemKind: MarkerKind | undefined;
    let subKind: MarkerKind | undefined;
    let lastChar = 0x3002;
    let para: { start: number; end: number; items: Item[] } | undefined;
    let item: { start: number; end: number; subs: Span[] } | undefined;
    let sub: { start: number; end: number } | undefined;
    for (let line = h.line; line < starts.length && starts[line]! < h.end; line++) {
      const lineStart = starts[line]!;
      let end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
      end = Math.min(end, h.end);
      if (end > lineStart && text.charCodeAt(end - 1) === 0x0d) end--;
      end = trimEnd(text, lineStart, end);
      let p = skipIndent(text, lineStart, end);
      if (line === h.line) p = skipIndent(text, h.headingStart + h.marker.length, end);
      if (p >= end) continue;
      if (line !== h.line && text.charCodeAt(p) === 0x7b2c && structureLineEnd(text, p) > 0) break; // Taiwan 第 二 款 社團
      const kind = line === h.line ? undefined : listKindAt(text, p, end);
      if (kind !== undefined && itemKind === undefined && para !== undefined) itemKind = kind;
      if (kind !== undefined && kind === itemKind && para !== undefined) {
        item = { start: p, end, subs: [] };
        para.items.push(item);
        sub = undefined;
      } else if (kind !== undefined && item !== undefined && (subKind === undefined || kind === subKind)) {
        subKind = kind;
        sub = { start: p, end };
        item.subs.push(sub);
      } else if (para === undefined || (kind === undefined && ENDS_LINE.has(String.fromCharCode(lastChar)) && !(item !== undefined && isHangingIndent(text, lineStart)))) {
        para = { start: p, end, items: [] };
        out.push(para);
        item = undefined;
        sub = undefined;
      }
      // a line that continues a sentence, or a third kind of marker, extends what is open
      para!.end = end;
      if (item !== undefined) item.end = end;
      if (sub !== undefined) sub.end = end;
      lastChar = text.charCodeAt(end - 1);
    }
    for (const para of out) if (para.items.length === 0) inlineItems(text, para);
    return out;
  }

  /** Where `offset` sits: its 编/章/节, article, paragraph, item and sub-item (-1 where none). */
  placeAt(offset: number): Place {
    const place = emptyPlace();
    const hs = this.model.headings;
    for (let h = headingAt(this.model, offset); h >= 0; h = hs[h]!.parent) {
      const k = hs[h]!.kind;
      if (k === 'part' && place.part < 0) place.part = h;
      else if (k === 'chapter' && place.chapter < 0) place.chapter = h;
      else if (k === 'section' && place.section < 0) place.section = h;
    }
    place.article = this.articleAt(offset);
    if (place.article < 0) return place;
    const ps = this.paragraphs(place.article);
    place.paragraph = lastAtOrBefore(ps, offset);
    if (place.paragraph < 0) return place;
    const para = ps[place.paragraph]!;
    place.item = lastAtOrBefore(para.items, offset);
    if (place.item >= 0) place.sub = lastAtOrBefore(para.items[place.item]!.subs, offset);
    return place;
  }

  /** 第二十条第一款 / 第 20 條第 1 項 for a place. */
  label(place: Place): string {
    const hs = this.model.headings;
    if (place.article < 0) {
      if (place.section >= 0) return (place.chapter >= 0 ? hs[place.chapter]!.marker : '') + hs[place.section]!.marker;
      const h = place.chapter >= 0 ? place.chapter : place.part;
      return h >= 0 ? hs[h]!.marker : '';
    }
    let s = hs[this.articles[place.article]!]!.marker;
    if (place.paragraph >= 0 && (place.item < 0 || this.paragraphs(place.article).length > 1)) {
      s += `第${formatCnNumeral(place.paragraph + 1)}${this.taiwan ? '項' : '款'}`;
    }
    if (place.item >= 0) s += `第${formatCnNumeral(place.item + 1)}${this.taiwan ? '款' : '项'}`;
    if (place.sub >= 0) s += `第${formatCnNumeral(place.sub + 1)}目`;
    return s;
  }

  /** The text span of a place's deepest unit, and the heading that holds it. */
  span(place: Place): { start: number; end: number; heading: number } | undefined {
    const hs = this.model.headings;
    if (place.article >= 0) {
      const heading = this.articles[place.article]!;
      const h = hs[heading]!;
      if (place.paragraph < 0) return { start: h.headingStart, end: trimEnd(this.text, h.headingStart, h.end), heading };
      const para = this.paragraphs(place.article)[place.paragraph]!;
      if (place.item < 0) return { start: para.start, end: para.end, heading };
      const item = para.items[place.item]!;
      if (place.sub < 0) return { start: item.start, end: item.end, heading };
      const sub = item.subs[place.sub]!;
      return { start: sub.start, end: sub.end, heading };
    }
    const heading = place.section >= 0 ? place.section : place.chapter >= 0 ? place.chapter : place.part;
    if (heading < 0) return undefined;
    const h = hs[heading]!;
    return { start: h.headingStart, end: trimEnd(this.text, h.headingStart, h.end), heading };
  }

  /** 第三章 › 第一节 › 第三十条 › 第二款: the structure above a place, then its units. */
  path(place: Place): string[] {
    const hs = this.model.headings;
    const names: string[] = [];
    const span = this.span(place);
    if (span === undefined) return names;
    for (let h = hs[span.heading]!.parent; h >= 0; h = hs[h]!.parent) {
      const heading = hs[h]!;
      if (heading.kind === 'title') continue;
      names.push(heading.marker !== '' && heading.kind !== 'appendix' ? heading.marker : heading.name);
    }
    names.reverse();
    const top = hs[span.heading]!;
    names.push(top.kind === 'appendix' ? top.name : top.marker);
    if (place.article >= 0) {
      if (place.paragraph >= 0 && (place.item < 0 || this.paragraphs(place.article).length > 1)) {
        names.push(`第${formatCnNumeral(place.paragraph + 1)}${this.taiwan ? '項' : '款'}`);
      }
      if (place.item >= 0) names.push(`第${formatCnNumeral(place.item + 1)}${this.taiwan ? '款' : '项'}`);
      if (place.sub >= 0) names.push(`第${formatCnNumeral(place.sub + 1)}目`);
    }
    return names;
  }
}

/**
 * Items written inside their paragraph's line (有下列情形之一的：（一）…；（二）…。), as some copies of laws do: （一）, （二) …
 * found in order; each item runs to the next one or the paragraph's end.
 */
function inlineItems(text: string, para: { readonly start: number; readonly end: number; readonly items: Item[] }): void {
  const starts: number[] = [];
  let from = para.start;
  // searched within the paragraph (and the 4 code units a marker starting in it may reach past its end): indexOf over
  // the rest of the text from every paragraph without one was quadratic (a law of 100,000 articles: 5.5 s at 4 MB)
  const base = para.start;
  const body = text.slice(base, para.end + 4);
  for (let k = 1; k <= 99; k++) {
    const numeral = formatCnNumeral(k);
    let found = -1;
    for (const open of ['（', '(']) {
      const close = open === '（' ? '）' : ')';
      const i = body.indexOf(open + numeral + close, from - base);
      const at = i < 0 ? -1 : i + base;
      if (at >= 0 && at < para.end && (found < 0 || at < found)) found = at;
    }
    if (found < 0) break;
    starts.push(found);
    from = found + numeral.length + 2;
  }
  if (starts.length < 2) return; // one （一） alone is a parenthesis, not a list
  starts.forEach((start, i) => para.items.push({ start, end: trimEnd(text, start, i + 1 < starts.length ? starts[i + 1]! : para.end), subs: [] }));
}

/**
 * True when the line break at x (a LF) is a hard wrap inside a sentence: the line before ends mid-sentence and the
 * next one starts with no list marker, numeral or 第 (which start an item, a paragraph or a heading).
 */
function wrapsSentence(text: string, x: number): boolean {
  const before = x > 0 && text.charCodeAt(x - 1) === 0x0d ? x - 2 : x - 1;
  if (before < 0 || text.charCodeAt(before) === 0x0a || ENDS_LINE.has(text[before]!)) return false;
  const n = skipIndent(text, x + 1, Math.min(text.length, x + 13));
  const c = text.charCodeAt(n);
  return n < text.length && c !== 0x0a && c !== 0x0d && c !== 0xff08 /* （ */ && c !== 0x28 && c !== 0x7b2c /* 第 */ && !isCnNumeralCode(c) && digitValue(c) < 0;
}

/** Taiwan's law texts indent the lines that continue an item with ASCII spaces (      個人或營利事業出售…). */
function isHangingIndent(text: string, lineStart: number): boolean {
  return text.charCodeAt(lineStart) === 0x20 && text.charCodeAt(lineStart + 1) === 0x20;
}

/** The list marker a line starts with: （一） 一、 1. … and Taiwan's 一　 (a numeral and an ideographic space). */
function listKindAt(text: string, p: number, end: number): MarkerKind | undefined {
  const m = matchMarker(text, p, end);
  if (m !== undefined) return gbLevel(m.kind) > 0 ? m.kind : undefined;
  let q = p;
  while (q < end && q - p < 4 && isCnNumeralCode(text.charCodeAt(q))) q++;
  return q > p && q < end && text.charCodeAt(q) === 0x3000 ? 'cn' : undefined;
}

const NO_HEADINGS: readonly number[] = [];

function lastAtOrBefore(spans: readonly Span[], offset: number): number {
  return lastStartingBy(spans.length, (i) => spans[i]!.start, offset);
}

const UNIT_NAMES_MAINLAND = ['编', '章', '节', '条', '款', '项', '目'];
const UNIT_NAMES_TAIWAN = ['編', '章', '節', '條', '項', '款', '目'];

/** Characters looked at by the resolvers' search for the sentence of a bare citation (for the test that it stays linear). */
let sentenceSteps = 0;

/** The number of characters the sentence search of `CitationResolver` has looked at in this process. */
export function citationSentenceSteps(): number {
  return sentenceSteps;
}

/** Resolves the citations of one index against its own document, caching each answer (one resolver per version). */
export class CitationResolver {
  readonly #targets: Array<Target | undefined>;
  /** The first box of each number (index into `index.boxes`), made on the first box citation. */
  #boxByValue: Map<number, number> | undefined;
  /** Per article: its first paragraph with items (0 when none has). */
  readonly #firstWithItems = new Map<number, number>();

  /**
   * @param structure the document the citations are resolved in: their own (`document` -1), or another one that
   * `document` (an index into `index.documents`) names — then only its absolute citations resolve (a relative one
   * or a bare 第二款 points into the citing text, not there).
   */
  constructor(
    readonly index: CitationIndex,
    readonly structure: CitableStructure,
    readonly document = -1,
  ) {
    this.#targets = new Array<Target | undefined>(index.citations.length);
  }

  /** What citation `i` points at (its dependencies — the chain before it, the citation before 同条 — first). */
  target(i: number): Target {
    const stack = [i];
    while (stack.length > 0) {
      const j = stack[stack.length - 1]!;
      if (this.#targets[j] !== undefined) {
        stack.pop();
        continue;
      }
      const dep = this.#dependency(j);
      if (dep >= 0 && this.#targets[dep] === undefined) {
        stack.push(dep);
        continue;
      }
      this.#targets[j] = this.#resolve(j);
      stack.pop();
    }
    return this.#targets[i]!;
  }

  #dependency(j: number): number {
    const c = this.index.citations[j]!;
    if (c.chainPrevious >= 0) return c.chainPrevious;
    if (c.relative === 'same') {
      for (let k = j - 1; k >= 0 && k >= j - 50; k--) {
        const p = this.index.citations[k]!;
        if (p.kind === 'law') return k;
      }
    }
    return -1;
  }

  #resolve(j: number): Target {
    const c = this.index.citations[j]!;
    if (c.document !== this.document) return unresolved(c.document >= 0 ? 'external' : 'unknown');
    if (c.kind === 'appendix') return this.#appendix(c);
    if (c.kind === 'box') return this.#box(c);
    const foreign = this.document >= 0;
    let place = emptyPlace();
    const s = this.structure;
    let top = 0;
    while (top < LEVEL_COUNT && c.values[top] === 0) top++;
    if (c.relative !== 'none') {
      let base: Place;
      if (foreign && c.relative !== 'same') return unresolved('unknown');
      if (c.relative === 'same') {
        const dep = this.#dependency(j);
        const t = dep >= 0 ? this.target(dep) : undefined;
        if (t === undefined || t.status !== 'ok') return unresolved('unknown');
        base = { ...t.place };
      } else {
        base = s.placeAt(c.start);
      }
      place = truncate(base, c.relativeLevel);
      const at = get(place, c.relativeLevel);
      if (at < 0) return this.#group(c) ?? unresolved('unknown');
      if (c.relative === 'previous') {
        const moved = this.#previous(place, c.relativeLevel, c.count);
        if (moved < 0) {
          return missing(() => {
            const word = `前${c.count > 1 ? formatCnNumeral(c.count).replace('二', '两') : ''}${this.#unitName(c.relativeLevel)}`;
            return {
              zh: `「${word}」没有可指的内容：这里之前没有${c.count > 1 ? '足够的' : ''}${this.#unitName(c.relativeLevel)}`,
              en: `${word} points at nothing: there is no${c.count > 1 ? ' such' : ''} previous ${levelName(c.relativeLevel)} before it`,
            };
          });
        }
        set(place, c.relativeLevel, moved);
      }
    } else if (c.chainPrevious >= 0 && top > Level.Part && top !== Level.Article) {
      // 第八條第一項、第二項 / 第三章第一節及第三節: the units above its first one come from the element before it
      const t = this.target(c.chainPrevious);
      if (t.status !== 'ok') return unresolved(t.status === 'missing' ? 'unknown' : t.status);
      place = truncate({ ...t.place }, (top - 1) as Level);
    } else if (foreign) {
      if (top > Level.Article) return unresolved('unknown');
    } else if (top > Level.Article || top === Level.Section || top === Level.Chapter) {
      place = truncate(s.placeAt(c.start), (top - 1) as Level);
      if (top > Level.Article && place.article < 0) return unresolved('unknown');
      if (top === Level.Item) {
        // a bare 第三项 cites the items of this paragraph, or of the nearest paragraph before it that has items
        const ps = s.paragraphs(place.article);
        let k = place.paragraph;
        while (k >= 0 && ps[k]!.items.length === 0) k--;
        place.paragraph = k;
      }
    }
    const bare = c.relative === 'none' && c.chainPrevious < 0 && !foreign && top > Level.Article;
    const first = this.#applyAll(c, top, bare ? { ...place } : place);
    if (first.status !== 'missing' || !bare) return first;
    // 除第六十八條第一項規定交付郵政機關或依第二項之規定辦理者外: a bare 第二項 the current article does not have belongs to
    // the article cited earlier in the same sentence; a bare 第二目 an item without sub-items cites, to the item cited
    // earlier (第一款各目費用之適用範圍…、第二目符合規定之機構)
    const earlier = this.#sentencePlace(j);
    if (earlier === undefined) return first;
    // 依本條例第七條第一項第一款…，分別對應減除當年度第一款、第九款: after another law's citation, its units (not reported)
    if (earlier === 'other') return unresolved('unknown');
    const base = truncate({ ...earlier }, (top - 1) as Level);
    if (FIELDS.every((f) => base[f] === place[f])) return first;
    const retry = this.#applyAll(c, top, base);
    return retry.status === 'ok' ? retry : first;
  }

  #applyAll(c: Citation, top: number, place: Place): Target {
    const s = this.structure;
    for (let level = top; level < LEVEL_COUNT; level++) {
      const v = c.values[level]!;
      if (v === 0) continue;
      const problem = this.#apply(place, level as Level, v);
      if (problem !== undefined) return problem;
    }
    const span = s.span(place);
    if (span === undefined) return unresolved('unknown');
    return new OkTarget(span.start, span.end, span.heading, place, s, LabelFrom.Place);
  }

  /** 本款 / 本目 of a Taiwan law outside any item: the group of articles it is written in (第 三 款 旅客運送), if any. */
  #group(c: Citation): Target | undefined {
    const s = this.structure;
    if (!s.taiwan || c.relative !== 'this' || c.relativeLevel < Level.Item) return undefined;
    const kind: MarkerKind = c.relativeLevel === Level.Item ? 'group' : 'subgroup';
    const hs = s.model.headings;
    let h = headingAt(s.model, c.start);
    while (h >= 0 && hs[h]!.kind !== kind) h = hs[h]!.parent;
    if (h < 0) return undefined;
    const g = hs[h]!;
    let end = g.end;
    while (end > g.headingEnd && isBlank(s.text.charCodeAt(end - 1))) end--;
    return new OkTarget(g.headingStart, end, h, truncate(s.placeAt(c.start), Level.Section), s, LabelFrom.Heading);
  }

  /**
   * Where the nearest citation of this document before citation `j` in the same sentence points; 'other' when the
   * sentence cites only other documents before it; undefined if it cites none or the nearest points nowhere.
   */
  #sentencePlace(j: number): Place | 'other' | undefined {
    const cs = this.index.citations;
    const text = this.structure.text;
    const c = cs[j]!;
    // [checked, c.start) holds no sentence end: each character is looked at once (from every citation back to
    // c.start it was quadratic: a bare 第九项 after 8,000 citations of other laws in one sentence took 16 s)
    let checked = c.start;
    let other = false;
    for (let k = j - 1; k >= 0; k--) {
      const p = cs[k]!;
      for (let x = p.end; x < checked; x++) {
        sentenceSteps++;
        const ch = text.charCodeAt(x);
        if (ch === 0x3002 /* 。 */ || ch === 0xff1b /* ； */ || ch === 0x3b /* ; */ || (ch === 0x0a && !wrapsSentence(text, x))) return other ? 'other' : undefined;
      }
      checked = Math.min(checked, p.end);
      if (p.kind !== 'law') continue;
      if (p.document >= 0) {
        other = true;
        continue;
      }
      const t = this.target(k);
      return t.status === 'ok' && t.place.article >= 0 ? t.place : undefined;
    }
    return other ? 'other' : undefined;
  }

  #unitName(level: Level): string {
    return (this.structure.taiwan ? UNIT_NAMES_TAIWAN : UNIT_NAMES_MAINLAND)[level]!;
  }

  /** Moves to the unit `count` before the place's unit at `level`; the new index, or -1. */
  #previous(place: Place, level: Level, n: number): number {
    const s = this.structure;
    switch (level) {
      case Level.Article:
      case Level.Paragraph:
      case Level.Item:
      case Level.SubItem:
        return get(place, level) - n;
      default: {
        // (the position from a table: indexOf over every chapter at every 前章 was quadratic)
        const list = s.groups(level);
        const k = s.groupPosition(level, get(place, level)) - n;
        return k >= 0 ? list[k]! : -1;
      }
    }
  }

  /** Sets `level` of `place` to the unit numbered `v`; a Target when it does not exist. */
  #apply(place: Place, level: Level, v: number): Target | undefined {
    const s = this.structure;
    const name = this.#unitName(level);
    switch (level) {
      case Level.Part:
      case Level.Chapter:
      case Level.Section: {
        if (s.groups(level).length === 0) return unresolved('unknown');
        const scope = level === Level.Chapter ? place.part : level === Level.Section ? place.chapter : -1;
        // a contents list (目录) repeats 第二章 总则 before the body: the chapter that holds something wins
        let found = scope >= 0 ? s.groupWithValue(level, v, scope) : s.groupWithValue(level, v);
        // chapters numbered across the whole law (刑法 restarts them per 编, most laws do not)
        if (found < 0 && scope >= 0 && level === Level.Chapter) found = s.groupWithValue(level, v);
        if (found < 0) {
          return missing(() => ({ zh: `本文件没有${unitLabel(v, name)}`, en: `This document has no ${unitLabel(v, name)}` }));
        }
        set(place, level, found);
        return undefined;
      }
      case Level.Article: {
        if (s.articles.length === 0) return unresolved('unknown');
        const a = s.articleByValue(v);
        if (a < 0) {
          return missing(() => ({
            zh: `本文件没有${unitLabel(v, name)}（共 ${s.articles.length} 条）`,
            en: `This document has no ${unitLabel(v, name)} (it has ${s.articles.length} articles)`,
          }));
        }
        place.article = a;
        place.paragraph = place.item = place.sub = -1;
        return undefined;
      }
      case Level.Paragraph: {
        if (place.article < 0) return unresolved('unknown');
        const ps = s.paragraphs(place.article);
        if (v > ps.length) return this.#tooFew(place, level, v, ps.length);
        place.paragraph = v - 1;
        return undefined;
      }
      case Level.Item: {
        if (place.article < 0) return unresolved('unknown');
        const ps = s.paragraphs(place.article);
        if (place.paragraph < 0) {
          // 第X条第Y项 with no 款: the paragraph that has items (the first one that does)
          // (found once per article: searched at every citation, an article of 100,000 paragraphs was quadratic)
          let first = this.#firstWithItems.get(place.article);
          if (first === undefined) {
            first = Math.max(0, ps.findIndex((p) => p.items.length > 0));
            this.#firstWithItems.set(place.article, first);
          }
          place.paragraph = first;
        }
        const para = ps[place.paragraph];
        const n = para?.items.length ?? 0;
        if (v > n) return this.#tooFew(place, level, v, n);
        place.item = v - 1;
        return undefined;
      }
      default: {
        if (place.article < 0 || place.item < 0) return unresolved('unknown');
        const n = s.paragraphs(place.article)[place.paragraph]!.items[place.item]!.subs.length;
        if (v > n) return this.#tooFew(place, level, v, n);
        place.sub = v - 1;
        return undefined;
      }
    }
  }

  #tooFew(place: Place, level: Level, v: number, n: number): Target {
    const s = this.structure;
    const name = this.#unitName(level);
    const outer = truncate({ ...place }, (level - 1) as Level);
    return missing(() => ({
      zh: `${s.label(outer)}没有第${formatCnNumeral(v)}${name}（只有 ${n} ${name}）`,
      en: `${s.label(outer)} has no 第${formatCnNumeral(v)}${name} (it has ${n} ${levelName(level)}${n === 1 ? '' : 's'})`,
    }));
  }

  #box(c: Citation): Target {
    const boxes = this.index.boxes;
    if (boxes.length === 0) return unresolved('unknown');
    // (the first box of each number from a table made once: a find over every box at every 专栏N was quadratic)
    if (this.#boxByValue === undefined) {
      this.#boxByValue = new Map<number, number>();
      boxes.forEach((b, k) => {
        if (!this.#boxByValue!.has(b.value)) this.#boxByValue!.set(b.value, k);
      });
    }
    const k = this.#boxByValue.get(c.values[0]!);
    const box = k === undefined ? undefined : boxes[k];
    if (box === undefined) {
      return missing(() => ({ zh: `本文件没有专栏${c.values[0]}（共 ${boxes.length} 个专栏）`, en: `This document has no 专栏${c.values[0]} (it has ${boxes.length})` }));
    }
    return new OkTarget(box.start, box.end, headingAt(this.structure.model, box.start), emptyPlace(), this.structure, LabelFrom.Text);
  }

  #appendix(c: Citation): Target {
    const s = this.structure;
    const hs = s.model.headings;
    const schedule = c.values[1] === 1;
    const list = s.appendices[schedule ? 1 : 0];
    if (list.length === 0) return unresolved('unknown');
    const v = c.values[0]!;
    const found = v === 0 ? list[0]! : s.appendixNumbered(schedule ? 1 : 0, v);
    const word = schedule ? '附表' : '附件';
    if (found < 0) {
      return missing(() => ({
        zh: `本文件没有${word}${v}（共 ${list.length} 个${word}）`,
        en: `This document has no ${word}${v} (it has ${list.length})`,
      }));
    }
    const h = hs[found]!;
    return new OkTarget(h.headingStart, trimEnd(s.text, h.headingStart, h.end), found, emptyPlace(), s, LabelFrom.Heading);
  }
}

/** 第十条 / 第十条之一 / 第五编之一 for a value `n * 100 + sub`. */
function unitLabel(v: number, name: string): string {
  const n = Math.floor(v / 100);
  const sub = v % 100;
  return `第${formatCnNumeral(n)}${name}${sub > 0 ? '之' + formatCnNumeral(sub) : ''}`;
}

function isInside(hs: readonly Heading[], h: number, ancestor: number): boolean {
  for (let p = hs[h]!.parent; p >= 0; p = hs[p]!.parent) if (p === ancestor) return true;
  return false;
}

function levelName(level: Level): string {
  return ['part', 'chapter', 'section', 'article', 'paragraph', 'item', 'sub-item'][level]!;
}

const FIELDS: ReadonlyArray<keyof Place> = ['part', 'chapter', 'section', 'article', 'paragraph', 'item', 'sub'];

function get(place: Place, level: Level): number {
  return place[FIELDS[level]!];
}

function set(place: Place, level: Level, v: number): void {
  place[FIELDS[level]!] = v;
}

/** The place with every level deeper than `level` cleared. */
function truncate(place: Place, level: Level): Place {
  for (let l = level + 1; l < LEVEL_COUNT; l++) set(place, l as Level, -1);
  return place;
}

/** Where an 'ok' target's label comes from: the place's units, the heading's name, or the cited text itself. */
const enum LabelFrom {
  Place,
  Heading,
  Text,
}

/**
 * A target whose label (a heading's marker, made on first read) is written only when asked for: the check resolves
 * every citation and reads no label. A class rather than an object literal with a getter and a closure: V8 builds such
 * literals slowly (7% of the pipeline on a text of 前款 / 同条 on every line).
 */
class OkTarget implements Target {
  readonly status = 'ok';
  #label: string | undefined;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly heading: number,
    readonly place: Place,
    readonly structure: CitableStructure,
    readonly from: LabelFrom,
  ) {}

  get label(): string {
    if (this.#label === undefined) {
      const s = this.structure;
      if (this.from === LabelFrom.Place) this.#label = s.label(this.place);
      else if (this.from === LabelFrom.Text) this.#label = s.text.slice(this.start, this.end);
      else {
        const h = s.model.headings[this.heading]!;
        this.#label = h.name || h.marker;
      }
    }
    return this.#label;
  }
}

const NOWHERE: Place = Object.freeze(emptyPlace());
/** The unresolved targets: one of each, shared (read-only; their place is frozen). */
const UNRESOLVED: Readonly<Record<'external' | 'unknown', Target>> = {
  external: Object.freeze({ status: 'external', start: -1, end: -1, heading: -1, place: NOWHERE, label: '' }),
  unknown: Object.freeze({ status: 'unknown', start: -1, end: -1, heading: -1, place: NOWHERE, label: '' }),
};

function unresolved(status: 'external' | 'unknown'): Target {
  return UNRESOLVED[status];
}

/**
 * A citation of something the document does not have. Its reason (a label and two messages) is written when first
 * read: the check reads it only for the findings it keeps (1000 by default), not for every missing citation.
 */
class MissingTarget implements Target {
  readonly status = 'missing';
  readonly start = -1;
  readonly end = -1;
  readonly heading = -1;
  readonly place = NOWHERE;
  readonly label = '';
  #reason: Localized | undefined;

  constructor(readonly write: () => Localized) {}

  get reason(): Localized {
    return (this.#reason ??= this.write());
  }
}

function missing(reason: () => Localized): Target {
  return new MissingTarget(reason);
}

/** True for a blank character (for trimming cited text). */
export function isBlank(c: number): boolean {
  return isIndent(c) || c === 0x0a || c === 0x0d;
}

/** A document version's citations with the structure they point into and their resolver. */
export interface DocumentCitations {
  readonly index: CitationIndex;
  readonly structure: CitableStructure;
  readonly resolver: CitationResolver;
}

export function documentCitations(text: string, model: ReportModel): DocumentCitations {
  const index = indexCitations(text, model);
  const structure = new CitableStructure(text, model, index.taiwan, index.headingValues);
  return { index, structure, resolver: new CitationResolver(index, structure) };
}
