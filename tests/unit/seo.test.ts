import { DOMParser } from '@xmldom/xmldom';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { isPublished } from '@/lib/content/publishedIndex';
import { parseTimestamp } from '@/lib/content/timestamp';
import type { Article } from '@/lib/content/types';
import { jsonFeedResponse, xmlResponse } from '@/lib/http/responses';
import { collectTopics } from '@/lib/lists/collectTopics';
import { toRfc3339, toRfc822 } from '@/lib/seo/dates';
import { atomFeed, jsonFeed, rssFeed, sectionFeedChannel, siteFeedChannel } from '@/lib/seo/feeds';
import { breadcrumbJsonLd, newsArticleJsonLd, profilePageJsonLd, serializeJsonLd } from '@/lib/seo/jsonLd';
import { articleMetadata, pageMetadata } from '@/lib/seo/pageMetadata';
import { mainSitemapXml, newsSitemapXml, sitemapChunks, sitemapEntries, sitemapIndexXml } from '@/lib/seo/sitemaps';
import type { SitemapEntry } from '@/lib/seo/sitemaps';
import { fixtureArticle, fixtureContent } from '../support/fixtureSite';

const HOSTILE_TITLE = '<script>window.__pwned = 1</script> Headline </script><!-- with tags';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Parses XML strictly: any well-formedness error fails the test. */
function parseXml(xml: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return document;
}

function texts(document: ReturnType<typeof parseXml>, namespace: string, name: string): string[] {
  return Array.from(document.getElementsByTagNameNS(namespace, name)).map((node) => node.textContent ?? '');
}

/** A fixed "now", after every fixture story but the one scheduled for 2099: no test reads the clock. */
const NOW = Date.UTC(2026, 11, 1);

async function published(): Promise<Article[]> {
  const { articles } = await fixtureContent();
  return articles.filter((article) => isPublished(article, NOW));
}

function timestamp(iso: string) {
  const parsed = parseTimestamp(iso);
  if (!parsed) throw new Error(`bad timestamp ${iso}`);
  return parsed;
}

describe('dates for feeds and sitemaps', () => {
  it.each([
    ['2026-11-26T09:30:00+08:00', 'Thu, 26 Nov 2026 09:30:00 +0800', '2026-11-26T09:30:00+08:00'],
    ['2026-11-26T01:30Z', 'Thu, 26 Nov 2026 01:30:00 +0000', '2026-11-26T01:30:00Z'],
    ['2026-01-01T23:15:00-05:30', 'Thu, 01 Jan 2026 23:15:00 -0530', '2026-01-01T23:15:00-05:30'],
  ])('writes %s as RFC 822 "%s" and RFC 3339 "%s", keeping the offset', (iso, rfc822, rfc3339) => {
    expect(toRfc822(timestamp(iso))).toBe(rfc822);
    expect(toRfc3339(timestamp(iso))).toBe(rfc3339);
  });
});

describe('JSON-LD', () => {
  it('cannot end its script element, yet parses back to the headline exactly as written', async () => {
    const article = await fixtureArticle('hostile-everything');
    const serialized = serializeJsonLd(newsArticleJsonLd(article));
    expect(serialized).not.toMatch(/<|>|&/);
    expect(JSON.parse(serialized)).toMatchObject({ headline: HOSTILE_TITLE });
  });

  it('describes a NewsArticle with everything Google documents for publishers', async () => {
    const data = newsArticleJsonLd(await fixtureArticle('reference-shape'));
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'China warns foreign spies are targeting its rare earths industry',
      datePublished: '2026-11-26T09:30:00+08:00',
      dateModified: '2026-11-26T14:05:00+08:00',
      image: [{ '@type': 'ImageObject', url: 'http://localhost:3000/images/hero.jpg', width: 160, height: 90 }],
      author: [{ '@type': 'Person', name: 'Jane Doe', url: 'http://localhost:3000/author/jane-doe' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Broadsheet', logo: { '@type': 'ImageObject' } },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'http://localhost:3000/article/reference-shape' },
      articleSection: 'China',
      keywords: ['rare earths', 'National Security'],
      publishingPrinciples: 'http://localhost:3000/about/standards',
      isAccessibleForFree: true,
    });
  });

  it('gives no image for an article without a photo, rather than one that is not of the story', async () => {
    const data = newsArticleJsonLd(await fixtureArticle('two-authors-no-image'));
    expect(data).not.toHaveProperty('image');
    expect(data.author).toHaveLength(2);
  });

  it('describes an author page as a ProfilePage of the person, with role, portrait and newsroom', async () => {
    const { authors } = await fixtureContent();
    const jane = authors.find((author) => author.id === 'jane-doe');
    if (!jane?.avatar) throw new Error('the fixture site has Jane Doe with a portrait');
    expect(profilePageJsonLd(jane)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'http://localhost:3000/author/jane-doe',
      mainEntity: {
        '@type': 'Person',
        name: 'Jane Doe',
        url: 'http://localhost:3000/author/jane-doe',
        jobTitle: 'China correspondent',
        image: { '@type': 'ImageObject', url: 'http://localhost:3000/images/authors/jane-doe.jpg', width: jane.avatar.width },
        worksFor: { '@type': 'NewsMediaOrganization', name: 'Broadsheet' },
      },
    });
  });

  it('gives a square picture the small link-preview card, and a wide one the large card', () => {
    const card = (width: number, height: number) =>
      pageMetadata({ title: 'T', description: 'D', path: '/', image: { src: '/images/x.jpg', width, height, alt: 'x' } }).twitter;
    expect(card(400, 400)).toMatchObject({ card: 'summary' });
    expect(card(1600, 900)).toMatchObject({ card: 'summary_large_image' });
  });

  it('lists breadcrumbs in order with absolute addresses', () => {
    expect(breadcrumbJsonLd([{ name: 'Home', href: '/' }, { name: 'China', href: '/section/china' }])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://localhost:3000/' },
        { '@type': 'ListItem', position: 2, name: 'China', item: 'http://localhost:3000/section/china' },
      ],
    });
  });
});

