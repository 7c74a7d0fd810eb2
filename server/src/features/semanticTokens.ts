/**
 * textDocument/semanticTokens/full and /range: term definitions vs uses, heading markers by level, pinyin glosses and
 * other scrape damage, each its own token type (contributed in package.json with super types and TextMate scopes, so
 * themes without rules for them still colour them).
 *
 * Tokens never overlap: damage and glosses first, then heading markers, then terms around them (網(wǎng)上沙龍 gives
 * 網 · (wǎng) · 上沙龍). Of nested term uses the outer one is shown (a title holding a quoted term). Tokens never
 * span lines.
 */
import type { CancellationToken, SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { UseFlag, type Term } from '../core';
import type { TermDocument } from '../service/terms';

export const TOKEN_TYPES = ['term', 'headingMarker', 'pinyinGloss', 'damage'] as const;
export const TOKEN_MODIFIERS = ['definition', 'abbreviation', 'formula', 'title', 'level1', 'level2', 'level3', 'level4', 'level5', 'level6'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const enum TokenType {
  Term = 0,
  HeadingMarker = 1,
  PinyinGloss = 2,
  Damage = 3,
}

const enum Modifier {
  Definition = 1 << 0,
  Abbreviation = 1 << 1,
  Formula = 1 << 2,
  Title = 1 << 3,
  Level1 = 1 << 4,
}

/** A token before encoding: offsets, type, modifier bits. */
interface Token {
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  readonly modifiers: number;
}

function termModifiers(term: Term): number {
  let m = 0;
  if (term.definitions[0]?.kind === 'abbreviation') m |= Modifier.Abbreviation;
  if (term.kind === 'formula' || term.kind === 'plan') m |= Modifier.Formula;
  if (term.kind === 'title') m |= Modifier.Title;
  return m;
}

/** The tokens of the document in [from, to), sorted, non-overlapping. */
export function semanticTokenList(doc: TermDocument, from = 0, to = Number.MAX_SAFE_INTEGER): Token[] {
  const text = doc.document.getText();
  const { model, terms } = doc;

  // Damage (glosses included) and heading markers: fixed tokens, in order, without overlaps.
  const damage: Token[] = model.damage
    .filter((d) => d.end > from && d.start < to && d.end > d.start)
    .map((d) => ({ start: d.start, end: d.end, type: d.kind === 'pinyinGloss' ? TokenType.PinyinGloss : TokenType.Damage, modifiers: 0 }));
  const markers: Token[] = [];
  for (const h of model.headings) {
    if (h.repaired || h.marker === '' || h.headingStart >= to || h.headingStart + h.marker.length <= from) continue;
    if (!text.startsWith(h.marker, h.headingStart)) continue;
    const level = Math.min(Math.max(h.level, 1), 6);
    markers.push({ start: h.headingStart, end: h.headingStart + h.marker.length, type: TokenType.HeadingMarker, modifiers: Modifier.Level1 << (level - 1) });
  }
  const fixed: Token[] = [];
  for (let i = 0, j = 0; i < damage.length || j < markers.length; ) {
    const next = j >= markers.length || (i < damage.length && damage[i]!.start <= markers[j]!.start) ? damage[i++]! : markers[j++]!;
    const last = fixed[fixed.length - 1];
    if (last !== undefined && next.start < last.end) continue;
    fixed.push(next);
  }

  // Terms: outer uses first, cut around the fixed tokens.
  const pieces: Token[] = [];
  const { start, end, term, flags, count } = terms.uses;
  const mods = terms.terms.map(termModifiers);
  let lastEnd = -1;
  let k = 0;
  for (let u = firstUseFrom(start, count, from - terms.longestUse); u < count && start[u]! < to; u++) {
    const s = start[u]!;
    const e = end[u]!;
    if (s < lastEnd || e <= from) continue;
    lastEnd = e;
    const modifiers = mods[term[u]!]! | ((flags[u]! & UseFlag.Definition) !== 0 ? Modifier.Definition : 0);
    while (k < fixed.length && fixed[k]!.end <= s) k++;
    let piece = s;
    for (let q = k; q < fixed.length && fixed[q]!.start < e; q++) {
      const x = fixed[q]!;
      if (x.start > piece) pieces.push({ start: piece, end: x.start, type: TokenType.Term, modifiers });
      piece = Math.max(piece, x.end);
    }
    if (piece < e) pieces.push({ start: piece, end: e, type: TokenType.Term, modifiers });
  }

  // Both lists are sorted and do not overlap each other: merge them.
  const out: Token[] = [];
  for (let i = 0, j = 0; i < fixed.length || j < pieces.length; ) {
    const next = j >= pieces.length || (i < fixed.length && fixed[i]!.start <= pieces[j]!.start) ? fixed[i++]! : pieces[j++]!;
    if (next.end > from && next.start < to) out.push(next);
  }
  return out;
}

function firstUseFrom(starts: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** LSP encoding: five integers per token, relative to the previous token; tokens split at line breaks. */
function encode(doc: TermDocument, tokens: readonly Token[]): SemanticTokens {
  const text = doc.document.getText();
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const emit = (start: number, end: number, type: number, modifiers: number): void => {
    const pos = doc.document.positionAt(start);
    data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, end - start, type, modifiers);
    prevLine = pos.line;
    prevChar = pos.character;
  };
  // the first line break at or after the current token (-1: none left); tokens come in order, so it is searched
  // for again only once passed (an indexOf per token went to the end of a long line each time: quadratic)
  let nl = -2;
  for (const t of tokens) {
    let s = t.start;
    for (;;) {
      if (nl !== -1 && nl < s) nl = text.indexOf('\n', s);
      if (nl < 0 || nl >= t.end) break;
      let lineEnd = nl;
      if (lineEnd > s && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
      if (lineEnd > s) emit(s, lineEnd, t.type, t.modifiers);
      s = nl + 1;
    }
    if (t.end > s) emit(s, t.end, t.type, t.modifiers);
  }
  return { data };
}

export function provideSemanticTokens(doc: TermDocument, _params: SemanticTokensParams, _token: CancellationToken): SemanticTokens {
  return encode(doc, semanticTokenList(doc));
}

export function provideSemanticTokensRange(doc: TermDocument, params: SemanticTokensRangeParams, _token: CancellationToken): SemanticTokens {
  const from = doc.document.offsetAt(params.range.start);
  const to = doc.document.offsetAt(params.range.end);
  return encode(doc, semanticTokenList(doc, from, to));
}
