/**
 * Tables of contents (目录): a block of lines that repeat heading names followed by dot leaders and a page number,
 * before the body. Its entries are not headings of their own; each links to the heading it lists.
 * One pass over the lines, no regular expression that can backtrack.
 */
import { digitValue, isHan, isIndent, skipIndent, trimEnd } from './chars';
import { lowerBound } from './lines';
import { markerInfo, matchMarker } from './markers';
import type { Heading, ReportModel, TableOfContents, TocEntry } from './model';

/** Headers of a table of contents, compared with their blanks removed (目 录, 目　錄). */
const TOC_HEADERS = new Set(['目录', '目錄', '目次', '目录：', '目錄：']);
/** A listed title is at most this long; longer lines are prose. */
const ENTRY_MAX = 60;
/** Lines between entries that may belong to the block (a page break's running header, a page number). */
const GAP_MAX = 6;
const GAP_LINE_MAX = 30;
/** A table of contents stands before the body: it is looked for in the first lines only. */
const TOC_SEARCH_LINES = 5000;
/** Entries looked up by prefix at most (each costs a pass over the names): keeps linking linear. */
const FUZZY_LOOKUPS = 64;

function isLeader(c: number): boolean {
  // . … · ． ・ ‥ ⋯ _ - — and blanks
  return c === 0x2e || c === 0x2026 || c === 0xb7 || c === 0xff0e || c === 0x30fb || c === 0x2025 || c === 0x22ef || c === 0x5f
    || c === 0x2d || c === 0x2014 || isIndent(c);
}

function isDot(c: number): boolean {
  return c === 0x2e || c === 0x2026 || c === 0xb7 || c === 0xff0e || c === 0x30fb || c === 0x2025 || c === 0x22ef;
}

/** Blanks removed: how an entry and a heading are compared (目 录 = 目录, 第一章　总则 = 第一章总则). */
export function compact(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isIndent(s.charCodeAt(i))) out += s[i];
  return out;
}

interface EntryLine {
  readonly titleEnd: number;
  readonly page: number;
  /** Dot leaders (strong evidence) rather than blanks only. */
  readonly dotted: boolean;
}

/** `title … 12` / `title 12`: the title's end and the page number, or undefined. */
function entryAt(text: string, p: number, end: number): EntryLine | undefined {
  let q = end;
  while (q > p && digitValue(text.charCodeAt(q - 1)) >= 0) q--;
  if (q === end || end - q > 4) return undefined;
  let page = 0;
  for (let i = q; i < end; i++) page = page * 10 + digitValue(text.charCodeAt(i));
  let dots = 0;
  let r = q;
  while (r > p && isLeader(text.charCodeAt(r - 1))) {
    if (isDot(text.charCodeAt(r - 1))) dots++;
    r--;
  }
  if (r === q || r <= p) return undefined;
  const titleEnd = trimEnd(text, p, r);
  if (titleEnd - p > ENTRY_MAX) return undefined;
  let han = false;
  for (let i = p; i < titleEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x3002 || c === 0xff1b) return undefined; // a table row or a sentence
    if (isHan(c)) han = true;
  }
  return han ? { titleEnd, page, dotted: dots >= 3 } : undefined;
}

/** `title ……` with no page number after its leaders: the title's end, or -1 (three dots at least, a short Han title). */
function leaderedTitleEnd(text: string, p: number, end: number): number {
  let dots = 0;
  let r = end;
  while (r > p && isLeader(text.charCodeAt(r - 1))) {
    if (isDot(text.charCodeAt(r - 1))) dots++;
    r--;
  }
  if (dots < 3 || r <= p || !isDot(text.charCodeAt(end - 1))) return -1;
  const titleEnd = trimEnd(text, p, r);
  if (titleEnd - p > ENTRY_MAX) return -1;
  let han = false;
  for (let i = p; i < titleEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x3002 || c === 0xff1b) return -1;
    if (isHan(c)) han = true;
  }
  return han ? titleEnd : -1;
}

