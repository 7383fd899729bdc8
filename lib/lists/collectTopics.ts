import type { Article } from '../content/types';

/** A topic page's data: every published article tagged with the topic, newest first. */
export type TopicWithArticles = {
  slug: string;
  /** The spelling most articles use; on a tie, the newest article's. */
  name: string;
  articles: Article[];
};

/** Groups articles (newest first) by topic address. */
export function collectTopics(articles: readonly Article[]): TopicWithArticles[] {
  const bySlug = new Map<string, { articles: Article[]; spellings: Map<string, number> }>();
  for (const article of articles) {
    for (const topic of article.topics) {
      const entry = bySlug.get(topic.slug) ?? { articles: [], spellings: new Map<string, number>() };
      entry.articles.push(article);
      entry.spellings.set(topic.name, (entry.spellings.get(topic.name) ?? 0) + 1);
      bySlug.set(topic.slug, entry);
    }
  }
  return [...bySlug].map(([slug, entry]) => {
    let name = '';
    let best = 0;
    for (const [spelling, count] of entry.spellings) {
      if (count > best) {
        name = spelling;
        best = count;
      }
    }
    return { slug, name, articles: entry.articles };
  });
}
