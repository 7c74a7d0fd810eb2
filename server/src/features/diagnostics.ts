/**
 * textDocument/diagnostic (pull diagnostics): the checks of core/checks as LSP diagnostics.
 *
 * Findings are computed once per document version (keyed by its model, which the workspace builds once per
 * version) and per set of enabled rules; a change of severity only re-maps them. A pull for a version and settings
 * the client already has is answered `unchanged`. Messages are in Chinese or English by the client's locale.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel, TermIndex } from '../core';
import { runChecks, type CheckCode, type Finding, type Localized, type RuleSeverity, type ScriptTable } from '../core/checks';
import { gbkCodec } from '../codec';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { enabledSignature, sameSettings, severityOf, type DiagnosticSettings } from '../workspace/diagnosticSettings';
import type { AnalyzedDocument } from '../workspace/workspace';

export type Lang = 'zh' | 'en';

/** Chinese for a zh* locale or none at all (the documents are Chinese), English for any other locale. */
export function languageOf(locale: string | undefined): Lang {
  return locale === undefined || locale === '' || locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function pick(text: Localized, lang: Lang): string {
  return lang === 'zh' ? text.zh : text.en;
}

const TERM_CODES: readonly CheckCode[] = ['term-before-definition', 'term-redefined', 'term-full-form-after-abbreviation'];

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface CacheEntry {
  readonly signature: string;
  readonly findings: readonly Finding[];
}

/** The checks of the open documents: settings, language, client capabilities and the per-version cache. */
export class Checks {
  #settings: DiagnosticSettings = {};
  #generation = 0;
  #lang: Lang = 'zh';
  #relatedInformation = false;
  #unnecessaryTag = false;
  readonly #cache = new WeakMap<ReportModel, CacheEntry>();
  readonly #scriptTable: () => ScriptTable;
  /** How many times the checks actually ran (tests: once per version). */
  runs = 0;

  readonly #termsOf: (analyzed: AnalyzedDocument) => TermIndex | undefined;

  /**
   * `scriptTable`: the script-mixing tables, asked for only when that rule is on. `termsOf`: the document's term
   * index (the workspace's, cached per version), asked for only when a term rule is on.
   */
  constructor(scriptTable: () => ScriptTable, termsOf: (analyzed: AnalyzedDocument) => TermIndex | undefined = () => undefined) {
    this.#scriptTable = scriptTable;
    this.#termsOf = termsOf;
  }

  initialize(params: InitializeParams): void {
    this.#lang = languageOf(params.locale);
    const publish = params.capabilities.textDocument?.publishDiagnostics;
    this.#relatedInformation = publish?.relatedInformation === true;
    this.#unnecessaryTag = publish?.tagSupport?.valueSet?.includes(DiagnosticTag.Unnecessary) === true;
  }

  get lang(): Lang {
    return this.#lang;
  }

  get settings(): DiagnosticSettings {
    return this.#settings;
  }

  /** Applies new severities; true when they differ from the ones in effect (the client should pull again). */
  updateSettings(settings: DiagnosticSettings): boolean {
    if (sameSettings(settings, this.#settings)) return false;
    this.#settings = settings;
    this.#generation++;
    return true;
  }

  severity(code: CheckCode): RuleSeverity {
    return severityOf(this.#settings, code);
  }

  /** The findings of the enabled rules for this version of the document (computed once, then cached). */
  findings({ document, model }: AnalyzedDocument): readonly Finding[] {
    const signature = enabledSignature(this.#settings);
    const cached = this.#cache.get(model);
    if (cached !== undefined && cached.signature === signature) return cached.findings;
    const enabled = (code: CheckCode): boolean => this.severity(code) !== 'off';
    this.runs++;
    const terms = TERM_CODES.some(enabled) ? this.#termsOf({ document, model }) : undefined;
    const findings = runChecks(document.getText(), model, {
      enabled,
      codec: gbkCodec,
      ...(enabled('script-mixing') ? { script: this.#scriptTable() } : {}),
      ...(terms === undefined ? {} : { terms }),
    });
    this.#cache.set(model, { signature, findings });
    return findings;
  }

  toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
    const severity = this.severity(finding.code);
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
      severity: SEVERITY[severity === 'off' ? 'hint' : severity],
      code: finding.code,
      source: DIAGNOSTIC_SOURCE,
      message: pick(finding.message, this.#lang),
    };
    if (this.#relatedInformation && finding.related !== undefined && finding.related.length > 0) {
      diagnostic.relatedInformation = finding.related.map((r) => ({
        location: { uri: document.uri, range: { start: document.positionAt(r.start), end: document.positionAt(r.end) } },
        message: pick(r.message, this.#lang),
      }));
    }
    if (this.#unnecessaryTag && finding.unnecessary === true) diagnostic.tags = [DiagnosticTag.Unnecessary];
    return diagnostic;
  }

  diagnostics(analyzed: AnalyzedDocument): Diagnostic[] {
    return this.findings(analyzed).map((f) => this.toDiagnostic(analyzed.document, f));
  }

  /** The result id of a version under the current settings: a pull that names it is answered `unchanged`. */
  resultId(document: TextDocument): string {
    return `${document.version}:${this.#generation}:${this.#lang}`;
  }

  report(analyzed: AnalyzedDocument, params: DocumentDiagnosticParams, _token: CancellationToken): DocumentDiagnosticReport {
    const resultId = this.resultId(analyzed.document);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.diagnostics(analyzed) };
  }
}

/** The report for a document that is not analysed (too large, binary): nothing to say. */
export function emptyReport(): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
}
