/**
 * Wires the workspace and the features to an LSP connection. Each handler is one line: resolve the document,
 * run the feature (see requests.ts for validation, cancellation and error handling).
 */
import {
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CompletionList,
  type Connection,
  type DefinitionParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type HoverParams,
  type InlayHintParams,
  type ReferenceParams,
  type InitializeResult,
  type SemanticTokens,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
  type SymbolInformation,
  type TextDocumentPositionParams,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel } from './core';
import { COMPLETION_TRIGGERS, provideCompletion } from './features/completion';
import { provideDefinition } from './features/definition';
import { flattenDocumentSymbols, provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import { provideDocumentHighlights } from './features/highlights';
import { provideHover } from './features/hover';
import { addTermSymbols, readShowTerms } from './features/outlineTerms';
import { provideReferences } from './features/references';
import { providePrepareRename, provideRename } from './features/rename';
import { SEMANTIC_TOKENS_LEGEND, provideSemanticTokens, provideSemanticTokensRange } from './features/semanticTokens';
import type { TermDocument } from './features/terms';
import { provideOutline } from './features/outline';
import { emptySelectionRanges, provideSelectionRanges } from './features/selectionRanges';
import { provideStatus } from './features/status';
import {
  Methods,
  type ExportText,
  type GlossaryParams,
  type OutlineNode,
  type OutlineParams,
  type OutlineTextParams,
  type StatusResult,
  type TermSummary,
  type TermsParams,
  type WordCountParams,
  type WordCountResult,
} from './protocol';
import { cancelled, guard, onDocument, plainUri, textDocumentUri, type Logger, type ProtocolGate } from './requests';
import { SERVER_NAME, serverVersion } from './serverInfo';
import { mergeSettings, settingsSection } from './workspace/settings';
import { ReportWorkspace, type AnalyzedDocument } from './workspace/workspace';
import { ChecksFeature } from './features/checks';
import { WorkspaceSymbolsFeature } from './features/workspaceSymbols';
import { provideTermList } from './features/termList';
import { provideWordCount, readShowWordCount } from './features/wordCount';
import { provideGlossary, provideOutlineText } from './features/exportText';
import { UiLanguage } from './messages';
import { CitationsFeature } from './features/citations';

export interface ServerOptions {
  /** Replaces the core's `analyze` (tests). */
  readonly analyze?: (text: string) => ReportModel;
}

/**
 * Starts the server on a connection created with `gate` as its message strategy (requests.ts): the gate checks the
 * lifecycle and the shape of every message's params before any handler here runs, so the handlers can rely on them.
 */
export function startServer(connection: Connection, gate: ProtocolGate, options: ServerOptions = {}): void {
  const version = serverVersion();
  const logger: Logger = { error: (message) => connection.console.error(message) };
  gate.attach(connection, logger);
  const documents = new TextDocuments(TextDocument);
  /** The client's display language (hovers, completion details, exports, warnings). */
  const ui = new UiLanguage();
  const workspace = new ReportWorkspace(
    documents,
    {
      warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
      language: () => ui.lang,
    },
    options.analyze === undefined ? {} : { analyze: options.analyze },
  );
  const client = { hierarchicalSymbols: false, configuration: false, dynamicConfiguration: false, workspaceFolders: false };
  /** Diagnostics, code actions and the conversion command (features/checks.ts). */
  const checks = new ChecksFeature(connection, workspace, logger);
  /** Setting zh-report.outline.showTerms: defined terms in the outline under their sections. */
  let showTermsInOutline = false;
  /** Setting zh-report.outline.showWordCount: each section's 字数 in the outline. */
  let showWordCountInOutline = false;
  /** workspace/symbol over the open documents and the report files of the workspace folders. */
  const workspaceSymbols = new WorkspaceSymbolsFeature(workspace);
  /** Citations as links: hover, definition, references, inlay hints (features/citations.ts). */
  const citations = new CitationsFeature(workspace);

  connection.onInitialize((params): InitializeResult => {
    client.hierarchicalSymbols = params.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    client.configuration = params.capabilities.workspace?.configuration === true;
    client.dynamicConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspace.updateSettings(mergeSettings(workspace.settings, params.initializationOptions));
    showTermsInOutline = readShowTerms(params.initializationOptions) ?? showTermsInOutline;
    showWordCountInOutline = readShowWordCount(params.initializationOptions) ?? showWordCountInOutline;
    ui.set(params.locale);
    client.workspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const folders: readonly WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    workspaceSymbols.setFolders(folders.map((f) => f.uri));
    citations.setFolders(folders.map((f) => f.uri));
    citations.configure(params.initializationOptions);
    workspaceSymbols.setLocale(params.locale);
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
        ...checks.initialize(params),
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  // zh-report.outline.showTerms is read from the client's configuration where it can answer (VS Code), and from
  // initializationOptions / didChangeConfiguration payloads ({ showTermsInOutline } or { outline: { showTerms } }).
  const pullShowTerms = async (): Promise<void> => {
    if (!client.configuration) return;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: 'zh-report' }])) as unknown[];
      showTermsInOutline = readShowTerms(section) ?? showTermsInOutline;
      showWordCountInOutline = readShowWordCount(section) ?? showWordCountInOutline;
      if (citations.configure(section)) void connection.languages.inlayHint.refresh().catch(() => undefined);
    } catch {
      // a client that cannot answer keeps the value it sent, if any
    }
  };

  connection.onInitialized(() => {
    checks.initialized();
    if (client.dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'zh-report' }).catch(() => undefined);
    }
    void pullShowTerms();
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        void connection.workspace.getWorkspaceFolders().then((folders) => {
          workspaceSymbols.setFolders((folders ?? []).map((f) => f.uri));
          citations.setFolders((folders ?? []).map((f) => f.uri));
        }, () => undefined);
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    checks.configurationChanged(params);
    workspace.updateSettings(mergeSettings(workspace.settings, settingsSection(params)));
    showTermsInOutline = readShowTerms(settingsSection(params)) ?? showTermsInOutline;
    showWordCountInOutline = readShowWordCount(settingsSection(params)) ?? showWordCountInOutline;
    if (citations.configure(settingsSection(params))) void connection.languages.inlayHint.refresh().catch(() => undefined);
    void pullShowTerms();
  });

  const documentSymbols = onDocument(
    workspace,
    textDocumentUri,
    (analyzed, params: DocumentSymbolParams, token) => {
      const symbols = provideDocumentSymbols(analyzed, params, token, { wordCounts: showWordCountInOutline, lang: ui.lang });
      const terms = showTermsInOutline ? workspace.terms(analyzed) : undefined;
      return terms === undefined ? symbols : addTermSymbols(symbols, { ...analyzed, terms });
    },
    () => [],
  );
  const foldingRanges = onDocument(workspace, textDocumentUri, provideFoldingRanges, () => []);
  const selectionRanges = onDocument(workspace, textDocumentUri, provideSelectionRanges, emptySelectionRanges);
  const outline = onDocument<OutlineParams, OutlineNode[]>(workspace, plainUri, provideOutline, () => []);
  const wordCount = onDocument<WordCountParams, WordCountResult | null>(workspace, plainUri, provideWordCount, () => null);
  const outlineText = onDocument<OutlineTextParams, ExportText>(workspace, plainUri, provideOutlineText, () => ({ text: '', items: 0 }));

  /** A term feature: the document's term index is built on first use (once per version); `uriOf` names the document. */
  const withTerms = <P, R>(
    uriOf: (params: P) => string,
    feature: (doc: TermDocument, params: P, token: CancellationToken) => R,
    empty: (params: P) => R,
  ) =>
    onDocument<P, R>(
      workspace,
      uriOf,
      (analyzed, params, token) => {
        const terms = workspace.terms(analyzed);
        if (token.isCancellationRequested) throw cancelled();
        return terms === undefined ? empty(params) : feature({ ...analyzed, terms }, params, token);
      },
      empty,
    );
  const onTerms = <P extends TextDocumentPositionParams, R>(feature: (doc: TermDocument, params: P, token: CancellationToken) => R, empty: (params: P) => R) =>
    withTerms(textDocumentUri, feature, empty);
  const semanticTokensFull = withTerms<SemanticTokensParams, SemanticTokens>(textDocumentUri, provideSemanticTokens, () => ({ data: [] }));
  const semanticTokensRange = withTerms<SemanticTokensRangeParams, SemanticTokens>(textDocumentUri, provideSemanticTokensRange, () => ({ data: [] }));
  const termList = withTerms<TermsParams, TermSummary[]>(plainUri, provideTermList, () => []);
  const glossary = withTerms<GlossaryParams, ExportText>(plainUri, (doc, p, t) => provideGlossary(doc, p, t, ui.lang), () => ({ text: '', items: 0 }));

  // a citation answers first (features/citations.ts); elsewhere the term features do
  const onCitation = <P extends TextDocumentPositionParams, R>(feature: (doc: AnalyzedDocument, params: P, token: CancellationToken) => Promise<R | undefined>) =>
    onDocument<P, Promise<R | undefined>>(workspace, textDocumentUri, feature, async () => undefined);
  const citationOr = <P extends TextDocumentPositionParams, R>(first: (params: P, token: CancellationToken) => Promise<R | undefined>, then: (params: P, token: CancellationToken) => R) =>
    async (params: P, token: CancellationToken): Promise<R> => (await first(params, token)) ?? then(params, token);
  const hover = citationOr(onCitation((d, p: HoverParams, t) => citations.hover(d, p, t, ui.lang)), onTerms((doc, p: HoverParams, t) => provideHover(doc, p, t, ui.lang), () => null));
  const definition = citationOr(onCitation((d, p: DefinitionParams, t) => citations.definition(d, p, t)), onTerms(provideDefinition, () => null));
  const references = citationOr(onCitation((d, p: ReferenceParams, t) => citations.references(d, p, t)), onTerms(provideReferences, () => null));
  connection.onHover(guard(logger, 'textDocument/hover', hover));
  connection.onDefinition(guard(logger, 'textDocument/definition', definition));
  connection.onReferences(guard(logger, 'textDocument/references', references));
  connection.languages.inlayHint.on(guard(logger, 'textDocument/inlayHint', onDocument(workspace, textDocumentUri, (d, p: InlayHintParams, t) => citations.inlayHints(d, p, t), () => [])));
  connection.onDocumentHighlight(guard(logger, 'textDocument/documentHighlight', onTerms(provideDocumentHighlights, () => null)));
  connection.onPrepareRename(guard(logger, 'textDocument/prepareRename', onTerms(providePrepareRename, () => null)));
  connection.onRenameRequest(guard(logger, 'textDocument/rename', onTerms(provideRename, () => null)));
  connection.onCompletion(guard(logger, 'textDocument/completion', onTerms((doc, p, t) => provideCompletion(doc, p, t, ui.lang), (): CompletionList => ({ isIncomplete: false, items: [] }))));
  connection.languages.semanticTokens.on(guard(logger, 'textDocument/semanticTokens/full', semanticTokensFull));
  connection.languages.semanticTokens.onRange(guard(logger, 'textDocument/semanticTokens/range', semanticTokensRange));

  connection.onDocumentSymbol(
    guard(logger, 'textDocument/documentSymbol', (params, token): DocumentSymbol[] | SymbolInformation[] => {
      const symbols = documentSymbols(params, token);
      return client.hierarchicalSymbols ? symbols : flattenDocumentSymbols(params.textDocument.uri, symbols);
    }),
  );

  connection.onFoldingRanges(guard(logger, 'textDocument/foldingRange', foldingRanges));

  connection.onSelectionRanges(guard(logger, 'textDocument/selectionRange', selectionRanges));

  connection.onRequest(Methods.outline, guard(logger, Methods.outline, outline));
  connection.onRequest(Methods.terms, guard(logger, Methods.terms, termList));
  connection.onRequest(Methods.wordCount, guard(logger, Methods.wordCount, wordCount));
  connection.onRequest(Methods.outlineText, guard(logger, Methods.outlineText, outlineText));
  connection.onRequest(Methods.glossary, guard(logger, Methods.glossary, glossary));

  connection.onWorkspaceSymbol((params, token, workDone) =>
    guard(logger, 'workspace/symbol', (p: typeof params, t: CancellationToken) => workspaceSymbols.provide(p, t, workDone))(params, token),
  );

  connection.onRequest(Methods.status, guard(logger, Methods.status, (): StatusResult => provideStatus(workspace, version)));

  connection.onShutdown(() => workspace.dispose());

  checks.register();

  documents.listen(connection);
  connection.listen();
}
