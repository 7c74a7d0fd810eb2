/**
 * What the symbol features share (documentSymbol, workspace/symbol): the symbol kind and label of each marker kind,
 * a heading's symbol name, and the flat form of a symbol tree for clients without hierarchical symbols.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { MARKER_LABELS, MARKER_SYMBOL_KINDS, type Heading, type MarkerKind } from '../core';

/** The LSP symbol kind of each marker kind (the outline's icons): the marker table's (core/markers.ts). */
export const SYMBOL_KINDS: Readonly<Record<MarkerKind, SymbolKind>> = MARKER_SYMBOL_KINDS as Readonly<Record<MarkerKind, SymbolKind>>;

/** What kind of marker a heading has, in Chinese (the outline's detail): the marker table's. */
export const KIND_LABELS: Readonly<Record<MarkerKind, string>> = MARKER_LABELS;

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

