import 'server-only';
import { getAuthors, getCorrections, getPages, getPublishedArticles, getSections, getTopics } from '../content/queries';
import { sitemapEntries } from './sitemaps';
import type { SitemapEntry } from './sitemaps';

/** Every URL of the published site, for `/sitemap.xml` and its chunks. */
export async function siteSitemapEntries(): Promise<SitemapEntry[]> {
  const [articles, sections, topics, authors, corrections, pages] = await Promise.all([
    getPublishedArticles(),
    getSections(),
    getTopics(),
    getAuthors(),
    getCorrections(),
    getPages(),
  ]);
  return sitemapEntries({ articles, sections, topics, authors, corrections, pages });
}
