/**
 * The outline option (setting `zh-report.outline.showTerms`, off by default): the document's defined terms listed
 * under the section that defines them, after the section's sub-headings are placed by position.
 *
 * Each term appears once, at its first definition: name = the term, detail = 术语 and the start of its definition,
 * kind = Key, range = the definition, selectionRange = the term where it is defined.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { rangeOf, shorten, type TermDocument } from '../service/terms';

/** Adds the defined terms to a hierarchical symbol tree, in place; returns the tree. */
export function addTermSymbols(symbols: DocumentSymbol[], doc: TermDocument): DocumentSymbol[] {
  for (const term of doc.terms.terms) {
    const d = term.definitions[0];
    if (d === undefined) continue;
    const range = rangeOf(doc, d.start, d.end);
    const symbol: DocumentSymbol = {
      name: term.name,
      detail: `术语 · ${shorten(d.kind === 'abbreviation' ? `全称 ${d.text}` : d.text, 30)}`,
      kind: SymbolKind.Key,
      range,
      selectionRange: rangeOf(doc, d.termStart, d.termEnd),
      children: [],
    };
    insert(symbols, symbol);
  }
  return symbols;
}

/** Puts `symbol` under the innermost symbol whose range holds it, in position order among its siblings. */
function insert(roots: DocumentSymbol[], symbol: DocumentSymbol): void {
  let siblings = roots;
  for (;;) {
    const parent = siblings.find((s) => contains(s.range, symbol.range));
    if (parent === undefined) break;
    parent.children ??= [];
    siblings = parent.children;
  }
  let i = siblings.length;
  while (i > 0 && before(symbol.range, siblings[i - 1]!.range)) i--;
  siblings.splice(i, 0, symbol);
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

function contains(outer: Range, inner: Range): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

function before(a: Range, b: Range): boolean {
  return compare(a.start, b.start) < 0;
}
