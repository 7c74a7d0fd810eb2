/** Helpers to write protocol tests against inline documents. */
import type { DocumentSymbol, FoldingRange, Position, Range } from 'vscode-languageserver/node';
import type { OutlineNode } from '../../server/src/protocol';

/** The position of the `nth` (0-based) occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) {
      throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
    }
  }
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** The offset of an LSP position in `text` (lines split at \n). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

/** The text an LSP range covers. */
export function textOf(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** A name tree: what the outline looks like, without ranges. */
export interface NameTree {
  readonly name: string;
  readonly children: NameTree[];
}

/** The names of a symbol or outline tree (explicit stack, document order). */
export function nameTree(nodes: ReadonlyArray<DocumentSymbol | OutlineNode>): NameTree[] {
  const roots: NameTree[] = [];
  const stack: Array<{ readonly node: DocumentSymbol | OutlineNode; readonly into: NameTree[] }> = [];
  for (const node of [...nodes].reverse()) {
    stack.push({ node, into: roots });
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const tree: NameTree = { name: top.node.name, children: [] };
    top.into.push(tree);
    const children: ReadonlyArray<DocumentSymbol | OutlineNode> = top.node.children ?? [];
    for (const child of [...children].reverse()) {
      stack.push({ node: child, into: tree.children });
    }
  }
  return roots;
}

/** Every node of a symbol tree with its parent, in document order. */
export function walkSymbols(symbols: readonly DocumentSymbol[]): Array<{ readonly symbol: DocumentSymbol; readonly parent: DocumentSymbol | undefined }> {
  const result: Array<{ readonly symbol: DocumentSymbol; readonly parent: DocumentSymbol | undefined }> = [];
  const stack: Array<{ readonly symbol: DocumentSymbol; readonly parent: DocumentSymbol | undefined }> = [];
  for (const symbol of [...symbols].reverse()) {
    stack.push({ symbol, parent: undefined });
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    result.push(top);
    const children = top.symbol.children ?? [];
    for (const child of [...children].reverse()) {
      stack.push({ symbol: child, parent: top.symbol });
    }
  }
  return result;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when `outer` contains `inner` (ends included). */
export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function sortFolding(ranges: readonly FoldingRange[]): Array<{ startLine: number; endLine: number }> {
  return ranges
    .map(({ startLine, endLine }) => ({ startLine, endLine }))
    .sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}
