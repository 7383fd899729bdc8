import type { Article } from '../content/types';

export const RELATED_LIMIT = 4;

/**
 * Up to four stories to read next: those sharing the most topics first, then those from the
 * same section, newest first within each. Never the article itself; `candidates` must hold
 * published articles only.
 */
export function relatedArticles(article: Article, candidates: readonly Article[], limit = RELATED_LIMIT): Article[] {
  const topics = new Set(article.topics.map((topic) => topic.slug));
  return candidates
    .filter((candidate) => candidate.slug !== article.slug)
    .map((candidate) => ({
      candidate,
      sharedTopics: candidate.topics.filter((topic) => topics.has(topic.slug)).length,
      sameSection: candidate.section.id === article.section.id ? 1 : 0,
    }))
    .filter(({ sharedTopics, sameSection }) => sharedTopics > 0 || sameSection > 0)
    .sort(
      (a, b) =>
        b.sharedTopics - a.sharedTopics ||
        b.sameSection - a.sameSection ||
        b.candidate.publishedAt.epochMs - a.candidate.publishedAt.epochMs,
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
