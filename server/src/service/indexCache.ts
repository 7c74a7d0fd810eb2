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
import { StoredHeading } from './summaryStore';

/** Bumped whenever the file's layout changes (2: a file a line, outline and terms as flat columns). */
export const INDEX_FORMAT_VERSION = 2;
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

/** What ends the header line: the file rows follow, one a line. */
const ROWS_OPEN = '"files":[';
const ROWS_CLOSE = ']}';

/**
 * The cache file's bytes: one JSON document, laid out a file a line — the header (format, versions, identity, the
 * number of files, the heading kinds, the strings the rows refer to, the mention keys) on the first line, then each
 * file's row on a line of its own (a comma after all but the last), then `]}`. Each row is encoded on its own (the
 * index is never copied whole into rows or into one string), and `loadIndex` parses a line at a time.
 */
export function serializeIndex(index: StoredIndex, identity: IndexIdentity): Uint8Array {
  const encoder = new TextEncoder();
  // heading names and terms' keys, names and kinds recur across files (总则, 第一条, a law's terms): each written once
  const strings = new Map<string, number>();
  const add = (text: string): void => {
    if (!strings.has(text)) strings.set(text, strings.size);
  };
  for (const file of index.files.values()) {
    for (const h of file.summary?.outline ?? []) add(h.name);
    for (const t of file.summary?.terms ?? []) {
      add(t.key);
      add(t.name);
      add(t.kind);
    }
  }
  const head = JSON.stringify({
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    summaryVersion: SUMMARY_VERSION,
    analyzer: identity.analyzer,
    fold: identity.fold,
    count: index.files.size,
    kinds: CORE_MARKER_KINDS,
    strings: [...strings.keys()],
    mentionKeys: index.mentionKeys,
  });
  const chunks: Uint8Array[] = [encoder.encode(`${head.slice(0, -1)},${ROWS_OPEN}`)];
  let left = index.files.size;
  for (const [key, file] of index.files) {
    left--;
    const row = JSON.stringify([key, file.size, file.mtime, file.summary === undefined ? null : summaryRow(file.summary, strings)]);
    chunks.push(encoder.encode(`\n${row}${left > 0 ? ',' : ''}`));
  }
  chunks.push(encoder.encode(`\n${ROWS_CLOSE}`));
  let length = 0;
  for (const c of chunks) length += c.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * A summary as flat columns of plain values (few arrays to parse back: a law's outline is hundreds of headings, a
 * report's terms dozens): [title | null, glossary 0/1, heading names, heading numbers, markers, definitions,
 * term texts, term numbers, articles], where
 * - heading names are places in the header's `strings`;
 * - heading numbers = [kind (its place in the header's `kinds`), marker (its length when it begins the name, else -1:
 *   the next of `markers`), level, parent, line, character, end line, end character, …] (the title is the name
 *   without its marker);
 * - definition = [key, name, kind, text, full form | null, line, character, length, section];
 * - term texts = [key, name, kind, …] (places in `strings`), term numbers = [count, n, n use values (line, character,
 *   length triples), …];
 * - articles = [value, line, value, line, …].
 */
function summaryRow(s: ReportSummary, strings: ReadonlyMap<string, number>): unknown[] {
  const names: number[] = [];
  const headingNumbers: number[] = [];
  const markers: string[] = [];
  for (const h of s.outline) {
    names.push(strings.get(h.name)!);
    let marker = h instanceof StoredHeading ? h.storedMarker : h.name.startsWith(h.marker) ? h.marker.length : h.marker;
    if (typeof marker === 'string') {
      markers.push(marker);
      marker = -1;
    }
    headingNumbers.push(KIND_INDEX.get(h.kind)!, marker, h.level, h.parent, h.start.line, h.start.character, h.end.line, h.end.character);
  }
  const termTexts: number[] = [];
  const termNumbers: number[] = [];
  for (const t of s.terms) {
    termTexts.push(strings.get(t.key)!, strings.get(t.name)!, strings.get(t.kind)!);
    termNumbers.push(t.count, t.uses.length);
    for (const n of t.uses) termNumbers.push(n);
  }
  return [
    s.title ?? null,
    s.glossary ? 1 : 0,
    names,
    headingNumbers,
    markers,
    s.definitions.map((d) => [d.key, d.name, d.kind, d.text, d.fullForm ?? null, d.line, d.character, d.length, d.section]),
    termTexts,
    termNumbers,
    s.articles.flat(),
  ];
}

/**
 * The index stored in `bytes`, or EMPTY_INDEX when they are not a valid cache written with `identity`. Never throws.
 * Read a line at a time (see `serializeIndex`): each file's row is parsed, checked and dropped before the next.
 */
export function loadIndex(bytes: Uint8Array | undefined, identity: IndexIdentity): StoredIndex {
  if (bytes === undefined || bytes.length === 0) return EMPTY_INDEX;
  try {
    return readIndex(bytes, identity) ?? EMPTY_INDEX;
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

function readIndex(bytes: Uint8Array, identity: IndexIdentity): StoredIndex | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let from = 0;
  /** The next line (without its line feed: JSON writes none inside a value), or undefined after the last. */
  const nextLine = (): string | undefined => {
    if (from > bytes.length) return undefined;
    let end = bytes.indexOf(0x0a, from);
    if (end < 0) end = bytes.length;
    const line = decoder.decode(bytes.subarray(from, end));
    from = end + 1;
    return line;
  };
  const head = nextLine();
  if (head === undefined || !head.endsWith(ROWS_OPEN)) return undefined;
  const v: unknown = JSON.parse(`${head}${ROWS_CLOSE}`);
  if (!isObject(v) || v['format'] !== FORMAT || v['version'] !== INDEX_FORMAT_VERSION || v['summaryVersion'] !== SUMMARY_VERSION) return undefined;
  if (v['analyzer'] !== identity.analyzer || v['fold'] !== identity.fold) return undefined;
  const mentionKeys = v['mentionKeys'];
  const kinds = v['kinds'];
  const strings = v['strings'];
  const count = v['count'];
  if (!Array.isArray(kinds) || !kinds.every((k) => isString(k) && MARKER_KINDS.has(k))) return undefined;
  if (!Array.isArray(strings) || !strings.every(isString)) return undefined;
  const rows = v['files'];
  if (!Array.isArray(mentionKeys) || !mentionKeys.every(isString) || !isCount(count) || !Array.isArray(rows) || rows.length !== 0) return undefined;
  const files = new Map<string, CachedFile>();
  for (let i = 0; i < count; i++) {
    let line = nextLine();
    if (line === undefined) return undefined;
    if (i < count - 1) {
      if (!line.endsWith(',')) return undefined;
      line = line.slice(0, -1);
    }
    const row: unknown = JSON.parse(line);
    if (!Array.isArray(row) || row.length !== 4) return undefined;
    const [key, size, mtime, summary] = row as unknown[];
    if (!isString(key) || key.length === 0 || files.has(key) || !isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime)) return undefined;
    if (summary === null) {
      files.set(key, { size, mtime, summary: undefined });
      continue;
    }
    const checked = readSummary(summary, kinds as MarkerKind[], strings as string[]);
    if (checked === undefined) return undefined;
    files.set(key, { size, mtime, summary: checked });
  }
  if (nextLine() !== ROWS_CLOSE || nextLine() !== undefined) return undefined;
  return { files, mentionKeys };
}

/** Every kind of the core's marker table (a kind added there is stored and read back). */
const MARKER_KINDS: ReadonlySet<string> = new Set<MarkerKind>(CORE_MARKER_KINDS);
/** A kind's number in the files this server writes (the header lists the kinds in this order). */
const KIND_INDEX: ReadonlyMap<MarkerKind, number> = new Map(CORE_MARKER_KINDS.map((k, i) => [k, i]));
const DEFINITION_KINDS: ReadonlySet<string> = new Set<DefinitionKind>(['abbreviation', 'meaning', 'quotedMeaning', 'colon', 'namely', 'called', 'list', 'glossary']);
const TERM_KINDS: ReadonlySet<string> = new Set<TermKind | 'mention'>(['defined', 'plan', 'formula', 'title', 'quoted', 'mention']);

function isRow(v: unknown, length: number): v is unknown[] {
  return Array.isArray(v) && v.length === length;
}

function isIndex(v: unknown, below: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < below;
}

function readSummary(v: unknown, kinds: readonly MarkerKind[], strings: readonly string[]): ReportSummary | undefined {
  if (!isRow(v, 9)) return undefined;
  const [title, glossary, names, headingNumbers, markers, definitionRows, termTexts, termNumbers, articleValues] = v;
  if ((title !== null && !isString(title)) || (glossary !== 0 && glossary !== 1)) return undefined;
  if (!Array.isArray(names) || !Array.isArray(headingNumbers) || !Array.isArray(markers) || !Array.isArray(definitionRows)) return undefined;
  if (!Array.isArray(termTexts) || !Array.isArray(termNumbers) || !Array.isArray(articleValues)) return undefined;
  const headings = names.length;
  /** A place in the header's strings. */
  const isPlace = (i: unknown): boolean => isIndex(i, strings.length) && i >= 0;
  if (headingNumbers.length !== headings * 8 || !names.every(isPlace) || !markers.every(isString)) return undefined;
  const outline: SummaryHeading[] = new Array<SummaryHeading>(headings);
  let nextMarker = 0;
  for (let i = 0; i < headings; i++) {
    const name = strings[names[i] as number]!;
    const n = 8 * i;
    const kind: unknown = headingNumbers[n];
    let marker: unknown = headingNumbers[n + 1];
    const level: unknown = headingNumbers[n + 2];
    const parent: unknown = headingNumbers[n + 3];
    const line: unknown = headingNumbers[n + 4];
    const character: unknown = headingNumbers[n + 5];
    const endLine: unknown = headingNumbers[n + 6];
    const endCharacter: unknown = headingNumbers[n + 7];
    if (!isIndex(kind, kinds.length) || kind < 0 || !isCount(level) || !isIndex(parent, i)) return undefined;
    if (marker === -1) {
      if (nextMarker >= markers.length) return undefined;
      marker = markers[nextMarker++];
    } else if (!isCount(marker) || marker > name.length) return undefined;
    if (!isCount(line) || !isCount(character) || !isCount(endLine) || !isCount(endCharacter)) return undefined;
    outline[i] = new StoredHeading(kinds[kind]!, level, marker as string | number, name, parent, line, character, endLine, endCharacter);
  }
  if (nextMarker !== markers.length) return undefined;
  const definitions: SummaryDefinition[] = [];
  for (const d of definitionRows as unknown[]) {
    if (!isRow(d, 9)) return undefined;
    const [key, name, kind, text, fullForm, line, character, length, section] = d;
    if (!isString(key) || !isString(name) || !isString(kind) || !DEFINITION_KINDS.has(kind) || !isString(text) || (fullForm !== null && !isString(fullForm))) return undefined;
    if (!isCount(line) || !isCount(character) || !isCount(length) || !isIndex(section, headings)) return undefined;
    definitions.push({ key, name, kind: kind as DefinitionKind, text, fullForm: fullForm ?? undefined, line, character, length, section });
  }
  const termCount = termTexts.length / 3;
  if (!Number.isInteger(termCount) || !termTexts.every(isPlace) || !termNumbers.every(isCount)) return undefined;
  const numbers = termNumbers as number[];
  const terms: SummaryTerm[] = new Array<SummaryTerm>(termCount);
  let at = 0;
  for (let i = 0; i < termCount; i++) {
    const kind = strings[termTexts[3 * i + 2] as number]!;
    if (!TERM_KINDS.has(kind) || at + 2 > numbers.length) return undefined;
    const count = numbers[at]!;
    const length = numbers[at + 1]!;
    at += 2;
    if (length % 3 !== 0 || length / 3 > count || at + length > numbers.length) return undefined;
    terms[i] = { key: strings[termTexts[3 * i] as number]!, name: strings[termTexts[3 * i + 1] as number]!, kind: kind as TermKind | 'mention', count, uses: numbers.slice(at, at + length) };
    at += length;
  }
  if (at !== numbers.length) return undefined;
  if (articleValues.length % 2 !== 0 || !articleValues.every(isCount)) return undefined;
  const articles: Array<[number, number]> = [];
  for (let i = 0; i < articleValues.length; i += 2) articles.push([articleValues[i] as number, articleValues[i + 1] as number]);
  return { version: SUMMARY_VERSION, title: title ?? undefined, outline, definitions, terms, articles, glossary: glossary === 1 };
}
