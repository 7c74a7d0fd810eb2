// @ts-check
// A minimal LSP client over stdio: Content-Length framing, requests with ids, notifications.
// Kept small and dependency-free so that the times it measures are the server's, not a client library's.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspClient {
  #proc;
  #chunks = [];
  #length = 0;
  #bodyLength = -1; // -1 while reading a header
  #nextId = 1;
  #pending = new Map();
  #exited;
  stderr = '';

  /** Spawn `node <serverPath> --stdio`. `spawnedAt` is the hrtime just before spawning. */
  static spawn(serverPath, args = ['--stdio']) {
    const spawnedAt = process.hrtime.bigint();
    const proc = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    return { client: new LspClient(proc), spawnedAt };
  }

  constructor(proc) {
    this.#proc = proc;
    proc.stdout.on('data', (chunk) => this.#onData(chunk));
    proc.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk.toString('utf8');
    });
    proc.stdin.on('error', () => {}); // the server died; pending requests fail through 'exit'
    this.#exited = new Promise((resolve) => {
      proc.on('exit', (code, signal) => {
        for (const { reject } of this.#pending.values()) {
          reject(new Error(`server exited (code ${code}, signal ${signal})${this.stderr ? `: ${this.stderr.trim().slice(-500)}` : ''}`));
        }
        this.#pending.clear();
        resolve({ code, signal });
      });
    });
  }

  get pid() {
    return this.#proc.pid;
  }

  /** Resident and peak memory of the server process in bytes (Linux /proc), or undefined. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.#proc.pid}/status`, 'utf8');
      const kb = (key) => {
        const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
        return m ? Number(m[1]) * 1024 : undefined;
      };
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }

  request(method, params, timeoutMs = 120_000) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method}: no response within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** shutdown + exit; kill the process (by its pid, which we spawned) if it does not leave in time. */
  async close() {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // fall through to the kill below
    }
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 3000));
    if ((await Promise.race([this.#exited, timeout])) === 'timeout') {
      this.#proc.kill('SIGKILL');
      await this.#exited;
    }
  }

  #send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#proc.stdin.write(body);
  }

  #take() {
    const buf = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks, this.#length);
    this.#chunks = [buf];
    return buf;
  }

  #onData(chunk) {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
    while (true) {
      if (this.#bodyLength < 0) {
        const buf = this.#take();
        const end = buf.indexOf(HEADER_END);
        if (end < 0) return;
        const m = /Content-Length:\s*(\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
        if (!m) {
          this.stderr += `\n[bench] bad LSP header from server: ${buf.subarray(0, Math.min(end, 200)).toString('utf8')}`;
          this.#proc.kill('SIGKILL'); // pending requests are rejected when it exits
          return;
        }
        this.#bodyLength = Number(m[1]);
        const rest = buf.subarray(end + HEADER_END.length);
        this.#chunks = [rest];
        this.#length = rest.length;
      }
      // Wait for the whole body before joining chunks (joining on every chunk is quadratic for big bodies).
      if (this.#length < this.#bodyLength) return;
      const buf = this.#take();
      const body = buf.subarray(0, this.#bodyLength);
      const rest = buf.subarray(this.#bodyLength);
      this.#chunks = [rest];
      this.#length = rest.length;
      this.#bodyLength = -1;
      this.#dispatch(JSON.parse(body.toString('utf8')));
    }
  }

  #dispatch(msg) {
    if (msg.method !== undefined) {
      // A request from the server (configuration, registerCapability, progress …): answer neutrally.
      if (msg.id !== undefined) {
        const result = msg.method === 'workspace/configuration' ? (msg.params?.items ?? []).map(() => null) : null;
        this.#send({ jsonrpc: '2.0', id: msg.id, result });
      }
      return; // notifications (diagnostics, logs) are ignored
    }
    const pending = this.#pending.get(msg.id);
    if (!pending) return;
    this.#pending.delete(msg.id);
    if (msg.error) pending.reject(new Error(`${msg.error.message} (code ${msg.error.code})`));
    else pending.resolve(msg.result);
  }
}

/** Spawn a server and initialize it; returns the client, the server capabilities and the ready time in ms. */
export async function startServer(serverPath) {
  const { client, spawnedAt } = LspClient.spawn(serverPath);
  const init = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'zh-report-bench' },
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
      workspace: { configuration: true },
    },
  }, 30_000);
  const readyMs = Number(process.hrtime.bigint() - spawnedAt) / 1e6;
  client.notify('initialized', {});
  return { client, capabilities: init?.capabilities ?? {}, readyMs };
}

/** Whether the server accepts incremental didChange (TextDocumentSyncKind.Incremental = 2). */
export function syncKind(capabilities) {
  const sync = capabilities.textDocumentSync;
  return typeof sync === 'number' ? sync : (sync?.change ?? 0);
}
