import 'server-only';
import { getArticleSource, getArticleStamp, getPublishedArticles } from '../content/queries';
import type { Article } from '../content/types';
import { markdownToPlainText } from './plainText';
import { createSearchIndex } from './searchIndex';
import type { SearchIndex } from './searchIndex';
import { indexDocumentOf } from './indexDocument';

/**
 * The search index of the running server, kept in step with the published articles. Search
 * follows the same content the pages do: when the published set changes (a reload after a
 * change on disk, or a scheduled story's time), the next search brings the index up to date
 * first, re-reading only the articles whose files changed and dropping the ones no longer
 * published. Drafts and scheduled stories are never added, so none of their words can be
 * matched or suggested; a bad content change keeps the old content, and so the old index.
 *
 * Like the content, it lives on `globalThis`: one per process, whatever route asks.
 */
type LiveIndex = {
  index: SearchIndex;
  /** The published list last brought in, and the stamp each article's file had then. */
  synced?: readonly Article[];
  stamps: Map<string, string>;
  /** The update under way: searches wait for it, and one more runs after it if needed. */
  updating: Promise<void>;
};

declare global {
  var broadsheetSearch: LiveIndex | undefined;
}

const live: LiveIndex = (globalThis.broadsheetSearch ??= {
  index: createSearchIndex(),
  stamps: new Map(),
  updating: Promise.resolve(),
});

/** Articles read between yields to the event loop: pages keep being served while it builds. */
const BATCH = 25;

/** The index, up to date with the articles published now. */
export async function currentIndex(): Promise<SearchIndex> {
  const articles = await getPublishedArticles();
  if (live.synced !== articles) {
    live.updating = live.updating
      .then(() => bringUpToDate(articles))
      .catch((error: unknown) => console.error('search: the index could not be brought up to date:', error));
  }
  await live.updating;
  return live.index;
}

/**
 * Starts bringing the index up to date without waiting for it: at startup and after a reload,
 * so the first search after them does not wait. A failure to load content is the pages' to
 * report; the next search tries again.
 */
export function warmSearchIndex(): void {
  currentIndex().catch(() => undefined);
}

async function bringUpToDate(articles: readonly Article[]): Promise<void> {
  if (live.synced === articles) return;
  const firstBuild = live.synced === undefined;
  const published = new Set(articles.map((article) => article.slug));
  for (const slug of [...live.stamps.keys()]) {
    if (published.has(slug)) continue;
    live.index.remove(slug);
    live.stamps.delete(slug);
  }
  let read = 0;
  for (const article of articles) {
    const stamp = getArticleStamp(article);
    if (stamp !== undefined && live.stamps.get(article.slug) === stamp) continue;
    indexArticle(article);
    if (++read % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (firstBuild) live.index.trim();
  live.synced = articles;
}

function indexArticle(article: Article): void {
  const source = getArticleSource(article);
  live.index.add(
    indexDocumentOf({
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      description: article.description,
      topics: article.topics.map((topic) => topic.name),
      section: article.section.id,
      publishedAt: article.publishedAt.epochMs,
      body: source ? markdownToPlainText(source.markdown) : '',
    }),
  );
  live.stamps.set(article.slug, source?.stamp ?? '');
}
