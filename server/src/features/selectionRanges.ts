/**
 * textDocument/selectionRange (Expand/Shrink Selection): for each position, the core's chain of ranges
 * (sentence → paragraph → section → parent sections), linked innermost-first through `parent`.
 *
 * The protocol requires each parent to contain its child; a range from the core that does not contain the
 * previous one (or repeats it) is dropped rather than sent. A position with no range gets the empty range at
 * the position, since the result must have one entry per position (a position past the end of its line or of the
 * document is first moved to where it lands, so no range lies outside the document).
 */
import type { CancellationToken, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectionRanges } from '../core';
import type { AnalyzedDocument } from '../service/documents';

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
    result.push(linkChain(document, offset, chain));
  }
  return result;
}

/** Empty ranges at the positions: the answer for documents that are not analysed. */
export function emptySelectionRanges(params: SelectionRangeParams, document: TextDocument): SelectionRange[] {
  return params.positions.map((position) => emptyAt(document, document.offsetAt(position)));
}

function emptyAt(document: TextDocument, offset: number): SelectionRange {
  const at = document.positionAt(offset);
  return { range: { start: at, end: at } };
}

function linkChain(
  document: TextDocument,
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
    return emptyAt(document, offset);
  }
  let link: SelectionRange | undefined;
  for (const [start, end] of [...kept].reverse()) {
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    link = link === undefined ? { range } : { range, parent: link };
  }
  return link ?? emptyAt(document, offset);
}
