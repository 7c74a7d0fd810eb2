/**
 * Numbering of headings: gaps, duplicates and order among siblings; levels that climb back over a skipped one;
 * children without a parent of the expected kind; mixed bracket widths within one level.
 *
 * Siblings are the children of one parent with one marker kind, except law articles (第X条), which are numbered
 * through the whole law across chapters. A list that starts again at one (1. 2. 3. … 1. 2.) is a new list, not
 * an error. Lines that look like a marker of the same kind but are not headings (a marker alone on its line, a
 * glossary entry, 二，, a marker with a pinyin gloss inside) explain a gap instead of being reported as missing.
 */
import { cnNumeralValueAt, isCnNumeralCode, isIndent } from '../chars';
import { stripGlosses } from '../gloss';
import { lowerBound } from '../lines';
import type { HeadingTable } from '../headingTable';
import { GB_LEVEL_BY_CODE, GB_LEVEL_KINDS, KIND_BY_CODE, LAW_BY_CODE, canStartMarker, gbLevel, isLawKind, kindCode, markerInfo, matchMarker, restyleMarker } from '../markers';
import type { Heading } from '../model';
import { keeps } from './bounded';
import { CheckContext, localized, q } from './context';
import type { Edit, Finding, Fix } from './types';

interface Item {
  readonly index: number;
  readonly h: Heading;
  readonly ordinal: number;
  /** 第X条之一 / 第 15-1 條: may repeat the previous article's number. */
  readonly suffix: boolean;
}

/** A line that reads like a marker but is not a heading: it may be what a "missing" number really is. */
export interface NearMiss {
  /** A marker kind ('ordinal' for 第一，/首先， lists). */
  readonly kind: string;
  readonly ordinal: number;
  readonly offset: number;
}

function ordinalOf(ctx: CheckContext, h: Heading): number | undefined {
  if (h.kind === 'decimal') {
    const end = ctx.markerEnd(h);
    const marker = end < 0 ? h.marker : ctx.text.slice(h.headingStart, end);
    const m = /(\d+)\s*$/.exec(marker.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
    return m ? Number(m[1]) : undefined;
  }
  return h.ordinal;
}

/** The marker a heading of this kind would carry with number `n` (for messages), in the heading's own style (`style`: its siblings' markers too). */
export function markerWithNumber(h: Heading, n: number, style = h.marker): string {
  return restyleMarker(h.marker, h.kind, n, style) ?? String(n);
}

/** 第X条之一, 第 15-1 條, 第 四 章之一 (the 之一 of a chapter is not part of its marker): numbered after the one before. */
export function hasSuffix(ctx: CheckContext, h: Heading): boolean {
  if (!isLawKind(h.kind)) return false;
  const end = ctx.markerEnd(h);
  if (end < 0) return /之|[-－]/.test(h.marker);
  const { text } = ctx;
  for (let i = h.headingStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x4e4b /* 之 */ || c === 0x2d || c === 0xff0d) return true;
  }
  return text.charCodeAt(end) === 0x4e4b && isCnNumeralCode(text.charCodeAt(end + 1));
}

function itemOf(ctx: CheckContext, i: number): Item | undefined {
  const h = ctx.model.headings[i]!;
  const ordinal = ordinalOf(ctx, h);
  return ordinal === undefined ? undefined : { index: i, h, ordinal, suffix: hasSuffix(ctx, h) };
}

/** itemOf read from the heading table where it can (a decimal's number is in its marker). */
function itemAt(ctx: CheckContext, i: number, code: number): Item | undefined {
  const ordinal = ctx.table.ordinal[i]!;
  if (code === DECIMAL || Number.isNaN(ordinal)) return itemOf(ctx, i);
  const h = ctx.model.headings[i]!;
  return { index: i, h, ordinal, suffix: LAW_BY_CODE[code] === 1 && hasSuffix(ctx, h) };
}

/** The family a heading is numbered in: its kind (壹、 and 一、 apart); decimals by depth. */
function familyOf(h: Heading): string {
  return h.kind === 'decimal' ? `decimal${h.depth}` : h.kind;
}

/** Kind codes the passes compare with (see kindCode). */
const TITLE = kindCode('title');
const MARKDOWN = kindCode('markdown');
const ARTICLE = kindCode('article');
const APPENDIX = kindCode('appendix');
const DECIMAL = kindCode('decimal');
const CN_PAREN = kindCode('cnParen');
const NUM_PAREN = kindCode('numParen');

/** Siblings numbered together: one parent's children of one family (all articles, all appendices). */
interface Group {
  readonly key: string;
  readonly items: Item[];
}

/**
 * The sibling groups of the children of heading `parent` (-1: the roots), added to `out` (articles and appendices to
 * their own lists). Read from the heading table: the objects only of the groups that are not numbered 1, 2, 3 ….
 * (Module-level functions, not closures made per run: their optimised code then survives from one run to the next.)
 */
