import { absoluteUrl, site } from '../config/site';
import type { ArticleCorrection } from '../content/publishedIndex';
import type { Timestamp } from '../content/timestamp';
import type { Article } from '../content/types';
import { correctionLabel } from '../format/correctionLabel';
import { articlePath, authorPath, correctionsFeedPath, correctionsPath } from '../urls';
import { epochToRfc3339, toRfc3339, toRfc822 } from './dates';
import { attributeList, element, escapeXml } from './xml';

/** How many of the newest articles every feed carries. */
const FEED_SIZE = 50;

/** What a feed is about: the whole site or one section. */
export type FeedChannel = {
  /** Never changes, whatever the site's address: `urn:broadsheet:feed:all`. */
  id: string;
  title: string;
  description: string;
  /** The HTML page the feed mirrors, e.g. `/section/china`. */
  pagePath: string;
  paths: { rss: string; atom: string; json: string };
};

/** A feed entry's id: stable for the article's life, whatever is edited. */
const articleFeedId = (article: Article) => `urn:broadsheet:article:${article.slug}`;

function updated(article: Article) {
  return article.updatedAt ?? article.publishedAt;
}

/** The feed's own time: its newest change, so an unchanged site gives an unchanged feed. */
function lastChange(articles: readonly Article[]): Timestamp | undefined {
  return articles
    .map(updated)
    .reduce<Timestamp | undefined>(
      (newest, time) => (newest && newest.epochMs >= time.epochMs ? newest : time),
      undefined,
    );
}

function summaryHtml(article: Article): string {
  return `<ul>${article.summary.map((point) => `<li>${escapeXml(point)}</li>`).join('')}</ul>`;
}

function imageType(src: string): string {
  const extension = src.slice(src.lastIndexOf('.') + 1).toLowerCase();
  return extension === 'jpg' ? 'image/jpeg' : `image/${extension}`;
}

/** RSS 2.0 with Dublin Core creators, content:encoded summaries and Media RSS photos. */
export function rssFeed(channel: FeedChannel, articles: readonly Article[]): string {
  const items = articles.slice(0, FEED_SIZE).map((article) => {
    const url = absoluteUrl(articlePath(article.slug));
    const photo = article.image;
    return [
      '<item>',
      element('title', article.title),
      element('link', url),
      element('guid', articleFeedId(article), { isPermaLink: 'false' }),
      element('pubDate', toRfc822(article.publishedAt)),
      element('description', article.description),
      `<content:encoded><![CDATA[${summaryHtml(article).replace(/]]>/g, ']]]]><![CDATA[>')}]]></content:encoded>`,
      ...article.authors.map((author) => element('dc:creator', author.name)),
      element('category', article.section.name),
      ...article.topics.map((topic) => element('category', topic.name)),
      photo
        ? `<enclosure${attributeList({ url: absoluteUrl(photo.src), length: String(photo.bytes), type: imageType(photo.src) })}/>` +
          `<media:content${attributeList({ url: absoluteUrl(photo.src), medium: 'image', type: imageType(photo.src), width: String(photo.width), height: String(photo.height) })}>` +
          element('media:description', photo.alt) +
          (photo.credit ? element('media:credit', photo.credit) : '') +
          '</media:content>'
        : '',
      '</item>',
    ].join('');
  });
  return rssDocument({ ...channel, rssPath: channel.paths.rss }, items, lastChange(articles));
}

/** The RSS 2.0 document around a channel's items, with its namespaces and self link. */
function rssDocument(
  channel: Pick<FeedChannel, 'title' | 'description' | 'pagePath'> & { rssPath: string },
  items: readonly string[],
  newest: Timestamp | undefined,
): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', channel.title),
    element('link', absoluteUrl(channel.pagePath)),
    element('description', channel.description),
    element('language', site.language),
    `<atom:link${attributeList({ href: absoluteUrl(channel.rssPath), rel: 'self', type: 'application/rss+xml' })}/>`,
    newest ? element('lastBuildDate', toRfc822(newest)) : '',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** The corrections column's feed, in RSS only, advertised from `/corrections`. */
export const correctionsFeed = {
  title: `Corrections and clarifications | ${site.name}`,
  description: `Every correction and clarification ${site.name} has published, newest first`,
  pagePath: correctionsPath,
  rssPath: correctionsFeedPath,
};

/**
 * A correction's feed id: its article, instant (in UTC, so rewriting the offset changes
 * nothing) and kind. Editing the correction's text keeps it.
 */
