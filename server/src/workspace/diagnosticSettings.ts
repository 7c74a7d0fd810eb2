/**
 * Per-rule severity settings: `zh-report.diagnostics.<code>` = "error" | "warning" | "information" | "hint" | "off".
 *
 * They arrive as `diagnostics` in the settings payload (initializationOptions, didChangeConfiguration) or inside
 * the `zh-report` section the server pulls with workspace/configuration: `{ diagnostics: { "numbering-gap": "off" } }`.
 * Unknown codes and values are ignored; a rule without a value has its default severity.
 *
 * `zh-report.diagnostics.maxPerDocument` (in the same object: `{ diagnostics: { maxPerDocument: 1000 } }`) caps the
 * diagnostics of one document; the rest are summed up in one diagnostic that names the setting.
 */
import { CHECK_CODES, ruleInfo, type CheckCode, type RuleSeverity } from '../core/checks';

export type DiagnosticSettings = Readonly<Partial<Record<CheckCode, RuleSeverity>>>;

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);
const CODES: ReadonlySet<string> = new Set(CHECK_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/** The default of `zh-report.diagnostics.maxPerDocument`. */
export const DEFAULT_MAX_PER_DOCUMENT = 1000;

/** `maxPerDocument` in a settings object that has a `diagnostics` member (a whole number ≥ 1), or undefined. */
export function readMaxPerDocument(value: unknown): number | undefined {
  if (!isRecord(value) || !isRecord(value['diagnostics'])) return undefined;
  const max = value['diagnostics']['maxPerDocument'];
  return typeof max === 'number' && Number.isFinite(max) && max >= 1 ? Math.floor(max) : undefined;
}

/** The severity in effect for a rule. */
export function severityOf(settings: DiagnosticSettings, code: CheckCode): RuleSeverity {
  return settings[code] ?? ruleInfo(code).defaultSeverity;
}

/** A string that changes exactly when the set of rules that run changes (part of the findings cache key). */
export function enabledSignature(settings: DiagnosticSettings): string {
  return CHECK_CODES.map((code) => (severityOf(settings, code) === 'off' ? '0' : '1')).join('');
}

export function sameSettings(a: DiagnosticSettings, b: DiagnosticSettings): boolean {
  return CHECK_CODES.every((code) => severityOf(a, code) === severityOf(b, code));
}