function siblingGroups(ctx: CheckContext, table: HeadingTable, parent: number, out: Group[], articles: Item[], appendices: Item[]): void {
  const c0 = table.first(parent);
  if (c0 < 0) return;
  const { headings } = ctx.model;
  const { kind, ordinal } = table;
  // The common case first: list siblings of one kind numbered 1, 2, 3 … need no items at all.
  const k0 = kind[c0]!;
  if (GB_LEVEL_BY_CODE[k0]! > 0) {
    let n = 0;
    for (let i = c0; i >= 0; i = table.next(i)) {
      if (kind[i] !== k0 || ordinal[i] !== n + 1) {
        n = -1;
        break;
      }
      n++;
    }
    if (n > 0) return;
  }
  // Children of one parent almost always share one kind: a group per kind (and per depth for 3.1 / 3.1.2).
  let groups: Map<string, Item[]> | undefined;
  let first: Item[] | undefined;
  let firstKey = '';
  for (let i = c0; i >= 0; i = table.next(i)) {
    const code = kind[i]!;
    if (code === TITLE || code === MARKDOWN) continue;
    if (code === ARTICLE || code === APPENDIX) {
      const it = itemOf(ctx, i);
      if (it !== undefined) (code === ARTICLE ? articles : appendices).push(it);
      continue;
    }
    const it = itemAt(ctx, i, code);
    if (it === undefined) continue;
    const key = code === DECIMAL ? familyOf(headings[i]!) : KIND_BY_CODE[code]!;
    if (first === undefined) {
      first = [it];
      firstKey = key;
      out.push({ key, items: first });
    } else if (key === firstKey) {
      first.push(it);
    } else {
      groups ??= new Map();
      let g = groups.get(key);
      if (g === undefined) {
        groups.set(key, (g = []));
        out.push({ key, items: g });
      }
      g.push(it);
    }
  }
}

/** Sibling groups: children of one parent with one family (decimal: one depth); all articles, all appendices together. */
function sequences(ctx: CheckContext): Group[] {
  const { table } = ctx;
  const out: Group[] = [];
  const articles: Item[] = [];
  const appendices: Item[] = [];
  siblingGroups(ctx, table, -1, out, articles, appendices);
  for (let i = 0; i < table.count; i++) if (table.first(i) >= 0) siblingGroups(ctx, table, i, out, articles, appendices);
  // articles and appendices in document order (they were collected parent by parent)
  inDocumentOrder(articles);
  inDocumentOrder(appendices);
  if (articles.length > 0) out.push({ key: 'article', items: articles });
  if (appendices.length > 0) out.push({ key: 'appendix', items: appendices });
  return out;
}

/** Sorts items by heading index (they are most often in order already). */
function inDocumentOrder(items: Item[]): void {
  for (let k = 1; k < items.length; k++) {
    if (items[k]!.index < items[k - 1]!.index) {
      items.sort((a, b) => a.index - b.index);
      return;
    }
  }
}

/** 1, 2, 3 … (and 第X条之一 after 第X条): nothing to report, the common case. */
function isConsecutive(items: readonly Item[]): boolean {
  let prev = 0;
  for (const item of items) {
    if (item.ordinal === prev + 1 || (item.suffix && item.ordinal === prev)) prev = item.ordinal;
    else return false;
  }
  return true;
}

/**
 * Lines that look like a marker but are not headings, found lazily (only when a gap needs explaining):
 * markers the parser did not take (alone on their line, glossary entries, a law's history) and 二，/二, misuses.
 */
export function findNearMisses(ctx: CheckContext): NearMiss[] {
  const out: NearMiss[] = [];
  const { text } = ctx;
  const glossed = ctx.model.damage.some((d) => d.kind === 'pinyinGloss');
  for (let line = 0; line < ctx.lineCount; line++) {
    if (ctx.isHeadingLine(line)) continue;
    const p = ctx.contentStart(line);
    const end = ctx.contentEnd(line);
    if (p >= end) continue;
    const c = text.charCodeAt(p);
    // 首先，… 第二，… 第三，: the first item of an ordinal list is often written 首先 (其次 the second, 再次 the third)
    const word = text.slice(p, p + 2);
    const nth = word === '首先' ? 1 : word === '其次' ? 2 : word === '再次' ? 3 : 0;
    if (nth > 0 && (p + 2 >= end || /[，,：:]/.test(text[p + 2]!))) {
      out.push({ kind: 'ordinal', ordinal: nth, offset: p });
      continue;
    }
    if (!canStartMarker(c)) continue;
    const comma = cnComma(text, p, end);
    if (comma !== undefined) {
      out.push({ kind: 'cn', ordinal: comma.ordinal, offset: p });
      continue;
    }
    const long = longCn(text, p, end);
    if (long !== undefined) {
      out.push({ kind: 'cn', ordinal: long, offset: p });
      continue;
    }
    let m = matchMarker(text, p, end);
    if (m === undefined && glossed) {
      // a gloss inside the marker hides it: （五(wǎng)）
      const line = stripGlosses(text.slice(p, Math.min(end, p + 40)));
      m = matchMarker(line, 0, line.length);
    }
    if (m && m.ordinal !== undefined && m.kind !== 'decimal') out.push({ kind: m.kind, ordinal: m.ordinal, offset: p });
  }
  return out;
}

