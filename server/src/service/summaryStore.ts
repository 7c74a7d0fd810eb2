/**
 * What the workspace index keeps of each file, made compact: its summary's strings copied and shared, its headings as
 * one object each.
 *
 * The strings the workspace index keeps, copied and shared. A summary's strings are cut from its file's text (a term's
 * name, a definition's text, a heading's title), and a JavaScript engine may keep such a piece as a view into the
 * whole text (V8 does for pieces of 13 characters or more): kept in the index, one 400-character definition would
 * keep a 60 KB report alive. So every string a summary keeps is copied out of its text once, and equal strings (a
 * term's key in a thousand files, the marker 一、) are one string.
 *
 * Host-neutral: plain JavaScript, no Node.
 */
import type { MarkerKind, ReportSummary, SummaryDefinition, SummaryHeading, SummaryPosition, SummaryTerm } from '../core';

/** Distinct strings a pool holds at most before it starts afresh (strings already shared stay shared). */
const MAX_POOLED = 500_000;
/** Shorter strings are always copies of their own in V8 (no views, no concatenations): looked up, never copied. */
const MIN_VIEW_LENGTH = 13;

export class StringPool {
  #strings = new Map<string, string>();

  /**
   * The pool's string equal to `s`: the first one seen, copied out of whatever text it was cut from (`fresh`: `s` was
   * just made on its own, as by String.fromCharCode, and needs no copy).
   */
  intern(s: string, fresh = false): string {
    const pooled = this.#strings.get(s);
    if (pooled !== undefined) return pooled;
    if (this.#strings.size >= MAX_POOLED) this.#strings = new Map();
    const own = fresh || s.length < MIN_VIEW_LENGTH ? s : copyString(s);
    this.#strings.set(own, own);
    return own;
  }

  get size(): number {
    return this.#strings.size;
  }
}

/** A string of its own with the characters of `s` (not a view into a longer string, not a concatenation). */
export function copyString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * The summary with every string from `pool` and the uses of each term in an array of their exact size: what the index
 * keeps of a file once it is summarised (nothing in it holds the file's text).
 */
export function pooledSummary(summary: ReportSummary, pool: StringPool): ReportSummary {
  const p = (s: string): string => pool.intern(s);
  const outline = summary.outline.map((h) => new StoredHeading(h.kind, h.level, p(h.marker), p(h.name), h.parent, h.start.line, h.start.character, h.end.line, h.end.character, h.title));
  const definitions = summary.definitions.map(
    (d): SummaryDefinition => ({
      key: p(d.key),
      name: p(d.name),
      kind: d.kind,
      text: p(d.text),
      fullForm: d.fullForm === undefined ? undefined : p(d.fullForm),
      line: d.line,
      character: d.character,
      length: d.length,
      section: d.section,
    }),
  );
  return {
    version: summary.version,
    title: summary.title === undefined ? undefined : p(summary.title),
    outline,
    definitions,
    terms: summary.terms.map(pooledTerm(pool)),
    articles: summary.articles.map(([value, line]) => [value, line] as const),
    glossary: summary.glossary,
  };
}

/** A term with its strings from `pool` (the mentions a rescan finds are cut from the text too). */
export function pooledTerm(pool: StringPool): (t: SummaryTerm) => SummaryTerm {
  return (t) => ({ key: pool.intern(t.key), name: pool.intern(t.name), kind: t.kind, count: t.count, uses: t.uses.slice() });
}

/**
 * A heading as the index keeps it: one object with its positions as numbers (the two position objects and the title
 * are made when asked for: a workspace holds a hundred thousand headings, most never asked about). Serialises to
 * JSON as a plain heading.
 */
export class StoredHeading implements SummaryHeading {
  readonly kind: MarkerKind;
  readonly level: number;
  readonly name: string;
  readonly parent: number;
  /** The marker, or its length when it begins the name (as it nearly always does). */
  readonly #marker: string | number;
  readonly #line: number;
  readonly #character: number;
  readonly #endLine: number;
  readonly #endCharacter: number;
  /** The title when it is not the name without its marker (`titleOf`); undefined when it is. */
  readonly #title: string | undefined;

  /** `marker`: the marker, or the length of the name's beginning that is the marker; `title`: the title, when known (else it is the name without its marker). */
  constructor(kind: MarkerKind, level: number, marker: string | number, name: string, parent: number, line: number, character: number, endLine: number, endCharacter: number, title?: string) {
    this.kind = kind;
    this.level = level;
    this.name = name;
    this.parent = parent;
    this.#marker = typeof marker === 'string' && name.startsWith(marker) ? marker.length : marker;
    this.#line = line;
    this.#character = character;
    this.#endLine = endLine;
    this.#endCharacter = endCharacter;
    // (copied: like the name, it may be a view into the file's whole text)
    this.#title = title === undefined || title === titleOf(this.marker, name) ? undefined : copyString(title);
  }

  get marker(): string {
    return typeof this.#marker === 'number' ? this.name.slice(0, this.#marker) : this.#marker;
  }

  /** The marker's length when it begins the name, else the marker (as the stored index writes it). */
  get storedMarker(): string | number {
    return this.#marker;
  }

  get title(): string {
    return this.#title ?? titleOf(this.marker, this.name);
  }

  get start(): SummaryPosition {
    return { line: this.#line, character: this.#character };
  }

  get end(): SummaryPosition {
    return { line: this.#endLine, character: this.#endCharacter };
  }

  toJSON(): SummaryHeading {
    const { kind, level, marker, title, name, parent, start, end } = this;
    return { kind, level, marker, title, name, parent, start, end };
  }
}

/** The title inside a heading's name (the core writes marker + title, a space between for law markers). */
export function titleOf(marker: string, name: string): string {
  if (marker === '') return name;
  return name.startsWith(marker) ? name.slice(marker.length).replace(/^ /, '') : name;
}
