/**
 * textDocument/prepareRename and textDocument/rename of a term: every use, quoted or not, in any script or spelling,
 * the definitions included, is replaced by the new name.
 *
 * Decision: each use gets the new name exactly as typed; uses do not keep their own script. Reasons: converting the
 * name simplified → traditional is one-to-many (发 → 發/髮, 干 → 乾/幹/干) and would guess; it needs opencc-js's
 * cn → t converter (1.1 MB, ~0.35 s to build); and a document that mixes scripts for one term is usually an
 * accident of copying, which a rename should end rather than preserve. A use's pinyin glosses (網(wǎng)上沙龍) are
 * part of its range and go with it. The quotes or title brackets around a use stay, as they are outside its range.
 * An abbreviation's full form is a different phrase and is not renamed.
 */
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { rangeOf, useAtOffset, type TermDocument } from '../service/terms';

export function providePrepareRename(doc: TermDocument, params: PrepareRenameParams, _token: CancellationToken): { range: Range; placeholder: string } | null {
  const at = useAtOffset(doc.terms, doc.document.offsetAt(params.position));
  if (at === undefined) return null;
  return { range: rangeOf(doc, at.start, at.end), placeholder: at.term.name };
}

export function provideRename(doc: TermDocument, params: RenameParams, token: CancellationToken): WorkspaceEdit | null {
  const newName = typeof params.newName === 'string' ? params.newName.trim() : '';
  if (newName.length === 0 || /[\r\n]/.test(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, '新名称不能为空，也不能换行 / The new name must be one non-empty line.');
  }
  const at = useAtOffset(doc.terms, doc.document.offsetAt(params.position));
  if (at === undefined) return null;
  const { start, end } = doc.terms.uses;
  const edits: TextEdit[] = [];
  let last = -1;
  for (let i = 0; i < at.term.uses.length; i++) {
    if ((i & 1023) === 0 && token.isCancellationRequested) break;
    const u = at.term.uses[i]!;
    // edits must not overlap: of two overlapping uses (哈哈 in 哈哈哈) the first is renamed
    if (start[u]! < last) continue;
    edits.push({ range: rangeOf(doc, start[u]!, end[u]!), newText: newName });
    last = end[u]!;
  }
  return { changes: { [doc.document.uri]: edits } };
}
