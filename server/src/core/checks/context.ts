/** What every rule works on: the text, its model, line arithmetic and small helpers for messages. */
import { isCnNumeralCode, isIndent } from '../chars';
import { headingTable, type HeadingTable } from '../headingTable';
import { lineIndexOf } from '../lines';
import { KIND_BY_CODE, NO_KIND_CODE, matchMarker } from '../markers';
import type { Heading, MarkerKind, ReportModel } from '../model';
import { scanText, type ScanResult } from './scan';
import type { CheckCode, CheckOptions, Localized } from './types';

/** The options as the rules read them: every field present (undefined where the caller gave none). */
export interface ContextOptions {
  readonly enabled: CheckOptions['enabled'] | undefined;
  readonly codec: CheckOptions['codec'] | undefined;
  readonly script: CheckOptions['script'] | undefined;
  readonly terms: CheckOptions['terms'] | undefined;
}

export class CheckContext {
  readonly text: string;
  readonly model: ReportModel;
  /** The caller's options, copied into one fixed shape (see the constructor). */
  readonly options: ContextOptions;
  readonly #lineStarts: readonly number[];
  #headingLines: Uint8Array | undefined;
  #scan: ScanResult | undefined;
  #table: HeadingTable | undefined;

  constructor(text: string, model: ReportModel, options: CheckOptions) {
    this.text = text;
    this.model = model;
    // Callers build their options with spreads ({ codec, ...(terms ? { terms } : {}) }), whose hidden classes live only
    // as long as such an object: code of the rules compiled against them would be discarded at each full GC.
    this.options = { enabled: options.enabled, codec: options.codec, script: options.script, terms: options.terms };
    this.#lineStarts = model.lineStarts;
  }

  wants(code: CheckCode): boolean {
    return this.options.enabled === undefined || this.options.enabled(code);
  }

