/**
 * The report language service: every feature of the language server as one host-neutral object.
 *
 * `createReportService(host)` wires the features (server/src/features, one file per LSP feature) to the service's
 * shared modules: the per-version cache of documents (documents.ts), the workspace's index of report files
 * (workspace.ts over workspaceIndex.ts, read through `host.files`), the checks' runner (checks.ts) and the settings
 * (settings.ts). Each method takes one version of a document (a `TextDocument`), the request's params and a
 * cancellation token and returns the LSP result, so a host — the Node language server (server.ts via main.ts), a
 * browser worker, the command line, a test — only resolves documents and passes results on. Nothing here needs Node: what does comes through the `ReportHost`.
 *
 * A document that is not analysed (over the size limit, binary) gets the empty answer of each feature; a cancelled
 * token throws the RequestCancelled error (service/errors.ts), as do wrong params (InvalidParams).
 */
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  CompletionList,
  CompletionParams,
  DefinitionParams,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  DocumentHighlight,
  DocumentHighlightParams,
  DocumentSymbol,
  DocumentSymbolParams,
  ExecuteCommandParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  InlayHint,
  InlayHintParams,
  Location,
  PrepareRenameParams,
  Range,
  ReferenceParams,
  RenameParams,
  SelectionRange,
  SelectionRangeParams,
  SemanticTokens,
  SemanticTokensParams,
  SemanticTokensRangeParams,
  SymbolInformation,
  WorkDoneProgressReporter,
  WorkspaceEdit,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CitationsFeature } from '../features/citations';
import { provideCodeActions } from '../features/codeActions';
import { convertArgs, convertEdits, convertLabel } from '../features/commands';
import { provideCompletion } from '../features/completion';
import { provideDefinition } from '../features/definition';
import { emptyReport, provideDiagnostics } from '../features/diagnostics';
import { provideDocumentSymbols } from '../features/documentSymbols';
import { provideGlossary, provideOutlineText } from '../features/exportText';
import { provideFoldingRanges } from '../features/folding';
import { provideDocumentHighlights } from '../features/highlights';
import { provideHover } from '../features/hover';
import { provideOutline } from '../features/outline';
import { addTermSymbols } from '../features/outlineTerms';
import { provideReferences } from '../features/references';
import { providePrepareRename, provideRename } from '../features/rename';
import { emptySelectionRanges, provideSelectionRanges } from '../features/selectionRanges';
import { provideSemanticTokens, provideSemanticTokensRange } from '../features/semanticTokens';
import { provideStatus } from '../features/status';
import { provideTermList } from '../features/termList';
import { provideWordCount } from '../features/wordCount';
import { WorkspaceSymbolsFeature } from '../features/workspaceSymbols';
import { termAtCursor, workspaceDefinitions, workspaceHover, workspaceRename, workspaceUses } from '../features/workspaceTerms';
import { displayLanguageOf, type DisplayLanguage } from '../messages';
import {
  ServerCommands,
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
} from '../protocol';
import { Checks } from './checks';
import { foldTableOf, type ServiceContext } from './context';
import { scriptTableOf } from './convert';
import { DocumentCache, rejectionMessage, type AnalysisOptions, type AnalyzedDocument, type OpenDocuments } from './documents';
import { workspaceEdit } from './edits';
import { cancelled, invalidParams } from './errors';
import type { ReportHost } from './host';
import { DEFAULT_SETTINGS, settingsChange, type ReportSettings, type SettingsChange } from './settings';
import { flattenDocumentSymbols } from './symbols';
import type { TermDocument } from './terms';
import { Workspace, type WorkspaceTableSizes } from './workspace';
import type { WorkspaceIndex } from './workspaceIndex';

