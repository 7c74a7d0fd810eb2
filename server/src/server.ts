/**
 * The language server on one connection: each handler resolves the document a request names and makes one call of
 * the report service (server/src/service), which is host-neutral; the host (`deps.host`: Node's in main.ts, a browser
 * worker's elsewhere) gives it the codec, the script converters and the files. Validation, cancellation and error
 * handling are requests.ts's; settings are the configuration manager's (configuration.ts).
 *
 * The workspace's report files are kept fresh by workspace/didChangeWatchedFiles: the server registers a watcher for
 * `**∕*.{txt,text,md,markdown}` where the client supports dynamic registration, and feeds its events to the service
 * through `host.files.onDidChange`; without it, the service walks the folders on each workspace-symbol request.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  Emitter,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigurationManager } from './configuration';
import { displayLanguageOf, message } from './messages';
import type { ReportModel } from './core';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, Methods, ServerCommands, type ConvertScriptResult } from './protocol';
import { guard, invalidParams, plainUri, textDocumentUri, type ProtocolGate } from './requests';
import { COMPLETION_TRIGGERS, SEMANTIC_TOKENS_LEGEND, createReportService } from './service';
import type { HostFileChange, HostFiles, ReportHost } from './service/host';
import { SYNCED_DOCUMENTS } from './service/textSync';

export interface ServerDeps {
  /** What the service needs from the place it runs in (server/src/node/host.ts for Node). */
  readonly host: ReportHost;
  /** The server's version (initialize's serverInfo, zh-report/status); the Node entry reads it from package.json. */
  readonly version?: string;
  /** Replaces the core's `analyze` (tests). */
  readonly analyze?: (text: string) => ReportModel;
}

export const SERVER_NAME = 'zh-report';

