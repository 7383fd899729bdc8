import type { Article } from '../content/types';
import type { PageOf } from '../lists/paginate';

/**
 * What the search page asks, and what it gets back. The request comes from the address
 * (`/search?q=...&section=...&within=...&page=...`), parsed by `parseSearchRequest`.
 */

/** The time windows a reader can narrow results to, newest first. */
export const SEARCH_WINDOWS = ['day', 'week', 'month', 'year'] as const;
export type SearchWindow = (typeof SEARCH_WINDOWS)[number];

export type SearchRequest = {
  /** The query as typed, already cut to the limits (see `SearchQuery.cut`). */
  q: string;
  /** 1-based. */
  page: number;
  /** A section id, or undefined for every section. */
  section?: string;
  within?: SearchWindow;
};

/** A stretch of text, with the parts that matched the query marked. */
export type MarkedText = { text: string; marked: boolean }[];

export type SearchHit = {
  article: Article;
  /** The headline, with matched words marked. */
  title: MarkedText;
  /** The best-matching passage of the summary or body, with matched words marked. */
  passage: MarkedText;
};

export type SearchResults = {
  request: SearchRequest;
  /** Why the query was shortened, when it was: "Only the first 20 words were searched." */
  cut?: string;
  /** Every matching published article, counted before pagination. */
  total: number;
  /** Undefined when `request.page` is past the last page. */
  page: PageOf<SearchHit> | undefined;
  /** The closest indexed spelling of the query, when a word of it matched nothing. */
  suggestion?: string;
};