/** What the client can do, from its initialize params (defaults: what VS Code does). */
export interface ClientFeatures {
  /** The client's locale (`InitializeParams.locale`): the display language of hovers, messages and exports. */
  readonly locale?: string | undefined;
  /** DocumentSymbol trees; false: flat SymbolInformation lists. */
  readonly hierarchicalSymbols?: boolean;
  /** Versioned document changes in WorkspaceEdits (stale edits are refused). */
  readonly documentChanges?: boolean;
  readonly relatedInformation?: boolean;
  readonly unnecessaryTag?: boolean;
}

export interface ReportServiceOptions extends AnalysisOptions {
  readonly settings?: ReportSettings;
  /** The open documents (workspace symbols and citations across documents, the conversion command). */
  readonly documents?: OpenDocuments;
  readonly client?: ClientFeatures;
  /** The server's version (zh-report/status). */
  readonly version?: string;
}

/** The conversion command's answer: the edit to apply (one undoable step), its label, how many edits it holds. */
export interface ConvertCommandEdit {
  readonly label: string;
  readonly edit: WorkspaceEdit;
  readonly edits: number;
}

export interface ReportLanguageService {
  readonly settings: ReportSettings;
  /** Applies new settings; what the client should ask for again. */
  updateSettings(settings: ReportSettings): SettingsChange;
  setClient(client: ClientFeatures): void;
  /** The workspace folders whose report files workspace symbols and citations read. */
  setFolders(uris: readonly string[]): void;
  /** Whether `host.files.onDidChange` reports the workspace's changes (then the folders are walked once). */
  setFilesWatched(watched: boolean): void;
  /** The folder the workspace index is stored in between sessions (`indexStorage` from the client), or none. */
  setIndexStorage(uri: string | undefined): void;
  /** Builds the workspace index over the folders (after `initialized`); false when cancelled. Requests answer meanwhile. */
  buildIndex(token?: { readonly isCancellationRequested: boolean }, progress?: (done: number, total: number) => void): Promise<boolean>;
  /** Writes the stored index if it changed (on shutdown). */
  flush(): Promise<void>;
  /** A document was opened or changed: the warning to show once when it will not be analysed, else undefined. */
  documentChanged(document: TextDocument): string | undefined;
  /** A document was closed: what the service kept for it is dropped. */
  documentClosed(uri: string): void;

  hover(document: TextDocument, params: HoverParams, token: CancellationToken): Promise<Hover | null>;
  definition(document: TextDocument, params: DefinitionParams, token: CancellationToken): Promise<Location[] | null>;
  references(document: TextDocument, params: ReferenceParams, token: CancellationToken): Promise<Location[] | null>;
  documentHighlights(document: TextDocument, params: DocumentHighlightParams, token: CancellationToken): DocumentHighlight[] | null;
  prepareRename(document: TextDocument, params: PrepareRenameParams, token: CancellationToken): Promise<{ range: Range; placeholder: string } | null>;
  rename(document: TextDocument, params: RenameParams, token: CancellationToken): Promise<WorkspaceEdit | null>;
  completion(document: TextDocument, params: CompletionParams, token: CancellationToken): CompletionList;
  semanticTokens(document: TextDocument, params: SemanticTokensParams, token: CancellationToken): SemanticTokens;
  semanticTokensRange(document: TextDocument, params: SemanticTokensRangeParams, token: CancellationToken): SemanticTokens;
  documentSymbols(document: TextDocument, params: DocumentSymbolParams, token: CancellationToken): DocumentSymbol[] | SymbolInformation[];
  foldingRanges(document: TextDocument, params: FoldingRangeParams, token: CancellationToken): FoldingRange[];
  selectionRanges(document: TextDocument, params: SelectionRangeParams, token: CancellationToken): SelectionRange[];
  inlayHints(document: TextDocument, params: InlayHintParams, token: CancellationToken): InlayHint[];
  codeActions(document: TextDocument, params: CodeActionParams, token: CancellationToken): CodeAction[];
  diagnostics(document: TextDocument, params: DocumentDiagnosticParams, token: CancellationToken): DocumentDiagnosticReport;
  workspaceSymbols(params: WorkspaceSymbolParams, token: CancellationToken, progress?: WorkDoneProgressReporter): Promise<SymbolInformation[]>;
  outline(document: TextDocument, params: OutlineParams, token: CancellationToken): OutlineNode[];
  terms(document: TextDocument, params: TermsParams, token: CancellationToken): TermSummary[];
  wordCount(document: TextDocument, params: WordCountParams, token: CancellationToken): WordCountResult | null;
  outlineText(document: TextDocument, params: OutlineTextParams, token: CancellationToken): ExportText;
  glossary(document: TextDocument, params: GlossaryParams, token: CancellationToken): ExportText;
  status(): StatusResult;
  /** workspace/executeCommand `zh-report.server.convertScript`: the edit converting the document (or its ranges); undefined when nothing changes. */
  convertScript(params: ExecuteCommandParams, token: CancellationToken): ConvertCommandEdit | undefined;

