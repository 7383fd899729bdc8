import type { Section } from '@/lib/content/types';
import { SEARCH_WINDOWS } from '@/lib/search/types';
import type { SearchRequest, SearchWindow } from '@/lib/search/types';
import { searchPath } from '@/lib/urls';
import { SearchFilterGroup } from './SearchFilterGroup';
import type { FilterChoice } from './SearchFilterGroup';

type Props = {
  request: SearchRequest;
  sections: readonly Section[];
};

const WINDOW_NAMES: Record<SearchWindow, string> = {
  day: 'Past day',
  week: 'Past week',
  month: 'Past month',
  year: 'Past year',
};

/**
 * Narrowing a search by section and by time, as links (so they work without JavaScript and
 * each filtered search has its own address). A new filter starts again at page 1; the choice
 * in force is marked `aria-current`.
 */
export function SearchFilters({ request, sections }: Props) {
  const base = { q: request.q, section: request.section, within: request.within };
  const sectionChoices: FilterChoice[] = [
    {
      key: 'all',
      name: 'All sections',
      href: searchPath({ ...base, section: undefined }),
      current: !request.section,
    },
    ...sections.map((section) => ({
      key: section.id,
      name: section.name,
      href: searchPath({ ...base, section: section.id }),
      current: request.section === section.id,
    })),
  ];
  const windowChoices: FilterChoice[] = [
    {
      key: 'any',
      name: 'Any time',
      href: searchPath({ ...base, within: undefined }),
      current: !request.within,
    },
    ...SEARCH_WINDOWS.map((within) => ({
      key: within,
      name: WINDOW_NAMES[within],
      href: searchPath({ ...base, within }),
      current: request.within === within,
    })),
  ];
  return (
    <nav className="search-filters" aria-label="Refine results">
      <SearchFilterGroup id="search-filter-section" label="Section" choices={sectionChoices} />
      <SearchFilterGroup id="search-filter-time" label="Published" choices={windowChoices} />
    </nav>
  );
}
