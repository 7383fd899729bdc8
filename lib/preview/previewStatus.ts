import { isPublished } from '../content/publishedIndex';
import type { Article } from '../content/types';
import type { Timestamp } from '../content/timestamp';

/** Where an article stands for an editor previewing it. */
export type PreviewStatus =
  { kind: 'published' } | { kind: 'draft' } | { kind: 'scheduled'; at: Timestamp };

export function previewStatus(article: Article, now: number): PreviewStatus {
  if (article.draft) return { kind: 'draft' };
  if (!isPublished(article, now)) return { kind: 'scheduled', at: article.publishedAt };
  return { kind: 'published' };
}
