import { z } from 'zod';
import { terms } from './tokenize';
import { SEARCH_WINDOWS } from './types';
import type { SearchRequest } from './types';

/** Past these, a query is cut, with a note saying so; never an error. */
export const MAX_QUERY_CHARACTERS = 200;
export const MAX_QUERY_WORDS = 20;
/** Deeper than this, nobody pages: such a page is not found, without ranking that many results. */
export const MAX_SEARCH_PAGE = 500;

/** The address's parameters as Next.js hands them over: each a string, a list, or absent. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The parameters, each kept only when it makes sense; anything else is as if absent. */
const SearchParamsSchema = z.object({
  q: z.preprocess(first, z.string().catch('')).default(''),
  page: z.preprocess(
    first,
    z.coerce.number().int().min(1).catch(1),
  ).default(1),
  section: z.preprocess(first, z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined)),
  within: z.preprocess(first, z.enum(SEARCH_WINDOWS).optional().catch(undefined)),
});

/** Reads `/search?q=...&page=...&section=...&within=...`, cutting the query to the limits. */
export function parseSearchRequest(params: RawSearchParams): { request: SearchRequest; cut?: string } {
  const parsed = SearchParamsSchema.parse(params);
  const { query, cut } = cutQuery(parsed.q);
  return { request: { q: query, page: parsed.page, section: parsed.section, within: parsed.within }, cut };
}

/** The query with control characters and runs of spaces removed, and cut to the limits. */
export function cutQuery(raw: string): { query: string; cut?: string } {
  let query = raw.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, ' ').replace(/\s+/g, ' ').trim();
  let cut: string | undefined;
  if ([...query].length > MAX_QUERY_CHARACTERS) {
    query = [...query].slice(0, MAX_QUERY_CHARACTERS).join('').replace(/\s+\S*$/, '').trim();
    cut = `Your search was shortened to its first ${MAX_QUERY_CHARACTERS} characters.`;
  }
  const words = query.split(' ');
  if (words.length > MAX_QUERY_WORDS) {
    query = words.slice(0, MAX_QUERY_WORDS).join(' ');
    cut = `Your search was shortened to its first ${MAX_QUERY_WORDS} words.`;
  }
  return { query, cut };
}

/**
 * A query as the search runs it. A result holds every term of one of the `alternatives` (one,
 * unless the query has `OR`), every quoted phrase word for word, and none of the `excluded`
 * ones (`-rare-earth` leaves out "rare earth", not every story with "rare"). `terms` is every
 * term of every alternative.
 */
export type ParsedQuery = {
  terms: string[];
  alternatives: string[][];
  phrases: string[][];
  excluded: string[][];
};

const QUOTED = /["“”„«»]([^"“”„«»]*)["“”„«»]?/g;
/** `-word` or `NOT word`, outside quotes: a word results must not hold. */
const EXCLUDED = /(?:^|\s)(?:-|NOT\s+)([\p{L}\p{N}]\S*)/gu;
/** `OR` between words, in capitals; `AND` in capitals is what every search does anyway. */
const OR = /\s+OR\s+/;
const AND = /(?:^|\s)AND(?=\s|$)/g;

export function parseQuery(query: string): ParsedQuery {
  const quoted: string[] = [];
  // Each quoted text stands in its place as `"<n>"`, so operators inside quotes are words.
  const outside = query.replace(QUOTED, (_, text: string) => ` "${quoted.push(text) - 1}" `);
  const phrases = quoted.map((text) => terms(text)).filter((phrase) => phrase.length > 1);
  const excluded = [...outside.matchAll(EXCLUDED)]
    .map((match) => terms(match[1] ?? ''))
    .filter((phrase) => phrase.length > 0);
  const wanted = outside.replace(EXCLUDED, ' ').replace(AND, ' ');
  const alternatives = wanted
    .split(OR)
    .map((alternative) => alternative.replace(/"(\d+)"/g, (_, n: string) => ` ${quoted[Number(n)] ?? ''} `))
    .map((alternative) => [...new Set(terms(alternative))].slice(0, MAX_QUERY_WORDS * 2))
    .filter((alternative) => alternative.length > 0);
  return { terms: [...new Set(alternatives.flat())], alternatives, phrases, excluded };
}