/** 一百一十一、: the parser takes numerals of at most four characters; longer ones still explain a gap. */
function longCn(text: string, p: number, end: number): number | undefined {
  let q2 = p;
  while (q2 < end && q2 - p <= 8 && isCnNumeralCode(text.charCodeAt(q2))) q2++;
  if (q2 - p <= 4 || q2 >= end || text.charCodeAt(q2) !== 0x3001) return undefined;
  return cnNumeralValueAt(text, p, q2);
}

/** 二，xxx / 二,xxx at a line start: a Chinese-numeral marker written with a comma. */
export function cnComma(text: string, p: number, end: number): { ordinal: number; sep: number } | undefined {
  let q2 = p;
  while (q2 < end && q2 - p <= 4 && isCnNumeralCode(text.charCodeAt(q2))) q2++;
  if (q2 === p || q2 >= end || q2 - p > 4) return undefined;
  const sep = text.charCodeAt(q2);
  if (sep !== 0xff0c && sep !== 0x2c) return undefined;
  if (q2 + 1 >= end || isIndent(text.charCodeAt(q2 + 1))) return undefined;
  const ordinal = cnNumeralValueAt(text, p, q2);
  return ordinal !== undefined && ordinal > 0 ? { ordinal, sep: q2 } : undefined;
}

export function checkNumbering(ctx: CheckContext, out: Finding[]): void {
  const wantSeq = ctx.wants('numbering-gap') || ctx.wants('numbering-duplicate') || ctx.wants('numbering-order');
  if (wantSeq) checkSequences(ctx, out);
  if (ctx.wants('numbering-level-skip')) checkLevelSkips(ctx, out);
  if (ctx.wants('numbering-missing-parent')) checkMissingParents(ctx, out);
  if (ctx.wants('numbering-bracket-width')) checkBracketWidths(ctx, out);
}

/**
 * Where each group's numbering may start besides one: after the last number of its family before it in the document
 * (by group, the ordinal it continues; 0 when it does not). Documents number straight through their sections on
 * purpose: items 1.–32. across （一）–（十五）, （一）–（十五） across 一、, chapters across 篇 and 编, a page's running
 * head repeating 1.1.2 before 1.1.3. Also whether the family numbers so anywhere (a later jump is then a gap after
 * the number before it, not a list that does not start at one).
 */
function continuations(ctx: CheckContext, groups: readonly Group[]): { base: Float64Array; before: Array<Item | undefined>; continuous: Set<string> } {
  // by group index (a Map keyed by the groups hashed every group object: a third of the rule in a text of many small groups)
  const base = new Float64Array(groups.length);
  const previous = new Array<Item | undefined>(groups.length).fill(undefined);
  const continuous = new Set<string>();
  const keys = new Set<string>();
  for (const g of groups) if (g.key !== 'article' && g.key !== 'appendix' && g.items.length > 0) keys.add(g.key);
  if (keys.size === 0) return { base, before: previous, continuous };
  // every numbered heading of those families in document order (groups numbered 1, 2, 3 … are not in `groups`), by
  // index: an item is made only for the one found before a group. A family other than the decimals' is its kind: its
  // list is found by kind code (no string hashed per heading)
  const all = new Map<string, number[]>();
  const byCode: Array<number[] | undefined> = [];
  for (let code = 0; code < KIND_BY_CODE.length; code++) {
    const key = KIND_BY_CODE[code]!;
    if (code !== DECIMAL && keys.has(key)) all.set(key, (byCode[code] = []));
  }
  const { headings } = ctx.model;
  const { kind, ordinal, count } = ctx.table;
  for (let i = 0; i < count; i++) {
    const code = kind[i]!;
    if (GB_LEVEL_BY_CODE[code] === 0 && LAW_BY_CODE[code] === 0 && code !== DECIMAL) continue;
    if (code !== DECIMAL) {
      if (!Number.isNaN(ordinal[i])) byCode[code]?.push(i);
      continue;
    }
    const key = familyOf(headings[i]!);
    if (!keys.has(key) || ordinalOf(ctx, headings[i]!) === undefined) continue;
    let list = all.get(key);
    if (list === undefined) all.set(key, (list = []));
    list.push(i);
  }
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const indices = all.get(g.key);
    if (indices === undefined) continue;
    const first = g.items[0]!;
    // the heading just before the group's first (binary search: indices ascend)
    const lo = lowerBound(indices, first.index);
    const before = lo > 0 ? itemOf(ctx, indices[lo - 1]!) : undefined;
    if (before === undefined) continue;
    previous[gi] = before;
    if (first.ordinal > 1 && first.ordinal === before.ordinal + 1) {
      base[gi] = before.ordinal;
      continuous.add(g.key);
    }
  }
  return { base, before: previous, continuous };
}

