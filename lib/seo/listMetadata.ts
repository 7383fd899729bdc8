import type { Metadata } from 'next';
import { site } from '../config/site';
import type { Author, Section } from '../content/types';
import type { TopicWithArticles } from '../lists/collectTopics';
import type { SearchRequest } from '../search/types';
import {
  authorPath,
  correctionsPath,
  latestPath,
  listPagePath,
  searchPath,
  sectionPath,
  topicPath,
} from '../urls';
import { correctionsFeed } from './feeds';
import { pageMetadata } from './pageMetadata';

const pageSuffix = (page: number) => (page > 1 ? `, page ${page}` : '');

/**
 * Later pages of a list stay indexable with their own canonical address: each lists
 * different stories, which is what Google asks of paginated series.
 */
export function sectionMetadata(section: Section, page: number): Metadata {
  return pageMetadata({
    title: `${section.name} news${pageSuffix(page)}`,
    description: `The latest ${section.name} news, analysis and photos from ${site.name}.`,
    path: listPagePath(sectionPath(section.id), page),
    section,
  });
}

export function topicMetadata(topic: TopicWithArticles, page: number): Metadata {
  return pageMetadata({
    title: `${topic.name}: latest news${pageSuffix(page)}`,
    description: `Every ${site.name} story about ${topic.name}, newest first.`,
    path: listPagePath(topicPath(topic.slug), page),
  });
}

export function authorMetadata(author: Author, page: number): Metadata {
  return pageMetadata({
    title: `${author.role ? `${author.name}, ${author.role}` : author.name}${pageSuffix(page)}`,
    description: `Stories by ${author.name}${author.role ? `, ${author.role}` : ''}, for ${site.name}.`,
    path: listPagePath(authorPath(author.id), page),
    image: author.avatar,
  });
}

export function latestMetadata(page: number): Metadata {
  return pageMetadata({
    title: `Latest news${pageSuffix(page)}`,
    description: `Every story from ${site.name}, newest first.`,
    path: listPagePath(latestPath, page),
  });
}

/** The corrections column, which also advertises its own RSS feed. */
export function correctionsMetadata(page: number): Metadata {
  return pageMetadata({
    title: `Corrections and clarifications${pageSuffix(page)}`,
    description: `Every correction and clarification ${site.name} has published, newest first, with a link to the story it fixes.`,
    path: listPagePath(correctionsPath, page),
    rssFeed: correctionsFeed,
  });
}

/**
 * A search page: never indexed (results are as many as the queries readers type), but its links
 * to stories may be followed.
 */
export function searchMetadata(request: SearchRequest): Metadata {
  const q = request.q.trim();
  return pageMetadata({
    title: q ? `Search results for “${q}”${pageSuffix(request.page)}` : 'Search',
    description: `Search every story ${site.name} has published.`,
    path: searchPath(request),
    noindex: true,
  });
}
