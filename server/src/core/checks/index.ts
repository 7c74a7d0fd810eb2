/**
 * The checks: pure rules over a report model and its text. `runChecks` gives every finding in document order;
 * each finding carries its code, its message in Chinese and English, and its fixes as plain offset edits.
 */
import type { ReportModel } from '../model';
import { FirstFindings, type Span } from './bounded';
import { CheckContext } from './context';
import { checkGbkMisaligned, checkGlosses, checkReplacementChars } from './damage';
import { checkMidlineMisalignment } from './misaligned';
import { checkMojibake } from './mojibake';
import { checkNumbering } from './numbering';
import { checkPageChrome } from './pageChrome';
import { checkPairs } from './pairs';
import { checkMarkerPunctuation, checkMarkerSpace } from './punctuation';
import { checkScriptMixing } from './script';
import { checkTerms } from './terms';
import type { CheckOptions, Finding } from './types';

export * from './types';
export { RULES, ruleInfo, type RuleInfo, type RuleSeverity } from './rules';
export { applyEdits, fixAllEdits, fixAllOfCode } from './fixAll';
export { formatCnNumeral, restyleMarker } from './numerals';
export type { Span } from './bounded';

const TERM_CODES = ['term-before-definition', 'term-redefined', 'term-full-form-after-abbreviation'] as const;

export function runChecks(text: string, model: ReportModel, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  collect(new CheckContext(text, model, options), out);
  return out.sort(byPosition);
}

/** The findings of a run that keeps at most `max` of them (the first in document order). */
export interface CappedFindings {
  readonly findings: Finding[];
  /** How many more the rules reported. */
  readonly omitted: number;
  /** Where the first of those is, in document order. */
  readonly firstOmitted: Span | undefined;
}

/** `runChecks` with bounded memory: the rules run over the whole text, but only the first `max` findings are kept. */
export function runChecksCapped(text: string, model: ReportModel, options: CheckOptions, max: number): CappedFindings {
  const out = new FirstFindings(max);
  collect(new CheckContext(text, model, options), out);
  return { findings: [...out.sorted()], omitted: out.omitted, firstOmitted: out.firstOmitted };
}

function collect(ctx: CheckContext, out: Finding[]): void {
  checkNumbering(ctx, out);
  if (ctx.wants('marker-punctuation')) checkMarkerPunctuation(ctx, out);
  if (ctx.wants('marker-space')) checkMarkerSpace(ctx, out);
  const misaligned = checkMidlineMisalignment(ctx, ctx.wants('gbk-misaligned') ? out : undefined);
  if (ctx.wants('unbalanced-pair')) checkPairs(ctx, out, misaligned.damaged);
  if (ctx.wants('pinyin-gloss')) checkGlosses(ctx, out);
  if (ctx.wants('gbk-misaligned')) checkGbkMisaligned(ctx, out);
  if (ctx.wants('replacement-char')) checkReplacementChars(ctx, out, misaligned.lost);
  if (ctx.wants('mojibake')) checkMojibake(ctx, out);
  if (ctx.wants('page-chrome')) checkPageChrome(ctx, out);
  if (ctx.wants('script-mixing')) checkScriptMixing(ctx, out, misaligned.damaged);
  const terms = ctx.options.terms;
  if (terms !== undefined && TERM_CODES.some((code) => ctx.wants(code))) checkTerms(ctx, out, terms);
}

/** Document order (module-level: a comparator made per run would be compiled again after each full GC). */
function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}
