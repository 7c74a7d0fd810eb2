/**
 * A small LSP client for the protocol tests: starts the built server (`node dist/server.js --stdio`) as a child
 * process and speaks JSON-RPC to it over its stdin/stdout.
 *
 * Messages are read with vscode-jsonrpc's `StreamMessageReader`; they are written by hand so that several
 * messages can go out in one write (a request and its `$/cancelRequest` arrive together, which makes the
 * cancellation tests deterministic).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  Message,
  StreamMessageReader,
  type ClientCapabilities,
  type InitializeResult,
  type NotificationMessage,
  type RequestMessage,
} from 'vscode-languageserver/node';
import { REPO_ROOT, builtFile } from './paths';

/** An error response from the server. */
export class LspResponseError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method} failed (${code}): ${message}`);
  }
}

export interface StartOptions {
  /** Extra command-line arguments for the server after `--stdio`. */
  readonly args?: readonly string[];
  /** Milliseconds before a request without an answer fails (default 15 s). */
  readonly timeout?: number;
  /** The server to start (default: the build's dist/server.js). */
  readonly server?: string;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

interface Pending {
  readonly method: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Waiter {
  readonly method: string;
  readonly predicate: (params: unknown) => boolean;
  readonly resolve: (params: unknown) => void;
}

/** Client capabilities of a typical editor (hierarchical symbols, line folding). */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    selectionRange: {},
  },
  window: { showMessage: {} },
};

/** The two ends of a server: where the client writes, where it reads, and how the server ends. */
export interface ServerEnds {
  readonly input: NodeJS.WritableStream;
  readonly output: NodeJS.ReadableStream;
  /** Resolves when the server has ended (never, for a server inside the test process). */
  readonly exited: Promise<Exit>;
  /** Ends the server if it is still running. */
  readonly stop: () => Promise<void>;
  /** What the server wrote to stderr so far, for failure messages. */
  readonly stderr: () => string;
  /** The `processId` to send in `initialize`: the server exits when that process dies (null: it does not watch). */
  readonly processId: number | null;
  /** The server's own process id, where it runs in a process of its own (for its memory). */
  readonly pid?: number;
}

export class LspClient {
  readonly #ends: ServerEnds;
  readonly #timeout: number;
  readonly #pending = new Map<number, Pending>();
  readonly #waiters: Waiter[] = [];
  readonly #serverRequestHandlers = new Map<string, (params: unknown) => unknown>();
  /** Every request the server sent to the client (e.g. workspace/applyEdit), in order. */
  readonly serverRequests: RequestMessage[] = [];
  #nextId = 1;
  /** Every notification the server sent, in order. */
  readonly notifications: NotificationMessage[] = [];
  /** Resolves when the server process ends. */
  readonly exited: Promise<Exit>;

  constructor(ends: ServerEnds, timeout = 15_000) {
    this.#ends = ends;
    this.#timeout = timeout;
    this.exited = ends.exited.then((exit) => {
      for (const [id, pending] of this.#pending) {
        clearTimeout(pending.timer);
        pending.reject(new Error(`server exited (code ${exit.code}, signal ${exit.signal}) before answering ${pending.method}#${id}\n${this.stderr}`));
      }
      this.#pending.clear();
      return exit;
    });
    const reader = new StreamMessageReader(ends.output);
    reader.listen((message) => this.#receive(message));
  }

  /** Starts `node dist/server.js --stdio` as a child process. */
  static start(options: StartOptions = {}): LspClient {
    const child = spawn(process.execPath, [options.server ?? builtFile('dist/server.js'), '--stdio', ...(options.args ?? [])], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new LspClient(childEnds(child), options.timeout ?? 15_000);
  }

  /** What the server wrote to stderr. */
  get stderr(): string {
    return this.#ends.stderr();
  }

  /** Sends `initialize` then `initialized`; returns the server's answer to `initialize`. */
  async initialize(capabilities: ClientCapabilities = EDITOR_CAPABILITIES, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: this.#ends.processId,
      rootUri: null,
      capabilities,
      ...(initializationOptions === undefined ? {} : { initializationOptions }),
    });
    this.notify('initialized', {});
    return result;
  }

  /**
   * Sends `initialize` with one workspace folder (`folder`, a `file:` URI, also the root) then `initialized`; returns
   * the server's answer to `initialize`.
   */
  async initializeFolder(folder: string, name: string, capabilities: ClientCapabilities = EDITOR_CAPABILITIES, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: this.#ends.processId,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name }],
      capabilities,
      ...(initializationOptions === undefined ? {} : { initializationOptions }),
    });
    this.notify('initialized', {});
    return result;
  }

  /** Sends a request; resolves with its result or rejects with an `LspResponseError`. */
  request<R>(method: string, params: unknown): Promise<R> {
    const id = this.#nextId++;
    const response = this.#expect<R>(id, method);
    this.#write([{ jsonrpc: '2.0', id, method, params }]);
    return response;
  }

  /** Sends a request immediately followed by its `$/cancelRequest`, in one write. */
  requestAndCancel<R>(method: string, params: unknown): Promise<R> {
    const id = this.#nextId++;
    const response = this.#expect<R>(id, method);
    this.#write([
      { jsonrpc: '2.0', id, method, params },
      { jsonrpc: '2.0', method: '$/cancelRequest', params: { id } },
    ]);
    return response;
  }

  /** The server's process id (undefined for a server inside the test process). */
  get pid(): number | undefined {
    return this.#ends.pid;
  }

  /** Writes bytes as they are, e.g. a malformed frame. */
  writeRaw(bytes: Buffer): void {
    this.#ends.input.write(bytes);
  }

  notify(method: string, params: unknown): void {
    this.#write([{ jsonrpc: '2.0', method, params }]);
  }

  /** The next notification `method` whose params satisfy `predicate` (also one already received). */
  waitForNotification<P>(method: string, predicate: (params: P) => boolean = () => true): Promise<P> {
    const seen = this.notifications.find((n) => n.method === method && predicate(n.params as P));
    if (seen !== undefined) {
      return Promise.resolve(seen.params as P);
    }
    return new Promise<P>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} notification within ${this.#timeout} ms`)), this.#timeout);
      this.#waiters.push({
        method,
        predicate: (params) => predicate(params as P),
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as P);
        },
      });
    });
  }

  /** The params of the notifications received so far with this method. */
  notificationsOf<P>(method: string): P[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params as P);
  }

  /** Sends `shutdown` and `exit`; resolves with how the process ended. */
  async shutdownAndExit(): Promise<Exit> {
    await this.request<null>('shutdown', undefined);
    this.notify('exit', undefined);
    return this.exited;
  }

  /** Ends the server if it is still running. */
  dispose(): Promise<void> {
    return this.#ends.stop();
  }

  #expect<R>(id: number, method: string): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer to ${method}#${id} within ${this.#timeout} ms\n${this.stderr}`));
      }, this.#timeout);
      this.#pending.set(id, { method, resolve: (result) => resolve(result as R), reject, timer });
    });
  }

  #write(messages: ReadonlyArray<Record<string, unknown>>): void {
    const frames = messages.map((message) => {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.#ends.input.write(Buffer.concat(frames));
  }

  #receive(message: Message): void {
    if (Message.isResponse(message)) {
      const pending = typeof message.id === 'number' ? this.#pending.get(message.id) : undefined;
      if (pending === undefined || typeof message.id !== 'number') {
        return;
      }
      this.#pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error !== undefined) {
        pending.reject(new LspResponseError(pending.method, message.error.code, message.error.message));
      } else {
        pending.resolve(message.result);
      }
    } else if (Message.isNotification(message)) {
      this.notifications.push(message);
      for (const [i, waiter] of this.#waiters.entries()) {
        if (waiter.method === message.method && waiter.predicate(message.params)) {
          this.#waiters.splice(i, 1);
          waiter.resolve(message.params);
          break;
        }
      }
    } else if (Message.isRequest(message)) {
      this.#answerServerRequest(message);
    }
  }

  /** Answers the server's requests of `method` (e.g. workspace/applyEdit) with what `handler` returns. */
  onServerRequest(method: string, handler: (params: unknown) => unknown): void {
    this.#serverRequestHandlers.set(method, handler);
  }

  /** Requests from the server get what their handler returns, or an empty success (e.g. client/registerCapability). */
  #answerServerRequest(request: RequestMessage): void {
    this.serverRequests.push(request);
    const handler = this.#serverRequestHandlers.get(request.method);
    const result = handler === undefined ? null : handler(request.params);
    this.#write([{ jsonrpc: '2.0', id: request.id, result: result ?? null }]);
  }
}

function childEnds(child: ChildProcessWithoutNullStreams): ServerEnds {
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  // A write after the server has gone fails with EPIPE; the pending requests then fail on exit instead.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    input: child.stdin,
    output: child.stdout,
    exited,
    stderr: () => stderr,
    // The server exits by itself if this test process dies.
    processId: process.pid,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        await exited;
      }
    },
  };
}
