/**
 * The open documents and their report models.
 *
 * Owns the `TextDocuments` (incremental sync) and a cache of one `ReportModel` per open document, computed
 * lazily on the first request for a version and dropped when the version changes or the document closes.
 * Documents that are too large or look binary are not analysed: the user gets one warning per opened
 * document, and requests on them get empty results.
 */
import type { Disposable, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, forgetLastMatch, indexTerms, type ReportModel, type TermIndex } from '../core';
import { gbkCodec } from '../codec';
import { openccConverter } from '../opencc';
import { message, type DisplayLanguage } from '../messages';
import { DEFAULT_SETTINGS, maxDocumentBytes, type ServerSettings } from './settings';

/** One version of an open document with its model: what every feature works on. */
export interface AnalyzedDocument {
  readonly document: TextDocument;
  readonly model: ReportModel;
}

/** Why a document is not analysed. */
export type Rejection = { readonly reason: 'tooLarge'; readonly bytes: number; readonly limit: number } | { readonly reason: 'binary' };

export interface WorkspaceHost {
  /** Shows a warning to the user (window/showMessage). */
  warn(message: string): void;
  /** The client's display language, for that warning (English when not given). */
  language?(): DisplayLanguage;
}

export interface WorkspaceOptions {
  readonly settings?: ServerSettings;
  /** The analysis; the core's `analyze` with the GBK codec (to repair mojibake lines) unless a test replaces it. */
  readonly analyze?: (text: string) => ReportModel;
  /** The term index; the core's `indexTerms` with the opencc-js converter unless a test replaces it. */
  readonly indexTerms?: (text: string, model: ReportModel) => TermIndex;
}

interface Entry {
  readonly version: number;
  readonly rejection: Rejection | undefined;
  model: ReportModel | undefined;
  /** The key terms of this version, indexed on the first request that needs them. */
  terms: TermIndex | undefined;
}

export class ReportWorkspace implements Disposable {
  readonly #documents: TextDocuments<TextDocument>;
  readonly #host: WorkspaceHost;
  readonly #analyze: (text: string) => ReportModel;
  readonly #indexTerms: (text: string, model: ReportModel) => TermIndex;
  readonly #entries = new Map<string, Entry>();
  /** URIs whose user has been told why the document is not analysed (reset when the document closes). */
  readonly #warned = new Set<string>();
  readonly #subscriptions: Disposable[];
  #settings: ServerSettings;

  constructor(documents: TextDocuments<TextDocument>, host: WorkspaceHost, options: WorkspaceOptions = {}) {
    this.#documents = documents;
    this.#host = host;
    this.#analyze = options.analyze ?? analyzeReport;
    this.#indexTerms = options.indexTerms ?? indexReportTerms;
    this.#settings = options.settings ?? DEFAULT_SETTINGS;
    this.#subscriptions = [
      documents.onDidChangeContent((e) => this.#check(e.document)),
      documents.onDidClose((e) => this.#forget(e.document.uri)),
    ];
  }

  get settings(): ServerSettings {
    return this.#settings;
  }

  /** Number of open documents. */
  get documentCount(): number {
    return this.#documents.keys().length;
  }

  /** The open documents. */
  openDocuments(): TextDocument[] {
    return this.#documents.all();
  }

  /**
   * The analysis and the term index of a text that is not an open document (a report file read from disk), made as
   * for open documents; undefined when the text is over the size limit or binary.
   */
  analyzeText(text: string): { readonly model: ReportModel; readonly terms: TermIndex } | undefined {
    if (this.#reject(text) !== undefined) {
      return undefined;
    }
    const model = this.#analyze(text);
    return { model, terms: this.#indexTerms(text, model) };
  }

  /** The open document with this URI, if any. */
  get(uri: string): TextDocument | undefined {
    return this.#documents.get(uri);
  }

  /**
   * The current version of `document` with its model (analysed now if this version has not been yet),
   * or undefined when the document is not analysed (too large, binary).
   */
  analyzed(document: TextDocument): AnalyzedDocument | undefined {
    const entry = this.#entry(document);
    if (entry.rejection !== undefined) {
      return undefined;
    }
    entry.model ??= this.#analyze(document.getText());
    return { document, model: entry.model };
  }

  /**
   * The key terms of the version of `analyzed` (indexed now if this version has not been yet, cached next to its
   * model), or undefined when that version is no longer the current one.
   */
  terms(analyzed: AnalyzedDocument): TermIndex | undefined {
    const entry = this.#entries.get(analyzed.document.uri);
    if (entry === undefined || entry.version !== analyzed.document.version || entry.model !== analyzed.model) {
      return undefined;
    }
    entry.terms ??= this.#indexTerms(analyzed.document.getText(), analyzed.model);
    return entry.terms;
  }

  /** Applies new settings; open documents are checked again against them. */
  updateSettings(settings: ServerSettings): void {
    if (settings.maxDocumentSizeMB === this.#settings.maxDocumentSizeMB) {
      return;
    }
    this.#settings = settings;
    this.#entries.clear();
    for (const document of this.#documents.all()) {
      this.#check(document);
    }
  }

  dispose(): void {
    for (const s of this.#subscriptions.splice(0)) {
      s.dispose();
    }
    this.#entries.clear();
    this.#warned.clear();
  }

  #check(document: TextDocument): void {
    const entry = this.#entry(document);
    if (entry.rejection !== undefined && !this.#warned.has(document.uri)) {
      this.#warned.add(document.uri);
      this.#host.warn(rejectionMessage(document.uri, entry.rejection, this.#host.language?.() ?? 'en'));
    }
  }

  #entry(document: TextDocument): Entry {
    const cached = this.#entries.get(document.uri);
    if (cached !== undefined && cached.version === document.version) {
      return cached;
    }
    const entry: Entry = { version: document.version, rejection: this.#reject(document.getText()), model: undefined, terms: undefined };
    this.#entries.set(document.uri, entry);
    return entry;
  }

  #reject(text: string): Rejection | undefined {
    const limit = maxDocumentBytes(this.#settings);
    // A UTF-16 code unit takes 1 to 3 UTF-8 bytes: count the bytes only when the length cannot decide.
    if (text.length * 3 > limit) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > limit) {
        return { reason: 'tooLarge', bytes, limit };
      }
    }
    if (text.includes('\0')) {
      return { reason: 'binary' };
    }
    return undefined;
  }

  #forget(uri: string): void {
    this.#entries.delete(uri);
    this.#warned.delete(uri);
    forgetLastMatch(); // the closed text may be the last one a regular expression matched (see core/terms/keepAlive.ts)
  }
}

/** The core's analysis as the server runs it: with the GBK codec, so lines decoded one byte late are repaired. */
export function analyzeReport(text: string): ReportModel {
  return analyze(text, { codec: gbkCodec });
}

/** The core's term index as the server runs it: with the opencc-js converter, so both scripts share one key per term. */
export function indexReportTerms(text: string, model: ReportModel): TermIndex {
  return indexTerms(text, model, { converter: openccConverter });
}

export function rejectionMessage(uri: string, rejection: Rejection, lang: DisplayLanguage = 'en'): string {
  const name = displayName(uri);
  switch (rejection.reason) {
    case 'tooLarge':
      return message('warning.tooLarge', lang, name, mb(rejection.bytes), mb(rejection.limit));
    case 'binary':
      return message('warning.binary', lang, name);
  }
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 3 : 1);
}

function displayName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}
