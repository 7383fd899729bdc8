import type { SearchHit } from '@/lib/search/types';
import { SearchResult } from './SearchResult';

type Props = { hits: readonly SearchHit[] };

/** One page of search results, best match first. */
export function SearchResultsList({ hits }: Props) {
  return (
    <ol className="search-results">
      {hits.map((hit) => (
        <li key={hit.article.slug}>
          <SearchResult hit={hit} />
        </li>
      ))}
    </ol>
  );
}
