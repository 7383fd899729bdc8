/**
 * The `Cache-Control` that pages, feeds and sitemaps carry, for a CDN or any shared cache in
 * front of the site. Browsers always ask again (`max-age=0`), so a reader never keeps a stale
 * story. A shared cache may serve its copy for `s-maxage` seconds; for a minute after that it
 * may still answer at once with its copy while it fetches a fresh one in the background
 * (`stale-while-revalidate`), and it may keep answering with its copy for a day if the site is
 * down (`stale-if-error`). So an edit reaches readers behind a CDN within about
 * `s-maxage` seconds plus one request, and each address costs the servers about one request per
 * `s-maxage` per CDN location, however many readers it has.
 *
 * Next sends no-store itself for error responses (500) and for preview (draft mode), replacing
 * this; other errors and anything an editor previews get `PREVIEW_CACHE_CONTROL` (see
 * errorCacheControl.ts).
 */
export const SHARED_CACHE_SECONDS = 10;

export const PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_CACHE_SECONDS}, stale-while-revalidate=60, stale-if-error=86400`;

/**
 * The site's icons (`/favicon.ico`, `/icon.svg`, `/apple-icon.png`): a browser keeps them for a
 * day and may use its copy for a week more while it checks. Every page view asks for them, and
 * they change once in years; the head links carry a hash of the file, so a new icon is fetched
 * at once by anyone who loads a page.
 */
export const ICON_PATHS = ['/favicon.ico', '/icon.svg', '/apple-icon.png'] as const;
export const ICON_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** What error responses and editors' previews carry: no shared or browser cache may keep them. */
export const PREVIEW_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';
