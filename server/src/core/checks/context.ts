/** What every rule works on: the text, its model, line arithmetic and small helpers for messages. */
import { isIndent } from '../chars';
import { lineIndexOf } from '../lines';
import type { Heading, ReportModel } from '../model';
import { scanText, type ScanResult } from './scan';
import type { CheckCode, CheckOptions, Localized } from './types';

export class CheckContext {
  readonly text: string;
  readonly model: ReportModel;
  readonly options: CheckOptions;
  readonly #lineStarts: readonly number[];
  #headingLines: Uint8Array | undefined;
  #scan: ScanResult | undefined;

  constructor(text: string, model: ReportModel, options: CheckOptions) {
    this.text = text;
    this.model = model;
    this.options = options;
    this.#lineStarts = model.lineStarts;
  }

  wants(code: CheckCode): boolean {
    return this.options.enabled === undefined || this.options.enabled(code);
  }

  /** Positions of the characters the character-level rules look at (one pass, shared). */
  scan(): ScanResult {
    return (this.#scan ??= scanText(this.text, this.options.codec));
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
      for (const h of this.model.headings) this.#headingLines[h.line] = 1;
    }
    return this.#headingLines[line] === 1;
  }

  /** [start, end) of a heading's marker in the text, or undefined when the text there does not read as the marker (a repaired line). */
  markerRange(h: Heading): { start: number; end: number } | undefined {
    if (h.repaired || h.marker.length === 0 || !this.text.startsWith(h.marker, h.headingStart)) return undefined;
    return { start: h.headingStart, end: h.headingStart + h.marker.length };
  }

  /** Where to report something about a heading: its marker, or the heading itself when the marker is not in the text. */
  reportRange(h: Heading): { start: number; end: number } {
    return this.markerRange(h) ?? { start: h.headingStart, end: h.headingEnd };
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
