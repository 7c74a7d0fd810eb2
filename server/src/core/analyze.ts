import type { ReportModel } from './model';

/** Analyse one version of a document. (Stub: replaced by the real parser.) */
export function analyze(text: string): ReportModel {
  return { length: text.length, headings: [], roots: [], damage: [], lineStarts: [0] };
}
