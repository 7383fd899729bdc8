import type { ResolvedArticle } from './buildArticles';
import { assignTopicSlugs, topicKey } from './topicSlugs';
import type { Article, Topic } from './types';

/**
 * The enhancement stage: what an article page shows beyond what the editor wrote, worked out
 * once per load rather than in components. The steps run in this order:
 *
 * 1. topic addresses, which need every topic on the site to tell colliding slugs apart;
 * 2. corrections oldest first, and the updated time at least the newest correction's date;
 * 3. newest first, the order every list starts from.
 *
 * Related stories depend on which articles are published at the moment, so the published
 * index works them out (`publishedIndex.ts`). What comes from the body (reading time, ad
 * slots) is worked out with the body, when the article's page asks for it (`articleBodies.ts`).
 */
export function enhanceArticles(resolved: readonly ResolvedArticle[]): Article[] {
  const topicAddress = topicAddresses(resolved);
  return resolved
    .map(({ topicNames, ...article }) => ({
      ...article,
      topics: topicNames.map((name) => topicAddress(name)),
      ...datedCorrections(article),
    }))
    .sort(newestFirst);
}

/** Every distinct topic on the site gets its own address (see `assignTopicSlugs`). */
function topicAddresses(articles: readonly ResolvedArticle[]): (name: string) => Topic {
  const slugByKey = assignTopicSlugs(articles.flatMap((article) => article.topicNames));
  return (name) => ({ name, slug: slugByKey.get(topicKey(name)) ?? '' });
}

/** Corrections in the order they were made; an article is updated at least when it was corrected. */
function datedCorrections(article: Pick<Article, 'corrections' | 'updatedAt'>): Pick<Article, 'corrections' | 'updatedAt'> {
  const corrections = article.corrections.toSorted((a, b) => a.date.epochMs - b.date.epochMs);
  const newest = corrections.at(-1)?.date;
  const updatedAt =
    newest && (!article.updatedAt || newest.epochMs > article.updatedAt.epochMs) ? newest : article.updatedAt;
  return { corrections, updatedAt };
}

/** Newest first; articles published at the same instant in slug order, so every run agrees. */
function newestFirst(a: Article, b: Article): number {
  return b.publishedAt.epochMs - a.publishedAt.epochMs || a.slug.localeCompare(b.slug);
}
