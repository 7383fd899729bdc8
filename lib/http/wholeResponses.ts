import { ServerResponse } from 'node:http';

/**
 * A response larger than this is streamed as Next writes it, as before: holding it would cost
 * more memory than a page (about 70 KB) or a sitemap of 50,000 addresses (about 6 MB) does.
 */
export const WHOLE_RESPONSE_LIMIT_BYTES = 16 * 1024 * 1024;

declare global {
  var broadsheetWholeResponses: boolean | undefined;
}

/** What a response has written and not yet sent, and its status then; none once it streams. */
type Held = { chunks: Buffer[]; bytes: number; status: number };
const held = new WeakMap<ServerResponse, Held>();

function asBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return undefined;
}

/** The callback a `write(chunk, [encoding], [callback])` or `end(...)` call was given, if any. */
function callbackOf(args: readonly unknown[]): ((...args: unknown[]) => unknown) | undefined {
  const last = args.at(-1);
  return typeof last === 'function'
    ? (...callbackArgs: unknown[]) => Reflect.apply(last, undefined, callbackArgs)
    : undefined;
}

/**
 * Makes the server send each response in one piece: its status line, headers and whole body in
 * a single write, with its length, once Next has finished writing it.
 *
 * Why: behind nginx (deploy/nginx), a request that an instance fails to answer is passed to
 * another instance, but only while nothing of the answer has arrived; once the status line is
 * in, nginx has started the reader's response and can only cut it off. Next streams most
 * responses: it sends the headers first, then the body, then the end of the chunked body, each
 * at its own moment, so an instance that dies (a crash, the OOM killer, a machine switched off)
 * while a response is between those moments costs the reader that request. Measured in
 * tests/browser/multiInstance.spec.ts: one run in three lost one request that way, router data
 * (`?_rsc`), which Next streams even from its cache. Sent in one piece, a response has either
 * left the instance whole or not at all, and a request that got nothing is passed on.
 *
 * What it costs: the first byte of a page Next renders on request leaves when the page is
 * done, not when its first part is. Our pages have no `Suspense` boundaries or `loading` files,
 * so Next has nothing useful to send earlier. HEAD requests and responses over
 * `WHOLE_RESPONSE_LIMIT_BYTES` are left as Next sends them.
 *
 * Installed once per process, by instrumentation.ts (as `keepErrorsOutOfSharedCaches` is).
 */
export function sendResponsesWhole(): void {
  if (globalThis.broadsheetWholeResponses) return;
  globalThis.broadsheetWholeResponses = true;
  const { write, end, flushHeaders } = ServerResponse.prototype;

  /** Sends what the response holds and lets the rest stream. */
  function release(response: ServerResponse): void {
    const chunks = held.get(response)?.chunks ?? [];
    held.delete(response);
    for (const chunk of chunks) Reflect.apply(write, response, [chunk]);
  }

  /** What `response` holds, starting to hold if it has sent nothing yet. */
  function holding(response: ServerResponse): Held | undefined {
    const existing = held.get(response);
    if (existing) return existing;
    if (response.headersSent || response.writableEnded || response.req?.method === 'HEAD') return undefined;
    const fresh: Held = { chunks: [], bytes: 0, status: response.statusCode };
    held.set(response, fresh);
    return fresh;
  }

  ServerResponse.prototype.flushHeaders = function (this: ServerResponse): void {
    // The headers leave with the body.
    if (holding(this)) return;
    Reflect.apply(flushHeaders, this, []);
  };

  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
    const buffer = asBuffer(chunk, rest[0]);
    const hold = buffer ? holding(this) : undefined;
    if (!hold || !buffer) return Reflect.apply(write, this, [chunk, ...rest]);
    hold.chunks.push(buffer);
    hold.bytes += buffer.byteLength;
    if (hold.bytes > WHOLE_RESPONSE_LIMIT_BYTES) release(this);
    const callback = callbackOf(rest);
    if (callback) process.nextTick(callback);
    return true;
  };

  ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    const hold = held.get(this);
    if (!hold) return Reflect.apply(end, this, args);
    held.delete(this);
    const [chunk, encoding] = typeof args[0] === 'function' ? [] : args;
    const last = asBuffer(chunk, encoding);
    // A response whose status changed after it began is a new answer (Next answering an error
    // that struck mid-page with its error page): what the abandoned one wrote is not sent.
    const begun = this.statusCode === hold.status ? hold.chunks : [];
    const chunks = last ? [...begun, last] : begun;
    const callback = callbackOf(args);
    // Given the body, `end` sends the headers (with a Content-Length when they are not yet
    // written) and the whole body in one write.
    const body = Buffer.concat(chunks);
    return Reflect.apply(end, this, callback ? [body, callback] : [body]);
  };
}
