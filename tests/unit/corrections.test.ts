import { DOMParser } from '@xmldom/xmldom';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublishedIndex } from '@/lib/content/publishedIndex';
import type { ArticleCorrection } from '@/lib/content/publishedIndex';
import { parseTimestamp } from '@/lib/content/timestamp';
import type { Article } from '@/lib/content/types';
import { atomFeed, correctionsRssFeed, jsonFeed, siteFeedChannel } from '@/lib/seo/feeds';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/jsonLd';
import { correctionsMetadata } from '@/lib/seo/listMetadata';
import { articleMetadata } from '@/lib/seo/pageMetadata';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';
import { fixtureContent } from '../support/fixtureSite';
import { makeArticle } from '../support/makeArticle';

const HOSTILE = '</description><script>alert(1)</script> & <![CDATA[ ]]> "quoted"';

/** Parses XML strictly: any well-formedness error fails the test. */
function parseXml(xml: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void (level !== 'warning' && errors.push(message)),
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return document;
}

function timestamp(iso: string) {
  const parsed = parseTimestamp(iso);
  if (!parsed) throw new Error(`bad timestamp ${iso}`);
  return parsed;
}

function entry(
  article: Article,
  kind: 'correction' | 'clarification',
  iso: string,
  text: string,
): ArticleCorrection {
  return { article, correction: { kind, date: timestamp(iso), text } };
}

let workspace: Workspace;
let corrected: Article;
let uncorrected: Article;

/** A story with a correction and a later clarification, loaded by the real content pipeline. */
beforeAll(async () => {
  workspace = await createWorkspace({
    'content/articles/corrected-story.md': articleSource({
      title: '"A corrected story"',
      updatedAt: '"2026-11-26T12:00:00+08:00"',
      corrections: [
        '',
        '  - date: "2026-11-27T10:00:00+08:00"',
        `    text: ${JSON.stringify(HOSTILE)}`,
        '  - date: "2026-11-28T09:15:00+08:00"',
        '    kind: clarification',
        '    text: "The figures are for October only."',
      ].join('\n'),
    }),
  });
  const { articles } = await workspace.content();
  const found = articles.find((article) => article.slug === 'corrected-story');
  const plain = articles.find((article) => article.slug === 'reference-shape');
  if (!found || !plain) throw new Error('workspace articles did not load');
  [corrected, uncorrected] = [found, plain];
});

afterAll(() => workspace.dispose());

describe('JSON-LD for a corrected article', () => {
  it('lists every correction and clarification as a CorrectionComment with its text and date', () => {
    expect(newsArticleJsonLd(corrected).correction).toEqual([
      {
        '@type': 'CorrectionComment',
        name: 'Correction',
        text: HOSTILE,
        datePublished: '2026-11-27T10:00:00+08:00',
      },
      {
        '@type': 'CorrectionComment',
        name: 'Clarification',
        text: 'The figures are for October only.',
        datePublished: '2026-11-28T09:15:00+08:00',
      },
    ]);
  });

  it('carries no correction property for an article that has none', () => {
    expect(newsArticleJsonLd(uncorrected)).not.toHaveProperty('correction');
  });

  it('cannot end its script element with a hostile correction, yet parses back to the exact text', () => {
    const serialized = serializeJsonLd(newsArticleJsonLd(corrected));
    expect(serialized).not.toMatch(/<|>|&/);
    expect(JSON.parse(serialized)).toMatchObject({ correction: [{ text: HOSTILE }, {}] });
  });
});

describe('the updated time of a corrected article', () => {
  const NEWEST = '2026-11-28T09:15:00+08:00';

  it('is the newest correction in JSON-LD, Open Graph, Atom and JSON Feed', () => {
    expect(newsArticleJsonLd(corrected).dateModified).toBe(NEWEST);
    expect(articleMetadata(corrected).openGraph).toMatchObject({ modifiedTime: NEWEST });
    const atom = parseXml(atomFeed(siteFeedChannel(), [corrected]));
    const updated = Array.from(atom.getElementsByTagName('updated')).map(
      (node) => node.textContent,
    );
    expect(updated).toEqual([NEWEST, NEWEST]);
    expect(JSON.parse(jsonFeed(siteFeedChannel(), [corrected]))).toMatchObject({
      items: [{ date_modified: NEWEST }],
    });
  });
});