/** `initializationOptions.indexStorage`: the folder (a URI) the client gives for the stored workspace index. */
function indexStorageOf(options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const value = (options as Record<string, unknown>)['indexStorage'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The report files the server asks the client to watch. */
export const WATCHED_FILES_GLOB = '**/*.{txt,text,md,markdown}';

const CHANGE_TYPES: Readonly<Record<number, HostFileChange['type']>> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** `files` whose change events also carry what `changes` fires (the client's watcher). */
function withWatchedFiles(files: HostFiles, changes: Emitter<readonly HostFileChange[]>): HostFiles {
  return {
    readDirectory: (uri) => files.readDirectory(uri),
    stat: (uri) => files.stat(uri),
    readFile: (uri) => files.readFile(uri),
    ...(files.writeFile === undefined ? {} : { writeFile: (uri: string, bytes: Uint8Array) => files.writeFile!(uri, bytes) }),
    onDidChange(listener) {
      const own = files.onDidChange(listener);
      const watched = changes.event(listener);
      return { dispose: () => (own.dispose(), watched.dispose()) };
    },
  };
}

/**
 * Starts the server on a connection created with `gate` as its message strategy (requests.ts): the gate checks the
 * lifecycle and the shape of every message's params before any handler here runs, so the handlers can rely on them.
 */
export function startServer(connection: Connection, gate: ProtocolGate, deps: ServerDeps): void {
  const logger = { error: (message: string) => connection.console.error(message) };
  gate.attach(connection, logger);
  const documents = new TextDocuments(SYNCED_DOCUMENTS);
  const version = deps.version ?? '0.0.0-unknown';
  const fileChanges = new Emitter<readonly HostFileChange[]>();
  const host: ReportHost = { ...deps.host, files: deps.host.files === undefined ? undefined : withWatchedFiles(deps.host.files, fileChanges) };
  const service = createReportService(host, {
    documents: { get: (uri) => documents.get(uri), all: () => documents.all() },
    version,
    ...(deps.analyze === undefined ? {} : { analyze: deps.analyze }),
  });
  /** Tells the user, once per opened document, why a document is not analysed (too large, binary). */
  const warnIfRejected = (document: TextDocument): void => {
    const warning = service.documentChanged(document);
    if (warning !== undefined) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: warning });
  };
  // a new size limit: the open documents are checked against it (one now too large is said so)
  const configuration = new ConfigurationManager(connection, service, (change) => {
    if (change.documents) for (const document of documents.all()) warnIfRejected(document);
    if (change.index) watchExtraFiles();
  });
  const client = { workspaceFolders: false, watchFiles: false, workDoneProgress: false, locale: undefined as string | undefined };

  /** The open document a request names (InvalidParams when it is not open). */
  const documentOf = (uri: string): TextDocument => {
    const document = documents.get(uri);
    if (document === undefined) throw invalidParams(`Unknown document ${uri}: it is not open (send textDocument/didOpen first).`);
    return document;
  };
  /** A request on the document named by `params.textDocument.uri`: one service call. */
  const on =
    <P, R>(call: (document: TextDocument, params: P, token: CancellationToken) => R) =>
    (params: P, token: CancellationToken): R =>
      call(documentOf(textDocumentUri(params)), params, token);
  /** A custom request on the document named by `params.uri`. */
  const onUri =
    <P, R>(call: (document: TextDocument, params: P, token: CancellationToken) => R) =>
    (params: P, token: CancellationToken): R =>
      call(documentOf(plainUri(params)), params, token);

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const publish = capabilities.textDocument?.publishDiagnostics;
    service.setClient({
      locale: params.locale,
      hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      relatedInformation: publish?.relatedInformation === true,
      unnecessaryTag: publish?.tagSupport?.valueSet?.includes(1) === true,
    });
    configuration.initialize(params);
    client.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
    client.watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const folders: readonly WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    service.setFolders(folders.map((f) => f.uri));
    service.setIndexStorage(indexStorageOf(params.initializationOptions));
    client.workDoneProgress = capabilities.window?.workDoneProgress === true;
    client.locale = params.locale;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'zh-report' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: Object.keys(COMPLETION_TRIGGERS) },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        workspaceSymbolProvider: true,
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [ServerCommands.convertScript] },
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  /**
   * The files `zh-report.workspace.extraFiles` adds to the index are watched too: one more registration (made again
   * when the globs change; none while there are none). A glob is relative to a workspace folder; `**∕` before it
   * lets the client match it anywhere (the index keeps only what the glob names below a folder).
   */
  let extraWatcher: Promise<{ dispose(): void } | undefined> = Promise.resolve(undefined);
  const watchExtraFiles = (): void => {
    if (!client.watchFiles || host.files === undefined) return;
    const previous = extraWatcher;
    const globs = service.settings.extraFileGlobs;
    extraWatcher = previous.then(async (registration) => {
      registration?.dispose();
      if (globs.length === 0) return undefined;
      const watchers = globs.map((glob) => ({ globPattern: `**/${glob.replace(/^\/+/, '')}` }));
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    });
  };

  /**
   * Builds the workspace index once the client is ready, with work-done progress (cancellable from the status bar)
   * where the client supports server-created progress; requests are answered meanwhile from what is read so far.
   */
  const buildIndex = async (): Promise<void> => {
    if (host.files === undefined) return;
    const progress = client.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    let begun = false;
    await service
      .buildIndex(progress?.token, (read, total) => {
        if (progress === undefined || total === 0) return;
        if (!begun) {
          begun = true;
          progress.begin('zh-report', 0, message('progress.indexing', displayLanguageOf(client.locale), total), true);
        }
        progress.report(Math.round((100 * read) / total), `${read} / ${total}`);
      })
      .catch((e: unknown) => {
        logger.error(`workspace index: ${String(e)}`);
        return false;
      });
    progress?.done();
  };

  connection.onInitialized(() => {
    configuration.initialized();
    if (client.watchFiles && host.files !== undefined) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES_GLOB }] }).then(
        () => service.setFilesWatched(true),
        () => undefined,
      );
    }
    watchExtraFiles();
    void buildIndex();
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => service.setFolders((folders ?? []).map((f) => f.uri)), () => undefined);
      });
    }
  });

  connection.onDidChangeConfiguration((params) => configuration.changed(params));
  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes.flatMap((c) => {
      const type = CHANGE_TYPES[c.type];
      return type === undefined || typeof c.uri !== 'string' ? [] : [{ uri: c.uri, type }];
    });
    if (changes.length > 0) fileChanges.fire(changes);
  });

  documents.onDidChangeContent((e) => warnIfRejected(e.document));
  documents.onDidClose((e) => {
    service.documentClosed(e.document.uri);
    host.memory?.released(e.document.getText().length);
  });

  connection.onHover(guard(logger, 'textDocument/hover', on(service.hover)));
  connection.onDefinition(guard(logger, 'textDocument/definition', on(service.definition)));
  connection.onReferences(guard(logger, 'textDocument/references', on(service.references)));
  connection.onDocumentHighlight(guard(logger, 'textDocument/documentHighlight', on(service.documentHighlights)));
  connection.onPrepareRename(guard(logger, 'textDocument/prepareRename', on(service.prepareRename)));
  connection.onRenameRequest(guard(logger, 'textDocument/rename', on(service.rename)));
  connection.onCompletion(guard(logger, 'textDocument/completion', on(service.completion)));
  connection.languages.semanticTokens.on(guard(logger, 'textDocument/semanticTokens/full', on(service.semanticTokens)));
  connection.languages.semanticTokens.onRange(guard(logger, 'textDocument/semanticTokens/range', on(service.semanticTokensRange)));
  connection.languages.inlayHint.on(guard(logger, 'textDocument/inlayHint', on(service.inlayHints)));
  connection.onDocumentSymbol(guard(logger, 'textDocument/documentSymbol', on(service.documentSymbols)));
  connection.onFoldingRanges(guard(logger, 'textDocument/foldingRange', on(service.foldingRanges)));
  connection.onSelectionRanges(guard(logger, 'textDocument/selectionRange', on(service.selectionRanges)));
  connection.onCodeAction(guard(logger, 'textDocument/codeAction', on(service.codeActions)));
  const diagnostics = guard(logger, 'textDocument/diagnostic', on(service.diagnostics));
  // The guard's errors carry no data; the protocol's cancellation data is optional.
  connection.languages.diagnostics.on((params, token) => diagnostics(params, token) as Promise<DocumentDiagnosticReport>);
  connection.onWorkspaceSymbol((params, token, workDone) => guard(logger, 'workspace/symbol', (p: typeof params, t: CancellationToken) => service.workspaceSymbols(p, t, workDone))(params, token));
  connection.onExecuteCommand(
    guard(logger, 'workspace/executeCommand', async (params, token): Promise<ConvertScriptResult> => {
      const convert = service.convertScript(params, token);
      if (convert === undefined) return { applied: false, edits: 0 };
      const result = await connection.workspace.applyEdit({ label: convert.label, edit: convert.edit });
      return { applied: result.applied, edits: convert.edits };
    }),
  );

  connection.onRequest(Methods.outline, guard(logger, Methods.outline, onUri(service.outline)));
  connection.onRequest(Methods.terms, guard(logger, Methods.terms, onUri(service.terms)));
  connection.onRequest(Methods.wordCount, guard(logger, Methods.wordCount, onUri(service.wordCount)));
  connection.onRequest(Methods.outlineText, guard(logger, Methods.outlineText, onUri(service.outlineText)));
  connection.onRequest(Methods.glossary, guard(logger, Methods.glossary, onUri(service.glossary)));
  connection.onRequest(Methods.status, guard(logger, Methods.status, () => service.status()));

  connection.onShutdown(async () => {
    await service.flush().catch(() => undefined);
    service.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
