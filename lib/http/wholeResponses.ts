import { ServerResponse } from 'node:http';
import { serverRenderedNotFound } from './notFoundShell';

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

/**
 * Whether any of the response has been written to its socket. Node's `headersSent` is true as
 * soon as the headers are composed (`writeHead`, which Next's gzip compression calls before
 * its first compressed chunk), though nothing has left yet; its own `_headerSent` says when
 * they have.
 */
function reachedSocket(response: ServerResponse): boolean {
  const sent: unknown = Reflect.get(response, '_headerSent');
  return typeof sent === 'boolean' ? sent : response.headersSent;
}

/** Whether `writeHead`'s arguments after the status name a Content-Length themselves. */
function givesLength(rest: readonly unknown[]): boolean {
  return rest.some((argument) => {
    if (Array.isArray(argument)) return argument.flat().some((item) => String(item).toLowerCase() === 'content-length');
    if (argument && typeof argument === 'object') return Object.keys(argument).some((key) => key.toLowerCase() === 'content-length');
    return false;
  });
}

/** The callback a `write(chunk, [encoding], [callback])` or `end(...)` call was given, if any. */
function callbackOf(args: readonly unknown[]): ((...args: unknown[]) => unknown) | undefined {
  const last = args.at(-1);
  return typeof last === 'function'
    ? (...callbackArgs: unknown[]) => Reflect.apply(last, undefined, callbackArgs)
    : undefined;
}

/** What `response` holds, starting to hold if it has sent nothing yet. */
function holding(response: ServerResponse): Held | undefined {
  const existing = held.get(response);
  if (existing) return existing;
  if (reachedSocket(response) || response.writableEnded || response.req?.method === 'HEAD') return undefined;
  const fresh: Held = { chunks: [], bytes: 0, status: response.statusCode };
  held.set(response, fresh);
  return fresh;
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
 * Given `notFoundPageFrom` (the server's own origin), it also sends the server-rendered
 * not-found page where Next would send an empty document (lib/http/notFoundShell.ts).
 *
 * Installed once per process, by instrumentation.ts (as `keepErrorsOutOfSharedCaches` is).
 */
export function sendResponsesWhole(options: { notFoundPageFrom?: string } = {}): void {
  if (globalThis.broadsheetWholeResponses) return;
  globalThis.broadsheetWholeResponses = true;
  const { write, end, flushHeaders } = ServerResponse.prototype;
  const origin = options.notFoundPageFrom;
  const letNodeWrite = holdBackNotFoundHeads(origin !== undefined);
  const finish = finisher(end, letNodeWrite, origin);

  /** Sends what the response holds and lets the rest stream. */
  function release(response: ServerResponse): void {
    const chunks = held.get(response)?.chunks ?? [];
    held.delete(response);
    letNodeWrite(response);
    for (const chunk of chunks) Reflect.apply(write, response, [chunk]);
  }

  ServerResponse.prototype.flushHeaders = function (this: ServerResponse): void {
    // The headers leave with the body.
    if (holding(this)) return;
    letNodeWrite(this);
    Reflect.apply(flushHeaders, this, []);
  };

  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
    const buffer = asBuffer(chunk, rest[0]);
    const hold = buffer ? holding(this) : undefined;
    if (!hold || !buffer) {
      letNodeWrite(this);
      return Reflect.apply(write, this, [chunk, ...rest]);
    }
    hold.chunks.push(buffer);
    hold.bytes += buffer.byteLength;
    if (hold.bytes > WHOLE_RESPONSE_LIMIT_BYTES) release(this);
    const callback = callbackOf(rest);
    if (callback) process.nextTick(callback);
    return true;
  };

  ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    const hold = held.get(this);
    if (!hold) {
      // A response written in one `end` is whole already; only a 404 page may need replacing.
      if (origin !== undefined && this.statusCode === 404 && !reachedSocket(this)) {
        const [chunk, encoding] = typeof args[0] === 'function' ? [] : args;
        return finish(this, asBuffer(chunk, encoding) ?? Buffer.alloc(0), callbackOf(args));
      }
      letNodeWrite(this);
      return Reflect.apply(end, this, args);
    }
    const [chunk, encoding] = typeof args[0] === 'function' ? [] : args;
    const last = asBuffer(chunk, encoding);
    held.delete(this);
    // A response whose status changed after it began is a new answer (Next answering an error
    // that struck mid-page with its error page): what the abandoned one wrote is not sent.
    const begun = this.statusCode === hold.status ? hold.chunks : [];
    return finish(this, Buffer.concat(last ? [...begun, last] : begun), callbackOf(args));
  };
}

/**
 * Holds back a 404's `writeHead` (when `enabled`) until its body is known: Next's compression
 * composes the headers, with the Content-Length of Next's empty document, before it ends the
 * response, and composed headers cannot change when the not-found page replaces that document.
 * Returns the step to take before any of Node's own writing: the held-back head is applied,
 * and none is held again for that response.
 */
function holdBackNotFoundHeads(enabled: boolean): (response: ServerResponse) => void {
  const { writeHead } = ServerResponse.prototype;
  const heads = new WeakMap<ServerResponse, unknown[]>();
  const applied = new WeakSet<ServerResponse>();
  if (enabled) {
    ServerResponse.prototype.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]): ServerResponse {
      if (heads.has(this)) {
        // Called again before the head went out (Next's compression composes it once more):
        // the latest status and headers are the ones to send.
        this.statusCode = status;
        if (rest.length > 0) heads.set(this, rest);
        return this;
      }
      const deferrable =
        status === 404 &&
        !applied.has(this) &&
        !reachedSocket(this) &&
        this.req?.method !== 'HEAD' &&
        !givesLength(rest);
      if (!deferrable) return Reflect.apply(writeHead, this, [status, ...rest]);
      this.statusCode = status;
      heads.set(this, rest);
      return this;
    };
  }
  return (response) => {
    // Only a 404 may have its head held back: nothing to note for any other response.
    if (!enabled || (response.statusCode !== 404 && !heads.has(response))) return;
    applied.add(response);
    const rest = heads.get(response);
    if (!rest) return;
    heads.delete(response);
    if (!response.headersSent) Reflect.apply(writeHead, response, [response.statusCode, ...rest]);
  };
}

type Callback = (...args: unknown[]) => unknown;

/**
 * What ends a response with its whole body: given the body, `end` sends the headers (with a
 * Content-Length when they are not yet written) and the whole body in one write. Given the
 * server's `origin`, Next's empty document for a `notFound()` is first replaced by the
 * server-rendered not-found page (lib/http/notFoundShell.ts), unless headers already composed
 * give its length.
 */
function finisher(end: ServerResponse['end'], letNodeWrite: (response: ServerResponse) => void, origin: string | undefined) {
  return (response: ServerResponse, body: Buffer, callback: Callback | undefined): ServerResponse => {
    const send = (final: Buffer) => {
      if (final !== body && !response.headersSent) response.setHeader('Content-Length', final.byteLength);
      letNodeWrite(response);
      return Reflect.apply(end, response, callback ? [final, callback] : [final]);
    };
    const replaceable = !response.headersSent || response.getHeader('content-length') === undefined;
    const replacement = origin === undefined || !replaceable ? undefined : serverRenderedNotFound(response, body, origin);
    if (!replacement) return send(body);
    replacement.then(send).catch((error: unknown) => {
      // Nothing useful can be sent any more; the reader's browser (or nginx) sees it closed.
      console.error(`not-found page for ${response.req?.url ?? '?'}:`, error);
      response.destroy();
    });
    return response;
  };
}
