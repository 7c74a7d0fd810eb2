/**
 * Custom requests and notifications, declared once: both the client and the server import this file.
 * Only plain data types here (no runtime dependency on either side's library).
 */

/** The language id contributed by the extension. */
export const LANGUAGE_ID = 'zh-report';

/** Method names of custom messages. */
export const Methods = {
  /** Request: the outline of a document as the server sees it (used by the CLI and the tests). */
  outline: 'zh-report/outline',
  /** Request: the server's status (version, open documents). */
  status: 'zh-report/status',
  /** Request: the key terms of a document, for the client's Report Terms view (`TermsParams` → `TermSummary[]`). */
  terms: 'zh-report/terms',
  /** Request: 字数 of the document, the section under a position and the selections (`WordCountParams` → `WordCountResult`). */
  wordCount: 'zh-report/wordCount',
  /** Request: the outline (提纲) as text to copy (`OutlineTextParams` → `ExportText`). */
  outlineText: 'zh-report/outlineText',
  /** Request: the document's defined terms as a glossary to export (`GlossaryParams` → `ExportText`). */
  glossary: 'zh-report/glossary',
} as const;

/**
 * Requests the server sends to the client where it cannot read the workspace's files itself (the browser build: a
 * web worker has no file system; the client answers with `vscode.workspace.fs`). Each answers null when the file or
 * folder cannot be read.
 */
export const ClientFileMethods = {
  /** `FileParams` → `FileEntry[]`: a folder's entries. */
  readDirectory: 'zh-report/readDirectory',
  /** `FileParams` → `FileStat`. */
  stat: 'zh-report/stat',
  /** `FileParams` → `FileContent`: the bytes, base64 (a JSON-RPC message carries text). */
  readFile: 'zh-report/readFile',
} as const;

export interface FileParams {
  readonly uri: string;
}

/** A folder entry: its name and whether it is a file or a folder (others, such as sockets, are left out). */
export type FileEntry = readonly [name: string, type: 'file' | 'directory'];

export interface FileStat {
  readonly size: number;
  /** Modification time, ms since the epoch. */
  readonly mtime: number;
}

export interface FileContent {
  readonly base64: string;
}

export interface TermsParams {
  readonly uri: string;
}

/** A position and a range as LSP has them (zero-based line, UTF-16 character). */
export interface PlainPosition {
  readonly line: number;
  readonly character: number;
}

export interface PlainRange {
  readonly start: PlainPosition;
  readonly end: PlainPosition;
}

/** One key term of a document: defined terms first (in the order of their definitions), then the others by first use. */
export interface TermSummary {
  readonly name: string;
  /** 'defined' | 'plan' | 'formula' | 'title' | 'quoted' (the core's TermKind). */
  readonly kind: string;
  readonly uses: number;
  /** Where to go: the term where it is defined, else its first use. */
  readonly range: PlainRange;
  /** The definition (an abbreviation's full form), else a built-in expansion marked as such; shortened. */
  readonly definition?: string;
  /** True when `definition` is a built-in expansion, not the document's. */
  readonly builtin?: boolean;
  /** The section that defines it, or holds its first use. */
  readonly section: string;
}

export interface OutlineParams {
  readonly uri: string;
}

export interface OutlineNode {
  readonly name: string;
  readonly kind: string;
  readonly level: number;
  readonly line: number;
  readonly children: OutlineNode[];
}

export interface StatusResult {
  readonly version: string;
  readonly documents: number;
}

/**
 * Settings the client sends to the server: as `initializationOptions` (a flat `ServerSettingsPayload`) and in
 * `workspace/didChangeConfiguration` as `{ settings: { [SETTINGS_SECTION]: ServerSettingsPayload } }`.
 * The client reads them from its own `zh-report.*` configuration (`zh-report.maxFileSizeMB` → `maxDocumentSizeMB`).
 */
export const SETTINGS_SECTION = 'zhReport';

