/**
 * The workspace index between sessions: one JSON file in the storage folder the client gives (VS Code's workspace
 * storage, or `indexStorage` in initialization options), holding each report file's summary keyed by its path, size
 * and modification time, under a format version, the summary version, the analyser's version and a signature of the
 * term keys' fold (a cache written by a server that folded scripts differently has other keys).
 *
 * The file is never trusted: whatever its bytes — truncated, corrupt, written by another program or another version —
 * `loadIndex` returns a valid index or an empty one and never throws. Every field of every summary is checked; one bad
 * entry empties the whole cache (a file that is wrong in one place may be wrong anywhere).
 */
import { SUMMARY_VERSION, type ReportSummary, type SummaryDefinition, type SummaryHeading, type SummaryTerm } from '../core';
import type { DefinitionKind, MarkerKind, TermKind } from '../core';
import { MARKER_KINDS as CORE_MARKER_KINDS } from '../core/markers';

/** Bumped whenever the file's layout changes. */
export const INDEX_FORMAT_VERSION = 1;
const FORMAT = 'zh-report.workspaceIndex';
/** The cache file's name in the storage folder (the version in the name: two versions of the extension do not fight over one file). */
export const INDEX_FILE_NAME = `workspace-index-v${INDEX_FORMAT_VERSION}.json`;

/** One file as the cache keeps it: undefined summary = read and found not to be a report (not read again while unchanged). */
export interface CachedFile {
  readonly size: number;
  readonly mtime: number;
  readonly summary: ReportSummary | undefined;
}

export interface StoredIndex {
  /** By URI (as the walk or the client wrote it; compared by `fileKey` in workspaceIndex.ts). */
  readonly files: ReadonlyMap<string, CachedFile>;
  /** The workspace-defined keys every stored summary was scanned for (their unquoted uses are in the summaries). */
  readonly mentionKeys: readonly string[];
}

/** What a cache must have been written with to be used: the analyser's version and the fold signature. */
export interface IndexIdentity {
  readonly analyzer: string;
  readonly fold: string;
}

export const EMPTY_INDEX: StoredIndex = { files: new Map(), mentionKeys: [] };

export function serializeIndex(index: StoredIndex, identity: IndexIdentity): Uint8Array {
  const files: unknown[] = [];
  for (const [key, file] of index.files) files.push([key, file.size, file.mtime, file.summary === undefined ? null : summaryRow(file.summary)]);
  const json = JSON.stringify({
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    summaryVersion: SUMMARY_VERSION,
    analyzer: identity.analyzer,
    fold: identity.fold,
    mentionKeys: index.mentionKeys,
    files,
  });
  return new TextEncoder().encode(json);
}

/**
 * A summary as rows of plain values (about half the JSON of its objects: a law's outline is hundreds of headings):
 * [title | null, glossary 0/1, headings, definitions, terms, articles], where
 * heading = [kind, level, marker, name, parent, line, character, end line, end character] (the title is the name
 * without its marker), definition = [key, name, kind, text, full form | null, line, character, length, section],
 * term = [key, name, kind, count, uses], articles = [value, line, value, line, …].
 */
function summaryRow(s: ReportSummary): unknown[] {
  return [
    s.title ?? null,
    s.glossary ? 1 : 0,
    s.outline.map((h) => [h.kind, h.level, h.marker, h.name, h.parent, h.start.line, h.start.character, h.end.line, h.end.character]),
    s.definitions.map((d) => [d.key, d.name, d.kind, d.text, d.fullForm ?? null, d.line, d.character, d.length, d.section]),
    s.terms.map((t) => [t.key, t.name, t.kind, t.count, t.uses]),
    s.articles.flat(),
  ];
}

/** The title inside a heading's name (the core writes marker + title, a space between for law markers). */
function titleOf(marker: string, name: string): string {
  if (marker === '') return name;
  return name.startsWith(marker) ? name.slice(marker.length).replace(/^ /, '') : name;
}

