/** The analysis core's public face: pure functions from text to a report model. */
export * from './model';
export { analyze, type AnalyzeOptions } from './analyze';
export { selectionRanges, headingAt } from './selection';
export type { GbkCodec } from './gbk';
export { findGlosses, stripGlosses } from './gloss';
