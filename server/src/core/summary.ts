/**
 * One report as the workspace knows it: a compact record of what other documents need from it — its title and outline
 * (workspace symbols), the terms it defines with their definitions (hover and definition in another file), the key
 * terms it uses and where (references and rename across files) and its article numbers (citations by title). Plain
 * data that survives JSON, so the workspace index can keep it between sessions without the text.
 *
 * Positions are LSP line/character pairs in UTF-16 code units, computed from the model's line starts. A use is stored
 * as a flat triple [line, character, length]: a term never spans a line break (the matcher stops at one), so its end
 * is on the same line.
 */
import { articleValue } from './citationTargets';
import { stripGlosses } from './gloss';
import { digitValue, isCnNumeralCode, isHan, skipIndent, trimEnd } from './chars';
import type { CitableStructure } from './citationTargets';
import { stripCountry } from './citations';
import { foldForSearch } from './symbols';
import { lineIndexOf } from './lines';
import type { MarkerKind, ReportModel } from './model';
import { headingAt } from './selection';
import { isCodeTermKey } from './terms/extract';
import { isWordCode } from './terms';
import { KeyTrie, Matches } from './terms/matcher';
import type { FoldTable } from './terms/normalize';
import type { DefinitionKind, TermIndex, TermKind } from './terms/types';

/** Bumped whenever the shape or the meaning of a summary changes: a stored summary of another version is not used. */
export const SUMMARY_VERSION = 2; // 2: Taiwan’s 款/目 groups of articles and I. II. runs in the outline
/** At most this many uses of one term are kept per file (the count is kept whole). */
export const MAX_USES_PER_TERM = 2000;
/** At most this many definitions are kept per file (a code of laws defines a few hundred). */
export const MAX_DEFINITIONS = 5000;

export interface SummaryPosition {
  readonly line: number;
  readonly character: number;
}

export interface SummaryHeading {
  readonly kind: MarkerKind;
  /** Nesting depth in the outline (0: the title or a top-level section). */
  readonly level: number;
  readonly marker: string;
  readonly title: string;
  /** Marker and title as the outline shows them. */
  readonly name: string;
  /** Index of the parent in `outline`, or -1. */
  readonly parent: number;
  /** The heading itself (marker to end of title), as the outline selects it. */
  readonly start: SummaryPosition;
  readonly end: SummaryPosition;
}

export interface SummaryDefinition {
  /** The term's folded key (script, width, quotes and glosses folded: one key for 網上沙龍 and 网上沙龙). */
  readonly key: string;
  /** The term as the document writes it where it defines it. */
  readonly name: string;
  readonly kind: DefinitionKind;
  /** The defining text as it reads (for an abbreviation, its full form), at most 400 characters. */
  readonly text: string;
  readonly fullForm: string | undefined;
  /** The term where it is defined. */
  readonly line: number;
  readonly character: number;
  readonly length: number;
  /** Index in `outline` of the section that holds the definition, or -1. */
  readonly section: number;
}

export interface SummaryTerm {
  readonly key: string;
  readonly name: string;
  /** The term's kind in this document, or `mention`: a term defined elsewhere in the workspace that this file uses. */
  readonly kind: TermKind | 'mention';
  /** How many uses the document has (may exceed the uses kept). */
  readonly count: number;
  /** Flat [line, character, length] triples, in document order, at most MAX_USES_PER_TERM. */
  readonly uses: readonly number[];
}

export interface ReportSummary {
  readonly version: number;
  readonly title: string | undefined;
  readonly outline: readonly SummaryHeading[];
  readonly definitions: readonly SummaryDefinition[];
  readonly terms: readonly SummaryTerm[];
  /** [article value, line] pairs in document order: 第十条 → 1000, 第十条之一 → 1001 (see `articleValue`). */
  readonly articles: ReadonlyArray<readonly [number, number]>;
  /** A glossary file (by its name or a setting): its definitions are offered first. */
  readonly glossary: boolean;
}

export interface SummaryOptions {
  /** The citable structure the server already built for this version (its article values); read from the model otherwise. */
  readonly citations?: CitableStructure;
  /** The file's path or URI, to tell a glossary by its name (see `isGlossaryPath`). */
  readonly path?: string;
  /** Treat the file as a glossary whatever its name (a setting lists it). */
  readonly glossary?: boolean;
  /**
   * The keys the workspace defines elsewhere: their uses in this text are kept too (kind `mention`), so a regulation
   * that writes 危险化学品 without quotes is found as a user of the law's definition.
   */
  readonly mentions?: MentionScanner;
}

