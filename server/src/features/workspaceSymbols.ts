/**
 * workspace/symbol: the headings and the defined terms of every report in the workspace — the open documents as the
 * editor has them, and the report files of the workspace folders as they are on disk (workspace/reportFiles.ts) —
 * matched against the query whatever the script (总则 finds 總則), width or case.
 *
 * - a heading: name and kind as in the outline, location = the heading itself, containerName = its parent heading;
 * - a defined term: kind Key, location = the term where it is first defined, containerName = the section defining it.
 */
import { SymbolKind, type CancellationToken, type SymbolInformation, type WorkDoneProgressReporter, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { foldForSearch, foldTable, headingAt, isReportModel, matchesFolded, type FoldTable, type ReportModel, type TermIndex } from '../core';
import { openccConverter } from '../opencc';
import { cancelled } from '../requests';
import { ReportFiles } from '../workspace/reportFiles';
import { maxDocumentBytes } from '../workspace/settings';
import type { ReportWorkspace } from '../workspace/workspace';
import { message } from '../messages';
import { languageOf, type Lang } from './diagnostics';
import { SYMBOL_KINDS, symbolName } from './documentSymbols';

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

/** The feature: the open documents' symbols per analysed version, the report files' per file (workspace/reportFiles.ts). */
export class WorkspaceSymbolsFeature {
  readonly #workspace: ReportWorkspace;
  readonly #files: ReportFiles<IndexedSymbol[]>;
  readonly #open = new WeakMap<ReportModel, IndexedSymbol[]>();
  /** Folds names and queries (built on the first request: it needs the opencc character table). */
  #table: FoldTable | undefined;
  /** The language of the progress messages: the client's locale (Chinese without one, as the diagnostics). */
  #lang: Lang = 'zh-cn';

  constructor(workspace: ReportWorkspace) {
    this.#workspace = workspace;
    this.#files = new ReportFiles<IndexedSymbol[]>(
      (uri, text) => {
        const analyzed = workspace.analyzeText(text);
        if (analyzed === undefined || !isReportModel(analyzed.model)) return undefined;
        return reportSymbols(TextDocument.create(uri, 'zh-report', 0, text), analyzed.model, analyzed.terms, this.#foldTable());
      },
      () => maxDocumentBytes(workspace.settings),
    );
  }

  /** The client's locale (initialize params), for the progress messages. */
  setLocale(locale: string | undefined): void {
    this.#lang = languageOf(locale);
  }

  /** The workspace folders whose report files are searched (`file:` URIs). */
  setFolders(uris: readonly string[]): void {
    this.#files.setFolders(uris);
  }

  /** Open documents as the editor has them, then the report files on disk that are not open. */
  async provide(params: WorkspaceSymbolParams, token: CancellationToken, workDone: WorkDoneProgressReporter): Promise<SymbolInformation[]> {
    const table = this.#foldTable();
    const open: IndexedSymbol[][] = [];
    const openUris = new Set<string>();
    for (const document of this.#workspace.openDocuments()) {
      openUris.add(document.uri);
      const analyzed = this.#workspace.analyzed(document);
      if (analyzed === undefined) continue;
      let symbols = this.#open.get(analyzed.model);
      if (symbols === undefined) {
        symbols = reportSymbols(document, analyzed.model, this.#workspace.terms(analyzed), table);
        this.#open.set(analyzed.model, symbols);
      }
      open.push(symbols);
      if (token.isCancellationRequested) throw cancelled();
    }
    let begun = false;
    const files = await this.#files.summaries(token, (read, toRead) => {
      if (!begun) {
        begun = true;
        workDone.begin('zh-report', 0, message('progress.readingReports', this.#lang, toRead), true);
      }
      workDone.report(Math.round((100 * read) / Math.max(1, toRead)), `${read} / ${toRead}`);
    });
    if (begun) workDone.done();
    if (files === undefined) throw cancelled();
    const onDisk = files.filter((f) => !openUris.has(f.uri)).map((f) => f.summary);
    return provideWorkspaceSymbols(params.query, table, [...open, ...onDisk]);
  }

  #foldTable(): FoldTable {
    return (this.#table ??= foldTable(openccConverter));
  }
}
