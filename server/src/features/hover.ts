/**
 * textDocument/hover: on a term, what it means; on a heading marker, where the section sits and how large it is.
 *
 * A term's hover (Markdown, Chinese label first, English after a slash, short):
 * - the term and its kind;
 * - the document's definition (for an abbreviation, its full form) and where it is (section path, line) — or, when
 *   the document defines nothing, the built-in expansion of a numbered formula or five-year plan, marked as such,
 *   and else the first use in context;
 * - how many uses, and the spellings seen (網上沙龍, 網(wǎng)上沙龍, 网上沙龙 …).
 * A heading marker's hover: the heading, its section path, its size in characters (blanks not counted) and its
 * sub-sections (direct and all).
 */
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import { headingAt, lineIndexOf, stripGlosses, type Heading, type ReportModel, type Term, type TermDefinition } from '../core';
import { escapeMarkdown, rangeOf, sectionPath, shorten, useAtOffset, type TermDocument } from './terms';

/** Longest definition text shown in a hover; the rest is cut with an ellipsis. */
const HOVER_TEXT_MAX = 160;
const MAX_VARIANTS = 6;
/** Uses read to collect the spellings seen. */
const VARIANT_SCAN = 2000;
/** Distinct spellings counted (real terms have a handful: scripts, widths, glosses). */
const MAX_SPELLINGS_SEEN = 64;

export const KIND_LABELS: Readonly<Record<Term['kind'], string>> = {
  defined: '术语 / Defined term',
  plan: '五年规划 / Five-year plan',
  formula: '数字化缩略语 / Numbered formula',
  title: '书名 / Title',
  quoted: '引号术语 / Quoted term',
};

const DEFINITION_LABELS: Readonly<Record<TermDefinition['kind'], string>> = {
  abbreviation: '简称 / Abbreviation',
  meaning: '术语 / Defined term',
  quotedMeaning: '术语 / Defined term',
  colon: '术语 / Defined term',
  namely: '术语 / Defined term',
  called: '术语 / Defined term',
  list: '用语定义 / Defined term',
  glossary: '名词解释 / Glossary term',
};

export function provideHover(doc: TermDocument, params: HoverParams, _token: CancellationToken): Hover | null {
  const text = doc.document.getText();
  const offset = doc.document.offsetAt(params.position);
  const heading = headingMarkerAt(doc.model, text, offset);
  if (heading !== undefined) return headingHover(doc, text, heading);
  const at = useAtOffset(doc.terms, offset);
  if (at === undefined) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: termMarkdown(doc, text, at.term) },
    range: rangeOf(doc, at.start, at.end),
  };
}

/** The Markdown of a term's hover. */
export function termMarkdown(doc: TermDocument, text: string, term: Term): string {
  const lines: string[] = [];
  const definition = term.definitions[0];
  const label = definition !== undefined ? DEFINITION_LABELS[definition.kind] : KIND_LABELS[term.kind];
  lines.push(`**${escapeMarkdown(term.name)}** · ${label}`);
  if (definition !== undefined) {
    if (definition.kind === 'abbreviation') {
      lines.push(`**全称** / Full form：${escapeMarkdown(shorten(definition.text, HOVER_TEXT_MAX))}`);
    } else {
      lines.push(`**定义** / Definition：${escapeMarkdown(shorten(definition.text, HOVER_TEXT_MAX))}`);
    }
    lines.push(`**出处** / Defined in：${where(doc, definition.termStart)}`);
    if (term.definitions.length > 1) lines.push(`另有 ${term.definitions.length - 1} 处定义 / ${term.definitions.length - 1} more definition(s)`);
  } else if (term.builtin !== undefined) {
    const note = term.builtin.note ? `（${escapeMarkdown(term.builtin.note)}）` : '';
    lines.push(`**内置释义** / Built-in：${escapeMarkdown(term.builtin.text)}${note}`);
    lines.push('*文中未定义，按公开表述补充 / Not defined in this document; the publicly stated expansion*');
  } else if (term.uses.length > 0) {
    const first = term.uses[0]!;
    const start = doc.terms.uses.start[first]!;
    const end = doc.terms.uses.end[first]!;
    lines.push(`**首次出现** / First use：${context(text, start, end)}`);
    lines.push(`**位置** / At：${where(doc, start)}`);
  }
  const variants = spellings(doc, text, term);
  const variantText = variants.length > 1 ? ` · **写法** / Variants：${variants.map(escapeMarkdown).join('、')}` : '';
  lines.push(`**用例** / Uses：${term.uses.length}${variantText}`);
  return lines.join('\n\n');
}

/** "二、基本做法 › （一）… · 第 24 行 / line 24" */
function where(doc: TermDocument, offset: number): string {
  const path = sectionPath(doc.model, offset);
  const line = doc.document.positionAt(offset).line + 1;
  return `${path ? escapeMarkdown(path) + ' · ' : ''}第 ${line} 行 / line ${line}`;
}