/** The summary of one version of a report (its text, model and term index). Linear in the text and its uses. */
export function summarizeReport(text: string, model: ReportModel, terms: TermIndex, options: SummaryOptions = {}): ReportSummary {
  const starts = model.lineStarts;
  const at = (offset: number): SummaryPosition => {
    const line = lineIndexOf(starts, offset);
    return { line, character: offset - starts[line]! };
  };
  const outline: SummaryHeading[] = model.headings.map((h) => ({
    kind: h.kind,
    level: h.level,
    marker: h.marker,
    title: h.title,
    name: h.name,
    parent: h.parent,
    start: at(h.headingStart),
    end: at(Math.max(h.headingStart, h.headingEnd)),
  }));
  const title = model.headings[0]?.kind === 'title' ? model.headings[0].title : undefined;

  const definitions: SummaryDefinition[] = [];
  const summaryTerms: SummaryTerm[] = [];
  for (const term of terms.terms) {
    for (const d of term.definitions) {
      if (definitions.length >= MAX_DEFINITIONS) break;
      const { line, character } = at(d.termStart);
      definitions.push({
        key: term.key,
        name: text.slice(d.termStart, d.termEnd),
        kind: d.kind,
        text: d.text,
        fullForm: d.fullForm,
        line,
        character,
        length: d.termEnd - d.termStart,
        section: headingAt(model, d.termStart),
      });
    }
    const kept = Math.min(term.uses.length, MAX_USES_PER_TERM);
    const uses: number[] = new Array<number>(kept * 3);
    for (let k = 0; k < kept; k++) {
      const u = term.uses[k]!;
      const start = terms.uses.start[u]!;
      const line = lineIndexOf(starts, start);
      uses[3 * k] = line;
      uses[3 * k + 1] = start - starts[line]!;
      uses[3 * k + 2] = terms.uses.end[u]! - start;
    }
    summaryTerms.push({ key: term.key, name: term.name, kind: term.kind, count: term.uses.length, uses });
  }
  if (options.mentions !== undefined) summaryTerms.push(...options.mentions.scan(text, starts, new Set(terms.terms.map((t) => t.key))));

  const glossary = options.glossary === true || (options.path !== undefined && isGlossaryPath(options.path));
  if (glossary) {
    const defined = new Set(definitions.map((d) => d.key));
    for (const entry of glossaryEntries(text, starts)) {
      const key = terms.keyOf(entry.name);
      if (key.length < 2 || defined.has(key) || definitions.length >= MAX_DEFINITIONS) continue;
      defined.add(key);
      const { line, character } = at(entry.start);
      definitions.push({ key, name: entry.name, kind: 'glossary', text: entry.text, fullForm: undefined, line, character, length: entry.name.length, section: headingAt(model, entry.start) });
    }
  }

  const articles: Array<[number, number]> = [];
  const structure = options.citations;
  if (structure !== undefined) {
    for (const h of structure.articles) articles.push([structure.valueOf(h), model.headings[h]!.line]);
  } else {
    for (const h of model.headings) if (h.kind === 'article') articles.push([articleValue(h, text), h.line]);
  }

  return {
    version: SUMMARY_VERSION,
    title,
    outline,
    definitions,
    terms: summaryTerms,
    articles,
    glossary,
  };
}

/**
 * Finds the uses of a set of keys (folded keys, as a term index makes them) in texts, as summary terms of kind
 * `mention`: every occurrence in either script, width or through pinyin glosses, the longest key where several start
 * at one place, none inside another's use, a Latin key (WTO) only where it stands as a word. Built once per set of
 * keys (the workspace's defined terms) and used for every file: one pass over each text.
 */
export class MentionScanner {
  readonly #keys: string[];
  readonly #isCode: boolean[];
  readonly #trie = new KeyTrie();
  readonly #table: FoldTable;

