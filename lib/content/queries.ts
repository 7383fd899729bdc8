import 'server-only';
import { collectTopics } from '../lists/topics';
import type { TopicWithArticles } from '../lists/topics';
import { loadSiteContent } from './loadSite';
import type { Article, Author, Page, Section, SiteContent } from './types';

/**
 * What pages ask of the content. Drafts and scheduled articles never leave this module:
 * every list and lookup below sees published articles only.
 */

/** A draft is never published; a scheduled article (future `publishedAt`) not until its time. */
export function isPublished(article: Article, now: number): boolean {
  return !article.draft && article.publishedAt.epochMs <= now;
}

/**
 * The published articles and their groupings, computed once per content and reused until
 * the next scheduled article's time comes: a 10,000-story site renders thousands of pages,
 * and each must not filter and group the whole archive again.
 */
type PublishedIndex = {
  /** The index holds for `now` in [validFrom, validUntil). */
  validFrom: number;
  validUntil: number;
  articles: Article[];
  bySlug: Map<string, Article>;
  bySection: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
  topics: TopicWithArticles[];
  topicsBySlug: Map<string, TopicWithArticles>;
};

const indexes = new WeakMap<SiteContent, PublishedIndex>();

function buildIndex(content: SiteContent, now: number): PublishedIndex {
  let validFrom = Number.NEGATIVE_INFINITY;
  let validUntil = Number.POSITIVE_INFINITY;
  const articles: Article[] = [];
  const bySection = new Map<string, Article[]>();
  const byAuthor = new Map<string, Article[]>();
  const add = (map: Map<string, Article[]>, key: string, article: Article) => {
    const list = map.get(key);
    if (list) list.push(article);
    else map.set(key, [article]);
  };
  for (const article of content.articles) {
    const time = article.publishedAt.epochMs;
    if (!isPublished(article, now)) {
      // A scheduled article changes the index at its time; a draft never does.
      if (!article.draft) validUntil = Math.min(validUntil, time);
      continue;
    }
    validFrom = Math.max(validFrom, time);
    articles.push(article);
    add(bySection, article.section.id, article);
    for (const author of article.authors) add(byAuthor, author.id, article);
  }
  const topics = collectTopics(articles);
  return {
    validFrom,
    validUntil,
    articles,
    bySlug: new Map(articles.map((article) => [article.slug, article])),
    bySection,
    byAuthor,
    topics,
    topicsBySlug: new Map(topics.map((topic) => [topic.slug, topic])),
  };
}

async function publishedIndex(now: number = Date.now()): Promise<PublishedIndex> {
  const content = await loadSiteContent();
  const cached = indexes.get(content);
  if (cached && now >= cached.validFrom && now < cached.validUntil) return cached;
  const index = buildIndex(content, now);
  indexes.set(content, index);
  return index;
}

/** Published articles, newest first. */
export async function getPublishedArticles(now: number = Date.now()): Promise<Article[]> {
  return (await publishedIndex(now)).articles;
}

export async function getArticle(slug: string): Promise<Article | undefined> {
  return (await publishedIndex()).bySlug.get(slug);
}

export async function getSections(): Promise<Section[]> {
  return (await loadSiteContent()).sections;
}

export async function getSection(id: string): Promise<Section | undefined> {
  return (await getSections()).find((section) => section.id === id);
}

export async function getSectionArticles(id: string): Promise<Article[]> {
  return (await publishedIndex()).bySection.get(id) ?? [];
}

export async function getAuthors(): Promise<Author[]> {
  return (await loadSiteContent()).authors;
}

export async function getAuthor(id: string): Promise<Author | undefined> {
  return (await getAuthors()).find((author) => author.id === id);
}

export async function getAuthorArticles(id: string): Promise<Article[]> {
  return (await publishedIndex()).byAuthor.get(id) ?? [];
}

export async function getTopics(): Promise<TopicWithArticles[]> {
  return (await publishedIndex()).topics;
}

export async function getTopic(slug: string): Promise<TopicWithArticles | undefined> {
  return (await publishedIndex()).topicsBySlug.get(slug);
}

export async function getPage(id: string): Promise<Page | undefined> {
  return (await loadSiteContent()).pages.find((page) => page.id === id);
}

export async function getPages(): Promise<Page[]> {
  return (await loadSiteContent()).pages;
}
