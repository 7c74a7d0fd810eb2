/**
 * What the server's modules take from Node's globals, for the web worker (injected by esbuild into the browser
 * bundles only, scripts/bundle.mjs): `Buffer` (iconv-lite through safer-buffer, the GBK codec, byte lengths) from the
 * `buffer` package, and `setImmediate` (the yields between files and before long requests) as a macrotask.
 */
import { Buffer } from 'buffer';

export { Buffer };

/** A MessageChannel's port as a worker has it (Node's typings describe another port). */
interface WorkerPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  /** Node's ports only (the tests): the port keeps the process alive only while callbacks wait. */
  ref?(): void;
  unref?(): void;
}

const queue: Array<() => void> = [];
let channel: { readonly port1: WorkerPort; readonly port2: WorkerPort } | undefined;

/** Runs `callback` on a later turn of the event loop, after pending messages (a MessageChannel message, not a 4 ms clamped timer). */
export function setImmediate(callback: () => void): void {
  if (channel === undefined) {
    channel = new MessageChannel() as unknown as { port1: WorkerPort; port2: WorkerPort };
    const port = channel.port1;
    port.onmessage = () => {
      if (queue.length === 1) port.unref?.();
      queue.shift()?.();
    };
  }
  if (queue.length === 0) channel.port1.ref?.();
  queue.push(callback);
  channel.port2.postMessage(undefined);
}