  constructor(keys: Iterable<string>, table: FoldTable) {
    this.#keys = [...new Set(keys)].filter((k) => k.length >= 2);
    this.#table = table;
    let chars = 0;
    for (const k of this.#keys) chars += k.length;
    this.#trie.reserve(chars);
    this.#keys.forEach((k, id) => this.#trie.add(k, id));
    this.#isCode = this.#keys.map(isCodeTermKey);
  }

  get size(): number {
    return this.#keys.length;
  }

  /**
   * The keys' uses in `text`. Keys in `own` (the document's own terms, whose uses its term index has) are matched
   * (a use of one covers the shorter keys inside it) but not returned. At most `limit` uses of a key are kept (its
   * `count` has them all): a rename asks for every one.
   */
  scan(text: string, lineStarts: readonly number[], own?: ReadonlySet<string>, limit = MAX_USES_PER_TERM): SummaryTerm[] {
    if (this.#keys.length === 0) return [];
    const keys = this.#keys;
    const matches = this.#trie.scan(text, this.#table, new Matches());
    const uses = new Map<number, number[]>();
    const counts = new Map<number, number>();
    let cover = -1;
    for (let m = 0; m < matches.count; ) {
      const start = matches.start[m]!;
      let last = m;
      while (last + 1 < matches.count && matches.start[last + 1] === start) last++;
      // matches at one start come shortest first: the longest that is not covered and stands as a word wins
      for (let g = last; g >= m; g--) {
        const end = matches.end[g]!;
        const id = matches.id[g]!;
        if (end <= cover) break;
        if (this.#isCode[id] && (isWordCode(text.charCodeAt(start - 1)) || isWordCode(text.charCodeAt(end)))) continue;
        cover = end;
        if (own?.has(keys[id]!) === true) break;
        const count = (counts.get(id) ?? 0) + 1;
        counts.set(id, count);
        if (count <= limit) {
          const line = lineIndexOf(lineStarts, start);
          let list = uses.get(id);
          if (list === undefined) uses.set(id, (list = []));
          list.push(line, start - lineStarts[line]!, end - start);
        }
        break;
      }
      m = last + 1;
    }
    const out: SummaryTerm[] = [];
    for (const [id, u] of uses) {
      const start = lineStarts[u[0]!]! + u[1]!;
      out.push({ key: keys[id]!, name: text.slice(start, start + u[2]!), kind: 'mention', count: counts.get(id)!, uses: u });
    }
    return out;
  }
}

/** A glossary entry's term is at most this long (a longer run before a colon is a sentence, not a term). */
const MAX_GLOSSARY_TERM = 24;
const MAX_DEFINITION_TEXT = 400;
const OPEN_QUOTES = '“「『"';
const CLOSE_QUOTES = '”」』"';
/** Characters a term never holds: a run that meets one before the colon is prose. */
const NOT_IN_TERM = '，。；、,;（()）！？!?《》';

/**
 * The entries of a glossary file that the report rules do not read as definitions: one a line, `term：definition`,
 * `term:definition` or `term<TAB>definition`, the term optionally numbered (1. ／ 1、 ／ 一、 ／ （1） ／ ［1］) and quoted.
 * A file is read this way only when it is a glossary (by its name or a setting): in a report such lines are prose.
 * One pass over each line, no regular expression.
 */
export function glossaryEntries(text: string, lineStarts: readonly number[]): Array<{ readonly name: string; readonly start: number; readonly text: string }> {
  const out: Array<{ name: string; start: number; text: string }> = [];
  for (let l = 0; l < lineStarts.length; l++) {
    const lineStart = lineStarts[l]!;
    let end = l + 1 < lineStarts.length ? lineStarts[l + 1]! : text.length;
    while (end > lineStart && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
    let p = skipNumbering(text, skipIndent(text, lineStart, end), end);
    p = skipIndent(text, p, end);
    const quoted = OPEN_QUOTES.includes(text[p] ?? '\0') && p < end;
    if (quoted) p++;
    const termStart = p;
    while (p < end && p - termStart <= MAX_GLOSSARY_TERM) {
      const ch = text[p]!;
      if ((quoted && CLOSE_QUOTES.includes(ch)) || (!quoted && (ch === '：' || ch === ':' || ch === '\t'))) break;
      if (NOT_IN_TERM.includes(ch)) {
        p = -1;
        break;
      }
      p++;
    }
    if (p < 0 || p >= end || p - termStart > MAX_GLOSSARY_TERM) continue;
    const termEnd = trimEnd(text, termStart, p);
    if (quoted) p++;
    while (p < end && (text[p] === ' ' || text[p] === '\u3000')) p++;
    const sep = text[p];
    if (sep !== '：' && sep !== ':' && sep !== '\t') continue;
    p++;
    const textStart = skipIndent(text, p, end);
    const textEnd = trimEnd(text, textStart, end);
    const name = text.slice(termStart, termEnd);
    if (textEnd <= textStart || name.length < 2 || !hasWordChar(name)) continue;
    out.push({ name, start: termStart, text: text.slice(textStart, Math.min(textEnd, textStart + MAX_DEFINITION_TEXT)).replace(/[\t ]+/g, ' ') });
  }
  return out;
}

/** After a glossary entry's number, if it has one: 1. 1． 1、 一、 （1） (1) ［1］ [1] 【1】. */
function skipNumbering(text: string, p: number, end: number): number {
  const open = text[p];
  const closeFor: Record<string, string> = { '（': '）', '(': ')', '［': '］', '[': ']', '【': '】' };
  const close = open === undefined ? undefined : closeFor[open];
  let q = close === undefined ? p : p + 1;
  const digits = q;
  while (q < end && q - digits < 4 && (digitValue(text.charCodeAt(q)) >= 0 || isCnNumeralCode(text.charCodeAt(q)))) q++;
  if (q === digits) return p;
  if (close !== undefined) return text[q] === close ? q + 1 : p;
  const after = text[q];
  return after === '.' || after === '．' || after === '、' ? q + 1 : p;
}

function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHan(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return true;
  }
  return false;
}

/** Words in a file name that make it a glossary: 名词解释, 术语(表), 词汇表, glossary — in either script. */
const GLOSSARY_NAMES = ['名词解释', '名詞解釋', '术语', '術語', '词汇表', '詞彙表', '辞汇表', '辭彙表', 'glossary', 'terminology'];

/** Is the file at `path` (a path or URI, percent-encoded or not) named like a glossary? Only its name is read. */
export function isGlossaryPath(path: string): boolean {
  const lower = fileNameOf(path).toLowerCase();
  return GLOSSARY_NAMES.some((word) => lower.includes(word));
}

/** The last segment of a path or URI, percent escapes decoded where they are valid. */
export function fileNameOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // not percent-encoded: the name as it is
  }
}

/**
 * The names another document may cite a file by, folded for search: its title and its file name (without the
 * extension), each without a trailing （…） (edition, date) or 《》 and without 中华人民共和国 (《中华人民共和国刑法》 =
 * 《刑法》); names shorter than two characters are dropped.
 */
export function documentNameKeys(title: string, uri: string, table: FoldTable): string[] {
  const keys = new Set<string>();
  const base = fileNameOf(uri).replace(/\.[^.]*$/, '').replace(/[（(].*$/, '');
  for (const name of [title.replace(/[（(].*$/, ''), base]) {
    const key = foldForSearch(stripCountry(name.replace(/[《》]/g, '').trim()), table);
    if (key.length >= 2) keys.add(key);
  }
  return [...keys];
}

/** Bits in a text's bigram filter: about 20,000 distinct pairs in a 60 KB report fill under half of them. */
const BIGRAM_BITS = 1 << 15;

function bigramBit(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 17;
}

/**
 * A filter of the pairs of adjacent characters in `text`, folded as term keys are (script, width, quotes; with pinyin
 * glosses and without, as the matcher steps over them): `mayContain` says for certain when a key cannot occur in the
 * text, so that a file need not be read again to look for a newly defined term it cannot hold. 4 KB per file.
 */
export function bigramFilter(text: string, table: FoldTable): Uint32Array {
  const bits = new Uint32Array(BIGRAM_BITS / 32);
  addBigrams(bits, text, table);
  // the matcher steps over a whole gloss (網(wǎng)上 holds 网上) and may also match inside one: both sets of pairs
  const stripped = text.indexOf('(') >= 0 ? stripGlosses(text) : text;
  if (stripped !== text) addBigrams(bits, stripped, table);
  return bits;
}

function addBigrams(bits: Uint32Array, s: string, table: FoldTable): void {
  let prev = table[s.charCodeAt(0)]!;
  for (let i = 1; i < s.length; i++) {
    const c = table[s.charCodeAt(i)]!;
    const bit = bigramBit(prev, c);
    bits[bit >>> 5]! |= 1 << (bit & 31);
    prev = c;
  }
}

/** False when the folded `key` cannot occur in the text of `filter` (some pair of its characters is not there). */
export function mayContain(filter: Uint32Array, key: string): boolean {
  for (let i = 1; i < key.length; i++) {
    const bit = bigramBit(key.charCodeAt(i - 1), key.charCodeAt(i));
    if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}
