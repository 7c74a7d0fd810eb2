/**
 * Terms across the workspace (the service's workspace index, service/workspace.ts): what hover, definition,
 * references and rename add to the document's own answers.
 *
 * - hover and definition on a term the document uses but does not define: the definitions other report files give
 *   (a glossary first, then in path order; several differing ones all listed), with file and place. The document's
 *   own definition always wins: then nothing is added.
 * - references: the document's own uses, then the uses in every other report file (either script, through glosses).
 * - rename: one WorkspaceEdit over every file that uses the term; open documents by their current version
 *   (versioned document changes where the client supports them). A file where the index recorded fewer uses than
 *   there are (over MAX_USES_PER_TERM) is read again and searched whole (`WorkspaceIndex.allUsesIn`); only when such a
 *   file cannot be read is the rename refused, with a message naming it, never half done.
 *
 * The term at the cursor is the document's (its term index) or, where the document only mentions a term another file
 * defines (司法工作人员 unquoted in a regulation), the index's scan of the document's current version.
 */
import {
  ErrorCodes,
  MarkupKind,
  ResponseError,
  type Hover,
  type Location,
  type Position,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { message, type DisplayLanguage, type MessageKey } from '../messages';
import type { EditCapabilities } from '../service/edits';
import type { OpenDocuments } from '../service/documents';
import { escapeMarkdown, rangeOf, shorten, useAtOffset, type TermDocument } from '../service/terms';
import { fileKey, type WorkspaceDefinition, type WorkspaceIndex, type WorkspaceUse } from '../service/workspaceIndex';
import { fileNameOf } from '../core';

/** Longest definition text shown per file in a hover. */
const HOVER_TEXT_MAX = 160;
/** Definitions listed in one hover at most. */
const HOVER_DEFINITIONS_MAX = 5;

/** The term at the cursor: its key, the range of the use, and whether the document defines it. */
export interface TermAtCursor {
  readonly key: string;
  readonly range: Range;
  readonly ownDefinition: boolean;
  /** The document's term index knows it (else only the index's scan found it). */
  readonly own: boolean;
}

export function termAtCursor(doc: TermDocument, position: Position, index: WorkspaceIndex): TermAtCursor | undefined {
  const at = useAtOffset(doc.terms, doc.document.offsetAt(position));
  if (at !== undefined) return { key: at.term.key, range: rangeOf(doc, at.start, at.end), ownDefinition: at.term.definitions.length > 0, own: true };
  const found = index.termAt(doc.document.uri, position.line, position.character);
  return found === undefined ? undefined : { key: found.key, range: found.range, ownDefinition: false, own: false };
}

/**
 * The hover: the document's own (`own`, may be null) when it defines the term or the workspace does not; else the
 * workspace's definitions, after the document's own lines when there are any.
 */
export function workspaceHover(doc: TermDocument, at: TermAtCursor | undefined, own: Hover | null, index: WorkspaceIndex, lang: DisplayLanguage): Hover | null {
  if (at === undefined || at.ownDefinition) return own;
  const definitions = index.definitionsOf(at.key, doc.document.uri);
  if (definitions.length === 0) return own;
  const t = (key: MessageKey, ...args: Array<string | number>): string => message(key, lang, ...args);
  const colon = lang === 'en' ? ': ' : '：';
  const texts = new Set(definitions.map((d) => d.definition.text));
  const lines: string[] = [];
  if (own === null) lines.push(`**${escapeMarkdown(definitions[0]!.name)}** · ${t('hover.workspaceDefinition')}`);
  else lines.push(markdownOf(own), '---', `**${t('hover.workspaceDefinition')}**`);
  if (texts.size > 1) lines.push(t('hover.workspaceDefinitions', texts.size));
  for (const d of definitions.slice(0, HOVER_DEFINITIONS_MAX)) {
    lines.push(`**${t(d.definition.kind === 'abbreviation' ? 'hover.fullForm' : 'hover.definition')}**${colon}${escapeMarkdown(shorten(d.definition.text, HOVER_TEXT_MAX))}`);
    lines.push(`**${t('hover.definedIn')}**${colon}${place(d, lang)}`);
  }
  if (definitions.length > HOVER_DEFINITIONS_MAX) lines.push(t('hover.moreDefinitions', definitions.length - HOVER_DEFINITIONS_MAX));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: at.range };
}

/** [file.md](its URI at the line) · section · 第 N 行 */
function place(d: WorkspaceDefinition, lang: DisplayLanguage): string {
  const parts = [`[${escapeMarkdown(fileNameOf(d.uri))}](<${d.uri.replace(/[<>\s]/g, encodeURIComponent)}#L${d.range.start.line + 1}>)`];
  if (d.section !== undefined && d.section !== d.fileTitle) parts.push(escapeMarkdown(d.section.replace(/\s+/g, ' ')));
  parts.push(message('hover.line', lang, d.range.start.line + 1));
  return parts.join(' · ');
}

