/**
 * textDocument/documentSymbol: the report's headings as a tree of `DocumentSymbol`s (the Outline view,
 * breadcrumbs, Go to Symbol).
 *
 * - name: the heading's display name (marker + title), e.g. "（一）主要成效", "第三条".
 * - detail: what kind of marker it is, in Chinese (see `KIND_LABELS`), plus "乱码已修复" when the heading
 *   was recovered from GBK mojibake; with `zh-report.outline.showWordCount`, the section's 字数 first (the count of
 *   the heading hover and the status bar: features/wordCount.ts).
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
  type SymbolInformation,
} from 'vscode-languageserver';
import type { Heading, MarkerKind } from '../core';
import { formatNumber, message, type DisplayLanguage } from '../messages';
import type { AnalyzedDocument } from '../workspace/workspace';
import { contentEnd, mapHeadingTree } from './headings';
import { wordCounterOf } from './wordCount';

/** What the outline shows besides the headings. */
export interface SymbolOptions {
  /** Each section's 字数 in its detail. */
  readonly wordCounts?: boolean;
  readonly lang?: DisplayLanguage;
}

export const SYMBOL_KINDS: Readonly<Record<MarkerKind, SymbolKind>> = {
  title: SymbolKind.File,
  part: SymbolKind.Package,
  subpart: SymbolKind.Package,
  chapter: SymbolKind.Module,
  section: SymbolKind.Namespace,
  article: SymbolKind.Field,
  cn: SymbolKind.Class,
  cnFormal: SymbolKind.Class,
  stem: SymbolKind.Class,
  cnParen: SymbolKind.Method,
  num: SymbolKind.Field,
  numParen: SymbolKind.Property,
  circled: SymbolKind.EnumMember,
  ordinal: SymbolKind.Class,
  decimal: SymbolKind.Number,
  appendix: SymbolKind.File,
  label: SymbolKind.Namespace,
  subhead: SymbolKind.Class,
  markdown: SymbolKind.String,
};

export const KIND_LABELS: Readonly<Record<MarkerKind, string>> = {
  title: '标题',
  part: '编',
  subpart: '分编',
  chapter: '章',
  section: '节',
  article: '条',
  cn: '汉字序号',
  cnFormal: '大写汉字序号',
  stem: '天干序号',
  cnParen: '括号汉字序号',
  num: '数字序号',
  numParen: '括号数字序号',
  circled: '圈码序号',
  ordinal: '第X序号',
  decimal: '多级编号',
  appendix: '附件',
  label: '无序号标题',
  subhead: '无序号小标题',
  markdown: 'Markdown 标题',
};

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

/**
 * The same symbols flattened in document order, for clients without hierarchical symbol support. Each symbol's
 * location covers its section; `containerName` names its parent heading.
 */
export function flattenDocumentSymbols(uri: string, symbols: readonly DocumentSymbol[]): SymbolInformation[] {
  const result: SymbolInformation[] = [];
  const stack: Array<{ readonly symbol: DocumentSymbol; readonly container: string | undefined }> = [];
  for (const symbol of [...symbols].reverse()) {
    stack.push({ symbol, container: undefined });
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { symbol, container } = top;
    result.push({
      name: symbol.name,
      kind: symbol.kind,
      location: { uri, range: symbol.range },
      ...(container === undefined ? {} : { containerName: container }),
    });
    const children = symbol.children ?? [];
    for (const child of [...children].reverse()) {
      stack.push({ symbol: child, container: symbol.name });
    }
  }
  return result;
}

/** VS Code rejects a symbol whose name is empty or only whitespace. Runs of whitespace become one space. */
export function symbolName(heading: Heading): string {
  const raw = heading.name;
  const name = mayHoldWhitespace(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
  return name.length > 0 ? name : heading.marker.trim() || KIND_LABELS[heading.kind] || '?';
}

/**
 * False only when `s` has none of the characters `\s` matches (a cheap superset test: most names are Han characters
 * and CJK punctuation only, and need no regular expression).
 */
function mayHoldWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x205f) || c === 0x3000 || c === 0xfeff) return true;
  }
  return s.length === 0;
}

/** The kind of marker, or what the heading has instead of a title: a law article's first sentence, an 附件's title line. */
function symbolDetail(heading: Heading): string {
  const label = heading.detail || (KIND_LABELS[heading.kind] ?? heading.kind);
  return heading.repaired ? `${label} · 乱码已修复` : label;
}
