import 'server-only';
import { collectTopics } from '../lists/topics';
import type { TopicWithArticles } from '../lists/topics';
import { loadSiteContent } from './loadSite';
import type { Article, Author, Page, Section } from './types';

/**
 * What pages ask of the content. Drafts and scheduled articles never leave this module:
 * every list and lookup below sees published articles only.
 */

/** A draft is never published; a scheduled article (future `publishedAt`) not until its time. */
export function isPublished(article: Article, now: number): boolean {
  return !article.draft && article.publishedAt.epochMs <= now;
}

/** Published articles, newest first. `now` is the build time for a static build. */
export async function getPublishedArticles(now: number = Date.now()): Promise<Article[]> {
  const { articles } = await loadSiteContent();
  return articles.filter((article) => isPublished(article, now));
}

export async function getArticle(slug: string): Promise<Article | undefined> {
  return (await getPublishedArticles()).find((article) => article.slug === slug);
}

export async function getSections(): Promise<Section[]> {
  return (await loadSiteContent()).sections;
}

export async function getSection(id: string): Promise<Section | undefined> {
  return (await getSections()).find((section) => section.id === id);
}

export async function getSectionArticles(id: string): Promise<Article[]> {
  return (await getPublishedArticles()).filter((article) => article.section.id === id);
}

export async function getAuthors(): Promise<Author[]> {
  return (await loadSiteContent()).authors;
}

export async function getAuthor(id: string): Promise<Author | undefined> {
  return (await getAuthors()).find((author) => author.id === id);
}

export async function getAuthorArticles(id: string): Promise<Article[]> {
  return (await getPublishedArticles()).filter((article) => article.authors.some((author) => author.id === id));
}

export async function getTopics(): Promise<TopicWithArticles[]> {
  return collectTopics(await getPublishedArticles());
}

export async function getTopic(slug: string): Promise<TopicWithArticles | undefined> {
  return (await getTopics()).find((topic) => topic.slug === slug);
}

export async function getPage(id: string): Promise<Page | undefined> {
  return (await loadSiteContent()).pages.find((page) => page.id === id);
}

export async function getPages(): Promise<Page[]> {
  return (await loadSiteContent()).pages;
}
