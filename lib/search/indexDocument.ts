import type { IndexDocument } from './searchIndex';

/** What the index reads of an article: its text by field, and what the filters need. */
export type IndexedArticle = {
  slug: string;
  title: string;
  summary: readonly string[];
  description: string;
  topics: readonly string[];
  section: string;
  publishedAt: number;
  /** The body as plain text (`markdownToPlainText`). */
  body: string;
};

/** An article as an index document: the headline alone, summary and description, topics, body. */
export function indexDocumentOf(article: IndexedArticle): IndexDocument {
  return {
    key: article.slug,
    publishedAt: article.publishedAt,
    section: article.section,
    fields: {
      title: article.title,
      summary: [...article.summary, article.description].join('\n'),
      topics: article.topics.join('\n'),
      body: article.body,
    },
  };
}
