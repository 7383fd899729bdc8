import 'server-only';
import { notFound } from 'next/navigation';
import {
  getCorrections,
  getPublishedArticles,
  getSection,
  getSectionArticles,
} from '../content/queries';
import type { Article } from '../content/types';
import { jsonFeedResponse, xmlResponse } from '../http/responses';
import {
  atomFeed,
  correctionsRssFeed,
  jsonFeed,
  rssFeed,
  sectionFeedChannel,
  siteFeedChannel,
} from './feeds';
import type { FeedChannel } from './feeds';

export type FeedFormat = 'rss' | 'atom' | 'json';

function feedResponse(format: FeedFormat, channel: FeedChannel, articles: readonly Article[]): Response {
  switch (format) {
    case 'rss':
      return xmlResponse(rssFeed(channel, articles), 'application/rss+xml');
    case 'atom':
      return xmlResponse(atomFeed(channel, articles), 'application/atom+xml');
    case 'json':
      return jsonFeedResponse(jsonFeed(channel, articles));
  }
}

/** The site-wide feed in one format: `/rss.xml`, `/atom.xml`, `/feed.json`. */
export async function siteFeedResponse(format: FeedFormat): Promise<Response> {
  return feedResponse(format, siteFeedChannel(), await getPublishedArticles());
}

/** A section's feed in one format, or a 404 for an unknown section. */
export async function sectionFeedResponse(format: FeedFormat, id: string): Promise<Response> {
  const section = await getSection(id);
  if (!section) notFound();
  return feedResponse(format, sectionFeedChannel(section), await getSectionArticles(id));
}

/** `/corrections/rss.xml`: the newest corrections and clarifications on published stories. */
export async function correctionsFeedResponse(): Promise<Response> {
  return xmlResponse(correctionsRssFeed(await getCorrections()), 'application/rss+xml');
}