const correctionFeedId = ({ article, correction }: ArticleCorrection) =>
  `urn:broadsheet:correction:${article.slug}:${epochToRfc3339(correction.date.epochMs)}:${correction.kind}`;

/**
 * RSS 2.0 of the newest 50 corrections and clarifications, each linking to its article;
 * `corrections` come newest first, as `getCorrections` gives them.
 */
export function correctionsRssFeed(corrections: readonly ArticleCorrection[]): string {
  const latest = corrections.slice(0, FEED_SIZE);
  const items = latest.map((entry) =>
    [
      '<item>',
      element('title', `${correctionLabel(entry.correction.kind)}: ${entry.article.title}`),
      element('link', absoluteUrl(articlePath(entry.article.slug))),
      element('guid', correctionFeedId(entry), { isPermaLink: 'false' }),
      element('pubDate', toRfc822(entry.correction.date)),
      element('description', entry.correction.text),
      '</item>',
    ].join(''),
  );
  return rssDocument(correctionsFeed, items, latest[0]?.correction.date);
}

/** Atom 1.0 (RFC 4287). */
export function atomFeed(channel: FeedChannel, articles: readonly Article[]): string {
  const entries = articles.slice(0, FEED_SIZE).map((article) => {
    const url = absoluteUrl(articlePath(article.slug));
    const photo = article.image;
    return [
      '<entry>',
      element('title', article.title, { type: 'text' }),
      element('id', articleFeedId(article)),
      `<link${attributeList({ rel: 'alternate', type: 'text/html', href: url })}/>`,
      element('published', toRfc3339(article.publishedAt)),
      element('updated', toRfc3339(updated(article))),
      ...article.authors.map(
        (author) =>
          `<author>${element('name', author.name)}${element('uri', absoluteUrl(authorPath(author.id)))}</author>`,
      ),
      `<category${attributeList({ term: article.section.id, label: article.section.name })}/>`,
      ...article.topics.map(
        (topic) => `<category${attributeList({ term: topic.slug, label: topic.name })}/>`,
      ),
      element('summary', article.description, { type: 'text' }),
      element('content', summaryHtml(article), { type: 'html' }),
      photo
        ? `<link${attributeList({ rel: 'enclosure', type: imageType(photo.src), length: String(photo.bytes), href: absoluteUrl(photo.src) })}/>`
        : '',
      '</entry>',
    ].join('');
  });
  const newest = lastChange(articles);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributeList({ 'xml:lang': site.language })}>`,
    element('title', channel.title),
    element('subtitle', channel.description),
    element('id', channel.id),
    `<link${attributeList({ rel: 'self', type: 'application/atom+xml', href: absoluteUrl(channel.paths.atom) })}/>`,
    `<link${attributeList({ rel: 'alternate', type: 'text/html', href: absoluteUrl(channel.pagePath) })}/>`,
    element('updated', newest ? toRfc3339(newest) : epochToRfc3339(0)),
    `<author>${element('name', site.name)}</author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** JSON Feed 1.1. */
export function jsonFeed(channel: FeedChannel, articles: readonly Article[]): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: channel.title,
      description: channel.description,
      home_page_url: absoluteUrl(channel.pagePath),
      feed_url: absoluteUrl(channel.paths.json),
      language: site.language,
      items: articles.slice(0, FEED_SIZE).map((article) => ({
        id: articleFeedId(article),
        url: absoluteUrl(articlePath(article.slug)),
        title: article.title,
        summary: article.description,
        content_html: summaryHtml(article),
        date_published: toRfc3339(article.publishedAt),
        date_modified: toRfc3339(updated(article)),
        authors: article.authors.map((author) => ({
          name: author.name,
          url: absoluteUrl(authorPath(author.id)),
        })),
        tags: [article.section.name, ...article.topics.map((topic) => topic.name)],
        ...(article.image ? { image: absoluteUrl(article.image.src) } : {}),
      })),
    },
    null,
    2,
  );
}

export function siteFeedChannel(): FeedChannel {
  return {
    id: 'urn:broadsheet:feed:all',
    title: site.name,
    description: site.tagline,
    pagePath: '/',
    paths: { rss: '/rss.xml', atom: '/atom.xml', json: '/feed.json' },
  };
}

export function sectionFeedChannel(section: { id: string; name: string }): FeedChannel {
  const base = `/section/${section.id}`;
  return {
    id: `urn:broadsheet:feed:section:${section.id}`,
    title: `${section.name} | ${site.name}`,
    description: `The latest ${section.name} news from ${site.name}`,
    pagePath: base,
    paths: { rss: `${base}/rss.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` },
  };
}