/**
 * The document's table of contents: the first block of at least three entries (two after a 目录 header), where an
 * entry ends in dot leaders and a page number, or — after a 目录 header — in blanks and a page number.
 */
export function findToc(text: string, lineStarts: readonly number[], lineEnd: (line: number) => number): TableOfContents | undefined {
  const headers: number[] = [];
  const paged = findPagedToc(text, lineStarts, lineEnd, headers);
  if (paged) return paged;
  for (const header of headers.slice(0, 3)) {
    const listed = findListedToc(text, lineStarts, lineEnd, header);
    if (listed) return listed;
  }
  return undefined;
}

/** A table of contents with page numbers; the 目录 headers seen are collected in `headers`. */
function findPagedToc(text: string, lineStarts: readonly number[], lineEnd: (line: number) => number, headers: number[]): TableOfContents | undefined {
  let header = -1;
  let entries: TocEntry[] = [];
  let gap = 0;
  let first = -1;
  // a line of text (not an entry) since the last entry with a page number: the body may have begun
  let textSincePaged = false;
  // the last entry that ends in dot leaders without its page number (cut there, or the number wrapped away): an entry
  let leadered = -1;
  const close = (atEnd = false): TableOfContents | undefined => {
    // marker lines without a page number after the last numbered entry are the body's headings, not the table's —
    // unless the text ends there: a page cut inside its table (…第五节 股东大会的召开 …… 15 / 第六节 股) has no body
    while ((!atEnd || textSincePaged) && entries.length > 0 && entries[entries.length - 1]!.page === undefined && entries[entries.length - 1]!.line !== leadered) entries.pop();
    if (entries.length >= 3 || (header >= 0 && entries.length >= 2)) {
      const from = header >= 0 && header < first ? header : first;
      const last = entries[entries.length - 1]!;
      return { line: from, start: lineStarts[from]!, end: lineEnd(last.line), entries };
    }
    return undefined;
  };
  const limit = Math.min(lineStarts.length, TOC_SEARCH_LINES);
  for (let line = 0; line < limit; line++) {
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEnd(line));
    const p = skipIndent(text, start, end);
    if (p >= end) continue;
    const e = entryAt(text, p, end);
    const inBlock = entries.length > 0;
    if (e && (e.dotted || header >= 0)) {
      if (!inBlock) first = line;
      entries.push({ line, start: p, end: e.titleEnd, text: text.slice(p, e.titleEnd), page: e.page, target: -1 });
      textSincePaged = false;
      gap = 0;
      continue;
    }
    const compacted = end - p <= 12 && text.charCodeAt(p) === 0x76ee /* 目 */ ? compact(text.slice(p, end)) : '';
    if (TOC_HEADERS.has(compacted)) {
      headers.push(line);
      if (!inBlock) header = line;
      gap = 0;
      continue;
    }
    const cut = (inBlock || header >= 0) && !e ? leaderedTitleEnd(text, p, end) : -1;
    if (cut > 0) {
      if (!inBlock) first = line;
      entries.push({ line, start: p, end: cut, text: text.slice(p, cut), page: undefined, target: -1 });
      leadered = line;
      gap = 0;
      continue;
    }
    if (inBlock || header >= 0) {
      // a listed part without a page number (第一篇 …), or a page break's header lines
      const m = end - p <= ENTRY_MAX ? matchMarker(text, p, end) : undefined;
      if (m && m.kind !== 'decimal' && !/[。，；]/.test(text.slice(p, end))) {
        if (!inBlock) first = line;
        entries.push({ line, start: p, end, text: text.slice(p, end), page: undefined, target: -1 });
        gap = 0;
        continue;
      }
      if (!inBlock) {
        if (line - header > GAP_MAX) header = -1;
        gap = 0;
        continue;
      }
      textSincePaged = true;
      if (end - p <= GAP_LINE_MAX && ++gap <= GAP_MAX) continue;
      const toc = close();
      if (toc) return toc;
      entries = [];
      header = -1;
    }
    gap = 0;
  }
  return close(limit === lineStarts.length);
}