/**
 * An excerpt of a law or code: its articles start past 第一条 (第三百条 …), or, without articles, its highest law
 * level does. Its first numbers are the law's own, not a list that fails to start at one.
 */
function isLawExcerpt(groups: readonly Group[]): boolean {
  const articles = groups.find((g) => g.key === 'article');
  if (articles !== undefined && articles.items.length > 0) return articles.items[0]!.ordinal > 1 && !articles.items[0]!.suffix;
  let top: Item | undefined;
  for (const g of groups) {
    const first = g.items[0];
    if (first === undefined || !isLawKind(first.h.kind)) continue;
    if (top === undefined || markerInfo(first.h.kind).rank! < markerInfo(top.h.kind).rank! || (first.h.kind === top.h.kind && first.index < top.index)) top = first;
  }
  return top !== undefined && top.ordinal > 1;
}

/**
 * The text of a heading's line, for telling a page's running head (第二章 会计数据和财务指标 at the top of every page)
 * from a number used twice.
 */
function lineText(ctx: CheckContext, h: Heading): string {
  return ctx.text.slice(ctx.contentStart(h.line), ctx.contentEnd(h.line));
}

/** A gap of at most this many numbers is looked for inside the lines before it, over at most this many characters. */
const MAX_INLINE_LOOKUPS = 3;
const MAX_INLINE_SPAN = 20_000;

