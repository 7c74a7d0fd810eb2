/**
 * zh-report/wordCount: 字数 of the document, of the section under the cursor and of the selections (core/wordCount.ts
 * has the rules). The counter is the
 * service's, one per document version (service/wordCounter.ts).
 */
import type { CancellationToken } from 'vscode-languageserver';
import { headingAt, type WordCount } from '../core';
import type { PlainPosition, PlainRange, WordCountParams, WordCountResult } from '../protocol';
import type { AnalyzedDocument } from '../service/documents';
import { cancelled, invalidParams } from '../service/errors';
import { markerPath, wordCounterOf } from '../service/wordCounter';

export function provideWordCount(analyzed: AnalyzedDocument, params: WordCountParams, token: CancellationToken): WordCountResult {
  const { document, model } = analyzed;
  const counter = wordCounterOf(analyzed);
  const result: { document: WordCount; section?: WordCountResult['section']; selection?: WordCount } = { document: counter.document() };
  if (token.isCancellationRequested) throw cancelled();
  if (params.position !== undefined) {
    checkPosition(params.position);
    const offset = document.offsetAt(params.position);
    const h = headingAt(model, offset);
    if (h >= 0 && model.headings[h]!.kind !== 'title') {
      result.section = { path: markerPath(model, offset), name: model.headings[h]!.name, counts: counter.section(h) };
    }
  }
  if (params.selections !== undefined) {
    if (!Array.isArray(params.selections)) throw invalidParams('params.selections must be an array of ranges.');
    const parts: WordCount[] = [];
    for (const range of params.selections) {
      checkRange(range);
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      if (start !== end) parts.push(counter.count(Math.min(start, end), Math.max(start, end)));
      if (token.isCancellationRequested) throw cancelled();
    }
    if (parts.length > 0) result.selection = sum(parts);
  }
  return result;
}

function sum(parts: readonly WordCount[]): WordCount {
  const total: Record<keyof WordCount, number> = { ...parts[0]! };
  for (const part of parts.slice(1)) for (const key of Object.keys(total) as Array<keyof WordCount>) total[key] += part[key];
  return total;
}

function isNatural(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function checkPosition(value: PlainPosition): void {
  if (typeof value !== 'object' || value === null || !isNatural(value.line) || !isNatural(value.character)) {
    throw invalidParams('A position must be { line, character } with non-negative integers.');
  }
}

function checkRange(value: PlainRange): void {
  if (typeof value !== 'object' || value === null) throw invalidParams('A range must be { start, end }.');
  checkPosition(value.start);
  checkPosition(value.end);
}