/** A listed table is at most this many entries. */
const LISTED_MAX = 400;

/**
 * A table of contents without page numbers (a web page's 目录): the short lines after a 目录 header, up to the first
 * long line or the first entry's title coming round again, where most entries reappear later as lines of the body.
 */
function findListedToc(text: string, lineStarts: readonly number[], lineEnd: (line: number) => number, header: number): TableOfContents | undefined {
  const entries: TocEntry[] = [];
  const keys = new Set<string>();
  let firstKey = '';
  let line = header + 1;
  let again = false; // a listed chapter (第一章 总则) came round again: the body begins there
  for (; line < lineStarts.length && entries.length < LISTED_MAX; line++) {
    const start = lineStarts[line]!;
    const end = trimEnd(text, start, lineEnd(line));
    const p = skipIndent(text, start, end);
    if (p >= end) continue;
    if (end - p > ENTRY_MAX || /[。；;]/.test(text.slice(p, end))) break;
    const key = compact(text.slice(p, end));
    if (key === firstKey) break; // the body begins: the first listed title again
    if (keys.has(key) && isStructureEntry(text, p, end)) {
      again = true;
      break;
    }
    if (TOC_HEADERS.has(key)) continue;
    if (entries.length === 0) firstKey = key;
    keys.add(key);
    entries.push({ line, start: p, end, text: text.slice(p, end), page: undefined, target: -1 });
  }
  // a page's 目录 shows the document's title above the chapters it lists (目录 / 公司章程范本 / 第一章 总则 …): the title
  // is no entry, and the table starts at its first chapter
  const titled = again && entries.length > 1 && !isStructureEntry(text, entries[0]!.start, entries[0]!.end) && isStructureEntry(text, entries[1]!.start, entries[1]!.end);
  if (titled) entries.shift();
  if (entries.length < 3) return undefined;
  // the chapters listed, then the first of them again: that is the body's start, whatever of the body the text keeps
  if (again && entries.filter((e) => isStructureEntry(text, e.start, e.end)).length >= 3) {
    const from = titled ? entries[0]!.line : header;
    return { line: from, start: lineStarts[from]!, end: lineEnd(entries[entries.length - 1]!.line), entries };
  }
  // the entries must come back as lines of the body — or, where they are numbered alike (一、… 五、), the text must end
  // before the body reaches any part so numbered: an excerpt cut in its opening (目次 / 一、上诉利益的界定 … / 上诉，是…)
  const kind = sameMarkerKind(text, entries);
  let numbered = false; // a line of the body numbered as the entries are
  const seen = new Set<string>();
  for (let l = entries[entries.length - 1]!.line + 1; l < lineStarts.length; l++) {
    const start = lineStarts[l]!;
    const end = trimEnd(text, start, lineEnd(l));
    const p = skipIndent(text, start, end);
    if (p >= end) continue;
    if (kind !== undefined && !numbered && seen.size === 0) numbered = matchMarker(text, p, end)?.kind === kind;
    if (end - p > ENTRY_MAX) continue;
    const key = compact(text.slice(p, end));
    if (keys.has(key)) seen.add(key);
  }
  const cut = kind !== undefined && seen.size === 0 && !numbered;
  if (!cut && seen.size < Math.max(3, Math.ceil(entries.length * LISTED_SEEN))) return undefined;
  const last = entries[entries.length - 1]!;
  return { line: header, start: lineStarts[header]!, end: lineEnd(last.line), entries };
}

