import type { SearchRequest } from '@/lib/search/types';
import { searchPath } from '@/lib/urls';

type Props = {
  request: SearchRequest;
  totalPages: number;
};

/**
 * Previous and next links through a search's pages, as the story lists have, but by query
 * string (`/search?q=...&page=2`), keeping the query and its filters.
 */
export function SearchPagination({ request, totalPages }: Props) {
  const { page } = request;
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Result pages">
      {page > 1 && (
        <a
          className="pagination__prev"
          href={searchPath({ ...request, page: page - 1 })}
          rel="prev"
        >
          Previous results
        </a>
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <a
          className="pagination__next"
          href={searchPath({ ...request, page: page + 1 })}
          rel="next"
        >
          Next results
        </a>
      )}
    </nav>
  );
}
