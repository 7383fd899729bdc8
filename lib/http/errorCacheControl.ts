import { ServerResponse } from 'node:http';
import { PAGE_CACHE_CONTROL, PREVIEW_CACHE_CONTROL } from './cacheControl';

/** What an error response says instead: no shared or browser cache may keep it. */
export const ERROR_CACHE_CONTROL = PREVIEW_CACHE_CONTROL;

/** Next's draft-mode cookie: a request carrying it may be an editor's preview. */
export const DRAFT_MODE_COOKIE = '__prerender_bypass';

declare global {
  var broadsheetErrorCacheControl: boolean | undefined;
}

/**
 * next.config.ts gives every page the shared-cache header (`PAGE_CACHE_CONTROL`), and Next
 * keeps a header set there. Next replaces it on a 500 and in preview, but not on the 404 of a
 * route that exists for other values (`/article/<unknown slug>`), so a CDN could keep serving
 * "not found" after the story is published. Next offers no hook on the status of a cached
 * response, so the server's responses are checked as their status line is written: an error
 * status that still carries the page header gets `ERROR_CACHE_CONTROL`.
 *
 * The same goes for an editor's preview: any response to a request carrying the draft-mode
 * cookie is private and `noindex`, whatever it is, so no cache in front keeps a draft and no
 * crawler that got hold of the cookie indexes one. Installed once per process, by
 * instrumentation.ts.
 */
export function keepErrorsOutOfSharedCaches(): void {
  if (globalThis.broadsheetErrorCacheControl) return;
  globalThis.broadsheetErrorCacheControl = true;
  const writeHead = ServerResponse.prototype.writeHead;
  ServerResponse.prototype.writeHead = function (
    this: ServerResponse,
    status: number,
    ...rest: unknown[]
  ): ServerResponse {
    if (status >= 400 && this.getHeader('Cache-Control') === PAGE_CACHE_CONTROL) {
      this.setHeader('Cache-Control', ERROR_CACHE_CONTROL);
    }
    if (this.req?.headers.cookie?.includes(`${DRAFT_MODE_COOKIE}=`)) {
      this.setHeader('Cache-Control', PREVIEW_CACHE_CONTROL);
      this.setHeader('X-Robots-Tag', 'noindex');
    }
    return Reflect.apply(writeHead, this, [status, ...rest]);
  };
}
