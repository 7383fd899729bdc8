import { site } from '@/lib/config/site';
import { formatDateTime } from '@/lib/format/formatDateTime';
import type { SearchHit } from '@/lib/search/types';
import { articlePath, sectionPath } from '@/lib/urls';
import { MarkedText } from './MarkedText';

type Props = { hit: SearchHit };

/**
 * One search result: the section, the headline and the passage that matched best, with the
 * matched words marked, and the time. Styled as a story card, without the photo.
 */
export function SearchResult({ hit }: Props) {
  const { article } = hit;
  return (
    <article className="search-result">
      <p className="story-card__section">
        <a href={sectionPath(article.section.id)}>
          {article.section.name}
        </a>
      </p>
      <h2 className="story-card__headline">
        <a href={articlePath(article.slug)}>
          <MarkedText parts={hit.title} />
        </a>
      </h2>
      {hit.passage.length > 0 && (
        <p className="search-result__passage">
          <MarkedText parts={hit.passage} />
        </p>
      )}
      <p className="story-card__time">
        <time dateTime={article.publishedAt.iso}>
          {formatDateTime(article.publishedAt, site.timeZone)}
        </time>
      </p>
    </article>
  );
}
