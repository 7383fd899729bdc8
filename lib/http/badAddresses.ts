import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ERROR_CACHE_CONTROL } from './errorCacheControl';

declare global {
  var broadsheetBadAddresses: boolean | undefined;
}

/** What a reader or crawler asking for such an address is told. */
export const BAD_ADDRESS_MESSAGE = 'Bad Request: this address has a percent-escape that is not UTF-8 text.\n';

/** Whether a request target's path has percent-escapes that do not decode as UTF-8 (`%C0%AF`, `%E4%B8`). */
export function hasUndecodablePath(target: string | undefined): boolean {
  if (!target?.includes('%')) return false;
  const [path = ''] = target.split('?', 1);
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * Next meets an address whose percent-escapes are not UTF-8 (`/article/%C0%AF`, a common probe)
 * by rendering the Pages Router's error page, which an App Router site does not have, and then
 * answers with a plain-text "500 Internal Server Error" (next/dist/server/base-server.js, 16.4).
 * A 500 says the site is failing: crawlers slow down on it and monitoring raises an alarm, for
 * what is the asker's mistake. Such a request is answered here, before Next sees it, with what
 * Next meant: a 400, kept out of caches. Every other request goes to Next untouched (the check
 * is a search for `%` in its address). Installed once per process, by instrumentation.ts.
 */
export function answerBadAddressesWith400(): void {
  if (globalThis.broadsheetBadAddresses) return;
  globalThis.broadsheetBadAddresses = true;
  const { emit } = Server.prototype;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const [request, response] = args;
    if (event === 'request' && request instanceof IncomingMessage && response instanceof ServerResponse) {
      if (hasUndecodablePath(request.url)) {
        response.writeHead(400, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Length': Buffer.byteLength(BAD_ADDRESS_MESSAGE),
          'Cache-Control': ERROR_CACHE_CONTROL,
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(request.method === 'HEAD' ? undefined : BAD_ADDRESS_MESSAGE);
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]);
  };
}
