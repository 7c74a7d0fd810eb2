/**
 * textDocument/documentSymbol: the report's headings as a tree of `DocumentSymbol`s (the Outline view,
 * breadcrumbs, Go to Symbol).
 *
 * - name: the heading's display name (marker + title), e.g. "（一）主要成效", "第三条".
 * - detail: what kind of marker it is, in Chinese (see `KIND_LABELS`), plus "乱码已修复" when the heading
 *   was recovered from GBK mojibake; with `zh-report.outline.showWordCount`, the section's 字数 first (the count of
 *   the heading hover and the status bar: service/wordCounter.ts).
 * - range: the whole section, from the start of the heading line to the end of its last non-blank line;
 *   selectionRange: the heading itself.
 * - kind: chosen so the icons tell the levels apart (see `SYMBOL_KINDS`): the title is a File, the structure of
 *   laws goes Package (编) → Module (章) → Namespace (节) → Field (条), the numbered levels of 公文 go
 *   Class (一、) → Method (（一）) → Field (1.) → Property (（1）) → EnumMember (①).
 */
import {
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type DocumentSymbolParams,
} from 'vscode-languageserver';
import type { Heading } from '../core';
import { formatNumber, message, type DisplayLanguage } from '../messages';
import type { AnalyzedDocument } from '../service/documents';
import { contentEnd, mapHeadingTree } from '../service/headings';
import { KIND_LABELS, SYMBOL_KINDS, symbolName } from '../service/symbols';
import { wordCounterOf } from '../service/wordCounter';

/** What the outline shows besides the headings. */
export interface SymbolOptions {
  /** Each section's 字数 in its detail. */
  readonly wordCounts?: boolean;
  readonly lang?: DisplayLanguage;
}

export function provideDocumentSymbols(
  analyzed: AnalyzedDocument,
  _params: DocumentSymbolParams,
  _token: CancellationToken,
  options: SymbolOptions = {},
): DocumentSymbol[] {
  const { document, model } = analyzed;
  const text = document.getText();
  const counter = options.wordCounts === true ? wordCounterOf(analyzed) : undefined;
  const lang = options.lang ?? 'zh-cn';
  return mapHeadingTree<DocumentSymbol>(
    model,
    (heading, _depth, index) => ({
      name: symbolName(heading),
      detail: counter === undefined
        ? symbolDetail(heading)
        : `${message('outline.words', lang, formatNumber(counter.sectionWords(index)))} · ${symbolDetail(heading)}`,
      kind: SYMBOL_KINDS[heading.kind] ?? SymbolKind.String,
      range: {
        start: document.positionAt(Math.min(heading.start, heading.headingStart)),
        end: document.positionAt(contentEnd(text, heading)),
      },
      selectionRange: {
        start: document.positionAt(heading.headingStart),
        end: document.positionAt(Math.max(heading.headingStart, heading.headingEnd)),
      },
      children: [],
    }),
    (parent, child) => parent.children?.push(child),
  );
}

/** The kind of marker, or what the heading has instead of a title: a law article's first sentence, an 附件's title line. */
function symbolDetail(heading: Heading): string {
  const label = heading.detail || (KIND_LABELS[heading.kind] ?? heading.kind);
  return heading.repaired ? `${label} · 乱码已修复` : label;
}
