import type { SearchRequest } from '@/lib/search/types';
import { searchPath } from '@/lib/urls';

type Props = {
  request: SearchRequest;
  /** The corrected query. */
  suggestion: string;
};

/** "Did you mean magnet?", linking to that search with the same filters. */
export function SearchSuggestion({ request, suggestion }: Props) {
  return (
    <p className="search-suggestion">
      Did you mean{' '}
      <a href={searchPath({ ...request, q: suggestion, page: 1 })}>
        {suggestion}
      </a>
      ?
    </p>
  );
}
