import type { SearchRequest } from './search/types';

/** Every internal address the site links to, built in one place. */

export const articlePath = (slug: string) => `/article/${slug}`;
/** An article's public revision history. */
export const articleHistoryPath = (slug: string) => `${articlePath(slug)}/history`;
export const sectionPath = (id: string) => `/section/${id}`;
export const authorPath = (id: string) => `/author/${id}`;
export const topicPath = (slug: string) => `/topic/${encodeURIComponent(slug)}`;
export const pagePath = (id: string) => `/about/${id}`;
export const latestPath = '/latest';
export const topicsPath = '/topic';
export const correctionsPath = '/corrections';
export const correctionsFeedPath = '/corrections/rss.xml';
export const opensearchPath = '/opensearch.xml';

/**
 * A search page's address: `/search?q=...&section=...&within=...&page=...`, leaving out what is
 * the default (no section, any time, page 1), so every search has one address.
 */
export function searchPath(request: Partial<SearchRequest> = {}): string {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  if (request.section) params.set('section', request.section);
  if (request.within) params.set('within', request.within);
  if (request.page && request.page > 1) params.set('page', String(request.page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

/** Page 1 of a list lives at the list's own address; later pages at `<list>/page/<n>`. */
export const listPagePath = (listPath: string, page: number) =>
  page <= 1 ? listPath : `${listPath === '/' ? '' : listPath}/page/${page}`;

/**
 * A dynamic route segment as text. Next.js may hand over a non-ASCII segment still
 * percent-encoded; decoding it here makes `/topic/稀土` and `/topic/%E7%A8%80%E5%9C%9F` one page.
 */
export function routeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Editors' preview: turns draft mode on (with the secret) and off. */
export const previewPath = (slug: string, secret: string) =>
  `/api/preview?${new URLSearchParams({ secret, slug }).toString()}`;
export const previewExitPath = '/api/preview/exit';