  /** The model's headings as columns (kind, parent, line …): what a pass over every heading reads. */
  get table(): HeadingTable {
    return (this.#table ??= headingTable(this.model));
  }

  /** Positions of the characters the character-level rules look at (one pass, shared). */
  scan(): ScanResult {
    return (this.#scan ??= scanText(this.text, this.options.codec, this.#lineStarts));
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  lineOf(offset: number): number {
    return lineIndexOf(this.#lineStarts, offset);
  }

  lineStart(line: number): number {
    return this.#lineStarts[line]!;
  }

  /** End of the line's content (before "\n" or "\r\n"). */
  lineEnd(line: number): number {
    let end = line + 1 < this.#lineStarts.length ? this.#lineStarts[line + 1]! - 1 : this.text.length;
    if (end > this.#lineStarts[line]! && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** Start of the next line (or the text's end): deleting [lineStart, nextLineStart) removes a whole line. */
  nextLineStart(line: number): number {
    return line + 1 < this.#lineStarts.length ? this.#lineStarts[line + 1]! : this.text.length;
  }

  /** First offset of the line that is not an indent character. */
  contentStart(line: number): number {
    const end = this.lineEnd(line);
    let p = this.lineStart(line);
    while (p < end && isIndent(this.text.charCodeAt(p))) p++;
    return p;
  }

  /** End of the line's content without trailing blanks. */
  contentEnd(line: number): number {
    const start = this.lineStart(line);
    let end = this.lineEnd(line);
    while (end > start && isIndent(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  /** True for lines that hold a heading of the model. */
  isHeadingLine(line: number): boolean {
    if (this.#headingLines === undefined) {
      this.#headingLines = new Uint8Array(this.#lineStarts.length);
      const { line, count } = this.table;
      for (let i = 0; i < count; i++) this.#headingLines[line[i]!] = 1;
    }
    return this.#headingLines[line] === 1;
  }

  /**
   * Where a heading's marker ends in the text, or -1 when the text there does not read as the marker (a repaired
   * line). Found with the parser's own scanner on the text: reading `h.marker` would make the model build every
   * string of the heading (the model makes them on first read), which the checks need for the few they report.
   */
  markerEnd(h: Heading): number {
    if (h.repaired || h.kind === 'title' || h.kind === 'markdown') return -1;
    const quick = quickMarkerEnd(this.text, h.kind, h.headingStart);
    if (quick > 0) return quick;
    const m = matchMarker(this.text, h.headingStart, this.contentEnd(h.line));
    if (m !== undefined && m.kind === h.kind && m.start === h.headingStart) return m.end;
    // the scanner reads the line differently (a glossed marker, a form only the parser knows): ask the heading
    const marker = h.marker;
    return marker.length > 0 && this.text.startsWith(marker, h.headingStart) ? h.headingStart + marker.length : -1;
  }

  /** `markerEnd` of heading `i`, read from the table (the heading object is read only where the quick scan cannot tell). */
  markerEndAt(i: number): number {
    const table = this.table;
    const code = table.kind[i]!;
    if (code === NO_KIND_CODE) return this.markerEnd(this.model.headings[i]!);
    const kind = KIND_BY_CODE[code]!;
    if (table.repaired[i] === 1 || kind === 'title' || kind === 'markdown') return -1;
    const quick = quickMarkerEnd(this.text, kind, table.headingStart[i]!);
    return quick > 0 ? quick : this.markerEnd(this.model.headings[i]!);
  }

  /** [start, end) of a heading's marker in the text, or undefined when the text there does not read as the marker (a repaired line). */
  markerRange(h: Heading): { start: number; end: number } | undefined {
    const end = this.markerEnd(h);
    return end < 0 ? undefined : { start: h.headingStart, end };
  }

  /** Where to report something about a heading: its marker, or the heading itself when the marker is not in the text. */
  reportRange(h: Heading): { start: number; end: number } {
    return this.markerRange(h) ?? { start: h.headingStart, end: h.headingEnd };
  }

  /** The end of `reportRange(h)` (which starts at `h.headingStart` either way), with no object made: for `keeps`. */
  reportEnd(h: Heading): number {
    const end = this.markerEnd(h);
    return end < 0 ? h.headingEnd : end;
  }
}

/**
 * One context that lives as long as the module: the maps (hidden classes) of a context are then never collected, so
 * a full garbage collection between two runs does not throw away the optimised code of the rules that read a
 * context (code compiled against a map is discarded when that map dies, and each run would start deoptimised).
 */
export const KEPT_CONTEXT = new CheckContext('', { length: 0, headings: [], roots: [], damage: [], lineStarts: [0] }, {});

const CN_NUMERAL = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isCnNumeralCode(c)) CN_NUMERAL[c] = 1;

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09;
}

/** Law units that end a 第X… marker. */
const LAW_UNIT = new Set([...'编編篇章节節条條'].map((ch) => ch.charCodeAt(0)));

/**
 * The end of the common markers, read from the text without allocating (一、 （一） 1. （1） ① 第X条 第 1 條 …), or -1
 * when the text does not have the simple shape (the caller falls back to the parser's scanner).
 */
function quickMarkerEnd(text: string, kind: MarkerKind, headingStart: number): number {
  let p = headingStart;
  const c = text.charCodeAt(p);
  switch (kind) {
    case 'cn': {
      while (CN_NUMERAL[text.charCodeAt(p)] === 1) p++;
      const sep = text.charCodeAt(p);
      return p > headingStart && (sep === 0x3001 || sep === 0x2e || sep === 0xff0e) ? p + 1 : -1;
    }
    case 'num': {
      if (c >= 0x2488 && c <= 0x249b) return p + 1;
      while (isDigit(text.charCodeAt(p))) p++;
      const sep = text.charCodeAt(p);
      return p > headingStart && (sep === 0x3001 || sep === 0x2e || sep === 0xff0e) ? p + 1 : -1;
    }
    case 'cnParen':
    case 'numParen': {
      if ((c >= 0x3220 && c <= 0x3229) || (c >= 0x2474 && c <= 0x2487)) return p + 1;
      if (c !== 0x28 && c !== 0xff08) return -1;
      p++;
      while (isBlank(text.charCodeAt(p))) p++;
      const from = p;
      while (CN_NUMERAL[text.charCodeAt(p)] === 1 || isDigit(text.charCodeAt(p))) p++;
      if (p === from) return -1;
      while (isBlank(text.charCodeAt(p))) p++;
      const close = text.charCodeAt(p);
      return close === 0x29 || close === 0xff09 ? p + 1 : -1;
    }
    case 'circled':
      return (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325f) ? p + 1 : -1;
    case 'chapter':
    case 'section':
    case 'article': {
      if (c !== 0x7b2c /* 第 */) return -1;
      p++;
      while (isBlank(text.charCodeAt(p))) p++;
      const from = p;
      while (CN_NUMERAL[text.charCodeAt(p)] === 1 || isDigit(text.charCodeAt(p)) || text.charCodeAt(p) === 0x2d || text.charCodeAt(p) === 0xff0d) p++;
      if (p === from) return -1;
      while (isBlank(text.charCodeAt(p))) p++;
      if (!LAW_UNIT.has(text.charCodeAt(p))) return -1;
      p++;
      if (kind === 'article' && text.charCodeAt(p) === 0x4e4b /* 之 */ && CN_NUMERAL[text.charCodeAt(p + 1)] === 1) {
        p++;
        while (CN_NUMERAL[text.charCodeAt(p)] === 1) p++;
      }
      return p;
    }
    default:
      return -1;
  }
}

/** 「x」 — how the messages quote a marker or a piece of text, in both languages. */
export function q(s: string): string {
  return `「${s}」`;
}

export function localized(zh: string, en: string): Localized {
  return { zh, en };
}

/** A short excerpt for messages and fix titles. */
export function excerpt(s: string, max = 24): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}
