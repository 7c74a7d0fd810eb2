/**
 * workspace/symbol: the headings and the defined terms of every report in the workspace — the open documents as the
 * editor has them, and the report files of the workspace folders as they are on disk (the service's files, service/files.ts) —
 * matched against the query whatever the script (总则 finds 總則), width or case.
 *
 * - a heading: name and kind as in the outline, location = the heading itself, containerName = its parent heading;
 * - a defined term: kind Key, location = the term where it is first defined, containerName = the section defining it.
 */
import { SymbolKind, type CancellationToken, type SymbolInformation, type WorkDoneProgressReporter, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { foldForSearch, headingAt, isReportModel, matchesFolded, type FoldTable, type ReportModel, type TermIndex } from '../core';
import { message } from '../messages';
import type { ServiceContext } from '../service/context';
import { cancelled } from '../service/errors';
import { canonicalUri } from '../service/files';
import { SYMBOL_KINDS, symbolName } from '../service/symbols';

/** A symbol with its name folded for matching (computed once per document version or file). */
export interface IndexedSymbol {
  readonly symbol: SymbolInformation;
  readonly folded: string;
}

/** At most this many symbols in one answer (an empty query asks for everything). */
export const MAX_WORKSPACE_SYMBOLS = 2000;

/** The symbols of one report, in document order: its headings, then its defined terms. */
export function reportSymbols(document: TextDocument, model: ReportModel, terms: TermIndex | undefined, table: FoldTable): IndexedSymbol[] {
  const uri = document.uri;
  const location = (start: number, end: number): SymbolInformation['location'] => ({
    uri,
    range: { start: document.positionAt(start), end: document.positionAt(Math.max(start, end)) },
  });
  const out: IndexedSymbol[] = [];
  const push = (symbol: SymbolInformation): void => {
    out.push({ symbol, folded: foldForSearch(symbol.name, table) });
  };
  for (const heading of model.headings) {
    const parent = heading.parent >= 0 ? model.headings[heading.parent] : undefined;
    push({
      name: symbolName(heading),
      kind: SYMBOL_KINDS[heading.kind] ?? SymbolKind.String,
      location: location(heading.headingStart, heading.headingEnd),
      ...(parent === undefined ? {} : { containerName: symbolName(parent) }),
    });
  }
  for (const term of terms?.terms ?? []) {
    const definition = term.definitions[0];
    if (definition === undefined) continue;
    const section = headingAt(model, definition.termStart);
    push({
      name: term.name,
      kind: SymbolKind.Key,
      location: location(definition.termStart, definition.termEnd),
      ...(section < 0 ? {} : { containerName: symbolName(model.headings[section]!) }),
    });
  }
  return out;
}

/** The symbols of `reports` (each report's list in document order) whose names match `query`, at most `limit`. */
export function provideWorkspaceSymbols(
  query: string,
  table: FoldTable,
  reports: Iterable<readonly IndexedSymbol[]>,
  limit = MAX_WORKSPACE_SYMBOLS,
): SymbolInformation[] {
  const folded = foldForSearch(query, table);
  const result: SymbolInformation[] = [];
  for (const symbols of reports) {
    for (const { symbol, folded: name } of symbols) {
      if (!matchesFolded(folded, name)) continue;
      result.push(symbol);
      if (result.length >= limit) return result;
    }
  }
  return result;
}

/** The feature: the open documents' symbols per analysed version, the report files' per file (service/files.ts). */
export class WorkspaceSymbolsFeature {
  readonly #context: ServiceContext;
  /** The symbols of a document version or a report file, kept with its model. */
  readonly #symbols = new WeakMap<ReportModel, IndexedSymbol[]>();

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  /** Open documents as the editor has them, then the report files on disk that are not open. */
  async provide(params: WorkspaceSymbolParams, token: CancellationToken, workDone?: WorkDoneProgressReporter): Promise<SymbolInformation[]> {
    const { cache, files } = this.#context;
    const table = this.#context.foldTable();
    const open: IndexedSymbol[][] = [];
    const openUris = new Set<string>();
    for (const document of this.#context.open.all()) {
      openUris.add(canonicalUri(document.uri));
      const analyzed = cache.analyzed(document);
      if (analyzed === undefined) continue;
      let symbols = this.#symbols.get(analyzed.model);
      if (symbols === undefined) {
        symbols = reportSymbols(document, analyzed.model, cache.terms(analyzed), table);
        this.#symbols.set(analyzed.model, symbols);
      }
      open.push(symbols);
      if (token.isCancellationRequested) throw cancelled();
    }
    let begun = false;
    const reports = await files.reports(token, (read, toRead) => {
      if (workDone === undefined) return;
      if (!begun) {
        begun = true;
        workDone.begin('zh-report', 0, message('progress.readingReports', this.#context.lang(), toRead), true);
      }
      workDone.report(Math.round((100 * read) / Math.max(1, toRead)), `${read} / ${toRead}`);
    });
    if (begun) workDone?.done();
    if (reports === undefined) throw cancelled();
    const onDisk: IndexedSymbol[][] = [];
    for (const report of reports) {
      if (openUris.has(report.uri) || !isReportModel(report.model)) continue;
      let symbols = this.#symbols.get(report.model);
      if (symbols === undefined) {
        const document = TextDocument.create(report.uri, 'zh-report', 0, report.text);
        symbols = reportSymbols(document, report.model, cache.indexText(report.text, report.model), table);
        this.#symbols.set(report.model, symbols);
      }
      onDisk.push(symbols);
    }
    return provideWorkspaceSymbols(params.query, table, [...open, ...onDisk]);
  }
}
