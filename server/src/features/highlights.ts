/**
 * textDocument/documentHighlight on a term: all its uses; the term at its definitions is marked as a write, the
 * other uses as reads.
 */
import { DocumentHighlightKind, type CancellationToken, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import { UseFlag } from '../core';
import { rangeOf, useAtOffset, type TermDocument } from '../service/terms';

export function provideDocumentHighlights(doc: TermDocument, params: DocumentHighlightParams, token: CancellationToken): DocumentHighlight[] | null {
  const at = useAtOffset(doc.terms, doc.document.offsetAt(params.position));
  if (at === undefined) return null;
  const { start, end, flags } = doc.terms.uses;
  const result: DocumentHighlight[] = [];
  for (let i = 0; i < at.term.uses.length; i++) {
    if ((i & 1023) === 0 && token.isCancellationRequested) break;
    const u = at.term.uses[i]!;
    const kind = (flags[u]! & UseFlag.Definition) !== 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read;
    result.push({ range: rangeOf(doc, start[u]!, end[u]!), kind });
  }
  return result;
}
