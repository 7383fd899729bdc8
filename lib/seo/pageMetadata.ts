import type { Metadata, Viewport } from 'next';
import { absoluteUrl, brandImages, site } from '../config/site';
import type { Article, Photo, Section } from '../content/types';
import { articlePath, authorPath } from '../urls';
import { toRfc3339 } from './dates';
import { sectionFeedChannel, siteFeedChannel } from './feeds';

type ShareImage = Pick<Photo, 'src' | 'width' | 'height' | 'alt'>;

/** Every page's viewport. The phone's browser bar follows the page's colour scheme (app/globals.css). */
export const siteViewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

/** A feed published in RSS only. */
export type RssFeedLink = { title: string; rssPath: string };

type PageInput = {
  /** The page's own headline; the layout adds "| Broadsheet". */
  title: string;
  /** The front page's title stands alone, without the site name appended. */
  absoluteTitle?: boolean;
  description: string;
  /** Site path of the page: its canonical address. */
  path: string;
  image?: ShareImage;
  /** The section whose feeds the page also advertises. */
  section?: Section;
  /** Another RSS-only feed the page mirrors and advertises (the corrections column's). */
  rssFeed?: RssFeedLink;
  noindex?: boolean;
};

/**
 * Metadata every page carries: canonical URL, robots, Open Graph, Twitter card and the feed
 * links. Next.js merges metadata one key deep, so each page sets these whole, through here.
 */
export function pageMetadata(input: PageInput): Metadata {
  const url = absoluteUrl(input.path);
  const image = input.image ?? brandImages.share;
  return {
    title: input.absoluteTitle ? { absolute: input.title } : input.title,
    description: input.description,
    alternates: { canonical: url, types: feedLinks(input.section, input.rssFeed) },
    robots: input.noindex
      ? { index: false, follow: true }
      : { index: true, follow: true, 'max-image-preview': 'large', googleBot: { index: true, follow: true, 'max-image-preview': 'large' } },
    openGraph: {
      type: 'website',
      siteName: site.name,
      locale: site.language.replace('-', '_'),
      title: input.title,
      description: input.description,
      url,
      images: [{ url: absoluteUrl(image.src), width: image.width, height: image.height, alt: image.alt }],
    },
    twitter: {
      // The large card shows a wide picture (about 2:1); a square one, such as an author's
      // portrait, would be cropped there, so it gets the small card.
      card: image.width >= image.height * 1.5 ? 'summary_large_image' : 'summary',
      title: input.title,
      description: input.description,
      images: [{ url: absoluteUrl(image.src), alt: image.alt }],
    },
  };
}

/**
 * `<link rel="alternate">` for the site's feeds, and the section's when the page has one, and
 * an RSS-only feed the page mirrors.
 */
export function feedLinks(section?: Section, rssFeed?: RssFeedLink) {
  const feeds = [siteFeedChannel(), ...(section ? [sectionFeedChannel(section)] : [])];
  const rssOnly = rssFeed ? [{ title: rssFeed.title, paths: { rss: rssFeed.rssPath } }] : [];
  return {
    'application/rss+xml': [...feeds, ...rssOnly].map((feed) => ({ url: absoluteUrl(feed.paths.rss), title: `${feed.title} (RSS)` })),
    'application/atom+xml': feeds.map((feed) => ({ url: absoluteUrl(feed.paths.atom), title: `${feed.title} (Atom)` })),
    'application/feed+json': feeds.map((feed) => ({ url: absoluteUrl(feed.paths.json), title: `${feed.title} (JSON Feed)` })),
  };
}

/** An article's metadata: the common set plus Open Graph article fields. */
export function articleMetadata(article: Article): Metadata {
  const base = pageMetadata({
    title: article.title,
    description: article.description,
    path: articlePath(article.slug),
    image: article.image,
    section: article.section,
  });
  return {
    ...base,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.id)) })),
    openGraph: {
      ...base.openGraph,
      type: 'article',
      publishedTime: toRfc3339(article.publishedAt),
      modifiedTime: toRfc3339(article.updatedAt ?? article.publishedAt),
      section: article.section.name,
      tags: article.topics.map((topic) => topic.name),
      authors: article.authors.map((author) => absoluteUrl(authorPath(author.id))),
    },
  };
}
