/**
 * textDocument/definition on a term: the document's definitions of it (the term with its defining text; for an
 * abbreviation, the full form through the bracket), else its first use. Several definitions give several locations.
 * On an entry of the table of contents (目录): the heading it lists.
 */
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver';
import { tocTargetAt } from '../core';
import { rangeOf, useAtOffset, type TermDocument } from '../service/terms';

export function provideDefinition(doc: TermDocument, params: DefinitionParams, _token: CancellationToken): Location[] | null {
  const offset = doc.document.offsetAt(params.position);
  const listed = tocTargetAt(doc.model, offset);
  if (listed !== undefined) return [{ uri: doc.document.uri, range: rangeOf(doc, listed.headingStart, listed.headingEnd) }];
  const at = useAtOffset(doc.terms, offset);
  if (at === undefined) return null;
  const uri = doc.document.uri;
  if (at.term.definitions.length > 0) {
    return at.term.definitions.map((d) => ({ uri, range: rangeOf(doc, d.start, d.end) }));
  }
  const first = at.term.uses[0];
  if (first === undefined) return null;
  return [{ uri, range: rangeOf(doc, doc.terms.uses.start[first]!, doc.terms.uses.end[first]!) }];
}
