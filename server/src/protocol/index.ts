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
} as const;

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
}
