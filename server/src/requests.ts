/**
 * The boundary between the protocol and the features.
 *
 * Every incoming message first passes the `ProtocolGate` (a message strategy of the connection, so it runs before the
 * library's own handlers):
 * - the lifecycle: a request before `initialize` gets `ServerNotInitialized`, a second `initialize` and any request
 *   after `shutdown` get `InvalidRequest`; notifications before `initialize` or after `shutdown` are dropped, except
 *   `exit`, which always ends the process (code 0 after `shutdown`, 1 otherwise);
 * - the params: each method the server serves has one declared shape (`REQUEST_PARAMS`); params that do not have it
 *   (`null`, an array, no URI, a position that is not a position, no query, no range, no context …) get `InvalidParams`
 *   before any handler runs; malformed document notifications are dropped and logged.
 *
 * Then every request handler is wrapped (`guard`) so that cancellation is honoured before and after the service call
 * (`RequestCancelled`; the service checks it again around the analysis), and an exception in a feature becomes an
 * `InternalError` response, logged, while the server stays up. Unknown documents give `InvalidParams` (server.ts).
 */
import {
  ErrorCodes,
  Message,
  ResponseError,
  type CancellationToken,
  type Connection,
  type MessageStrategy,
  type RequestMessage,
} from 'vscode-languageserver';
import { GLOSSARY_FORMATS, Methods, OUTLINE_TEXT_FORMATS } from './protocol';
import { cancelled, invalidParams } from './service/errors';

export { cancelled, invalidParams };

export type Handler<P, R> = (params: P, token: CancellationToken) => Promise<R | ResponseError<void>>;

