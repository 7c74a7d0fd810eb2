/**
 * textDocument/hover: on a term, what it means; on a heading marker, where the section sits and how large it is.
 *
 * A term's hover (Markdown, short, its labels in the client's display language: English, simplified or traditional
 * Chinese — see messages.ts):
 * - the term and its kind;
 * - the document's definition (for an abbreviation, its full form) and where it is (section path, line) — or, when
 *   the document defines nothing, the built-in expansion of a numbered formula or five-year plan, marked as such,
 *   and else the first use in context;
 * - how many uses, and the spellings seen (網上沙龍, 網(wǎng)上沙龍, 网上沙龙 …).
 * A heading marker's hover: the heading, its section path, its 字数 (the count of the status bar and of the outline's
 * section sizes: service/wordCounter.ts) and its sub-sections (direct and all).
 */
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import { stripGlosses, type Term, type TermDefinition } from '../core';
import { formatNumber, message, type DisplayLanguage, type MessageKey } from '../messages';
import { headingMarkerAt } from '../service/headings';
import { escapeMarkdown, rangeOf, sectionPath, shorten, termKindLabel, useAtOffset, type TermDocument } from '../service/terms';
import { wordCounterOf } from '../service/wordCounter';

/** Longest definition text shown in a hover; the rest is cut with an ellipsis. */
const HOVER_TEXT_MAX = 160;
const MAX_VARIANTS = 6;
/** Uses read to collect the spellings seen. */
const VARIANT_SCAN = 2000;
/** Distinct spellings counted (real terms have a handful: scripts, widths, glosses). */
const MAX_SPELLINGS_SEEN = 64;

const DEFINITION_LABELS: Readonly<Record<TermDefinition['kind'], MessageKey>> = {
  abbreviation: 'term.abbreviation',
  meaning: 'term.defined',
  quotedMeaning: 'term.defined',
  colon: 'term.defined',
  namely: 'term.defined',
  called: 'term.defined',
  list: 'term.listed',
  glossary: 'term.glossary',
};

export function provideHover(doc: TermDocument, params: HoverParams, _token: CancellationToken, lang: DisplayLanguage = 'zh-cn'): Hover | null {
  const text = doc.document.getText();
  const offset = doc.document.offsetAt(params.position);
  const heading = headingMarkerAt(doc.model, text, offset);
  if (heading >= 0) return headingHover(doc, heading, lang);
  const at = useAtOffset(doc.terms, offset);
  if (at === undefined) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: termMarkdown(doc, text, at.term, lang) },
    range: rangeOf(doc, at.start, at.end),
  };
}

/** The Markdown of a term's hover. */
export function termMarkdown(doc: TermDocument, text: string, term: Term, lang: DisplayLanguage): string {
  const t = (key: MessageKey, ...args: Array<string | number>): string => message(key, lang, ...args);
  const colon = lang === 'en' ? ': ' : '：';
  const lines: string[] = [];
  const definition = term.definitions[0];
  const label = definition !== undefined ? t(DEFINITION_LABELS[definition.kind]) : termKindLabel(term.kind, lang);
  lines.push(`**${escapeMarkdown(term.name)}** · ${label}`);
  if (definition !== undefined) {
    const key = definition.kind === 'abbreviation' ? 'hover.fullForm' : 'hover.definition';
    lines.push(`**${t(key)}**${colon}${escapeMarkdown(shorten(definition.text, HOVER_TEXT_MAX))}`);
    lines.push(`**${t('hover.definedIn')}**${colon}${where(doc, definition.termStart, lang)}`);
    if (term.definitions.length > 1) lines.push(t('hover.moreDefinitions', term.definitions.length - 1));
  } else if (term.builtin !== undefined) {
    const note = term.builtin.note ? `（${escapeMarkdown(term.builtin.note)}）` : '';
    lines.push(`**${t('hover.builtin')}**${colon}${escapeMarkdown(term.builtin.text)}${note}`);
    lines.push(`*${t('hover.builtinNote')}*`);
  } else if (term.uses.length > 0) {
    const first = term.uses[0]!;
    const start = doc.terms.uses.start[first]!;
    const end = doc.terms.uses.end[first]!;
    lines.push(`**${t('hover.firstUse')}**${colon}${context(text, start, end)}`);
    lines.push(`**${t('hover.at')}**${colon}${where(doc, start, lang)}`);
  }
  const variants = spellings(doc, text, term);
  const variantText = variants.length > 1 ? ` · **${t('hover.variants')}**${colon}${variants.map(escapeMarkdown).join('、')}` : '';
  lines.push(`**${t('hover.uses')}**${colon}${term.uses.length}${variantText}`);
  return lines.join('\n\n');
}

/** "二、基本做法 › （一）… · 第 24 行" */
function where(doc: TermDocument, offset: number, lang: DisplayLanguage): string {
  const path = sectionPath(doc.model, offset);
  const line = doc.document.positionAt(offset).line + 1;
  return `${path ? escapeMarkdown(path) + ' · ' : ''}${message('hover.line', lang, line)}`;
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

function headingHover(doc: TermDocument, index: number, lang: DisplayLanguage): Hover {
  const model = doc.model;
  const h = model.headings[index]!;
  let all = 0;
  const stack = [...h.children];
  while (stack.length > 0) {
    const c = stack.pop()!;
    all++;
    stack.push(...model.headings[c]!.children);
  }
  const words = wordCounterOf(doc).sectionWords(index);
  const path = sectionPath(model, h.headingStart);
  const colon = lang === 'en' ? ': ' : '：';
  const lines = [`**${escapeMarkdown(h.name || h.marker)}**`];
  if (path) lines.push(`**${message('hover.path', lang)}**${colon}${escapeMarkdown(path)}`);
  const sub = h.children.length === all ? message('hover.subsections', lang, all) : message('hover.subsectionsNested', lang, h.children.length, all);
  lines.push(`**${message('hover.size', lang)}**${colon}${message('hover.words', lang, formatNumber(words))} · ${sub}`);
  if (h.repaired) lines.push(`*${message('hover.repaired', lang)}*`);
  const markerEnd = h.repaired ? h.headingEnd : h.headingStart + h.marker.length;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: rangeOf(doc, h.headingStart, markerEnd) };
}
