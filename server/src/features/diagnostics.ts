/**
 * textDocument/diagnostic (pull diagnostics): the checks of the document's version (the service's runner,
 * service/checks.ts). A pull for a version and settings the client already has is answered `unchanged`.
 */
import { DocumentDiagnosticReportKind, type CancellationToken, type DocumentDiagnosticParams, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Checks } from '../service/checks';
import type { AnalyzedDocument } from '../service/documents';

export function provideDiagnostics(analyzed: AnalyzedDocument, params: DocumentDiagnosticParams, _token: CancellationToken, checks: Checks): DocumentDiagnosticReport {
  const resultId = checks.resultId(analyzed.document);
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: checks.diagnostics(analyzed) };
}

/** The report for a document that is not analysed (too large, binary): nothing to say. */
export function emptyReport(): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
}
