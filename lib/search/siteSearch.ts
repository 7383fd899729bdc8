import 'server-only';
import { now as clockNow } from '../config/clock';
import { createRecentMap } from '../cache/recentMap';
import { getArticle, getArticleSource, getArticleStamp, getSections } from '../content/queries';
import type { Article } from '../content/types';
import { isPublished } from '../content/publishedIndex';
import { currentIndex } from './liveIndex';
import { bestPassage, bodySentences, holdsPhrase, markText } from './passage';
import type { BodySentence } from './passage';
import { markdownToPlainText } from './plainText';
import type { DocumentFilter, SearchIndex } from './searchIndex';
import { MAX_SEARCH_PAGE, parseQuery, parseSearchRequest } from './searchRequest';
import type { ParsedQuery, RawSearchParams } from './searchRequest';
import { terms, tokenize } from './tokenize';
import type { SearchHit, SearchRequest, SearchResults, SearchWindow } from './types';

/**
 * The search page's one call: the address's parameters in, one page of ranked, published
 * results out, with the matched words marked.
 */

const RESULTS_PER_PAGE = 20;
/**
 * A quoted phrase is checked word for word in the best-ranked articles holding all its words,
 * this many at most: the index keeps no word positions (they would double its size).
 */
const PHRASE_CANDIDATES = 400;

const WINDOW_DAYS: Record<SearchWindow, number> = { day: 1, week: 7, month: 31, year: 366 };

export async function searchArticles(params: RawSearchParams): Promise<SearchResults> {
  const { request, cut } = parseSearchRequest(params);
  const sections = await getSections();
  if (request.section && !sections.some((section) => section.id === request.section)) request.section = undefined;
  const query = parseQuery(request.q);
  if (query.alternatives.length === 0) return { request, cut, total: 0, page: { items: [], page: 1, totalPages: 1 } };
  const index = await currentIndex();
  const now = clockNow();
  if (request.page > MAX_SEARCH_PAGE) return { request, cut, total: 0, page: undefined };
  const found = await ranked(index, query, request, now);
  const totalPages = Math.max(1, Math.ceil(found.total / RESULTS_PER_PAGE));
  const suggestion = suggest(index, request.q, found.matchedTerms, filter(request, now), now);
  if (request.page > totalPages) return { request, cut, total: found.total, page: undefined, suggestion };
  const onPage = found.articles.slice((request.page - 1) * RESULTS_PER_PAGE, request.page * RESULTS_PER_PAGE);
  const matched = new Set([...found.matchedTerms.values()].flat());
  return {
    request,
    cut,
    total: found.total,
    page: { items: onPage.map((article) => hit(article, matched, wantedTerms(found.matchedTerms))), page: request.page, totalPages },
    suggestion,
  };
}

type Found = { articles: Article[]; total: number; matchedTerms: Map<string, string[]> };

/**
 * The query's results, best first. A plain query is ranked by the index alone, as deep as the
 * page needs. With phrases, excluded words or `OR`, the best `PHRASE_CANDIDATES` of each
 * alternative are merged (by their best score) and checked one by one, and the total is what
 * passed.
 */
async function ranked(index: SearchIndex, query: ParsedQuery, request: SearchRequest, now: number): Promise<Found> {
  const checked = query.phrases.length > 0 || query.excluded.length > 0 || query.alternatives.length > 1;
  const limit = checked ? PHRASE_CANDIDATES : request.page * RESULTS_PER_PAGE;
  const accept = filter(request, now);
  const results = query.alternatives.map((terms) => index.search({ terms, accept, now, limit }));
  const matchedTerms = mergeMatchedTerms(results.map((result) => result.matchedTerms));
  const articles: Article[] = [];
  for (const key of bestFirst(results.flatMap((result) => result.ranked))) {
    const article = await getArticle(key);
    // The index follows the published list; this holds even mid-update, at the exact time.
    if (article && isPublished(article, now)) articles.push(article);
  }
  if (!checked) return { articles, total: results[0]?.total ?? 0, matchedTerms };
  const holding = articles.filter(
    (article) =>
      query.phrases.every((phrase) => articleHoldsPhrase(article, phrase)) &&
      !query.excluded.some((phrase) => articleHoldsPhrase(article, phrase)),
  );
  return { articles: holding, total: holding.length, matchedTerms };
}

