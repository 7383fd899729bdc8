import type { ReactNode } from 'react';
import type { Article, Section } from '@/lib/content/types';
import type { SearchResults } from '@/lib/search/types';
import { NoResults } from './NoResults';
import { SearchFilters } from './SearchFilters';
import { SearchForm } from './SearchForm';
import { SearchPagination } from './SearchPagination';
import { SearchResultsList } from './SearchResultsList';
import { SearchSuggestion } from './SearchSuggestion';

type Props = {
  results: SearchResults;
  sections: readonly Section[];
  /** The newest stories, shown when nothing matched. */
  latest: readonly Article[];
};

/**
 * "12 results for “magnet”", "No results for “magnit”", or "Search" before anything is asked.
 * The query is isolated (`<bdi>`), so an Arabic or Hebrew query ending in a digit or a mark
 * keeps its own order instead of mixing with the English around it.
 */
function heading({ request, total, page }: SearchResults): ReactNode {
  const trimmed = request.q.trim();
  if (!trimmed) return 'Search';
  const q = <bdi>{trimmed}</bdi>;
  if (total === 0 || !page) return <>No results for “{q}”</>;
  const count = `${total.toLocaleString('en-GB')} ${total === 1 ? 'result' : 'results'}`;
  return (
    <>
      {count} for “{q}”{page.page > 1 ? `, page ${page.page}` : ''}
    </>
  );
}

/**
 * The search page: the form with the query, the filters, then one page of results (after a
 * "Did you mean" when a word was found only as a near spelling), or, when nothing matched, a
 * suggestion and the latest stories. Without a query it only asks for one.
 */
export function SearchView({ results, sections, latest }: Props) {
  const { request, page } = results;
  const asked = request.q.trim() !== '';
  return (
    <div className="search-page">
      <header className="search-page__header">
        <h1 className="search-page__title">{heading(results)}</h1>
        <SearchForm variant="page" request={request} />
        {results.cut && <p className="search-page__note">{results.cut}</p>}
      </header>
      {asked && <SearchFilters request={request} sections={sections} />}
      {!asked ? (
        <p className="search-page__prompt">
          Type a word or two from a headline, a name or a place to search every story we have
          published.
        </p>
      ) : page && page.items.length > 0 ? (
        <>
          {results.suggestion && (
            <SearchSuggestion request={request} suggestion={results.suggestion} />
          )}
          <SearchResultsList hits={page.items} />
          <SearchPagination request={request} totalPages={page.totalPages} />
        </>
      ) : (
        <NoResults request={request} suggestion={results.suggestion} latest={latest} />
      )}
    </div>
  );
}
