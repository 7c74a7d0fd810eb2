/** The analysis core's public face: pure functions from text to a report model. */
export * from './model';
export { analyze, type AnalyzeOptions } from './analyze';
export { selectionRanges, headingAt } from './selection';
export { lineIndexOf } from './lines';
export { tocTargetAt } from './toc';
export type { GbkCodec } from './gbk';
export { findGlosses, stripGlosses } from './gloss';
export { indexTerms, useAt, termAt, mainDefinition, forgetLastMatch, type TermOptions } from './terms';
export * from './terms/types';
export { foldTable, keyOf, scriptTableCount, readableText, BUILTIN_EXPANSIONS, isNumberedFormula, planNumber, planYears, planExpansion, type FoldTable, type ScriptConverter, type BuiltinExpansion } from './terms';
export { outlineText, glossaryText, type OutlineFormat, type GlossaryEntry, type GlossaryLabels } from './exportText';
export { WordCounter, countText, type WordCount, type WordCountOptions } from './wordCount';
export { isReportModel, foldForSearch, matchesFolded, MIN_REPORT_HEADINGS } from './symbols';
export { indexCitations, citationAt, mentionAt, stripCountry, readsTaiwanStyle, Level, type Citation, type CitationIndex, type TitleMention, type CitedDocument } from './citations';
export { CitableStructure, CitationResolver, articleValue, documentCitations, type DocumentCitations, type Target, type Place, type Paragraph } from './citationTargets';
export { renumberArticles, renumberedArticleUnit } from './citationRenumber';
export { MARKER_LABELS, MARKER_SYMBOL_KINDS } from './markers';
