/**
 * The service's settings, typed once (`ReportSettings`), and how they are read from what a client sends.
 *
 * One reader for every route: the `zh-report` section the server pulls with workspace/configuration (VS Code:
 * `{ maxFileSizeMB, outline: { showTerms, showWordCount }, diagnostics: { <code>: severity, maxPerDocument },
 * inlayHints: { citations } }`), the `initializationOptions` of other editors (the same, or the flat payload
 * `{ maxDocumentSizeMB, diagnostics, showTermsInOutline, showWordCountInOutline }`), and a
 * workspace/didChangeConfiguration payload from a client that cannot answer workspace/configuration
 * (`{ settings: { "zh-report": section } }` or `{ settings: { zhReport: payload } }`).
 * A value that is absent or of the wrong type leaves the setting as it was.
 */
import { CHECK_CODES, ruleInfo, type CheckCode, type RuleSeverity } from '../core/checks';
import { SETTINGS_SECTION } from '../protocol';

/** `zh-report.diagnostics.<code>`: the severity per rule ("off" turns it off); a rule without one has its default. */
export type DiagnosticSettings = Readonly<Partial<Record<CheckCode, RuleSeverity>>>;

export interface ReportSettings {
  /** Documents larger than this (UTF-8 bytes, in MiB) are not analysed (`zh-report.maxFileSizeMB`). */
  readonly maxDocumentSizeMB: number;
  /** Per-rule severities (`zh-report.diagnostics.<code>`). */
  readonly diagnostics: DiagnosticSettings;
  /** The cap on one document's diagnostics (`zh-report.diagnostics.maxPerDocument`). */
  readonly maxPerDocument: number;
  /** `zh-report.outline.showTerms`: defined terms in the outline under their sections. */
  readonly showTermsInOutline: boolean;
  /** `zh-report.outline.showWordCount`: each section's 字数 in the outline. */
  readonly showWordCountInOutline: boolean;
  /** `zh-report.inlayHints.citations`: where relative citations point (前款 → 第二十条第一款). */
  readonly citationInlayHints: boolean;
  /** `zh-report.workspace.extraFiles`: globs (relative to a workspace folder) of more files the workspace index reads. */
  readonly extraFileGlobs: readonly string[];
  /** `zh-report.workspace.glossaryFiles`: globs of files that are glossaries whatever their name. */
  readonly glossaryGlobs: readonly string[];
}

/** The default of `zh-report.diagnostics.maxPerDocument`. */
export const DEFAULT_MAX_PER_DOCUMENT = 1000;

export const DEFAULT_SETTINGS: ReportSettings = {
  maxDocumentSizeMB: 20,
  diagnostics: {},
  maxPerDocument: DEFAULT_MAX_PER_DOCUMENT,
  showTermsInOutline: false,
  showWordCountInOutline: false,
  citationInlayHints: false,
  extraFileGlobs: [],
  glossaryGlobs: [],
};

