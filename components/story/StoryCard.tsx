import Link from 'next/link';
import { site } from '@/lib/config/site';
import type { Article } from '@/lib/content/types';
import { formatDateTime } from '@/lib/format/formatDateTime';
import { articlePath, sectionPath } from '@/lib/urls';

type Props = { article: Article };

/** One story in a list: section, headline, standfirst and time. */
export function StoryCard({ article }: Props) {
  return (
    <article className="story-card">
      <p className="story-card__section">
        <Link href={sectionPath(article.section.id)}>{article.section.name}</Link>
      </p>
      <h2 className="story-card__headline">
        <Link href={articlePath(article.slug)}>{article.title}</Link>
      </h2>
      <p className="story-card__standfirst">{article.description}</p>
      <p className="story-card__time">
        <time dateTime={article.publishedAt.iso}>{formatDateTime(article.publishedAt, site.timeZone)}</time>
      </p>
    </article>
  );
}
