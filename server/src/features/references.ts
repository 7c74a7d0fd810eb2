/**
 * textDocument/references on a term: every use, quoted or not, in any script or spelling (網上沙龍, 網(wǎng)上沙龍,
 * 网上沙龙); the uses that are the term at its definitions are left out when the client asks without declarations.
 */
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { UseFlag } from '../core';
import { rangeOf, useAtOffset, type TermDocument } from '../service/terms';

export function provideReferences(doc: TermDocument, params: ReferenceParams, token: CancellationToken): Location[] | null {
  const at = useAtOffset(doc.terms, doc.document.offsetAt(params.position));
  if (at === undefined) return null;
  const { start, end, flags } = doc.terms.uses;
  const uri = doc.document.uri;
  const withDeclarations = params.context?.includeDeclaration !== false;
  const result: Location[] = [];
  for (let i = 0; i < at.term.uses.length; i++) {
    if ((i & 1023) === 0 && token.isCancellationRequested) break;
    const u = at.term.uses[i]!;
    if (!withDeclarations && (flags[u]! & UseFlag.Definition) !== 0) continue;
    result.push({ uri, range: rangeOf(doc, start[u]!, end[u]!) });
  }
  return result;
}
