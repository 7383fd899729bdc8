// Next's page cache, as `next.config.ts` names it (`cacheHandler`). Plain JavaScript: Next
// imports this file itself, at build and at start, without compiling it.
import FileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

// Node hands a CommonJS module's exports as the default import; bundlers (vitest) its default.
const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

/** The site's own not-found page, for addresses no route matches: kept as before. */
const SITE_NOT_FOUND = '/_not-found';

/**
 * Next's own cache (memory first, a bounded LRU, then files in the build folder), except that
 * the 404 pages it renders for addresses a route matches but the content does not have
 * (`/article/<anything>`) are kept in memory only.
 *
 * Why: Next caches each such answer like a page, about 60 KB in five files per address, and
 * never deletes them. Any crawler or script asking for made-up addresses grew the build folder
 * without limit (a QA run: 12,000 addresses, 709 MB, 63,754 files). In memory they share the
 * LRU with the pages; a second request for the same address within its reach is still answered
 * from it, and after a restart it is rendered again.
 */
export default class PageCache extends FileSystemCache {
  set(key, data, context) {
    if (key === SITE_NOT_FOUND || !isNotFoundPage(data)) return super.set(key, data, context);
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
}

/** A page Next rendered as "not found", as it hands it to the cache. */
function isNotFoundPage(data) {
  return typeof data === 'object' && data !== null && data.kind === 'APP_PAGE' && data.status === 404;
}