describe('article metadata', () => {
  it('carries canonical, robots, Open Graph article fields and a large Twitter card', async () => {
    const metadata = articleMetadata(await fixtureArticle('reference-shape'));
    expect(metadata.alternates?.canonical).toBe('http://localhost:3000/article/reference-shape');
    expect(metadata.robots).toMatchObject({ index: true, 'max-image-preview': 'large' });
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      siteName: 'Broadsheet',
      url: 'http://localhost:3000/article/reference-shape',
      publishedTime: '2026-11-26T09:30:00+08:00',
      modifiedTime: '2026-11-26T14:05:00+08:00',
      section: 'China',
      tags: ['rare earths', 'National Security'],
      authors: ['http://localhost:3000/author/jane-doe'],
      images: [{ url: 'http://localhost:3000/images/hero.jpg', width: 160, height: 90 }],
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' });
  });
});

describe('feeds', () => {
  it('tags each feed with an ETag that changes exactly when the feed does', async () => {
    const articles = await published();
    const tag = (articles: readonly Article[]) => xmlResponse(rssFeed(siteFeedChannel(), articles)).headers.get('etag');
    expect(tag(articles)).toMatch(/^"[\w-]{22}"$/);
    expect(tag(articles)).toBe(tag([...articles]));
    expect(tag(articles.slice(1))).not.toBe(tag(articles));
    const json = jsonFeedResponse(jsonFeed(siteFeedChannel(), articles));
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(json.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
  });

  it('writes RSS 2.0 that a feed reader parses, with stable guids, authors, categories and the photo', async () => {
    const articles = await published();
    const xml = rssFeed(siteFeedChannel(), articles);
    const document = parseXml(xml);
    expect(document.documentElement?.getAttribute('version')).toBe('2.0');
    const feed = await new Parser({ customFields: { item: ['dc:creator', 'media:content'] } }).parseString(xml);
    expect(feed.items.map((item) => item.title)).toEqual(articles.map((article) => article.title));
    const reference = feed.items.find((item) => item.link === 'http://localhost:3000/article/reference-shape');
    expect(reference).toMatchObject({
      guid: 'urn:broadsheet:article:reference-shape',
      pubDate: 'Thu, 26 Nov 2026 09:30:00 +0800',
      creator: 'Jane Doe',
      categories: ['China', 'rare earths', 'National Security'],
      enclosure: { url: 'http://localhost:3000/images/hero.jpg', type: 'image/jpeg' },
    });
    expect(Number(reference?.enclosure?.length)).toBeGreaterThan(0);
  });

  it('writes Atom that a feed reader parses, with published and updated times', async () => {
    const articles = await published();
    const xml = atomFeed(sectionFeedChannel({ id: 'china', name: 'China' }), articles);
    const document = parseXml(xml);
    expect(document.documentElement?.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(articles.length);
    expect(texts(document, 'http://www.w3.org/2005/Atom', 'published')).toContain('2026-11-26T09:30:00+08:00');
    expect(texts(document, 'http://www.w3.org/2005/Atom', 'id')[0]).toBe('urn:broadsheet:feed:section:china');
  });

  it('keeps every id when an article is edited', async () => {
    const articles = await published();
    const edited = articles.map((article) => ({
      ...article,
      title: `${article.title} (corrected)`,
      updatedAt: timestamp('2026-11-27T10:00:00+08:00'),
    }));
    const ids = (xml: string) => texts(parseXml(xml), 'http://www.w3.org/2005/Atom', 'id');
    expect(ids(atomFeed(siteFeedChannel(), edited))).toEqual(ids(atomFeed(siteFeedChannel(), articles)));
    const guids = (xml: string) => Array.from(parseXml(xml).getElementsByTagName('guid')).map((node) => node.textContent);
    expect(guids(rssFeed(siteFeedChannel(), edited))).toEqual(guids(rssFeed(siteFeedChannel(), articles)));
  });

  it('carries a hostile headline through RSS, Atom and JSON Feed intact and inert', async () => {
    const hostile = [await fixtureArticle('hostile-everything')];
    const rss = await new Parser().parseString(rssFeed(siteFeedChannel(), hostile));
    expect(rss.items[0]?.title).toBe(HOSTILE_TITLE);
    const atom = await new Parser().parseString(atomFeed(siteFeedChannel(), hostile));
    expect(atom.items[0]?.title).toBe(HOSTILE_TITLE);
    const json: unknown = JSON.parse(jsonFeed(siteFeedChannel(), hostile));
    expect(json).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', items: [{ title: HOSTILE_TITLE }] });
  });

  it('holds at most the newest 50 articles', async () => {
    const [article] = await published();
    if (!article) throw new Error('no fixture article');
    const many = Array.from({ length: 60 }, (_, index) => ({ ...article, slug: `story-${index}` }));
    const feed = await new Parser().parseString(rssFeed(siteFeedChannel(), many));
    expect(feed.items).toHaveLength(50);
  });
});

describe('sitemaps', () => {
  it('lists every published article, section, topic and author with lastmod and hero images', async () => {
    const content = await fixtureContent();
    const articles = await published();
    const entries = sitemapEntries({
      articles,
      sections: content.sections,
      topics: collectTopics(articles),
      authors: content.authors,
      pages: content.pages,
    });
    const document = parseXml(mainSitemapXml(entries));
    expect(document.documentElement?.namespaceURI).toBe(SITEMAP_NS);
    const locs = texts(document, SITEMAP_NS, 'loc');
    // The lists and standing pages a reader can reach from every page.
    for (const path of ['/', '/latest', '/topic', '/about/standards']) expect(locs).toContain(`http://localhost:3000${path}`);
    expect(locs).toContain('http://localhost:3000/article/reference-shape');
    expect(locs).toContain('http://localhost:3000/section/china');
    expect(locs).toContain('http://localhost:3000/topic/rare-earths');
    expect(locs).toContain('http://localhost:3000/author/jane-doe');
    expect(locs).not.toContain('http://localhost:3000/article/a-draft');
    expect(locs).not.toContain('http://localhost:3000/article/scheduled-story');
    expect(texts(document, 'http://www.google.com/schemas/sitemap-image/1.1', 'loc')).toContain(
      'http://localhost:3000/images/hero.jpg',
    );
    for (const lastmod of texts(document, SITEMAP_NS, 'lastmod')) {
      expect(lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    }
  });

  it('splits more than 50,000 URLs into files of at most 50,000 behind a sitemap index', () => {
    const entries: SitemapEntry[] = Array.from({ length: 120_001 }, (_, index) => ({ path: `/article/story-${index}` }));
    const chunks = sitemapChunks(entries);
    expect(chunks.map((chunk) => chunk.length)).toEqual([50_000, 50_000, 20_001]);
    const index = parseXml(mainSitemapXml(entries));
    expect(index.documentElement?.localName).toBe('sitemapindex');
    expect(texts(index, SITEMAP_NS, 'loc')).toEqual([
      'http://localhost:3000/sitemaps/1.xml',
      'http://localhost:3000/sitemaps/2.xml',
      'http://localhost:3000/sitemaps/3.xml',
    ]);
    expect(parseXml(sitemapIndexXml(chunks)).documentElement?.localName).toBe('sitemapindex');
  });

  it('keeps exactly 50,000 URLs in one urlset', () => {
    const entries: SitemapEntry[] = Array.from({ length: 50_000 }, (_, index) => ({ path: `/article/s-${index}` }));
    expect(sitemapChunks(entries)).toHaveLength(1);
  });

  it('puts only the last 48 hours in the news sitemap, with publication, date and title', async () => {
    const articles = await published();
    const reference = articles.find((article) => article.slug === 'reference-shape');
    const now = (reference?.publishedAt.epochMs ?? 0) + 47 * 3_600_000;
    const document = parseXml(newsSitemapXml(articles, now));
    const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
    expect(texts(document, SITEMAP_NS, 'loc')).toEqual([
      'http://localhost:3000/article/reference-shape',
    ]);
    expect(texts(document, NEWS, 'name')).toEqual(['Broadsheet']);
    expect(texts(document, NEWS, 'language')).toEqual(['en']);
    expect(texts(document, NEWS, 'publication_date')).toEqual(['2026-11-26T09:30:00+08:00']);
    expect(texts(document, NEWS, 'title')).toEqual(['China warns foreign spies are targeting its rare earths industry']);
  });

  it('writes a valid, empty news sitemap when nothing is that recent', async () => {
    const document = parseXml(newsSitemapXml(await published(), Date.UTC(2030, 0, 1)));
    expect(document.documentElement?.localName).toBe('urlset');
    expect(texts(document, SITEMAP_NS, 'url')).toEqual([]);
  });
});
