/**
 * The checks' runner, shared by diagnostics and code actions: the checks of core/checks as LSP diagnostics.
 *
 * Findings are computed once per document version (keyed by its model, which the workspace builds once per
 * version) and per set of enabled rules; a change of severity only re-maps them. A pull for a version and settings
 * the client already has is answered `unchanged`. Messages follow the client's display language: English, simplified
 * Chinese, or traditional Chinese with Taiwan usage (messagesTaiwan.ts) for zh-tw and zh-hk.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel, TermIndex } from '../core';
import { runChecks, runChecksCapped, type CheckCode, type CheckOptions, type Finding, type Localized, type RuleSeverity, type ScriptTable, type Span } from '../core/checks';
import type { GbkCodec } from '../core';
import { pick, type DisplayLanguage } from '../messages';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { AnalyzedDocument } from './documents';
import { DEFAULT_MAX_PER_DOCUMENT, enabledSignature, sameSeverities, severityOf, type DiagnosticSettings } from './settings';

/** What the client can show of a diagnostic (from its capabilities). */
export interface DiagnosticCapabilities {
  readonly relatedInformation: boolean;
  readonly unnecessaryTag: boolean;
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
  /** The first `maxPerDocument` findings in document order. */
  readonly findings: readonly Finding[];
  /** How many more there are, and the first of them. */
  readonly omitted: number;
  readonly firstOmitted: Span | undefined;
}

/** The setting named in the summary of the diagnostics left out. */
export const MAX_PER_DOCUMENT_SETTING = 'zh-report.diagnostics.maxPerDocument';

/** The checks of the open documents: settings, language, client capabilities and the per-version cache. */
export class Checks {
  #settings: DiagnosticSettings = {};
  #maxPerDocument = DEFAULT_MAX_PER_DOCUMENT;
  #generation = 0;
  #lang: DisplayLanguage = 'zh-cn';
  #relatedInformation = false;
  #unnecessaryTag = false;
  readonly #codec: GbkCodec;
  readonly #cache = new WeakMap<ReportModel, CacheEntry>();
  readonly #scriptTable: () => ScriptTable;
  /** How many times the checks actually ran (tests: once per version). */
  runs = 0;

  readonly #termsOf: (analyzed: AnalyzedDocument) => TermIndex | undefined;

  /**
   * `scriptTable`: the script-mixing tables, asked for only when that rule is on. `termsOf`: the document's term
   * index (the workspace's, cached per version), asked for only when a term rule is on.
   */
  constructor(codec: GbkCodec, scriptTable: () => ScriptTable, termsOf: (analyzed: AnalyzedDocument) => TermIndex | undefined = () => undefined) {
    this.#codec = codec;
    this.#scriptTable = scriptTable;
    this.#termsOf = termsOf;
  }

  /** The client's display language and what it can show of a diagnostic. */
  setClient(lang: DisplayLanguage, caps: DiagnosticCapabilities): void {
    if (lang !== this.#lang) this.#generation++;
    this.#lang = lang;
    this.#relatedInformation = caps.relatedInformation;
    this.#unnecessaryTag = caps.unnecessaryTag;
  }

  get lang(): DisplayLanguage {
    return this.#lang;
  }

  get settings(): DiagnosticSettings {
    return this.#settings;
  }

  /** Applies new severities; true when they differ from the ones in effect (the client should pull again). */
  updateSettings(settings: DiagnosticSettings): boolean {
    if (sameSeverities(settings, this.#settings)) return false;
    this.#settings = settings;
    this.#generation++;
    return true;
  }

  /** Applies a new cap on the diagnostics of a document; true when it changed (the client should pull again). */
  updateMaxPerDocument(max: number): boolean {
    if (max === this.#maxPerDocument) return false;
    this.#maxPerDocument = max;
    this.#generation++;
    return true;
  }

  severity(code: CheckCode): RuleSeverity {
    return severityOf(this.#settings, code);
  }

  /**
   * The first `maxPerDocument` findings (document order) of the enabled rules for this version of the document,
   * computed once, then cached; the findings beyond the cap are counted, never held.
   */
  findings(analyzed: AnalyzedDocument): readonly Finding[] {
    return this.#entry(analyzed).findings;
  }

  /**
   * Every finding, for fix-all: the cached ones when none was left out, else a run without the cap whose result is
   * not kept (it lives as long as the request that asked for it).
   */
  allFindings(analyzed: AnalyzedDocument): readonly Finding[] {
    const entry = this.#entry(analyzed);
    if (entry.omitted === 0) return entry.findings;
    this.runs++;
    return runChecks(analyzed.document.getText(), analyzed.model, this.#options(analyzed));
  }

  #entry({ document, model }: AnalyzedDocument): CacheEntry {
    const signature = `${enabledSignature(this.#settings)}:${this.#maxPerDocument}`;
    const cached = this.#cache.get(model);
    if (cached !== undefined && cached.signature === signature) return cached;
    this.runs++;
    const capped = runChecksCapped(document.getText(), model, this.#options({ document, model }), this.#maxPerDocument);
    const entry: CacheEntry = { signature, ...capped };
    this.#cache.set(model, entry);
    return entry;
  }

  #options({ document, model }: AnalyzedDocument): CheckOptions {
    const enabled = (code: CheckCode): boolean => this.severity(code) !== 'off';
    const terms = TERM_CODES.some(enabled) ? this.#termsOf({ document, model }) : undefined;
    return {
      enabled,
      codec: this.#codec,
      ...(enabled('script-mixing') ? { script: this.#scriptTable() } : {}),
      ...(terms === undefined ? {} : { terms }),
    };
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

  /** The diagnostics of the kept findings, and one more that says how many are left out, where the first of them is. */
  diagnostics(analyzed: AnalyzedDocument): Diagnostic[] {
    const entry = this.#entry(analyzed);
    const diagnostics = entry.findings.map((f) => this.toDiagnostic(analyzed.document, f));
    if (entry.omitted > 0 && entry.firstOmitted !== undefined) {
      const { document } = analyzed;
      const at = entry.firstOmitted;
      const message: Localized & { readonly tw: string } = {
        zh: `另有 ${entry.omitted} 处问题未列出：每个文档最多显示 ${this.#maxPerDocument} 处（从此处起的问题未显示）。可在设置 ${MAX_PER_DOCUMENT_SETTING} 中调高上限。`,
        en: `${entry.omitted} more problems are not listed: at most ${this.#maxPerDocument} are shown per document (those from here on are not). Raise the limit with the setting ${MAX_PER_DOCUMENT_SETTING}.`,
        tw: `另有 ${entry.omitted} 處問題未列出：每份文件最多顯示 ${this.#maxPerDocument} 處（從此處起的問題未顯示）。可在設定 ${MAX_PER_DOCUMENT_SETTING} 中調高上限。`,
      };
      diagnostics.push({
        range: { start: document.positionAt(at.start), end: document.positionAt(at.end) },
        severity: DiagnosticSeverity.Information,
        code: 'too-many-problems',
        source: DIAGNOSTIC_SOURCE,
        message: pick(message, this.#lang),
      });
    }
    return diagnostics;
  }

  /** The result id of a version under the current settings: a pull that names it is answered `unchanged`. */
  resultId(document: TextDocument): string {
    return `${document.version}:${this.#generation}:${this.#lang}`;
  }
}
