import type { Article } from '../content/types';

const RELATED_LIMIT = 4;

type Scored = { candidate: Article; sharedTopics: number; sameSection: number };

/** True when `a` ranks above `b`: more shared topics, then same section, then newer. */
function ranksAbove(a: Scored, b: Scored): boolean {
  if (a.sharedTopics !== b.sharedTopics) return a.sharedTopics > b.sharedTopics;
  if (a.sameSection !== b.sameSection) return a.sameSection > b.sameSection;
  return a.candidate.publishedAt.epochMs > b.candidate.publishedAt.epochMs;
}

/**
 * Up to four stories to read next: those sharing the most topics first, then those from the
 * same section, newest first within each. Never the article itself; `candidates` must hold
 * published articles only.
 *
 * One pass that keeps only the best `limit` so far, so a page of a 10,000-story archive
 * costs a scan, not a sort of the whole archive.
 */
export function relatedArticles(article: Article, candidates: readonly Article[], limit = RELATED_LIMIT): Article[] {
  const topics = new Set(article.topics.map((topic) => topic.slug));
  const best: Scored[] = [];
  for (const candidate of candidates) {
    if (candidate.slug === article.slug) continue;
    let sharedTopics = 0;
    for (const topic of candidate.topics) if (topics.has(topic.slug)) sharedTopics++;
    const sameSection = candidate.section.id === article.section.id ? 1 : 0;
    if (sharedTopics === 0 && sameSection === 0) continue;
    const scored = { candidate, sharedTopics, sameSection };
    const last = best[best.length - 1];
    if (best.length === limit && last && !ranksAbove(scored, last)) continue;
    let index = best.length;
    while (index > 0 && ranksAbove(scored, best[index - 1] ?? scored)) index--;
    best.splice(index, 0, scored);
    if (best.length > limit) best.pop();
  }
  return best.map(({ candidate }) => candidate);
}