  /** How many document versions the per-version cache holds, and whether it holds `uri` (tests). */
  readonly cache: { readonly size: number; has(uri: string): boolean };
  /** The workspace's report files (tests: how often they were walked and read, what its tables hold). */
  readonly files: { readonly walks: number; readonly reads: number; readonly tableSizes: WorkspaceTableSizes };
  /** The checks' runner (tests: how often the checks ran). */
  readonly checks: { readonly runs: number };
  dispose(): void;
}

const NO_DOCUMENTS: OpenDocuments = { get: () => undefined, all: () => [] };

export function createReportService(host: ReportHost, options: ReportServiceOptions = {}): ReportLanguageService {
  let settings = options.settings ?? DEFAULT_SETTINGS;
  let lang: DisplayLanguage = 'zh-cn';
  let client: ClientFeatures = {};
  const open = options.documents ?? NO_DOCUMENTS;
  const cache = new DocumentCache(host, () => settings, options);
  const workspace = new Workspace({ host, cache, open, settings: () => settings, version: options.version ?? '' });
  const context: ServiceContext = { host, open, cache, workspace, settings: () => settings, lang: () => lang, foldTable: () => foldTableOf(host) };
  const checks = new Checks(host.codec.gbk, () => scriptTableOf(host.scripts, host.codec), (analyzed) => cache.terms(analyzed));
  const citations = new CitationsFeature(context);
  const workspaceSymbols = new WorkspaceSymbolsFeature(context);
  /** URIs whose user has been told why the document is not analysed (reset when the document closes). */
  const warned = new Set<string>();
  const version = options.version ?? '';

  const setClient = (features: ClientFeatures): void => {
    client = features;
    lang = displayLanguageOf(features.locale);
    checks.setClient(lang, { relatedInformation: features.relatedInformation === true, unnecessaryTag: features.unnecessaryTag === true });
  };
  setClient(options.client ?? {});
  checks.updateSettings(settings.diagnostics);
  checks.updateMaxPerDocument(settings.maxPerDocument);

  /** Runs a feature on the current version of `document` (analysed on first use), or answers `empty`. */
  const run = <R>(document: TextDocument, token: CancellationToken, feature: (analyzed: AnalyzedDocument) => R, empty: () => R): R => {
    if (token.isCancellationRequested) throw cancelled();
    const analyzed = cache.analyzed(document);
    if (token.isCancellationRequested) throw cancelled();
    return analyzed === undefined ? empty() : feature(analyzed);
  };
  /** Runs a term feature: the document's term index is built on first use (once per version). */
  const withTerms = <R>(document: TextDocument, token: CancellationToken, feature: (doc: TermDocument) => R, empty: () => R): R =>
    run(
      document,
      token,
      (analyzed) => {
        const terms = cache.terms(analyzed);
        if (token.isCancellationRequested) throw cancelled();
        return terms === undefined ? empty() : feature({ ...analyzed, terms });
      },
      empty,
    );
  /** A citation answers first (features/citations.ts); elsewhere the term feature does. */
  const citationOr = async <R>(
    document: TextDocument,
    token: CancellationToken,
    citation: (analyzed: AnalyzedDocument) => Promise<R | undefined>,
    term: (doc: TermDocument) => R | Promise<R>,
    empty: () => R,
  ): Promise<R> => (await run(document, token, citation, async () => undefined)) ?? (await withTerms<R | Promise<R>>(document, token, term, empty));
  const edits = (): { documentChanges: boolean } => ({ documentChanges: client.documentChanges === true });
  /**
   * The document's own answer, or what `across` makes of it with the workspace index (none without workspace
   * folders). `fresh`: the index as a listing needs it (changes reported so far taken in); else as it is now.
   */
  const acrossFiles = async <R>(own: R, token: CancellationToken, fresh: boolean, across: (own: R, index: WorkspaceIndex) => R | Promise<R>): Promise<R> => {
    if (workspace.folderCount === 0) return own;
    const index = fresh ? await workspace.current() : await workspace.answering();
    if (token.isCancellationRequested) throw cancelled();
    return across(own, index);
  };

  return {
    get settings() {
      return settings;
    },
    updateSettings(next) {
      const change = settingsChange(settings, next);
      settings = next;
      checks.updateSettings(next.diagnostics);
      checks.updateMaxPerDocument(next.maxPerDocument);
      if (change.documents) cache.clear();
      if (change.index) workspace.settingsChanged();
      return change;
    },
    setClient,
    setFolders: (uris) => workspace.setFolders(uris),
    setFilesWatched: (watched) => {
      workspace.watched = watched;
    },
    setIndexStorage: (uri) => workspace.setStorage(uri),
    buildIndex: (token, progress) => workspace.build(token, progress),
    flush: () => workspace.flush(),
    documentChanged(document) {
      const rejection = cache.rejection(document);
      if (rejection === undefined || warned.has(document.uri)) return undefined;
      warned.add(document.uri);
      return rejectionMessage(document.uri, rejection, lang);
    },
    documentClosed(uri) {
      cache.forget(uri);
      workspace.closed(uri);
      warned.delete(uri);
    },

    hover: (document, params, token) =>
      citationOr(
        document,
        token,
        (d) => citations.hover(d, params, token, lang),
        (doc) => acrossFiles(provideHover(doc, params, token, lang), token, false, (own, index) => workspaceHover(doc, termAtCursor(doc, params.position, index), own, index, lang)),
        () => null,
      ),
    definition: (document, params, token) =>
      citationOr(
        document,
        token,
        (d) => citations.definition(d, params, token),
        (doc) => acrossFiles(provideDefinition(doc, params, token), token, false, (own, index) => workspaceDefinitions(doc, termAtCursor(doc, params.position, index), index) ?? own),
        () => null,
      ),
    references: (document, params, token) =>
      citationOr(
        document,
        token,
        (d) => citations.references(d, params, token),
        (doc) =>
          acrossFiles(provideReferences(doc, params, token), token, true, (own, index) => {
            const at = termAtCursor(doc, params.position, index);
            if (at === undefined) return own;
            const others = workspaceUses(doc, at, index, params.context?.includeDeclaration !== false).map((u): Location => ({ uri: u.uri, range: u.range }));
            return own === null && others.length === 0 ? null : [...(own ?? []), ...others];
          }),
        () => null,
      ),
    documentHighlights: (document, params, token) => withTerms(document, token, (doc) => provideDocumentHighlights(doc, params, token), () => null),
    prepareRename: (document, params, token) =>
      acrossFiles(withTerms(document, token, (doc) => providePrepareRename(doc, params, token), () => null), token, false, (own, index) => {
        if (own !== null) return own;
        const found = index.termAt(document.uri, params.position.line, params.position.character);
        return found === undefined ? null : { range: found.range, placeholder: document.getText(found.range) };
      }),
    rename: (document, params, token) =>
      withTerms(
        document,
        token,
        (doc) =>
          acrossFiles(provideRename(doc, params, token), token, true, (own, index) => {
            const at = termAtCursor(doc, params.position, index);
            return at === undefined ? own : workspaceRename(doc, at, own, params.newName.trim(), index, open, edits(), lang);
          }),
        async () => null,
      ),
    completion: (document, params, token) =>
      withTerms(document, token, (doc) => provideCompletion(doc, params, token, lang), (): CompletionList => ({ isIncomplete: false, items: [] })),
    semanticTokens: (document, params, token) => withTerms(document, token, (doc) => provideSemanticTokens(doc, params, token), (): SemanticTokens => ({ data: [] })),
    semanticTokensRange: (document, params, token) => withTerms(document, token, (doc) => provideSemanticTokensRange(doc, params, token), (): SemanticTokens => ({ data: [] })),
    documentSymbols(document, params, token) {
      const symbols = run(
        document,
        token,
        (analyzed) => {
          const tree = provideDocumentSymbols(analyzed, params, token, { wordCounts: settings.showWordCountInOutline, lang });
          const terms = settings.showTermsInOutline ? cache.terms(analyzed) : undefined;
          return terms === undefined ? tree : addTermSymbols(tree, { ...analyzed, terms });
        },
        (): DocumentSymbol[] => [],
      );
      return client.hierarchicalSymbols === false ? flattenDocumentSymbols(document.uri, symbols) : symbols;
    },
    foldingRanges: (document, params, token) => run(document, token, (analyzed) => provideFoldingRanges(analyzed, params, token), () => []),
    selectionRanges: (document, params, token) =>
      run(document, token, (analyzed) => provideSelectionRanges(analyzed, params, token), () => emptySelectionRanges(params, document)),
    inlayHints: (document, params, token) => run(document, token, (analyzed) => citations.inlayHints(analyzed, params, token), () => []),
    codeActions: (document, params, token) => run(document, token, (analyzed) => provideCodeActions(analyzed, params, token, checks, edits()), () => []),
    diagnostics: (document, params, token) => run(document, token, (analyzed) => provideDiagnostics(analyzed, params, token, checks), emptyReport),
    workspaceSymbols: (params, token, progress) => workspaceSymbols.provide(params, token, progress),
    outline: (document, params, token) => run(document, token, (analyzed) => provideOutline(analyzed, params, token), () => []),
    terms: (document, params, token) => withTerms(document, token, (doc) => provideTermList(doc, params, token), () => []),
    wordCount: (document, params, token) => run(document, token, (analyzed) => provideWordCount(analyzed, params, token), () => null),
    outlineText: (document, params, token) =>
      run(document, token, (analyzed) => provideOutlineText(analyzed, params, token), () => ({ text: '', items: 0 })),
    glossary: (document, params, token) => withTerms(document, token, (doc) => provideGlossary(doc, params, token, lang), () => ({ text: '', items: 0 })),
    status: () => provideStatus(open, version),
    convertScript(params, token) {
      if (params.command !== ServerCommands.convertScript) throw invalidParams(`Unknown command ${params.command}.`);
      const args = convertArgs(params.arguments);
      const document = open.get(args.uri);
      if (document === undefined) throw invalidParams(`Unknown document ${args.uri}: it is not open.`);
      const list = convertEdits(host.scripts, document, args, token);
      if (list.length === 0) return undefined;
      return { label: convertLabel(args.target, lang), edit: workspaceEdit(document, list, edits()), edits: list.length };
    },

    cache: {
      get size() {
        return cache.size;
      },
      has: (uri) => cache.has(uri),
    },
    files: {
      get walks() {
        return workspace.walks;
      },
      get reads() {
        return workspace.reads;
      },
      get tableSizes() {
        return workspace.tableSizes;
      },
    },
    checks: {
      get runs() {
        return checks.runs;
      },
    },
    dispose() {
      workspace.dispose();
      cache.clear();
      warned.clear();
    },
  };
}
