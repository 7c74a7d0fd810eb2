/**
 * What the service hands to the features that need more than one document version: the host, the open documents,
 * the per-version cache, the workspace (its index of report files), the settings and the display language, and the fold table
 * names are matched with (built on first use: it needs the script converter's character table).
 */
import { foldTable, type FoldTable } from '../core';
import type { DisplayLanguage } from '../messages';
import type { DocumentCache, OpenDocuments } from './documents';
import type { ReportHost } from './host';
import type { ReportSettings } from './settings';
import type { Workspace } from './workspace';

export interface ServiceContext {
  readonly host: ReportHost;
  readonly open: OpenDocuments;
  readonly cache: DocumentCache;
  readonly workspace: Workspace;
  settings(): ReportSettings;
  lang(): DisplayLanguage;
  foldTable(): FoldTable;
}

/** The fold table of a host's converter, built once per host. */
const tables = new WeakMap<ReportHost, FoldTable>();

export function foldTableOf(host: ReportHost): FoldTable {
  let table = tables.get(host);
  if (table === undefined) {
    table = foldTable(host.scripts.converter);
    tables.set(host, table);
  }
  return table;
}