describe('the corrections feed', () => {
  const story = makeArticle('magnet-exports', { publishedAt: '2026-11-20T16:30:00+08:00' });
  const entries = [
    entry(story, 'clarification', '2026-11-23T08:00:00+08:00', 'Exports are measured by weight.'),
    entry(story, 'correction', '2026-11-21T10:00:00+08:00', HOSTILE),
  ];

  it('is RSS 2.0 a feed reader parses, one item per correction, newest first', async () => {
    const xml = correctionsRssFeed(entries);
    expect(parseXml(xml).documentElement?.getAttribute('version')).toBe('2.0');
    const feed = await new Parser().parseString(xml);
    expect(feed).toMatchObject({
      title: 'Corrections and clarifications | Broadsheet',
      link: 'http://localhost:3000/corrections',
      lastBuildDate: 'Mon, 23 Nov 2026 08:00:00 +0800',
    });
    expect(
      feed.items.map(({ title, link, guid, pubDate, content }) => ({
        title,
        link,
        guid,
        pubDate,
        content,
      })),
    ).toEqual([
      {
        title: 'Clarification: Headline magnet-exports',
        link: 'http://localhost:3000/article/magnet-exports',
        guid: 'urn:broadsheet:correction:magnet-exports:2026-11-23T00:00:00Z:clarification',
        pubDate: 'Mon, 23 Nov 2026 08:00:00 +0800',
        content: 'Exports are measured by weight.',
      },
      {
        title: 'Correction: Headline magnet-exports',
        link: 'http://localhost:3000/article/magnet-exports',
        guid: 'urn:broadsheet:correction:magnet-exports:2026-11-21T02:00:00Z:correction',
        pubDate: 'Sat, 21 Nov 2026 10:00:00 +0800',
        content: HOSTILE,
      },
    ]);
  });

  it('names itself with a self link', () => {
    const self = parseXml(correctionsRssFeed(entries)).getElementsByTagNameNS(
      'http://www.w3.org/2005/Atom',
      'link',
    )[0];
    expect(self?.getAttribute('href')).toBe('http://localhost:3000/corrections/rss.xml');
    expect(self?.getAttribute('rel')).toBe('self');
  });

  it('keeps every guid when the text or the way the date is written changes', () => {
    const guids = (list: ArticleCorrection[]) =>
      Array.from(parseXml(correctionsRssFeed(list)).getElementsByTagName('guid')).map(
        (node) => node.textContent,
      );
    const edited = [
      entry(
        story,
        'clarification',
        '2026-11-23T00:00:00Z',
        'Exports are measured by weight, in tonnes.',
      ),
      entry(story, 'correction', '2026-11-21T02:00:00Z', 'Reworded.'),
    ];
    expect(guids(edited)).toEqual(guids(entries));
  });

  it('holds at most the newest 50 corrections', async () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      entry(
        story,
        'correction',
        new Date(Date.UTC(2026, 10, 28) - index * 60_000).toISOString(),
        `Fix ${index}`,
      ),
    );
    const feed = await new Parser().parseString(correctionsRssFeed(many));
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]?.content).toBe('Fix 0');
  });

  it('is a valid, empty channel when nothing has been corrected', () => {
    const document = parseXml(correctionsRssFeed([]));
    expect(document.getElementsByTagName('item')).toHaveLength(0);
    expect(document.getElementsByTagName('lastBuildDate')).toHaveLength(0);
  });

  it('never carries a correction to a draft (the fixture site)', async () => {
    const content = await fixtureContent();
    const draft = content.articles.find((article) => article.slug === 'a-draft');
    expect(draft?.corrections.map((correction) => correction.text)).toEqual([
      'This correction belongs to a draft and must never be published.',
    ]);
    const { corrections } = buildPublishedIndex(content, Date.UTC(2026, 11, 1));
    const xml = correctionsRssFeed(corrections);
    expect(xml).not.toContain('belongs to a draft');
    expect(xml).not.toContain('A draft that must never appear');
  });
});

describe('corrections page metadata', () => {
  it('has its own canonical address per page and advertises the corrections feed beside the site feeds', () => {
    const first = correctionsMetadata(1);
    expect(first.title).toBe('Corrections and clarifications');
    expect(first.alternates?.canonical).toBe('http://localhost:3000/corrections');
    expect(first.alternates?.types?.['application/rss+xml']).toEqual([
      { url: 'http://localhost:3000/rss.xml', title: 'Broadsheet (RSS)' },
      {
        url: 'http://localhost:3000/corrections/rss.xml',
        title: 'Corrections and clarifications | Broadsheet (RSS)',
      },
    ]);
    const second = correctionsMetadata(2);
    expect(second.title).toBe('Corrections and clarifications, page 2');
    expect(second.alternates?.canonical).toBe('http://localhost:3000/corrections/page/2');
  });
});
