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
