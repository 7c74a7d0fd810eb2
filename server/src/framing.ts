/**
 * The stdio transport's reader: LSP base-protocol frames (`Content-Length: N\r\n\r\n` + N bytes of JSON) that survive
 * malformed frames. vscode-jsonrpc's stream reader stops reading for good at a header it cannot use (no
 * Content-Length, a length that is not a number, LF-only line ends): every request after it waited forever. Here a
 * frame whose header is unusable is skipped up to the next `Content-Length:` header, a body that is not JSON is
 * dropped, each with an error the connection logs, and reading goes on.
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = Buffer.from('Content-Length:', 'ascii');
/** A Content-Length header on a line of its own (the header's first line, or after a CRLF). */
const LENGTH_LINE = /(?:^|\r\n)Content-Length:[ \t]*(\d{1,10})[ \t]*(?:\r\n|$)/i;
/** Larger frames are taken for a damaged header (a 20 MB document is about 60 MB of JSON at most). */
const MAX_FRAME = 512 * 1024 * 1024;
/** A header that has not ended after this many bytes is damage too. */
const MAX_HEADER = 64 * 1024;

export class ResyncingMessageReader extends AbstractMessageReader implements MessageReader {
  readonly #input: NodeJS.ReadableStream;
  #buffer: Buffer = Buffer.alloc(0);
  #callback: DataCallback | undefined;

  constructor(input: NodeJS.ReadableStream) {
    super();
    this.#input = input;
  }

  listen(callback: DataCallback): Disposable {
    this.#callback = callback;
    const onData = (chunk: Buffer | string): void => {
      this.#buffer = this.#buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buffer, Buffer.from(chunk)]);
      this.#drain();
    };
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.#input.on('data', onData);
    this.#input.on('error', onError);
    this.#input.on('close', onClose);
    this.#input.on('end', onClose);
    return {
      dispose: () => {
        this.#callback = undefined;
        this.#input.off('data', onData);
        this.#input.off('error', onError);
        this.#input.off('close', onClose);
        this.#input.off('end', onClose);
      },
    };
  }

  #drain(): void {
    while (this.#callback !== undefined) {
      const headerEnd = this.#buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.#buffer.length > MAX_HEADER) this.#skip('a header without an end');
        return;
      }
      const match = LENGTH_LINE.exec(this.#buffer.toString('latin1', 0, headerEnd));
      const length = match === null ? -1 : Number(match[1]);
      if (length < 0 || length > MAX_FRAME) {
        this.#skip(match === null ? 'a header without a usable Content-Length' : `a Content-Length of ${length}`, headerEnd + HEADER_END.length);
        continue;
      }
      const start = headerEnd + HEADER_END.length;
      if (this.#buffer.length < start + length) return;
      const body = this.#buffer.toString('utf8', start, start + length);
      this.#buffer = this.#buffer.subarray(start + length);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch (error) {
        this.fireError(new Error(`A message body that is not JSON was dropped: ${error instanceof Error ? error.message : String(error)}`));
        continue;
      }
      this.#callback(message as Message);
    }
  }

  /** Drops bytes up to the next Content-Length header after the start (or up to `fallback`, or all). */
  #skip(what: string, fallback = this.#buffer.length): void {
    const next = this.#buffer.indexOf(CONTENT_LENGTH, 1);
    const to = next > 0 ? next : fallback;
    this.fireError(new Error(`Skipped ${to} bytes of input: ${what}.`));
    this.#buffer = this.#buffer.subarray(to);
  }
}