function checkSequences(ctx: CheckContext, out: Finding[]): void {
  const { headings } = ctx.model;
  /** By kind, by number: the offsets of the near misses (no string made per lookup). */
  let nearMisses: Map<string, Map<number, number[]>> | undefined;
  /**
   * Missing numbers of `item`'s kind that a near miss between `from` and `to` accounts for are not missing; nor are a
   * few whose marker is written inside a line there (注：（1）… then （2） on a line of its own). The near misses are
   * looked up by kind and number (their offsets ascending, binary search): a scan of all of them per missing number
   * was quadratic in a long flat run with gaps.
   */
  const nearMissesAt = (kind: string, n: number): number[] | undefined => {
    if (nearMisses === undefined) {
      nearMisses = new Map();
      for (const m of findNearMisses(ctx)) {
        let byNumber = nearMisses.get(m.kind);
        if (byNumber === undefined) nearMisses.set(m.kind, (byNumber = new Map()));
        const list = byNumber.get(m.ordinal);
        if (list === undefined) byNumber.set(m.ordinal, [m.offset]);
        else list.push(m.offset);
      }
      for (const byNumber of nearMisses.values()) for (const list of byNumber.values()) list.sort((a, b) => a - b);
    }
    return nearMisses.get(kind)?.get(n);
  };
  const within = (offsets: readonly number[], from: number, to: number): boolean => {
    const lo = lowerBound(offsets, from);
    return lo < offsets.length && offsets[lo]! < to;
  };
  const explained = (kind: string, n: number, from: number, to: number): boolean => {
    const offsets = nearMissesAt(kind, n);
    return offsets !== undefined && within(offsets, from, to);
  };
  const unexplained = (item: Item, missing: number[], from: number, to: number): number[] => {
    if (missing.length === 0) return missing;
    const kind = item.h.kind;
    const left = missing.filter((n) => !explained(kind, n, from, to));
    if (left.length === 0 || left.length > MAX_INLINE_LOOKUPS || to - from > MAX_INLINE_SPAN || gbLevel(kind) === 0) return left;
    return inline(item, left, from, to);
  };
  /** The numbers of `left` whose marker is not written inside a line between `from` and `to`. */
  const inline = (item: Item, left: number[], from: number, to: number): number[] => {
    const kind = item.h.kind;
    return left.filter((n) => {
      const marker = restyleMarker(item.h.marker, kind, n);
      if (marker === undefined || marker.length < 2) return true;
      // within the span only (≤ MAX_INLINE_SPAN): an indexOf to the text's end for each gap would be quadratic
      return !ctx.text.slice(from, to).includes(marker);
    });
  };
  /**
   * `unexplained(item, range1(lo, hi).filter((n) => !present(n)), from, to).length > 0`, with no list made: at most
   * one more number than the inline lookups take is looked at past the present and explained ones (a group that
   * starts at its parent's number, （3517） under 三千五百一十七、, made a list of a thousand numbers and a string per
   * number for each such group, to ask whether it was empty).
   */
  const anyUnexplained = (item: Item, lo: number, hi: number, present: ((n: number) => boolean) | undefined, start: number | undefined, to: number): boolean => {
    const kind = item.h.kind;
    // `start` undefined: the end of the parent heading, read when needed (it makes the parent's strings)
    let from = start;
    const fromOf = (): number => (from ??= item.h.parent >= 0 ? headings[item.h.parent]!.headingEnd : 0);
    const left: number[] = [];
    for (let n = lo, k = 0; n <= hi && k < RANGE_MAX; n++, k++) {
      if (present !== undefined && present(n)) continue;
      const offsets = nearMissesAt(kind, n);
      if (offsets !== undefined && within(offsets, fromOf(), to)) continue;
      left.push(n);
      if (left.length > MAX_INLINE_LOOKUPS) return true;
    }
    if (left.length === 0) return false;
    if (to - fromOf() > MAX_INLINE_SPAN || gbLevel(kind) === 0) return true;
    return inline(item, left, fromOf(), to).length > 0;
  };
  const groups = sequences(ctx);
  let cont: ReturnType<typeof continuations> | undefined;
  let excerpt: boolean | undefined;
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi]!;
    const sequence = group.items;
    if (isConsecutive(sequence)) continue;
    cont ??= continuations(ctx, groups);
    const groupBase = cont.base[gi]!;
    const groupBefore = cont.before[gi];
    let firstRun = true;
    // each run (split where the numbering starts again at one) is sequence[a, b); its items are copied into an array only
    // for a finding that needs them (a text of one heading number repeated is 80,000 runs of one item per MB)
    for (let a = 0, b = 0; a < sequence.length; a = b) {
      b = a + 1;
      while (b < sequence.length && !(sequence[b]!.ordinal === 1 && !sequence[b]!.suffix)) b++;
      // a run that continues the numbering of the group before it starts after that group's last number
      const base = firstRun ? groupBase : 0;
      firstRun = false;
      let run: Item[] | undefined;
      const runItems = (): Item[] => (run ??= sequence.slice(a, b));
      let present: Set<number> | undefined;
      // (a short run is searched: most runs have one item)
      const isPresent = (n: number): boolean => {
        if (b - a <= SHORT_RUN) {
          for (let k = a; k < b; k++) if (sequence[k]!.ordinal === n) return true;
          return false;
        }
        return (present ??= new Set(runItems().map((item) => item.ordinal))).has(n);
      };
      /** The first item of each number seen so far in the run: made when a number comes again or out of order. */
      let seen: Map<number, Item> | undefined;
      let prev: Item | undefined;
      let max = base;
      let fix: Fix[] | undefined;
      /** The renumbering fix, computed for runs that have a finding only; never for a run that continues another. */
      const runFix = (): Fix[] => (fix ??= base > 0 ? [] : renumberFix(ctx, runItems()));
      for (let k = a; k < b; k++) {
        const item = sequence[k]!;
        const o = item.ordinal;
        if (prev === undefined) {
          if (o === base + 1) {
            // starts at one, or continues the group before it
          } else if (isLawKind(item.h.kind) && (excerpt ??= isLawExcerpt(groups))) {
            // an excerpt of a law starts at the law's own numbers
          } else if (cont.continuous.has(group.key) && base === 0 && (groupBefore?.ordinal ?? o) < o - 1) {
            // a family numbered straight through the document skips a number between two sections: a gap after the
            // number before it (no renumbering: that would change every later section)
            const before = groupBefore!;
            if (ctx.wants('numbering-gap') && anyUnexplained(item, before.ordinal + 1, o - 1, undefined, before.h.start, item.h.start)) {
              const range = ctx.reportRange(item.h);
              if (keeps(out, range.start, range.end)) out.push(gapFinding(ctx, before, item, unexplained(item, range1(before.ordinal + 1, o - 1), before.h.start, item.h.start), []));
            }
          } else {
            // (only whether a number is missing: the message names none)
            const range = o > 1 && ctx.wants('numbering-gap') && anyUnexplained(item, 1, o - 1, isPresent, undefined, item.h.start)
              ? ctx.reportRange(item.h)
              : undefined;
            if (range !== undefined && keeps(out, range.start, range.end)) {
              const first = markerWithNumber(item.h, 1);
              const marker = item.h.marker;
              out.push({
                code: 'numbering-gap', ...range, fixes: cont.continuous.has(group.key) ? [] : runFix(),
                message: localized(
                  `编号没有从${q(first)}开始：这一组的第一个是${q(marker)}。`,
                  `The numbering does not start at ${q(first)}: the first of these siblings is ${q(marker)}.`,
                ),
              });
            }
          }
        } else if (item.suffix && o === prev.ordinal) {
          // 第十五条之一 after 第十五条
        } else if (o === max + 1) {
          // in order
        } else if (o <= max) {
          if (seen === undefined) {
            seen = new Map();
            for (let j = a; j < k; j++) if (!seen.has(sequence[j]!.ordinal)) seen.set(sequence[j]!.ordinal, sequence[j]!);
          }
          const first = seen.get(o);
          if (first !== undefined && lineText(ctx, first.h) === lineText(ctx, item.h)) {
            // the same heading line again: a page's running head, not a second number
          } else if (first !== undefined && ctx.wants('numbering-duplicate')) {
            const range = ctx.reportRange(item.h);
            if (keeps(out, range.start, range.end)) {
              const marker = item.h.marker;
              out.push({
                code: 'numbering-duplicate', ...range, fixes: runFix(),
                message: localized(`编号重复：${q(marker)}在第 ${first.h.line + 1} 行已经出现过。`, `Duplicate number: ${q(marker)} already occurs on line ${first.h.line + 1}.`),
                related: [{ ...ctx.reportRange(first.h), message: localized(`第一次出现的${q(first.h.marker)}`, `the first ${q(first.h.marker)}`) }],
              });
            }
          } else if (first === undefined && ctx.wants('numbering-order')) {
            const range = ctx.reportRange(item.h);
            if (keeps(out, range.start, range.end)) {
              const marker = item.h.marker;
              out.push({
                code: 'numbering-order', ...range, fixes: runFix(),
                message: localized(`编号顺序颠倒：${q(marker)}出现在${q(prev.h.marker)}之后。`, `Numbers out of order: ${q(marker)} comes after ${q(prev.h.marker)}.`),
                related: [{ ...ctx.reportRange(prev.h), message: localized(`前一个编号${q(prev.h.marker)}`, `the previous number ${q(prev.h.marker)}`) }],
              });
            }
          }
        } else {
          // past the cap a gap is only counted: its message, its list of missing numbers and its renumbering (the whole
          // run) are not built
          if (ctx.wants('numbering-gap') && anyUnexplained(item, max + 1, o - 1, isPresent, prev.h.start, item.h.start)) {
            const range = ctx.reportRange(item.h);
            if (keeps(out, range.start, range.end)) {
              const missing = unexplained(item, range1(max + 1, o - 1).filter((n) => !isPresent(n)), prev.h.start, item.h.start);
              out.push(gapFinding(ctx, prev, item, missing, runFix()));
            }
          }
        }
        if (seen !== undefined && !seen.has(o)) seen.set(o, item);
        max = Math.max(max, o);
        prev = item;
      }
    }
  }
}

