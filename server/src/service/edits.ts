/** Edits as the client gets them: one WorkspaceEdit (one undoable step in the editor) per action or command. */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit } from '../core/checks';

/** How edits reach the client: versioned document changes where it supports them (stale edits are refused). */
export interface EditCapabilities {
  readonly documentChanges: boolean;
}

export function workspaceEdit(document: TextDocument, edits: readonly Edit[], caps: EditCapabilities): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.newText,
  }));
  return caps.documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] }
    : { changes: { [document.uri]: textEdits } };
}