/** The index stored in `bytes`, or EMPTY_INDEX when they are not a valid cache written with `identity`. Never throws. */
export function loadIndex(bytes: Uint8Array | undefined, identity: IndexIdentity): StoredIndex {
  if (bytes === undefined || bytes.length === 0) return EMPTY_INDEX;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return readIndex(value, identity) ?? EMPTY_INDEX;
  } catch {
    return EMPTY_INDEX;
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function readIndex(v: unknown, identity: IndexIdentity): StoredIndex | undefined {
  if (!isObject(v) || v['format'] !== FORMAT || v['version'] !== INDEX_FORMAT_VERSION || v['summaryVersion'] !== SUMMARY_VERSION) return undefined;
  if (v['analyzer'] !== identity.analyzer || v['fold'] !== identity.fold) return undefined;
  const mentionKeys = v['mentionKeys'];
  const rows = v['files'];
  if (!Array.isArray(mentionKeys) || !mentionKeys.every(isString) || !Array.isArray(rows)) return undefined;
  const files = new Map<string, CachedFile>();
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== 4) return undefined;
    const [key, size, mtime, summary] = row as unknown[];
    if (!isString(key) || key.length === 0 || files.has(key) || !isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime)) return undefined;
    if (summary === null) {
      files.set(key, { size, mtime, summary: undefined });
      continue;
    }
    const checked = readSummary(summary);
    if (checked === undefined) return undefined;
    files.set(key, { size, mtime, summary: checked });
  }
  return { files, mentionKeys };
}

/** Every kind of the core's marker table (a kind added there is stored and read back). */
const MARKER_KINDS: ReadonlySet<string> = new Set<MarkerKind>(CORE_MARKER_KINDS);
const DEFINITION_KINDS: ReadonlySet<string> = new Set<DefinitionKind>(['abbreviation', 'meaning', 'quotedMeaning', 'colon', 'namely', 'called', 'list', 'glossary']);
const TERM_KINDS: ReadonlySet<string> = new Set<TermKind | 'mention'>(['defined', 'plan', 'formula', 'title', 'quoted', 'mention']);

function isRow(v: unknown, length: number): v is unknown[] {
  return Array.isArray(v) && v.length === length;
}

function isIndex(v: unknown, below: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < below;
}

function readSummary(v: unknown): ReportSummary | undefined {
  if (!isRow(v, 6)) return undefined;
  const [title, glossary, outlineRows, definitionRows, termRows, articleValues] = v;
  if ((title !== null && !isString(title)) || (glossary !== 0 && glossary !== 1)) return undefined;
  if (!Array.isArray(outlineRows) || !Array.isArray(definitionRows) || !Array.isArray(termRows) || !Array.isArray(articleValues)) return undefined;
  const outline: SummaryHeading[] = [];
  for (const h of outlineRows as unknown[]) {
    if (!isRow(h, 9)) return undefined;
    const [kind, level, marker, name, parent, line, character, endLine, endCharacter] = h;
    if (!isString(kind) || !MARKER_KINDS.has(kind) || !isCount(level) || !isString(marker) || !isString(name) || !isIndex(parent, outline.length)) return undefined;
    if (!isCount(line) || !isCount(character) || !isCount(endLine) || !isCount(endCharacter)) return undefined;
    outline.push({ kind: kind as MarkerKind, level, marker, title: titleOf(marker, name), name, parent, start: { line, character }, end: { line: endLine, character: endCharacter } });
  }
  const definitions: SummaryDefinition[] = [];
  for (const d of definitionRows as unknown[]) {
    if (!isRow(d, 9)) return undefined;
    const [key, name, kind, text, fullForm, line, character, length, section] = d;
    if (!isString(key) || !isString(name) || !isString(kind) || !DEFINITION_KINDS.has(kind) || !isString(text) || (fullForm !== null && !isString(fullForm))) return undefined;
    if (!isCount(line) || !isCount(character) || !isCount(length) || !isIndex(section, outline.length)) return undefined;
    definitions.push({ key, name, kind: kind as DefinitionKind, text, fullForm: fullForm ?? undefined, line, character, length, section });
  }
  const terms: SummaryTerm[] = [];
  for (const t of termRows as unknown[]) {
    if (!isRow(t, 5)) return undefined;
    const [key, name, kind, count, uses] = t;
    if (!isString(key) || !isString(name) || !isString(kind) || !TERM_KINDS.has(kind) || !isCount(count)) return undefined;
    if (!Array.isArray(uses) || uses.length % 3 !== 0 || uses.length / 3 > count || !uses.every(isCount)) return undefined;
    terms.push({ key, name, kind: kind as TermKind | 'mention', count, uses: uses as number[] });
  }
  if (articleValues.length % 2 !== 0 || !articleValues.every(isCount)) return undefined;
  const articles: Array<[number, number]> = [];
  for (let i = 0; i < articleValues.length; i += 2) articles.push([articleValues[i] as number, articleValues[i + 1] as number]);
  return { version: SUMMARY_VERSION, title: title ?? undefined, outline, definitions, terms, articles, glossary: glossary === 1 };
}