/** Each article once, at its best score, best first. */
function bestFirst(ranked: readonly { key: string; score: number }[]): string[] {
  const best = new Map<string, number>();
  for (const { key, score } of ranked) best.set(key, Math.max(score, best.get(key) ?? score));
  return [...best].sort((a, b) => b[1] - a[1]).map(([key]) => key);
}

/** Each query term with every indexed word it matched in any alternative. */
function mergeMatchedTerms(maps: readonly Map<string, string[]>[]): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const map of maps) {
    for (const [term, words] of map) merged.set(term, [...new Set([...(merged.get(term) ?? []), ...words])]);
  }
  return merged;
}

/** Published by now, and within the page's filters. */
function filter(request: SearchRequest, now: number): DocumentFilter {
  const since = request.within ? now - WINDOW_DAYS[request.within] * 86_400_000 : Number.NEGATIVE_INFINITY;
  return ({ publishedAt, section }) =>
    publishedAt <= now && publishedAt >= since && (!request.section || section === request.section);
}

/** Whether one of the article's texts holds the phrase's words in a row (not across two texts). */
function articleHoldsPhrase(article: Article, phrase: readonly string[]): boolean {
  const texts = [article.title, ...article.summary, article.description, ...article.topics.map((topic) => topic.name)];
  if (texts.some((text) => holdsPhrase(terms(text), phrase))) return true;
  const source = getArticleSource(article);
  return source !== undefined && holdsPhrase(terms(markdownToPlainText(source.markdown)), phrase);
}

/** How many of the query's words matched anything: a passage holding that many says it all. */
function wantedTerms(matchedTerms: Map<string, string[]>): number {
  return [...matchedTerms.values()].filter((words) => words.length > 0).length;
}

/**
 * Bodies read for passages lately, as sentences with their terms, by slug and file stamp. The
 * same stories answer many searches, and reading, stripping and splitting a body was a quarter
 * of a results page's cost; 500 generated bodies (about 4,700 characters each) take 7.7 MB.
 */
const recentBodies = createRecentMap<{ stamp: string | undefined; sentences: BodySentence[] }>(500);

function sentencesOf(article: Article): BodySentence[] {
  const stamp = getArticleStamp(article);
  const known = recentBodies.get(article.slug);
  if (known && stamp !== undefined && known.stamp === stamp) return known.sentences;
  const source = getArticleSource(article);
  const sentences = bodySentences(source ? markdownToPlainText(source.markdown) : '');
  recentBodies.set(article.slug, { stamp: source?.stamp, sentences });
  return sentences;
}

function hit(article: Article, matched: ReadonlySet<string>, wanted: number): SearchHit {
  const readBody = () => sentencesOf(article);
  return {
    article,
    title: markText(article.title, matched),
    passage: bestPassage(article.summary.length > 0 ? article.summary : [article.description], readBody, matched, wanted),
  };
}

/**
 * The query with each word the index does not hold replaced by the closest word it does, when
 * there is one and the query so spelt finds something: "Did you mean". Undefined when every
 * word was found as typed.
 */
function suggest(
  index: SearchIndex,
  query: string,
  matchedTerms: Map<string, string[]>,
  accept: DocumentFilter,
  now: number,
): string | undefined {
  let suggestion = '';
  let at = 0;
  for (const token of tokenize(query)) {
    // Not a word searched for (an operator, an excluded word), or one found as typed.
    if (!matchedTerms.has(token.term) || matchedTerms.get(token.term)?.includes(token.term)) continue;
    const closest = index.closestTerm(token.term);
    if (!closest) continue;
    suggestion += query.slice(at, token.start) + closest;
    at = token.end;
  }
  if (at === 0) return undefined;
  suggestion += query.slice(at);
  const found = parseQuery(suggestion).alternatives.some((terms) => index.search({ terms, accept, now, limit: 0 }).total > 0);
  return found ? suggestion : undefined;
}
