/**
 * The service's per-version cache of documents: one `ReportModel` per version of an open document, computed lazily
 * on the first request for that version, and its term index, built on the first request that needs it; both are
 * dropped when the version changes or the document closes (`forget`). Documents that are too large or look binary are
 * not analysed (`rejection`: the caller tells the user once), and requests on them get empty results.
 *
 * The documents themselves (their text, incremental sync) belong to the caller: every call names a `TextDocument`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, fileNameOf, forgetLastMatch, indexTerms, type ReportModel, type TermIndex } from '../core';
import { message, type DisplayLanguage } from '../messages';
import type { ReportHost } from './host';
import { maxDocumentBytes, type ReportSettings } from './settings';

/** One version of an open document with its model: what every feature works on. */
export interface AnalyzedDocument {
  readonly document: TextDocument;
  readonly model: ReportModel;
}

/** Why a document is not analysed. */
export type Rejection = { readonly reason: 'tooLarge'; readonly bytes: number; readonly limit: number } | { readonly reason: 'binary' };

/** The open documents, as the caller keeps them (the language server's `TextDocuments`, a test's map). */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): readonly TextDocument[];
}

export interface AnalysisOptions {
  /** The analysis; the core's `analyze` with the host's GBK codec (to repair mojibake lines) unless a test replaces it. */
  readonly analyze?: (text: string) => ReportModel;
  /** The term index; the core's `indexTerms` with the host's script converter unless a test replaces it. */
  readonly indexTerms?: (text: string, model: ReportModel) => TermIndex;
}

interface Entry {
  readonly version: number;
  readonly rejection: Rejection | undefined;
  model: ReportModel | undefined;
  /** The key terms of this version, indexed on the first request that needs them. */
  terms: TermIndex | undefined;
}

export class DocumentCache {
  readonly #host: ReportHost;
  readonly #analyze: (text: string) => ReportModel;
  readonly #indexTerms: (text: string, model: ReportModel) => TermIndex;
  readonly #entries = new Map<string, Entry>();
  readonly #settings: () => ReportSettings;

  constructor(host: ReportHost, settings: () => ReportSettings, options: AnalysisOptions = {}) {
    this.#host = host;
    this.#settings = settings;
    const analyzeText = options.analyze ?? ((text: string) => analyze(text, { codec: host.codec.gbk }));
    this.#analyze = (text) => {
      host.memory?.analysing?.(text.length);
      return analyzeText(text);
    };
    this.#indexTerms = options.indexTerms ?? ((text, model) => indexTerms(text, model, { converter: host.scripts.converter }));
  }

  /** How many document versions the cache holds (tests: a closed document's entry is gone). */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether the cache holds an entry for `uri`. */
  has(uri: string): boolean {
    return this.#entries.has(uri);
  }

  /**
   * The analysis and the term index of a text that is not an open document (a report file read from disk), made as
   * for open documents; undefined when the text is over the size limit or binary.
   */
  analyzeText(text: string): ReportModel | undefined {
    return this.#reject(text) === undefined ? this.#analyze(text) : undefined;
  }

  /** The term index of a text that is not an open document (not cached here: the caller keeps it). */
  indexText(text: string, model: ReportModel): TermIndex {
    return this.#indexTerms(text, model);
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

  /** Why this version of `document` is not analysed, or undefined when it is. */
  rejection(document: TextDocument): Rejection | undefined {
    return this.#entry(document).rejection;
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

  /** Drops every entry (the size limit changed: each document is checked again on its next request). */
  clear(): void {
    this.#entries.clear();
  }

  /** Drops what is kept for `uri` (the document was closed). */
  forget(uri: string): void {
    this.#entries.delete(uri);
    forgetLastMatch(); // the closed text may be the last one a regular expression matched (see core/terms/keepAlive.ts)
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
    const limit = maxDocumentBytes(this.#settings());
    // A UTF-16 code unit takes 1 to 3 UTF-8 bytes: count the bytes only when the length cannot decide.
    if (text.length * 3 > limit) {
      const bytes = this.#host.codec.byteLength(text);
      if (bytes > limit) {
        return { reason: 'tooLarge', bytes, limit };
      }
    }
    if (text.includes('\0')) {
      return { reason: 'binary' };
    }
    return undefined;
  }
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

/** The file's name for the warning (the URI itself when it has none). */
function displayName(uri: string): string {
  return fileNameOf(uri) || uri;
}