function markdownOf(hover: Hover): string {
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n');
  return contents.value;
}

/** Definition: the workspace's definitions when the document has none (else undefined: the document's answer stands). */
export function workspaceDefinitions(doc: TermDocument, at: TermAtCursor | undefined, index: WorkspaceIndex): Location[] | undefined {
  if (at === undefined || at.ownDefinition) return undefined;
  const definitions = index.definitionsOf(at.key, doc.document.uri);
  return definitions.length === 0 ? undefined : definitions.map((d) => ({ uri: d.uri, range: d.range }));
}

/** The uses in the other files (and in this one when the document's term index does not know the term). */
export function workspaceUses(doc: TermDocument, at: TermAtCursor, index: WorkspaceIndex, withDeclarations: boolean): WorkspaceUse[] {
  const uses = index.usesOf(at.key, at.own ? doc.document.uri : undefined);
  if (withDeclarations) return uses;
  const declared = new Set(index.definitionsOf(at.key).map((d) => placeKey(d.uri, d.range.start)));
  return uses.filter((u) => !declared.has(placeKey(u.uri, u.range.start)));
}

function placeKey(uri: string, p: Position): string {
  return `${fileKey(uri)}\n${p.line}:${p.character}`;
}

/**
 * The rename over the workspace: `own` (the document's edits, null when its index does not know the term) merged with
 * the edits in every other file using it, a file whose uses were capped in the index searched whole (open documents as
 * the editor has them); throws when such a file cannot be read.
 */
export async function workspaceRename(
  doc: TermDocument,
  at: TermAtCursor,
  own: WorkspaceEdit | null,
  newName: string,
  index: WorkspaceIndex,
  open: OpenDocuments,
  caps: EditCapabilities,
  lang: DisplayLanguage,
): Promise<WorkspaceEdit | null> {
  const capped = index.filesWithMoreUses(at.key).filter((uri) => !(at.own && fileKey(uri) === fileKey(doc.document.uri)));
  const whole = new Map<string, WorkspaceUse[]>();
  const unreadable: string[] = [];
  for (const uri of capped) {
    const uses = await index.allUsesIn(uri, at.key, open.get(uri)?.getText());
    if (uses === undefined) unreadable.push(uri);
    else whole.set(fileKey(uri), uses);
  }
  if (unreadable.length > 0) {
    throw new ResponseError(ErrorCodes.InvalidRequest, message('rename.unreadable', lang, unreadable.map(fileNameOf).join('、')));
  }
  const byFile = new Map<string, TextEdit[]>();
  if (own !== null) for (const [uri, edits] of Object.entries(own.changes ?? {})) byFile.set(uri, [...edits]);
  const uses = [...workspaceUses(doc, at, index, true).filter((u) => !whole.has(fileKey(u.uri))), ...[...whole.values()].flat()];
  for (const use of uses) {
    let edits = byFile.get(use.uri);
    if (edits === undefined) byFile.set(use.uri, (edits = []));
    edits.push({ range: use.range, newText: newName });
  }
  if (byFile.size === 0) return null;
  // A closed file stored in GB18030 is edited by the positions of its GB18030 text; the editor may open it as UTF-8
  // (its default), and the edits would land elsewhere: such a rename waits until the user opens the file.
  const legacy: string[] = [];
  for (const uri of byFile.keys()) {
    if (open.get(uri) !== undefined || fileKey(uri) === fileKey(doc.document.uri)) continue;
    const encoding = await index.storedEncoding(uri);
    if (encoding !== undefined && !encoding.startsWith('utf-')) legacy.push(uri);
  }
  if (legacy.length > 0) {
    throw new ResponseError(ErrorCodes.InvalidRequest, message('rename.legacyEncoding', lang, legacy.map(fileNameOf).join('、')));
  }
  const files = [...byFile.entries()].map(([uri, edits]) => [uri, withoutOverlaps(edits)] as const);
  if (!caps.documentChanges) return { changes: Object.fromEntries(files) };
  const documentChanges: TextDocumentEdit[] = files.map(([uri, edits]) => ({
    textDocument: { uri, version: open.get(uri)?.version ?? null },
    edits,
  }));
  return { documentChanges };
}

/** Edits in document order, of two overlapping ones the first kept (as the document's own rename does). */
function withoutOverlaps(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && compare(e.range.start, last.range.end) < 0) continue;
    out.push(e);
  }
  return out;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
