/**
 * Wires the workspace and the features to an LSP connection. Each handler is one line: resolve the document,
 * run the feature (see requests.ts for validation, cancellation and error handling).
 */
import {
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type DocumentSymbol,
  type InitializeResult,
  type SymbolInformation,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel } from './core';
import { flattenDocumentSymbols, provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import { provideOutline } from './features/outline';
import { emptySelectionRanges, provideSelectionRanges } from './features/selectionRanges';
import { provideStatus } from './features/status';
import { Methods, type OutlineNode, type OutlineParams, type StatusResult } from './protocol';
import { checkPositions, guard, onDocument, plainUri, textDocumentUri, type Logger } from './requests';
import { SERVER_NAME, serverVersion } from './serverInfo';
import { mergeSettings, settingsSection } from './workspace/settings';
import { ReportWorkspace } from './workspace/workspace';

export interface ServerOptions {
  /** Replaces the core's `analyze` (tests). */
  readonly analyze?: (text: string) => ReportModel;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const version = serverVersion();
  const logger: Logger = { error: (message) => connection.console.error(message) };
  const documents = new TextDocuments(TextDocument);
  const workspace = new ReportWorkspace(
    documents,
    { warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }) },
    options.analyze === undefined ? {} : { analyze: options.analyze },
  );
  const client = { hierarchicalSymbols: false };

  connection.onInitialize((params): InitializeResult => {
    client.hierarchicalSymbols = params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    workspace.updateSettings(mergeSettings(workspace.settings, params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'zh-report' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    workspace.updateSettings(mergeSettings(workspace.settings, settingsSection(params)));
  });

  const documentSymbols = onDocument(workspace, textDocumentUri, provideDocumentSymbols, () => []);
  const foldingRanges = onDocument(workspace, textDocumentUri, provideFoldingRanges, () => []);
  const selectionRanges = onDocument(workspace, textDocumentUri, provideSelectionRanges, emptySelectionRanges);
  const outline = onDocument<OutlineParams, OutlineNode[]>(workspace, plainUri, provideOutline, () => []);

  connection.onDocumentSymbol(
    guard(logger, 'textDocument/documentSymbol', (params, token): DocumentSymbol[] | SymbolInformation[] => {
      const symbols = documentSymbols(params, token);
      return client.hierarchicalSymbols ? symbols : flattenDocumentSymbols(params.textDocument.uri, symbols);
    }),
  );

  connection.onFoldingRanges(guard(logger, 'textDocument/foldingRange', foldingRanges));

  connection.onSelectionRanges(
    guard(logger, 'textDocument/selectionRange', (params, token) => {
      checkPositions(params);
      return selectionRanges(params, token);
    }),
  );

  connection.onRequest(Methods.outline, guard(logger, Methods.outline, outline));

  connection.onRequest(Methods.status, guard(logger, Methods.status, (): StatusResult => provideStatus(workspace, version)));

  connection.onShutdown(() => workspace.dispose());

  documents.listen(connection);
  connection.listen();
}
