/**
 * workspace/symbol: the headings and the defined terms of every report in the workspace — the open documents as the
 * editor has them, and the report files of the workspace folders as they are on disk — answered from the workspace
 * index (service/workspace.ts, service/workspaceIndex.ts), never by walking the disk per request. Matched against the
 * query whatever the script (总则 finds 總則), width or case, and ranked: exact names first (a title first), then
 * headings holding the query, then terms, then looser matches; at most MAX_WORKSPACE_SYMBOLS.
 *
 * - a heading: name and kind as in the outline, location = the heading itself, containerName = its parent heading;
 * - a defined term: kind Key, location = the term where it is first defined, containerName = the section defining it.
 */
import { SymbolKind, type CancellationToken, type SymbolInformation, type WorkDoneProgressReporter, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { message } from '../messages';
import type { ServiceContext } from '../service/context';
import { cancelled } from '../service/errors';
import { SYMBOL_KINDS } from '../service/symbols';
import type { WorkspaceSymbol } from '../service/workspaceIndex';

export { MAX_WORKSPACE_SYMBOLS } from '../service/workspaceIndex';

export function symbolInformation(s: WorkspaceSymbol): SymbolInformation {
  return {
    name: s.name,
    kind: s.kind === 'term' ? SymbolKind.Key : (SYMBOL_KINDS[s.kind] ?? SymbolKind.String),
    location: { uri: s.uri, range: s.range },
    ...(s.containerName === undefined ? {} : { containerName: s.containerName }),
  };
}

export class WorkspaceSymbolsFeature {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  /** The index's symbols for the query; a first request (no build yet) builds it, with progress when the client gives a reporter. */
  async provide(params: WorkspaceSymbolParams, token: CancellationToken, workDone?: WorkDoneProgressReporter): Promise<SymbolInformation[]> {
    const workspace = this.#context.workspace;
    let begun = false;
    const index = await workspace.current(token, (read, toRead) => {
      if (workDone === undefined) return;
      if (!begun) {
        begun = true;
        workDone.begin('zh-report', 0, message('progress.readingReports', this.#context.lang(), toRead), true);
      }
      workDone.report(Math.round((100 * read) / Math.max(1, toRead)), `${read} / ${toRead}`);
    });
    if (begun) workDone?.done();
    if (token.isCancellationRequested) throw cancelled();
    return index.symbols(params.query).map(symbolInformation);
  }
}