/** The configuration section the server pulls (VS Code's `zh-report.*`). */
export const CONFIGURATION_SECTION = 'zh-report';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);
const CODES: ReadonlySet<string> = new Set(CHECK_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` with whatever valid settings `value` (a section or a flat payload) carries. */
export function readSettings(base: ReportSettings, value: unknown): ReportSettings {
  if (!isRecord(value)) return base;
  const size = value['maxDocumentSizeMB'] ?? value['maxFileSizeMB'];
  const diagnostics = readDiagnosticSettings(value);
  const citations = readInlayHintsSetting(value);
  return {
    maxDocumentSizeMB: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : base.maxDocumentSizeMB,
    // a diagnostics object is the whole set: rules it leaves out have their default
    diagnostics: diagnostics ?? base.diagnostics,
    maxPerDocument: diagnostics === undefined ? base.maxPerDocument : (readMaxPerDocument(value) ?? DEFAULT_MAX_PER_DOCUMENT),
    showTermsInOutline: readOutlineFlag(value, 'showTermsInOutline', 'showTerms') ?? base.showTermsInOutline,
    showWordCountInOutline: readOutlineFlag(value, 'showWordCountInOutline', 'showWordCount') ?? base.showWordCountInOutline,
    citationInlayHints: citations ?? base.citationInlayHints,
    extraFileGlobs: readGlobs(value, 'extraFiles') ?? base.extraFileGlobs,
    glossaryGlobs: readGlobs(value, 'glossaryFiles') ?? base.glossaryGlobs,
  };
}

/**
 * The settings in a workspace/didChangeConfiguration notification's params: `{ settings: { "zh-report": section } }`
 * (what vscode-languageclient sends for the section the server registered), `{ settings: { zhReport: payload } }`
 * (older clients), or undefined when it carries none.
 */
export function settingsInNotification(params: unknown): unknown {
  if (!isRecord(params) || !isRecord(params['settings'])) return undefined;
  const settings = params['settings'];
  return settings[CONFIGURATION_SECTION] ?? settings[SETTINGS_SECTION];
}

/** The per-rule severities in a settings object that has a `diagnostics` member, or undefined when it has none. */
export function readDiagnosticSettings(value: unknown): DiagnosticSettings | undefined {
  if (!isRecord(value) || !isRecord(value['diagnostics'])) return undefined;
  const out: Partial<Record<CheckCode, RuleSeverity>> = {};
  for (const [code, severity] of Object.entries(value['diagnostics'])) {
    if (CODES.has(code) && typeof severity === 'string' && SEVERITIES.has(severity)) out[code as CheckCode] = severity as RuleSeverity;
  }
  return out;
}

/** `maxPerDocument` in a settings object that has a `diagnostics` member (a whole number ≥ 1), or undefined. */
export function readMaxPerDocument(value: unknown): number | undefined {
  if (!isRecord(value) || !isRecord(value['diagnostics'])) return undefined;
  const max = value['diagnostics']['maxPerDocument'];
  return typeof max === 'number' && Number.isFinite(max) && max >= 1 ? Math.floor(max) : undefined;
}

/** An `outline.*` flag: flat (`{ [flat]: true }`) or nested (`{ outline: { [nested]: true } }`). */
function readOutlineFlag(value: Record<string, unknown>, flat: string, nested: string): boolean | undefined {
  if (typeof value[flat] === 'boolean') return value[flat];
  const outline = value['outline'];
  if (isRecord(outline) && typeof outline[nested] === 'boolean') return outline[nested];
  return undefined;
}

/** `inlayHints.citations`: `{ inlayHints: { citations } }` or a flat `"inlayHints.citations"`. */
function readInlayHintsSetting(value: Record<string, unknown>): boolean | undefined {
  const nested = value['inlayHints'];
  if (isRecord(nested) && typeof nested['citations'] === 'boolean') return nested['citations'];
  const flat = value['inlayHints.citations'];
  return typeof flat === 'boolean' ? flat : undefined;
}

/** `zh-report.outline.showTerms` in what a client sends, or undefined. */
/** `workspace.<name>` (nested or flat): a list of non-empty glob strings; anything else is left out. */
function readGlobs(value: Record<string, unknown>, name: string): readonly string[] | undefined {
  const nested = value['workspace'];
  const list = isRecord(nested) && nested[name] !== undefined ? nested[name] : value[`workspace.${name}`];
  if (!Array.isArray(list)) return undefined;
  return list.filter((g): g is string => typeof g === 'string' && g.trim().length > 0).map((g) => g.trim());
}

export function readShowTerms(value: unknown): boolean | undefined {
  return isRecord(value) ? readOutlineFlag(value, 'showTermsInOutline', 'showTerms') : undefined;
}

export function maxDocumentBytes(settings: Pick<ReportSettings, 'maxDocumentSizeMB'>): number {
  return Math.floor(settings.maxDocumentSizeMB * 1024 * 1024);
}

/** The severity in effect for a rule. */
export function severityOf(settings: DiagnosticSettings, code: CheckCode): RuleSeverity {
  return settings[code] ?? ruleInfo(code).defaultSeverity;
}

/** A string that changes exactly when the set of rules that run changes (part of the findings cache key). */
export function enabledSignature(settings: DiagnosticSettings): string {
  return CHECK_CODES.map((code) => (severityOf(settings, code) === 'off' ? '0' : '1')).join('');
}

export function sameSeverities(a: DiagnosticSettings, b: DiagnosticSettings): boolean {
  return CHECK_CODES.every((code) => severityOf(a, code) === severityOf(b, code));
}

/** What a change of settings changes for the client: what it should ask for again. */
export interface SettingsChange {
  /** Diagnostics differ (severities, the cap, or which documents are analysed): workspace/diagnostic/refresh. */
  readonly diagnostics: boolean;
  /** The citation inlay hints were turned on or off: workspace/inlayHint/refresh. */
  readonly inlayHints: boolean;
  /** The outline's options changed (symbols differ). */
  readonly symbols: boolean;
  /** The size limit changed: open documents are checked again. */
  readonly documents: boolean;
  /** Which files the workspace index reads, or which are glossaries, changed: it is built again. */
  readonly index: boolean;
}

export function settingsChange(before: ReportSettings, after: ReportSettings): SettingsChange {
  const documents = before.maxDocumentSizeMB !== after.maxDocumentSizeMB;
  return {
    diagnostics: documents || before.maxPerDocument !== after.maxPerDocument || !sameSeverities(before.diagnostics, after.diagnostics),
    inlayHints: before.citationInlayHints !== after.citationInlayHints,
    symbols: before.showTermsInOutline !== after.showTermsInOutline || before.showWordCountInOutline !== after.showWordCountInOutline,
    documents,
    index: documents || before.extraFileGlobs.join('\n') !== after.extraFileGlobs.join('\n') || before.glossaryGlobs.join('\n') !== after.glossaryGlobs.join('\n'),
  };
}
