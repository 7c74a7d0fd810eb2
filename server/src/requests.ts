/**
 * The boundary between the protocol and the features: every request handler is wrapped here so that
 * - malformed params (no URI, positions that are not positions) and unknown documents give a clear
 *   `InvalidParams` error,
 * - cancellation is honoured before and after the analysis (`RequestCancelled`),
 * - an exception in a feature becomes an `InternalError` response, logged, and the server stays up.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
} from 'vscode-languageserver';
import type { AnalyzedDocument, ReportWorkspace } from './workspace/workspace';

/** A feature: one version of one analysed document, the request's params and a token, to a protocol result. */
export type Feature<P, R> = (document: AnalyzedDocument, params: P, token: CancellationToken) => R;

export type Handler<P, R> = (params: P, token: CancellationToken) => Promise<R | ResponseError<void>>;

export interface Logger {
  error(message: string): void;
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * Wraps a handler: checks the token before (after one turn of the event loop, so that a `$/cancelRequest`
 * sent right behind the request is seen) and after running it, and turns exceptions into error responses.
 */
export function guard<P, R>(logger: Logger, method: string, run: (params: P, token: CancellationToken) => R | Promise<R>): Handler<P, R> {
  return async (params, token) => {
    try {
      await nextTurn();
      if (token.isCancellationRequested) {
        return cancelled();
      }
      const result = await run(params, token);
      if (token.isCancellationRequested) {
        return cancelled();
      }
      return result;
    } catch (error) {
      if (error instanceof ResponseError) {
        return error as ResponseError<void>;
      }
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      logger.error(`${method} failed: ${detail}`);
      return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/**
 * Runs `feature` on the document named by the params: resolves the URI, analyses the document (lazily, once per
 * version), and answers `empty(params)` for documents that are not analysed (too large, binary).
 */
export function onDocument<P, R>(
  workspace: ReportWorkspace,
  uriOf: (params: P) => string,
  feature: Feature<P, R>,
  empty: (params: P) => R,
): (params: P, token: CancellationToken) => R {
  return (params, token) => {
    const uri = uriOf(params);
    const document = workspace.get(uri);
    if (document === undefined) {
      throw invalidParams(`Unknown document ${uri}: it is not open (send textDocument/didOpen first).`);
    }
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    const analyzed = workspace.analyzed(document);
    if (token.isCancellationRequested) {
      throw cancelled();
    }
    return analyzed === undefined ? empty(params) : feature(analyzed, params, token);
  };
}

/** The URI of a `TextDocumentPositionParams`-like request (`params.textDocument.uri`). */
export function textDocumentUri(params: unknown): string {
  const textDocument = isRecord(params) ? params['textDocument'] : undefined;
  const uri = isRecord(textDocument) ? textDocument['uri'] : undefined;
  if (typeof uri !== 'string' || uri.length === 0) {
    throw invalidParams('Missing params.textDocument.uri.');
  }
  return uri;
}

/** The URI of a request whose params are `{ uri }` (the custom requests). */
export function plainUri(params: unknown): string {
  const uri = isRecord(params) ? params['uri'] : undefined;
  if (typeof uri !== 'string' || uri.length === 0) {
    throw invalidParams('Missing params.uri.');
  }
  return uri;
}

/** Checks that `params.positions` is an array of `{ line, character }` with non-negative integers. */
export function checkPositions(params: unknown): void {
  const positions = isRecord(params) ? params['positions'] : undefined;
  if (!Array.isArray(positions) || !positions.every(isPosition)) {
    throw invalidParams('params.positions must be an array of { line, character } with non-negative integers.');
  }
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && isNatural(value['line']) && isNatural(value['character']);
}

function isNatural(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