/** 「prev」之后是「item」，缺少 …: a gap between two numbers of one family. */
function gapFinding(ctx: CheckContext, prev: Item, item: Item, missing: readonly number[], fixes: Fix[]): Finding {
  const names = missing.slice(0, 5).map((n) => q(markerWithNumber(item.h, n, prev.h.marker + item.h.marker))).join('') + (missing.length > 5 ? '…' : '');
  const marker = item.h.marker;
  return {
    code: 'numbering-gap', ...ctx.reportRange(item.h), fixes,
    message: localized(`编号跳号：${q(prev.h.marker)}之后是${q(marker)}，缺少${names}。`, `Numbering gap: ${q(marker)} follows ${q(prev.h.marker)}; ${names} ${missing.length > 1 ? 'are' : 'is'} missing.`),
    related: [{ ...ctx.reportRange(prev.h), message: localized(`前一个编号${q(prev.h.marker)}`, `the previous number ${q(prev.h.marker)}`) }],
  };
}

/** A run of at most this many items is searched for a number (no Set made). */
const SHORT_RUN = 8;

/** At most this many numbers of a gap are looked at. */
const RANGE_MAX = 1000;

function range1(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to && out.length < RANGE_MAX; n++) out.push(n);
  return out;
}

/** A run with more breaks than this is not one list with a slip: renumbering it would guess. */
const MAX_BREAKS = 2;

/** Places where a run does not go on by one (its start counts when it is not one). */
function breaks(run: readonly Item[]): number {
  let n = run[0]!.ordinal === 1 ? 0 : 1;
  for (let i = 1; i < run.length; i++) if (run[i]!.ordinal !== run[i - 1]!.ordinal + 1) n++;
  return n;
}

/** Renumber a run of list siblings 1, 2, 3 … as one edit (only list markers; laws keep their numbers, citations depend on them). */
function renumberFix(ctx: CheckContext, run: readonly Item[]): Fix[] {
  if (run.length === 0 || gbLevel(run[0]!.h.kind) === 0 || breaks(run) > MAX_BREAKS) return [];
  const edits: Edit[] = [];
  for (let i = 0; i < run.length; i++) {
    const { h, ordinal } = run[i]!;
    if (ordinal === i + 1) continue;
    const range = ctx.markerRange(h);
    const marker = restyleMarker(h.marker, h.kind, i + 1);
    if (range === undefined || marker === undefined) return [];
    edits.push({ ...range, newText: marker });
  }
  if (edits.length === 0) return [];
  const first = run[0]!.h;
  const last = restyleMarker(first.marker, first.kind, run.length) ?? '';
  const from = restyleMarker(first.marker, first.kind, 1) ?? first.marker;
  return [{
    title: localized(`重新编号这一组（${from}…${last}，共 ${run.length} 项）`, `Renumber these ${run.length} siblings (${from} … ${last})`),
    edits, safe: false, preferred: true,
  }];
}

