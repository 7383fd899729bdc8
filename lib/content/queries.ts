import 'server-only';
import { now as clockNow } from '../config/clock';
import type { TopicWithArticles } from '../lists/collectTopics';
import { loadSiteContent } from './loadSite';
import { buildPublishedIndex } from './publishedIndex';
import type { ArticleCorrection, PublishedIndex } from './publishedIndex';
import type { Article, Author, Page, Section, SiteContent } from './types';

/**
 * What pages ask of the content. Drafts and scheduled articles never leave this module:
 * every list and lookup below sees published articles only, as of the site's clock (`now()`).
 */

const indexes = new WeakMap<SiteContent, PublishedIndex>();

async function publishedIndex(now: number = clockNow()): Promise<PublishedIndex> {
  const content = await loadSiteContent();
  const cached = indexes.get(content);
  if (cached && now >= cached.validFrom && now < cached.validUntil) return cached;
  const index = buildPublishedIndex(content, now);
  indexes.set(content, index);
  return index;
}

/** Published articles, newest first. */
export async function getPublishedArticles(now: number = clockNow()): Promise<Article[]> {
  return (await publishedIndex(now)).articles;
}

export async function getArticle(slug: string): Promise<Article | undefined> {
  return (await publishedIndex()).bySlug.get(slug);
}

/** Up to four published stories to read after this one: shared topics first, then its section. */
export async function getRelatedArticles(article: Article): Promise<Article[]> {
  return (await publishedIndex()).relatedTo(article);
}

/** Corrections and clarifications on published articles, newest first: the corrections column. */
export async function getCorrections(): Promise<ArticleCorrection[]> {
  return (await publishedIndex()).corrections;
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
