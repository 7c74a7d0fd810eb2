/**
 * Incremental document sync that keeps a document's line table true to its text.
 *
 * `TextDocument.update` (vscode-languageserver-textdocument 1.0.12) updates the line table of a document from the
 * changed range alone. When a change makes or splits a "\r\n" across its edges — a "\r" inserted right before a "\n",
 * a "\n" right after a "\r", or a range that starts or ends between the two — the table counts one line break too
 * many or too few, and from then on every position the server computes (outline, tokens, selection ranges) lands
 * on the wrong line, while the text itself is right. VS Code never sends such a change (it normalises a document's
 * line ends), but other editors and LSP clients may. Such a change is applied, and the document is then made again
 * from its text, so its line table is computed afresh; other changes cost what they cost before.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

const CR = 0x0d;
const LF = 0x0a;

/** The `TextDocuments` configuration of the server: the library's own, with `update` made safe around "\r\n". */
export const SYNCED_DOCUMENTS = {
  create: TextDocument.create,
  update: updateDocument,
};

/** `TextDocument.update`, with the document made again from its text after a change that makes or splits a "\r\n". */
export function updateDocument(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  let current = changes.length === 0 ? TextDocument.update(document, changes, version) : document;
  for (const change of changes) {
    // the next change's range is read with this one's line table: it is made afresh at once, not after the batch
    let touchesBreak = false;
    if ('range' in change) {
      const start = current.offsetAt(change.range.start);
      const end = Math.max(start, current.offsetAt(change.range.end));
      touchesBreak = joinsOrSplitsCrLf(current.getText(), start, end, change.text);
    }
    current = TextDocument.update(current, [change], version);
    if (touchesBreak) current = TextDocument.create(current.uri, current.languageId, version, current.getText());
  }
  return current;
}

/**
 * True when replacing text[start, end) by `inserted` leaves a "\r" and a "\n" next to each other across an edge of
 * the change, or cuts one "\r\n" in two (the line table of an incremental update would then be wrong).
 */
export function joinsOrSplitsCrLf(text: string, start: number, end: number, inserted: string): boolean {
  const prev = start > 0 ? text.charCodeAt(start - 1) : -1;
  const next = end < text.length ? text.charCodeAt(end) : -1;
  // an edge cut through a "\r\n" of the old text
  if (prev === CR && text.charCodeAt(start) === LF) return true;
  if (end > 0 && text.charCodeAt(end - 1) === CR && next === LF) return true;
  // a "\r\n" formed across an edge of the new text
  const first = inserted.length > 0 ? inserted.charCodeAt(0) : next;
  const last = inserted.length > 0 ? inserted.charCodeAt(inserted.length - 1) : prev;
  return (prev === CR && first === LF) || (last === CR && next === LF);
}
