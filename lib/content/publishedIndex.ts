import { collectTopics } from '../lists/collectTopics';
import type { TopicWithArticles } from '../lists/collectTopics';
import { relatedFinder } from '../lists/related';
import type { Article, Correction, SiteContent } from './types';

/** A correction with the article it belongs to, for the corrections column. */
export type ArticleCorrection = { article: Article; correction: Correction };

/** A draft is never published; a scheduled article (future `publishedAt`) not until its time. */
export function isPublished(article: Article, now: number): boolean {
  return !article.draft && article.publishedAt.epochMs <= now;
}

/**
 * The index stage: the published articles and their groupings, computed once per content and
 * reused until the next scheduled article's time comes. A 10,000-story site renders thousands
 * of pages, and each must not filter and group the whole archive again.
 */
export type PublishedIndex = {
  /** The index holds for `now` in [validFrom, validUntil). */
  validFrom: number;
  validUntil: number;
  /** Published articles, newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  bySection: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
  topics: TopicWithArticles[];
  topicsBySlug: Map<string, TopicWithArticles>;
  /** Every correction and clarification on published articles, newest first. */
  corrections: ArticleCorrection[];
  /** Up to four published stories to read next (see `relatedFinder`, indexed on first ask). */
  relatedTo: (article: Article) => Article[];
};

/**
 * Who a list is for: readers see what is published; editors previewing (draft mode, or the
 * development server) see drafts and scheduled stories too, in the same order.
 */
export type Audience = 'readers' | 'editors';

export function buildPublishedIndex(content: SiteContent, now: number, audience: Audience = 'readers'): PublishedIndex {
  const { articles, validFrom, validUntil } =
    audience === 'editors'
      ? { articles: content.articles, validFrom: Number.NEGATIVE_INFINITY, validUntil: Number.POSITIVE_INFINITY }
      : publishedAt(content.articles, now);
  const topics = collectTopics(articles);
  let related: ((article: Article) => Article[]) | undefined;
  return {
    validFrom,
    validUntil,
    articles,
    bySlug: new Map(articles.map((article) => [article.slug, article])),
    bySection: groupBy(articles, (article) => [article.section.id]),
    byAuthor: groupBy(articles, (article) => article.authors.map((author) => author.id)),
    topics,
    topicsBySlug: new Map(topics.map((topic) => [topic.slug, topic])),
    corrections: correctionsOf(articles),
    relatedTo(article) {
      related ??= relatedFinder(articles);
      return related(article);
    },
  };
}

/** The articles published at `now`, and the span of time over which that set stays the same. */
function publishedAt(all: readonly Article[], now: number) {
  let validFrom = Number.NEGATIVE_INFINITY;
  let validUntil = Number.POSITIVE_INFINITY;
  const articles: Article[] = [];
  for (const article of all) {
    const time = article.publishedAt.epochMs;
    if (isPublished(article, now)) {
      validFrom = Math.max(validFrom, time);
      articles.push(article);
    } else if (!article.draft) {
      // A scheduled article changes the index at its time; a draft never does.
      validUntil = Math.min(validUntil, time);
    }
  }
  return { articles, validFrom, validUntil };
}

function correctionsOf(articles: readonly Article[]): ArticleCorrection[] {
  return articles
    .flatMap((article) => article.corrections.map((correction) => ({ article, correction })))
    .sort((a, b) => b.correction.date.epochMs - a.correction.date.epochMs || a.article.slug.localeCompare(b.article.slug));
}

function groupBy(articles: readonly Article[], keys: (article: Article) => readonly string[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}
