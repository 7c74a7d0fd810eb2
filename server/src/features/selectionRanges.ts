/**
 * textDocument/selectionRange (Expand/Shrink Selection): for each position, the core's chain of ranges
 * (sentence → paragraph → section → parent sections), linked innermost-first through `parent`.
 *
 * The protocol requires each parent to contain its child; a range from the core that does not contain the
 * previous one (or repeats it) is dropped rather than sent. A position with no range gets the empty range at
 * the position, since the result must have one entry per position.
 */
import type { CancellationToken, Position, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { selectionRanges } from '../core';
import type { AnalyzedDocument } from '../workspace/workspace';

export function provideSelectionRanges(
  { document, model }: AnalyzedDocument,
  params: SelectionRangeParams,
  token: CancellationToken,
): SelectionRange[] {
  const text = document.getText();
  const result: SelectionRange[] = [];
  for (const position of params.positions) {
    if (token.isCancellationRequested) {
      break;
    }
    const offset = document.offsetAt(position);
    const chain = selectionRanges(text, model, offset);
    result.push(linkChain(document, position, offset, chain));
  }
  return result;
}

/** Empty ranges at the positions: the answer for documents that are not analysed. */
export function emptySelectionRanges(params: SelectionRangeParams): SelectionRange[] {
  return params.positions.map((position) => ({ range: { start: position, end: position } }));
}

function linkChain(
  document: AnalyzedDocument['document'],
  position: Position,
  offset: number,
  chain: ReadonlyArray<readonly [number, number]>,
): SelectionRange {
  // Keep, innermost first, the ranges that strictly grow the previous one.
  const kept: Array<readonly [number, number]> = [];
  let inner: readonly [number, number] = [offset, offset];
  for (const [start, end] of chain) {
    const contains = start <= inner[0] && end >= inner[1];
    const same = start === inner[0] && end === inner[1];
    if (!contains || same) {
      continue;
    }
    kept.push([start, end]);
    inner = [start, end];
  }
  if (kept.length === 0) {
    return { range: { start: position, end: position } };
  }
  let link: SelectionRange | undefined;
  for (let i = kept.length - 1; i >= 0; i--) {
    const [start, end] = kept[i];
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    link = link === undefined ? { range } : { range, parent: link };
  }
  return link ?? { range: { start: position, end: position } };
}
