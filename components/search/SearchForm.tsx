import { site } from '@/lib/config/site';
import type { SearchRequest } from '@/lib/search/types';
import { searchPath } from '@/lib/urls';

type Props = {
  /** The compact field in every page's header, or the search page's own form. */
  variant: 'header' | 'page';
  /** The search page's current search: its words fill the field and its filters are kept. */
  request?: SearchRequest;
};

/**
 * A plain GET form to `/search`: it works without JavaScript, and the results page it leads to
 * has an address a reader can bookmark or share. A new search starts again at page 1.
 */
export function SearchForm({ variant, request }: Props) {
  const id = `search-${variant}-q`;
  const isHeader = variant === 'header';
  return (
    <form
      role="search"
      action={searchPath()}
      method="get"
      className={`search-form search-form--${variant}`}
      aria-label={isHeader ? 'Site search' : 'Search stories'}
    >
      <label htmlFor={id} className={isHeader ? 'visually-hidden' : 'search-form__label'}>
        {isHeader ? `Search ${site.name}` : 'Search for'}
      </label>
      <span className="search-form__row">
        <input
          id={id}
          className="search-form__input"
          type="search"
          name="q"
          defaultValue={request?.q}
          dir="auto"
          autoComplete="off"
          enterKeyHint="search"
        />
        {request?.section && <input type="hidden" name="section" value={request.section} />}
        {request?.within && <input type="hidden" name="within" value={request.within} />}
        <button type="submit" className="search-form__button">
          Search
        </button>
      </span>
    </form>
  );
}