/**
 * True when a list level above `p` ranks above `rank`: the child's level lies between the levels the document uses
 * above it (一、 → 1. → （一）). A document whose lists start lower (a judgment's evidence 1.–11., then its orders
 * 一、 二、, which the outline nests under the last 1.) has no level above to climb back to: its lists are its own.
 */
function climbsBack(table: HeadingTable, p: number, rank: number): boolean {
  for (let a = table.parent[p]!, steps = 0; a >= 0 && steps < 32; a = table.parent[a]!, steps++) {
    const r = GB_LEVEL_BY_CODE[table.kind[a]!]!;
    if (r > 0 && r < rank) return true;
  }
  return false;
}

function checkLevelSkips(ctx: CheckContext, out: Finding[]): void {
  const { headings } = ctx.model;
  const { table } = ctx;
  for (let i = 0; i < table.count; i++) {
    const first = table.first(i);
    if (first < 0) continue;
    const pr = GB_LEVEL_BY_CODE[table.kind[i]!]!;
    if (pr === 0) continue;
    // children of one parent share one kind: the first one tells
    const cr = GB_LEVEL_BY_CODE[table.kind[first]!]! || 99;
    if (cr >= pr || !climbsBack(table, i, cr)) continue;
    const p = headings[i]!;
    const child = headings[first]!;
    if (!keeps(out, child.headingStart, ctx.reportEnd(child))) continue;
    out.push({
      code: 'numbering-level-skip', ...ctx.reportRange(child), fixes: [],
      message: localized(
        `层级倒挂：${q(child.marker)}是高一级的编号，却出现在低一级的${q(p.marker)}之下（公文层次依次为 一、（一） 1. （1） ①）。`,
        `A level climbs back: ${q(child.marker)} is a higher level than ${q(p.marker)}, under which it appears (the levels run 一、 （一） 1. （1） ①).`,
      ),
      related: [{ ...ctx.reportRange(p), message: localized(`上一级${q(p.marker)}`, `the parent ${q(p.marker)}`) }],
    });
  }
}

/**
 * The usual parent kind of each list kind: the kind of most of its parents (at least three, and three quarters), when
 * that is a list kind above it. By rank: the usual parent's rank, 0 for none. (A kind with three quarters of the
 * parents has more than any other, so only the list kinds above need counting; other parents count in the total.)
 */
function usualParents(ctx: CheckContext): Uint8Array {
  const { kind, parent, count } = ctx.table;
  const counts = new Uint32Array(36);
  const totals = new Uint32Array(6);
  for (let i = 0; i < count; i++) {
    const r = GB_LEVEL_BY_CODE[kind[i]!]!;
    if (r === 0) continue;
    const pr = parent[i]! >= 0 ? GB_LEVEL_BY_CODE[kind[parent[i]!]!]! : 0;
    counts[r * 6 + pr]!++;
    totals[r]!++;
  }
  const usual = new Uint8Array(6);
  for (let r = 2; r <= 5; r++) {
    for (let pr = 1; pr < r; pr++) {
      const n = counts[r * 6 + pr]!;
      if (n >= 3 && n * 4 >= totals[r]! * 3) usual[r] = pr;
    }
  }
  return usual;
}

function checkMissingParents(ctx: CheckContext, out: Finding[]): void {
  const { headings } = ctx.model;
  const usual = usualParents(ctx);
  if (usual.every((r) => r === 0)) return;
  const reported = new Set<number>();
  /** The first heading of each kind (a find per report was quadratic in a long run of reports). */
  const firstByKind = new Map<string, Heading>();
  const firstOfKind = (kind: string): Heading => {
    if (firstByKind.size === 0) for (const x of headings) if (!firstByKind.has(x.kind)) firstByKind.set(x.kind, x);
    return firstByKind.get(kind)!;
  };
  const { table } = ctx;
  for (let i = 0; i < table.count; i++) {
    const rank = usual[GB_LEVEL_BY_CODE[table.kind[i]!]!]!;
    if (rank === 0) continue;
    const expected = GB_LEVEL_KINDS[rank]!;
    const pi = table.parent[i]!;
    const pk = pi >= 0 ? KIND_BY_CODE[table.kind[pi]!] : undefined;
    // (the usual parent first: most headings have it, and the set of parents reported need not be asked)
    if (pk === expected || reported.has(pi)) continue;
    // Only when the expected level is skipped: the actual parent is above it (or there is no list parent at all).
    const skipped = pk === undefined || gbLevel(pk) === 0 ? true : gbLevel(pk) < rank;
    if (!skipped) continue;
    // A list under a law article or an appendix is a different list.
    if (pk !== undefined && pk !== 'title' && gbLevel(pk) === 0) continue;
    reported.add(pi);
    const h = headings[i]!;
    const parent = pi >= 0 ? headings[pi]! : undefined;
    // past the cap the finding is only counted: its message (every marker in it made) is not built
    if (!keeps(out, h.headingStart, ctx.reportEnd(h))) continue;
    const example = firstOfKind(expected);
    out.push({
      code: 'numbering-missing-parent', ...ctx.reportRange(h), fixes: [],
      message: parent !== undefined && gbLevel(parent.kind) > 0
        ? localized(
          `缺少上一级：${q(h.marker)}直接位于${q(parent.marker)}之下，而本文其他地方这一级都在${q(example.marker)}这一级之下。`,
          `A level is missing: ${q(h.marker)} sits directly under ${q(parent.marker)}, while elsewhere this level sits under the ${q(example.marker)} level.`,
        )
        : localized(
          `缺少上一级：${q(h.marker)}之上没有${q(example.marker)}这一级，而本文其他地方都有。`,
          `A level is missing: ${q(h.marker)} has no ${q(example.marker)}-level parent, unlike the rest of the document.`,
        ),
    });
  }
}