export interface ServerSettingsPayload {
  /** Documents larger than this (UTF-8 bytes, in MiB) are not analysed. */
  readonly maxDocumentSizeMB: number;
  /**
   * Severity per check code (`zh-report.diagnostics.<code>`): "error" | "warning" | "information" | "hint" | "off";
   * and `maxPerDocument` (`zh-report.diagnostics.maxPerDocument`), the cap on the diagnostics of one document.
   */
  readonly diagnostics?: Readonly<Record<string, string | number>>;
}

/** The `source` of every diagnostic the server reports. */
export const DIAGNOSTIC_SOURCE = 'zh-report';

/** The code action kind of "fix all safe problems" (requested by `editor.codeActionsOnSave: { "source.fixAll": … }`). */
export const FIX_ALL_KIND = 'source.fixAll.zh-report';

/** Commands the server executes (workspace/executeCommand); the client's palette commands call them with arguments. */
export const ServerCommands = {
  /** Convert a document, or ranges of it, between simplified and traditional: one `ConvertScriptArgs` argument. */
  convertScript: 'zh-report.server.convertScript',
} as const;

/** opencc-js targets: simplified, Taiwan traditional, Taiwan traditional with phrases (内存 → 記憶體), Hong Kong. */
export type ConvertTarget = 'cn' | 'tw' | 'twp' | 'hk';

export const CONVERT_TARGETS: readonly ConvertTarget[] = ['cn', 'tw', 'twp', 'hk'];

export interface ConvertScriptArgs {
  readonly uri: string;
  readonly target: ConvertTarget;
  /** Ranges to convert (the selections); the whole document when absent or empty. */
  readonly ranges?: ReadonlyArray<{ readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } }>;
}

export interface ConvertScriptResult {
  /** Whether the client applied the edit (false also when there was nothing to change). */
  readonly applied: boolean;
  /** Number of text edits in the workspace edit. */
  readonly edits: number;
}

/**
 * 字数 as Word and WPS count it (README, "字数"; the core's `WordCount` says what each field counts): 字数 (`words`) =
 * 中文字符和朝鲜语单词 (`cjk`) + 非中文单词 (`nonCjkWords`); 字符数 without and with spaces (`chars`, `charsWithSpaces`);
 * 汉字 (`han`); 字符数 without punctuation; 段落数 (`paragraphs`); pinyin glosses left out (`glosses`).
 */
export type WordCountField = 'words' | 'cjk' | 'nonCjkWords' | 'chars' | 'charsWithSpaces' | 'han' | 'charsWithoutPunctuation' | 'paragraphs' | 'glosses';

export type WordCounts = Readonly<Record<WordCountField, number>>;

export interface WordCountParams {
  readonly uri: string;
  /** The cursor: the section holding it is counted too. */
  readonly position?: PlainPosition;
  /** The selections: their counts are added up (empty ones are ignored). */
  readonly selections?: readonly PlainRange[];
}

export interface WordCountResult {
  readonly document: WordCounts;
  /** The innermost section holding `position`, with its path of markers ("二、 › （三）") and its heading. */
  readonly section?: { readonly path: string; readonly name: string; readonly counts: WordCounts };
  readonly selection?: WordCounts;
}

/** How an outline is written: markers and indentation, Markdown headings (# …), or a Markdown list (- …). */
export type OutlineTextFormat = 'text' | 'markdownHeadings' | 'markdownList';

export const OUTLINE_TEXT_FORMATS: readonly OutlineTextFormat[] = ['text', 'markdownHeadings', 'markdownList'];

export interface OutlineTextParams {
  readonly uri: string;
  readonly format: OutlineTextFormat;
  /** Only the section holding this position (the innermost one), with everything below it. */
  readonly position?: PlainPosition;
}

/** A glossary as a Markdown table or as CSV (UTF-8 with a BOM, CRLF, so that Excel reads the Chinese). */
export const GLOSSARY_FORMATS = ['markdown', 'csv'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

export interface GlossaryParams {
  readonly uri: string;
  readonly format: GlossaryFormat;
}

/** Text the server has formatted for the user to copy or save; `items` headings or terms are in it. */
export interface ExportText {
  readonly text: string;
  readonly items: number;
}