export interface Logger {
  error(message: string): void;
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

/** What is wrong with a message's params, or undefined when they have the declared shape. */
type ParamsCheck = (params: Record<string, unknown>) => string | undefined;

const POSITION = '{ line, character } with non-negative integers';

function isPosition(value: unknown): boolean {
  return isRecord(value) && isNatural(value['line']) && isNatural(value['character']);
}

function isRange(value: unknown): boolean {
  return isRecord(value) && isPosition(value['start']) && isPosition(value['end']);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

const documentUri: ParamsCheck = (p) =>
  isRecord(p['textDocument']) && isNonEmptyString(p['textDocument']['uri']) ? undefined : 'params.textDocument.uri must be a non-empty string.';
const plainUriCheck: ParamsCheck = (p) => (isNonEmptyString(p['uri']) ? undefined : 'params.uri must be a non-empty string.');
const position: ParamsCheck = (p) => (isPosition(p['position']) ? undefined : `params.position must be ${POSITION}.`);
const range: ParamsCheck = (p) => (isRange(p['range']) ? undefined : `params.range must be { start, end }, each ${POSITION}.`);
const positions: ParamsCheck = (p) =>
  Array.isArray(p['positions']) && p['positions'].every(isPosition) ? undefined : `params.positions must be an array of ${POSITION}.`;
const codeActionContext: ParamsCheck = (p) => {
  const context = p['context'];
  const only = isRecord(context) ? context['only'] : undefined;
  return isRecord(context) && Array.isArray(context['diagnostics']) && (only === undefined || (Array.isArray(only) && only.every((k) => typeof k === 'string')))
    ? undefined
    : 'params.context must be { diagnostics: Diagnostic[], only?: string[] }.';
};
const field =
  (name: string, type: 'string' | 'boolean' | 'object', optional: boolean): ParamsCheck =>
  (p) => {
    const value = p[name];
    if (optional && (value === undefined || value === null)) return undefined;
    const ok = type === 'object' ? isRecord(value) : typeof value === type;
    return ok ? undefined : `params.${name} must be ${optional ? 'absent or ' : ''}${type === 'object' ? 'an object' : `a ${type}`}.`;
  };
const optionalArray =
  (name: string): ParamsCheck =>
  (p) => (p[name] === undefined || p[name] === null || Array.isArray(p[name]) ? undefined : `params.${name} must be absent or an array.`);
const all =
  (...checks: ParamsCheck[]): ParamsCheck =>
  (p) => {
    for (const check of checks) {
      const problem = check(p);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
const atPosition = all(documentUri, position);
const optionalPosition: ParamsCheck = (p) =>
  p['position'] === undefined || p['position'] === null || isPosition(p['position']) ? undefined : `params.position must be absent or ${POSITION}.`;
const optionalRanges =
  (name: string): ParamsCheck =>
  (p) => (p[name] === undefined || p[name] === null || (Array.isArray(p[name]) && p[name].every(isRange)) ? undefined : `params.${name} must be absent or an array of ranges.`);
const oneOf =
  (name: string, values: readonly string[]): ParamsCheck =>
  (p) => (typeof p[name] === 'string' && values.includes(p[name]) ? undefined : `params.${name} must be one of ${values.join(', ')}.`);
const textDocumentItem: ParamsCheck = (p) => {
  const item = p['textDocument'];
  return isRecord(item) && isNonEmptyString(item['uri']) && typeof item['languageId'] === 'string' && Number.isInteger(item['version']) && typeof item['text'] === 'string'
    ? undefined
    : 'params.textDocument must be { uri, languageId, version, text }.';
};
const contentChanges: ParamsCheck = (p) => {
  const document = p['textDocument'];
  const changes = p['contentChanges'];
  const okChange = (c: unknown): boolean => isRecord(c) && typeof c['text'] === 'string' && (c['range'] === undefined || isRange(c['range']));
  return isRecord(document) && isNonEmptyString(document['uri']) && Number.isInteger(document['version']) && Array.isArray(changes) && changes.every(okChange)
    ? undefined
    : 'params must be { textDocument: { uri, version }, contentChanges: { range?, text }[] }.';
};

/**
 * The params of every request the server serves (an object, by name, of this shape; the methods in `NO_PARAMS` may
 * also come without). A method not listed here is passed on (the library answers `MethodNotFound`).
 */
export const REQUEST_PARAMS: Readonly<Record<string, ParamsCheck>> = {
  initialize: all(
    field('capabilities', 'object', false),
    field('locale', 'string', true),
    field('rootUri', 'string', true),
    (p) => (p['workspaceFolders'] === undefined || p['workspaceFolders'] === null || (Array.isArray(p['workspaceFolders']) && p['workspaceFolders'].every((f) => isRecord(f) && typeof f['uri'] === 'string'))
      ? undefined
      : 'params.workspaceFolders must be absent, null or an array of { uri, name }.'),
  ),
  shutdown: () => undefined,
  'textDocument/documentSymbol': documentUri,
  'textDocument/foldingRange': documentUri,
  'textDocument/selectionRange': all(documentUri, positions),
  'textDocument/hover': atPosition,
  'textDocument/definition': atPosition,
  'textDocument/references': all(atPosition, field('context', 'object', true)),
  'textDocument/documentHighlight': atPosition,
  'textDocument/prepareRename': atPosition,
  'textDocument/rename': all(atPosition, field('newName', 'string', false)),
  'textDocument/completion': all(atPosition, field('context', 'object', true)),
  'textDocument/semanticTokens/full': documentUri,
  'textDocument/semanticTokens/range': all(documentUri, range),
  'textDocument/diagnostic': all(documentUri, field('previousResultId', 'string', true)),
  'textDocument/codeAction': all(documentUri, range, codeActionContext),
  'workspace/symbol': field('query', 'string', false),
  'workspace/executeCommand': all(field('command', 'string', false), optionalArray('arguments')),
  [Methods.outline]: plainUriCheck,
  [Methods.terms]: plainUriCheck,
  [Methods.status]: () => undefined,
  [Methods.wordCount]: all(plainUriCheck, optionalPosition, optionalRanges('selections')),
  [Methods.outlineText]: all(plainUriCheck, oneOf('format', OUTLINE_TEXT_FORMATS), optionalPosition),
  [Methods.glossary]: all(plainUriCheck, oneOf('format', GLOSSARY_FORMATS)),
  'textDocument/inlayHint': all(documentUri, range),
};

/** Requests whose params may be left out (or null). */
const NO_PARAMS: ReadonlySet<string> = new Set(['shutdown', Methods.status]);

/** The notifications whose params the server reads; a malformed one is dropped (and logged), never half-applied. */
export const NOTIFICATION_PARAMS: Readonly<Record<string, ParamsCheck>> = {
  'textDocument/didOpen': textDocumentItem,
  'textDocument/didChange': contentChanges,
  'textDocument/didClose': documentUri,
  'workspace/didChangeConfiguration': () => undefined,
  'workspace/didChangeWorkspaceFolders': field('event', 'object', false),
  '$/cancelRequest': (p) => (typeof p['id'] === 'number' || typeof p['id'] === 'string' ? undefined : 'params.id must be a number or a string.'),
};

/** The method a refused request is rewritten to; its handler answers with the refusal (`ProtocolGate.attach`). */
const REFUSED = '$/zh-report/refused';

/** What is wrong with a request's params for `method`, or undefined (also for methods the server does not know). */
export function requestParamsProblem(method: string, params: unknown): string | undefined {
  const check = REQUEST_PARAMS[method];
  if (check === undefined) return undefined;
  if ((params === undefined || params === null) && NO_PARAMS.has(method)) return undefined;
  if (!isRecord(params)) return `${method} takes its params as an object (by name), not ${params === null ? 'null' : Array.isArray(params) ? 'an array' : typeof params}.`;
  return check(params);
}

/**
 * The lifecycle and the params of every incoming message, checked before any handler runs (see the file comment).
 * Pass it as the connection's `messageStrategy`, then `attach` it to the connection.
 */
export class ProtocolGate implements MessageStrategy {
  #initialized = false;
  #shutDown = false;
  #logger: Logger | undefined;
  /** The refusals on their way to the REFUSED handler, keyed by the params object that carries them. */
  readonly #refusals = new WeakMap<object, ResponseError<void>>();

  /** True once `shutdown` has been received. */
  get shutDown(): boolean {
    return this.#shutDown;
  }

  /** Registers the handler that answers refused requests, and where dropped notifications are logged. */
  attach(connection: Connection, logger: Logger): void {
    this.#logger = logger;
    connection.onRequest(REFUSED, (params: unknown) =>
      (isRecord(params) ? this.#refusals.get(params) : undefined) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${REFUSED}`),
    );
  }

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.#refusal(message);
      if (refusal !== undefined) {
        const carrier = {};
        this.#refusals.set(carrier, refusal);
        next({ jsonrpc: message.jsonrpc, id: message.id, method: REFUSED, params: carrier } as RequestMessage);
        return;
      }
      if (message.method === 'initialize') this.#initialized = true;
      if (message.method === 'shutdown') this.#shutDown = true;
      if ((message.params === undefined || message.params === null) && NO_PARAMS.has(message.method)) {
        // one calling convention for the handlers: params left out arrive as {}
        next({ ...message, params: {} } as RequestMessage);
        return;
      }
    } else if (Message.isNotification(message) && message.method !== 'exit') {
      // Before initialize and after shutdown only `exit` counts (the specification).
      if (!this.#initialized || this.#shutDown) return;
      const check = NOTIFICATION_PARAMS[message.method];
      const problem = check === undefined ? undefined : isRecord(message.params) ? check(message.params) : 'params must be an object.';
      if (problem !== undefined) {
        this.#logger?.error(`${message.method} ignored: ${problem}`);
        return;
      }
    }
    next(message);
  }

  #refusal(message: RequestMessage): ResponseError<void> | undefined {
    if (message.method === 'initialize' && this.#initialized) {
      return new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized: initialize may be sent only once.');
    }
    if (this.#shutDown) {
      return new ResponseError(ErrorCodes.InvalidRequest, `${message.method}: the server is shutting down (shutdown was received); only exit is accepted.`);
    }
    if (!this.#initialized && message.method !== 'initialize') {
      return new ResponseError(ErrorCodes.ServerNotInitialized, `${message.method}: the server is not initialized (send initialize first).`);
    }
    const problem = requestParamsProblem(message.method, message.params);
    return problem === undefined ? undefined : invalidParams(problem);
  }
}

function isNatural(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One turn of the event loop: setImmediate where the host has it (Node), else a zero-delay timer (a web worker). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