type Width = 'full' | 'ascii' | 'mixed';

/** The width of brackets by their first and last character codes. */
function bracketWidth(open: number, close: number): Width | undefined {
  const o = open === 0xff08 ? 'full' : open === 0x28 ? 'ascii' : undefined;
  const c = close === 0xff09 ? 'full' : close === 0x29 ? 'ascii' : undefined;
  if (o === undefined || c === undefined) return undefined;
  return o === c ? o : 'mixed';
}

function checkBracketWidths(ctx: CheckContext, out: Finding[]): void {
  const { headings } = ctx.model;
  const { text } = ctx;
  const { table } = ctx;
  const widthOf = (i: number): Width | undefined => {
    const end = ctx.markerEndAt(i);
    if (end >= 0) return bracketWidth(text.charCodeAt(table.headingStart[i]!), text.charCodeAt(end - 1));
    const marker = headings[i]!.marker;
    return marker.length === 0 ? undefined : bracketWidth(marker.charCodeAt(0), marker.charCodeAt(marker.length - 1));
  };
  // one pass over the headings for both kinds, counting; the headings are listed only for a kind with something to report
  const counts = { cnParen: { full: 0, ascii: 0, mixed: 0 }, numParen: { full: 0, ascii: 0, mixed: 0 } };
  for (let i = 0; i < table.count; i++) {
    const code = table.kind[i]!;
    if (code !== CN_PAREN && code !== NUM_PAREN) continue;
    const width = widthOf(i);
    if (width !== undefined) counts[code === CN_PAREN ? 'cnParen' : 'numParen'][width]++;
  }
  for (const kind of ['cnParen', 'numParen'] as const) {
    const { full, ascii, mixed } = counts[kind];
    if (mixed === 0 && (full === 0 || ascii === 0)) continue;
    const items: Array<{ h: Heading; width: Width }> = [];
    const code = kind === 'cnParen' ? CN_PAREN : NUM_PAREN;
    for (let i = 0; i < table.count; i++) {
      if (table.kind[i] !== code) continue;
      const width = widthOf(i);
      if (width !== undefined) items.push({ h: headings[i]!, width });
    }
    const majority: Width = ascii > full ? 'ascii' : 'full';
    const other = items.find((x) => x.width === majority);
    for (const { h, width } of items) {
      if (width === majority || (width !== 'mixed' && (full === 0 || ascii === 0))) continue;
      const at = ctx.reportRange(h);
      if (!keeps(out, at.start, at.end)) continue;
      const range = ctx.markerRange(h);
      const fixed = majority === 'full' ? '（' + h.marker.slice(1, -1) + '）' : '(' + h.marker.slice(1, -1) + ')';
      const fixes: Fix[] = range === undefined ? [] : [{
        title: localized(`改为${q(fixed)}`, `Change to ${q(fixed)}`), edits: [{ ...range, newText: fixed }], safe: true, preferred: true,
      }];
      out.push({
        code: 'numbering-bracket-width', ...at, fixes,
        message: width === 'mixed'
          ? localized(`括号全角半角不一致：${q(h.marker)}。`, `Mismatched bracket widths in ${q(h.marker)}.`)
          : localized(
            `同一级编号括号宽度不一致：${q(h.marker)}用${width === 'full' ? '全角' : '半角'}括号，本文这一级多用${majority === 'full' ? '全角' : '半角'}括号${other ? `（如${q(other.h.marker)}）` : ''}。`,
            `Bracket widths mixed within one level: ${q(h.marker)} uses ${width === 'full' ? 'full-width' : 'ASCII'} brackets, most of this level uses ${majority === 'full' ? 'full-width' : 'ASCII'} ones${other ? ` (such as ${q(other.h.marker)})` : ''}.`,
          ),
      });
    }
  }
}
