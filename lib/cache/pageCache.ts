import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/** Next's own page cache: memory first (a bounded LRU), then files in the build folder. */
const FILE_SYSTEM_CACHE = 'next/dist/server/lib/incremental-cache/file-system-cache';

/** The site's own not-found page, for addresses no route matches: kept as before. */
const SITE_NOT_FOUND = '/_not-found';

/** A page Next rendered as "not found", as it hands it to the cache. */
const NotFoundPage = z.object({ kind: z.literal('APP_PAGE'), status: z.literal(404) });

type CacheInstance = {
  flushToDisk: unknown;
  get(key: string, context: unknown): Promise<unknown>;
  set(key: string, data: unknown, context: unknown): Promise<unknown>;
};
type CacheClass = new (context: object) => CacheInstance;

const CacheModule = z.object({
  default: z.custom<CacheClass>((value) => typeof value === 'function' && typeof value.prototype?.set === 'function'),
});

/**
 * Next's `FileSystemCache`, except that the 404 pages Next renders for addresses a route matches
 * but the content does not have (`/article/<anything>`) are kept in memory only.
 *
 * Why: Next caches each such answer like a page, about 60 KB in five files per address, and
 * never deletes them. Any crawler or script asking for made-up addresses grew the build folder
 * without limit (a QA run: 12,000 addresses, 709 MB, 63,754 files). In memory they share the
 * LRU with the pages; a second request for the same address within its reach is still answered
 * from it, and after a restart it is rendered again.
 */
export function pageCacheClass(): CacheClass {
  // The module the server itself loads: required from the project, not bundled with this file.
  const { default: FileSystemCache } = CacheModule.parse(createRequire(path.join(process.cwd(), 'package.json'))(FILE_SYSTEM_CACHE));
  return class PageCache extends FileSystemCache {
    override set(key: string, data: unknown, context: unknown): Promise<unknown> {
      if (key === SITE_NOT_FOUND || !NotFoundPage.safeParse(data).success) return super.set(key, data, context);
      // `set` decides whether to write files before its first `await`: off for this call only,
      // and back on as soon as it has returned its promise.
      const flushToDisk = this.flushToDisk;
      this.flushToDisk = false;
      try {
        return super.set(key, data, context);
      } finally {
        this.flushToDisk = flushToDisk;
      }
    }
  };
}

declare global {
  var broadsheetPageCache: boolean | undefined;
}

/**
 * Makes every page cache of this server process a `pageCacheClass()`, through Next's hook for a
 * platform's cache (`Symbol.for('@next/cache-handlers')`, read by its incremental cache): every
 * cache Next makes, the server's and each route module's, takes `FetchCache` from there. Named
 * in `next.config` (`cacheHandler`) instead, the class was imported again on every request, 4%
 * of the server's time under load (CPU profile). Installed once by instrumentation.ts, on a
 * running server only: the build writes its pages as Next does.
 */
export function installPageCache(): void {
  if (globalThis.broadsheetPageCache) return;
  globalThis.broadsheetPageCache = true;
  const symbol = Symbol.for('@next/cache-handlers');
  const existing: unknown = Reflect.get(globalThis, symbol);
  Reflect.set(globalThis, symbol, { ...(typeof existing === 'object' ? existing : {}), FetchCache: pageCacheClass() });
}
