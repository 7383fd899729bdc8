import 'server-only';
import { now as clockNow } from '../config/clock';
import { env } from '../config/env';
import type { TopicWithArticles } from '../lists/collectTopics';
import { loadArticleBody, loadedArticleStamp, loadSiteContent, readArticleSource } from './loadSite';
import { buildPublishedIndex } from './publishedIndex';
import type { ArticleCorrection, Audience, PublishedIndex } from './publishedIndex';
import type { Article, ArticleBody, Author, Page, Section, SiteContent } from './types';

/**
 * What pages ask of the content. Drafts and scheduled articles never leave this module for
 * readers: every list and lookup below sees published articles only, as of the site's clock
 * (`now()`), except the `...For(audience)` ones when an editor is previewing.
 */

declare global {
  // One per process, like the content itself (see `loadSite.ts`): every route's bundle shares it.
  var broadsheetIndexes: WeakMap<SiteContent, PublishedIndex> | undefined;
  var broadsheetEditorIndexes: WeakMap<SiteContent, PublishedIndex> | undefined;
}

const indexes = (globalThis.broadsheetIndexes ??= new WeakMap<SiteContent, PublishedIndex>());
const editorIndexes = (globalThis.broadsheetEditorIndexes ??= new WeakMap<SiteContent, PublishedIndex>());

async function publishedIndex(now: number = clockNow(), audience: Audience = 'readers'): Promise<PublishedIndex> {
  const content = await loadSiteContent();
  const store = audience === 'editors' ? editorIndexes : indexes;
  const cached = store.get(content);
  if (cached && now >= cached.validFrom && now < cached.validUntil) return cached;
  const index = buildPublishedIndex(content, now, audience);
  store.set(content, index);
  return index;
}

/**
 * For an editor previewing (see `lib/preview/audience.ts`): every article, drafts and
 * scheduled stories among the published ones, newest first. Readers' pages never call these.
 */
export async function getArticlesFor(audience: Audience): Promise<Article[]> {
  return (await publishedIndex(clockNow(), audience)).articles;
}

export async function getArticleFor(slug: string, audience: Audience): Promise<Article | undefined> {
  return (await publishedIndex(clockNow(), audience)).bySlug.get(slug);
}

export async function getSectionArticlesFor(id: string, audience: Audience): Promise<Article[]> {
  return (await publishedIndex(clockNow(), audience)).bySection.get(id) ?? [];
}

/** Published articles, newest first. */
export async function getPublishedArticles(now: number = clockNow()): Promise<Article[]> {
  return (await publishedIndex(now)).articles;
}

/**
 * What the build renders ahead: the newest published articles, `BROADSHEET_PRERENDER_ARTICLES`
 * of them. Readers mostly read today's news; an older story is rendered on its first request
 * and served from the cache after that, so the build costs the same for any size of archive.
 */
export async function getArticlesToPrerender(): Promise<Article[]> {
  return (await getPublishedArticles()).slice(0, env.BROADSHEET_PRERENDER_ARTICLES);
}

/**
 * How many of these articles (a list, newest first) the build renders ahead: the listing pages
 * that show them are built too, and the older pages of the list on their first request.
 */
export async function countPrerendered(articles: readonly Article[]): Promise<number> {
  const recent = new Set(await getArticlesToPrerender());
  return articles.filter((article) => recent.has(article)).length;
}

/** The topics of the articles the build renders ahead: their first pages are built too. */
export async function getTopicsToPrerender(): Promise<TopicWithArticles[]> {
  const recent = new Set((await getArticlesToPrerender()).flatMap((article) => article.topics.map((topic) => topic.slug)));
  return (await getTopics()).filter((topic) => recent.has(topic.slug));
}

export async function getArticle(slug: string): Promise<Article | undefined> {
  return (await publishedIndex()).bySlug.get(slug);
}

/** A published article's body, with what comes from it: reading time, ad slots. */
export async function getArticleBody(article: Article): Promise<ArticleBody> {
  return loadArticleBody(article);
}

/**
 * A published article's body as its file has it now (Markdown) and the file's stamp: what the
 * search index reads. See `readArticleSource`.
 */
export function getArticleSource(article: Article): { stamp: string; markdown: string } | undefined {
  return readArticleSource(article);
}

/** The stamp of a published article's file as last loaded: unchanged, the index need not read it. */
export function getArticleStamp(article: Article): string | undefined {
  return loadedArticleStamp(article);
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
