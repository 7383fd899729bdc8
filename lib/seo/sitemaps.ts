import { absoluteUrl, site } from '../config/site';
import type { ArticleCorrection } from '../content/publishedIndex';
import type { Article, Author, Page, Section } from '../content/types';
import type { TopicWithArticles } from '../lists/collectTopics';
import { articlePath, authorPath, correctionsPath, latestPath, pagePath, sectionPath, topicPath, topicsPath } from '../urls';
import { epochToRfc3339, toRfc3339 } from './dates';
import { element } from './xml';

/** The most URLs one sitemap file may hold (sitemaps.org). */
const SITEMAP_LIMIT = 50_000;

/** Google News reads articles from the last two days only, at most 1,000 a file. */
const NEWS_WINDOW_MS = 48 * 3_600_000;
const NEWS_LIMIT = 1_000;

export type SitemapEntry = {
  path: string;
  lastmod?: string;
  images?: { src: string; caption?: string }[];
};

function updatedMs(article: Article): number {
  return (article.updatedAt ?? article.publishedAt).epochMs;
}

function newest(articles: readonly Article[]): string | undefined {
  const times = articles.map(updatedMs);
  return times.length > 0 ? epochToRfc3339(Math.max(...times)) : undefined;
}

/**
 * Every published page worth crawling: front page, latest stories, the topic index, the standing
 * pages, the corrections column (once there is a correction), articles, sections, topics,
 * authors.
 */
export function sitemapEntries(input: {
  articles: readonly Article[];
  sections: readonly Section[];
  topics: readonly TopicWithArticles[];
  authors: readonly Author[];
  /** Newest first. */
  corrections?: readonly ArticleCorrection[];
  /** The standing pages (about us, our standards). */
  pages?: readonly Page[];
}): SitemapEntry[] {
  const { articles, sections, topics, authors } = input;
  const newestCorrection = input.corrections?.[0]?.correction.date;
  return [
    { path: '/', lastmod: newest(articles) },
    { path: latestPath, lastmod: newest(articles) },
    ...(topics.length > 0 ? [{ path: topicsPath, lastmod: newest(topics.flatMap((topic) => topic.articles)) }] : []),
    ...(input.pages ?? []).map((page) => ({ path: pagePath(page.id) })),
    ...(newestCorrection ? [{ path: correctionsPath, lastmod: toRfc3339(newestCorrection) }] : []),
    ...articles.map((article) => ({
      path: articlePath(article.slug),
      lastmod: toRfc3339(article.updatedAt ?? article.publishedAt),
      images: article.image ? [{ src: article.image.src, caption: article.image.caption ?? article.image.alt }] : [],
    })),
    ...sections.map((section) => ({
      path: sectionPath(section.id),
      lastmod: newest(articles.filter((article) => article.section.id === section.id)),
    })),
    ...topics.map((topic) => ({ path: topicPath(topic.slug), lastmod: newest(topic.articles) })),
    ...authors
      .map((author) => ({ author, written: articles.filter((a) => a.authors.some((b) => b.id === author.id)) }))
      .filter(({ written }) => written.length > 0)
      .map(({ author, written }) => ({ path: authorPath(author.id), lastmod: newest(written) })),
  ];
}

/** The files the sitemap needs: one urlset, or an index and a file per 50,000 URLs. */
export function sitemapChunks(entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): SitemapEntry[][] {
  const chunks: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += limit) chunks.push(entries.slice(start, start + limit));
  return chunks.length > 0 ? chunks : [[]];
}

export const sitemapChunkPath = (index: number) => `/sitemaps/${index + 1}.xml`;

export function urlsetXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      '<url>' +
      element('loc', absoluteUrl(entry.path)) +
      element('lastmod', entry.lastmod) +
      (entry.images ?? [])
        .map((image) => `<image:image>${element('image:loc', absoluteUrl(image.src))}</image:image>`)
        .join('') +
      '</url>',
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function sitemapIndexXml(chunks: readonly SitemapEntry[][]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...chunks.map((chunk, index) => {
      const times = chunk.map((entry) => entry.lastmod).filter((time): time is string => time !== undefined);
      const lastmod = times.length > 0 ? times.reduce((a, b) => (Date.parse(a) > Date.parse(b) ? a : b)) : undefined;
      return `<sitemap>${element('loc', absoluteUrl(sitemapChunkPath(index)))}${element('lastmod', lastmod)}</sitemap>`;
    }),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** `/sitemap.xml`: the whole urlset when it fits in one file, else the index of the chunks. */
export function mainSitemapXml(entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): string {
  const chunks = sitemapChunks(entries, limit);
  return chunks.length === 1 ? urlsetXml(chunks[0] ?? []) : sitemapIndexXml(chunks);
}

/** Google News sitemap: articles published in the 48 hours before `now`; a valid empty urlset when none. */
export function newsSitemapXml(articles: readonly Article[], now: number): string {
  const recent = articles
    .filter((article) => article.publishedAt.epochMs <= now && now - article.publishedAt.epochMs <= NEWS_WINDOW_MS)
    .slice(0, NEWS_LIMIT);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...recent.map(
      (article) =>
        '<url>' +
        element('loc', absoluteUrl(articlePath(article.slug))) +
        '<news:news><news:publication>' +
        element('news:name', site.name) +
        element('news:language', site.language.slice(0, 2)) +
        '</news:publication>' +
        element('news:publication_date', toRfc3339(article.publishedAt)) +
        element('news:title', article.title) +
        '</news:news></url>',
    ),
    '</urlset>',
    '',
  ].join('\n');
}