/** The use in its line: up to 24 characters either side, glosses stripped, the term in bold. */
function context(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, start - 24);
  const to = Math.min(lineEnd, end + 24);
  const before = stripGlosses(text.slice(from, start)).trimStart();
  const after = stripGlosses(text.slice(end, to)).trimEnd();
  const term = stripGlosses(text.slice(start, end));
  return `${from > lineStart ? '…' : ''}${escapeMarkdown(before)}**${escapeMarkdown(term)}**${escapeMarkdown(after)}${to < lineEnd ? '…' : ''}`;
}

/** Spellings per term, kept while its index (one per document version) is alive: hovering a term again reads none. */
const spellingCache = new WeakMap<Term, string[]>();

/**
 * The distinct spellings of a term's uses, most frequent first. A use is compared with the spellings already seen
 * before it is copied out of the text, so a term used thousands of times makes a handful of strings, not thousands.
 */
function spellings(doc: TermDocument, text: string, term: Term): string[] {
  const cached = spellingCache.get(term);
  if (cached !== undefined) return cached;
  const seen: string[] = [];
  const counts: number[] = [];
  const n = Math.min(term.uses.length, VARIANT_SCAN);
  for (let i = 0; i < n; i++) {
    const u = term.uses[i]!;
    const start = doc.terms.uses.start[u]!;
    const length = doc.terms.uses.end[u]! - start;
    let k = 0;
    while (k < seen.length && !(seen[k]!.length === length && text.startsWith(seen[k]!, start))) k++;
    if (k === seen.length) {
      if (seen.length === MAX_SPELLINGS_SEEN) continue;
      seen.push(text.slice(start, start + length));
      counts.push(0);
    }
    counts[k]!++;
  }
  const result = seen.map((s, k) => ({ s, c: counts[k]! })).sort((a, b) => b.c - a.c).slice(0, MAX_VARIANTS).map(({ s }) => s);
  spellingCache.set(term, result);
  return result;
}

// ---------------------------------------------------------------------------------------------- headings

/** The heading whose marker is under `offset` (for a heading recovered from mojibake: anywhere on the heading). */
export function headingMarkerAt(model: ReportModel, text: string, offset: number): Heading | undefined {
  const index = headingAt(model, offset);
  if (index < 0) return undefined;
  // headingAt gives the innermost section holding the offset: its own heading is the only candidate
  const h = model.headings[index]!;
  if (offset < h.headingStart) return undefined;
  if (h.repaired) return offset < h.headingEnd ? h : undefined;
  if (h.marker === '' || !text.startsWith(h.marker, h.headingStart)) return undefined;
  return offset < h.headingStart + h.marker.length ? h : undefined;
}

const nonBlankPrefix = new WeakMap<ReportModel, Int32Array>();

/** Non-blank characters before each line start (computed once per model version): section sizes in O(1). */
function nonBlankBeforeLines(model: ReportModel, text: string): Int32Array {
  let prefix = nonBlankPrefix.get(model);
  if (prefix === undefined) {
    const starts = model.lineStarts;
    prefix = new Int32Array(starts.length + 1);
    let count = 0;
    let line = 0;
    for (let i = 0; i < text.length; i++) {
      while (line < starts.length && starts[line] === i) prefix[line++] = count;
      const c = text.charCodeAt(i);
      if (!(c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b)) count++;
    }
    while (line <= starts.length) prefix[line++] = count;
    nonBlankPrefix.set(model, prefix);
  }
  return prefix;
}

function nonBlankBetween(model: ReportModel, text: string, start: number, end: number): number {
  const prefix = nonBlankBeforeLines(model, text);
  const at = (offset: number): number => {
    const starts = model.lineStarts;
    const lo = lineIndexOf(starts, offset);
    let count = prefix[lo]!;
    for (let i = starts[lo]!; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (!(c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b)) count++;
    }
    return count;
  };
  return at(end) - at(start);
}

function headingHover(doc: TermDocument, text: string, h: Heading): Hover {
  const model = doc.model;
  let all = 0;
  const stack = [...h.children];
  while (stack.length > 0) {
    const c = stack.pop()!;
    all++;
    stack.push(...model.headings[c]!.children);
  }
  const chars = nonBlankBetween(model, text, h.start, h.end);
  const path = sectionPath(model, h.headingStart);
  const lines = [`**${escapeMarkdown(h.name || h.marker)}**`];
  if (path) lines.push(`**位置** / Path：${escapeMarkdown(path)}`);
  const sub = h.children.length === all ? `${all} 个小节 / sub-sections` : `${h.children.length} 个下级小节，共 ${all} 个 / ${h.children.length} direct, ${all} in all`;
  lines.push(`**篇幅** / Size：${chars.toLocaleString('en-US')} 字 / characters · ${sub}`);
  if (h.repaired) lines.push('*此标题由乱码修复 / recovered from GBK mojibake*');
  const markerEnd = h.repaired ? h.headingEnd : h.headingStart + h.marker.length;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: rangeOf(doc, h.headingStart, markerEnd) };
}
