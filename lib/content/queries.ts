import 'server-only';
import { loadSiteContent } from './loadSite';
import type { Article, Author, Page, Section } from './types';

/** A draft is never published; a scheduled article (future `publishedAt`) not until its time. */
export function isPublished(article: Article, now: number): boolean {
  return !article.draft && article.publishedAt.epochMs <= now;
}

/** Published articles, newest first. `now` is the build time for a static build. */
export async function getPublishedArticles(now: number = Date.now()): Promise<Article[]> {
  const { articles } = await loadSiteContent();
  return articles.filter((article) => isPublished(article, now));
}

export async function getArticle(slug: string, now: number = Date.now()): Promise<Article | undefined> {
  const articles = await getPublishedArticles(now);
  return articles.find((article) => article.slug === slug);
}

export async function getSections(): Promise<Section[]> {
  return (await loadSiteContent()).sections;
}

export async function getAuthor(id: string): Promise<Author | undefined> {
  return (await loadSiteContent()).authors.find((author) => author.id === id);
}

export async function getPage(id: string): Promise<Page | undefined> {
  return (await loadSiteContent()).pages.find((page) => page.id === id);
}

export async function getPages(): Promise<Page[]> {
  return (await loadSiteContent()).pages;
}
