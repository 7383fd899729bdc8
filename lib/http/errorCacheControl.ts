import { ServerResponse } from 'node:http';
import { PAGE_CACHE_CONTROL } from './cacheControl';

/** What an error response says instead: no shared or browser cache may keep it. */
export const ERROR_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

declare global {
  var broadsheetErrorCacheControl: boolean | undefined;
}

/**
 * next.config.ts gives every page the shared-cache header (`PAGE_CACHE_CONTROL`), and Next
 * keeps a header set there. Next replaces it on a 500 and in preview, but not on the 404 of a
 * route that exists for other values (`/article/<unknown slug>`), so a CDN could keep serving
 * "not found" after the story is published. Next offers no hook on the status of a cached
 * response, so the server's responses are checked as their status line is written: an error
 * status that still carries the page header gets `ERROR_CACHE_CONTROL`. Installed once per
 * process, by instrumentation.ts.
 */
export function keepErrorsOutOfSharedCaches(): void {
  if (globalThis.broadsheetErrorCacheControl) return;
  globalThis.broadsheetErrorCacheControl = true;
  const writeHead = ServerResponse.prototype.writeHead;
  ServerResponse.prototype.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]): ServerResponse {
    if (status >= 400 && this.getHeader('Cache-Control') === PAGE_CACHE_CONTROL) {
      this.setHeader('Cache-Control', ERROR_CACHE_CONTROL);
    }
    return Reflect.apply(writeHead, this, [status, ...rest]);
  };
}
