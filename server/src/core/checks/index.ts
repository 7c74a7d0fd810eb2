/**
 * The checks: pure rules over a report model and its text. `runChecks` gives every finding in document order;
 * each finding carries its code, its message in Chinese and English, and its fixes as plain offset edits.
 */
import { analyze } from '../analyze';
import type { ReportModel } from '../model';
import { FirstFindings, type Span } from './bounded';
import { CheckContext } from './context';
import { checkCitations } from './citations';
import { checkGbkMisaligned, checkGlosses, checkReplacementChars } from './damage';
import { checkMidlineMisalignment } from './misaligned';
import { checkMojibake } from './mojibake';
import { checkNumbering } from './numbering';
import { checkPageChrome } from './pageChrome';
import { checkPairs } from './pairs';
import { checkMarkerPunctuation, checkMarkerSpace } from './punctuation';
import { checkScriptMixing } from './script';
import { checkTerms } from './terms';
import { checkToc } from './toc';
import { fixAllRound, SAFE_FIX_CODES, settledFixAllEdits } from './fixAll';
import type { CheckCode, CheckOptions, Edit, Finding } from './types';

export * from './types';
export { RULES, ruleInfo, type RuleInfo, type RuleSeverity } from './rules';
export { applyEdits, fixAllOfCode, fixAllRound, settledFixAllEdits, SAFE_FIX_CODES } from './fixAll';
export { formatCnNumeral } from './numerals';
export { restyleMarker } from '../markers';
export type { Span } from './bounded';

const TERM_CODES = ['term-before-definition', 'term-redefined', 'term-full-form-after-abbreviation'] as const;

export function runChecks(text: string, model: ReportModel, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  collect(new CheckContext(text, model, options), out);
  out.sort(byPosition);
  SOURCES.set(out, { text, options });
  return out;
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
  if (ctx.wants('toc-mismatch')) checkToc(ctx, out);
  if (ctx.wants('citation-missing')) checkCitations(ctx, out);
  const terms = ctx.options.terms;
  if (terms !== undefined && TERM_CODES.some((code) => ctx.wants(code))) checkTerms(ctx, out, terms);
}

/** What each array of findings `runChecks` returned was computed from, so that fix-all can check its own result. */
const SOURCES = new WeakMap<readonly Finding[], { text: string; options: CheckOptions }>();

/**
 * The edits of every safe fix, none overlapping, in document order: what `source.fixAll` applies. Given the array
 * `runChecks` returned, fix-all is settled: the fixed text is checked again by the rules with safe fixes (with the
 * same options) and fixed again until nothing is left, so that fix-all applied a second time changes nothing (a
 * repaired line may show a marker whose punctuation is wrong, removed chrome may change the usual bracket width, a
 * decoded run may be UTF-8 read as GBK twice). Given any other list of findings (filtered, say), one round.
 */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
  const source = SOURCES.get(findings);
  if (source === undefined) return fixAllRound(findings);
  const { codec, enabled } = source.options;
  const fixable = (code: CheckCode): boolean => SAFE_FIX_CODES.includes(code) && (enabled === undefined || enabled(code));
  return settledFixAllEdits(source.text, findings, (text) => runChecks(text, analyze(text, codec === undefined ? {} : { codec }), { enabled: fixable, ...(codec === undefined ? {} : { codec }) }));
}

/** Document order (module-level: a comparator made per run would be compiled again after each full GC). */
function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}