/** The marker kind every entry starts with (一、 … 五、), if they share one; else undefined. */
function sameMarkerKind(text: string, entries: readonly TocEntry[]): string | undefined {
  let kind: string | undefined;
  for (const e of entries) {
    const m = matchMarker(text, e.start, e.end);
    if (m === undefined || (kind !== undefined && m.kind !== kind)) return undefined;
    kind = m.kind;
  }
  return kind;
}

/** A listed part of a law's or a charter's structure: 第一章 总则, 第二节 董事会. */
function isStructureEntry(text: string, p: number, end: number): boolean {
  const m = matchMarker(text, p, end);
  return m !== undefined && markerInfo(m.kind).accept === 'structure';
}

/** The share of a listed table's entries that must come back in the body. */
const LISTED_SEEN = 0.6;

/** True for a line that is a table of contents' header (目录, 目 錄): never a document's title. */
export function isTocHeader(line: string): boolean {
  return TOC_HEADERS.has(compact(line));
}

/** True when the entry names the table of contents itself (a 目录 line listed in the 目录). */
export function namesToc(entry: TocEntry): boolean {
  return TOC_HEADERS.has(compact(entry.text));
}

/**
 * Link each entry to the heading it lists (before or after the table): the first heading after the previous link whose name, blanks removed,
 * equals the entry's (or one begins with the other, for titles cut short in the table). Linear: one index of names.
 */
export function linkToc(toc: TableOfContents, headings: readonly Heading[]): void {
  const byName = new Map<string, number[]>();
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if ((h.start >= toc.start && h.start <= toc.end) || h.kind === 'title') continue;
    const key = compact(h.name);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  }
  let sorted: string[] | undefined; // the names of six characters or more, sorted: made on the first fuzzy lookup
  let last = -1;
  let fuzzy = FUZZY_LOOKUPS;
  for (const entry of toc.entries) {
    const key = compact(entry.text);
    let list = byName.get(key);
    if (!list && key.length >= 6 && fuzzy-- > 0) {
      // a title cut short (or wrapped) in the table: a unique heading whose name begins with it, or the reverse
      sorted ??= [...byName.keys()].filter((k) => k.length >= 6).sort();
      const near = nearNames(sorted, byName, key);
      if (near !== undefined) list = byName.get(near);
    }
    if (!list) continue;
    const next = list.find((i) => i > last) ?? list[0]!;
    entry.target = next;
    last = Math.max(last, next);
  }
}

/**
 * The one name of six characters or more that begins with `key` or that `key` begins with, if exactly one does
 * (`sorted`: those names, sorted). The names that begin with it are a run of the sorted names found by binary search, and
 * those it begins with are its own prefixes: a lookup costs a search and a probe per character of the key, not a pass
 * over every heading (a 目录 of 70 entries that match nothing, above 100,000 chapters: 750 → 671 ms).
 */
function nearNames(sorted: readonly string[], names: ReadonlyMap<string, unknown>, key: string): string | undefined {
  let found: string | undefined;
  for (let i = lowerBound(sorted, key); i < sorted.length && sorted[i]!.startsWith(key); i++) {
    if (found !== undefined) return undefined; // two begin with it
    found = sorted[i];
  }
  for (let length = 6; length < key.length; length++) {
    const prefix = key.slice(0, length);
    if (!names.has(prefix)) continue;
    if (found !== undefined) return undefined;
    found = prefix;
  }
  return found;
}

/** The heading listed by the table-of-contents entry at `offset` (title, leaders or page number), if any. */
export function tocTargetAt(model: ReportModel, offset: number): Heading | undefined {
  const toc = model.toc;
  if (toc === undefined || offset < toc.start || offset > toc.end) return undefined;
  let lo = 0;
  let hi = toc.entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (toc.entries[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const entry = toc.entries[lo];
  if (entry === undefined || entry.target < 0 || offset < entry.start) return undefined;
  const lineEnd = entry.line + 1 < model.lineStarts.length ? model.lineStarts[entry.line + 1]! : model.length;
  return offset < lineEnd ? model.headings[entry.target] : undefined;
}
