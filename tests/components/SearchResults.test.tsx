// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkedText } from '@/components/search/MarkedText';
import { SearchView } from '@/components/search/SearchView';
import { site } from '@/lib/config/site';
import { formatDateTime } from '@/lib/format/formatDateTime';
import type { Section } from '@/lib/content/types';
import type {
  MarkedText as MarkedParts,
  SearchHit,
  SearchRequest,
  SearchResults,
} from '@/lib/search/types';
import { makeArticle, makeArticles } from '../support/makeArticle';

afterEach(cleanup);

const SECTIONS: Section[] = [
  { id: 'china', name: 'China', order: 1, descriptionHtml: '' },
  { id: 'world', name: 'World', order: 2, descriptionHtml: '' },
];

/** "rare [earth] magnets": brackets mark the matched parts. */
function marked(text: string): MarkedParts {
  return text
    .split(/(\[[^\]]*\])/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('[')
        ? { text: part.slice(1, -1), marked: true }
        : { text: part, marked: false },
    );
}

function hit(slug: string, title: string, passage: string, section = 'china'): SearchHit {
  return {
    article: makeArticle(slug, { section, publishedAt: '2026-11-26T09:30:00+08:00' }),
    title: marked(title),
    passage: marked(passage),
  };
}

function results(
  request: Partial<SearchRequest>,
  found: Partial<SearchResults> = {},
): SearchResults {
  const hits = [
    hit(
      'magnet-exports',
      'Rare earth [magnet] exports fall',
      'Shipments of [magnets] fell for a third month.',
    ),
    hit(
      'magnet-buyers',
      'European [magnet] buyers wait for licences',
      'Buyers of [magnet] alloys say delays grow.',
      'world',
    ),
  ];
  return {
    request: { q: 'magnet', page: 1, ...request },
    total: hits.length,
    page: { items: hits, page: request.page ?? 1, totalPages: 1 },
    ...found,
  };
}

function renderView(searchResults: SearchResults) {
  return render(
    <SearchView results={searchResults} sections={SECTIONS} latest={makeArticles(5)} />,
  );
}

describe('MarkedText', () => {
  it('puts <mark> around the matched parts only', () => {
    const { container } = render(
      <p>
        <MarkedText parts={marked('Rare [earth] exports and [magnets]')} />
      </p>,
    );
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'earth',
      'magnets',
    ]);
    expect(container.textContent).toBe('Rare earth exports and magnets');
  });

  it('shows markup in the text, marked or not, as the characters typed', () => {
    const parts = [
      { text: '<script>alert(1)</script> before ', marked: false },
      { text: '<img src=x onerror=alert(2)>', marked: true },
    ];
    const { container } = render(
      <p>
        <MarkedText parts={parts} />
      </p>,
    );
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toBe(
      '<script>alert(1)</script> before <img src=x onerror=alert(2)>',
    );
    expect(container.querySelector('mark')?.textContent).toBe('<img src=x onerror=alert(2)>');
  });
});

describe('SearchView with results', () => {
  it('says how many stories matched the query', () => {
    renderView(results({}));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('2 results for “magnet”');
  });

  it('shows each result’s headline linked to the story, its section, date and best passage', () => {
    renderView(results({}));
    const first = screen.getAllByRole('article')[0];
    if (!first) throw new Error('no result shown');
    const headline = within(first).getByRole('heading', { level: 2 });
    expect(headline.textContent).toBe('Rare earth magnet exports fall');
    expect(within(headline).getByRole('link').getAttribute('href')).toBe('/article/magnet-exports');
    expect([...headline.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'magnet',
    ]);
    expect(within(first).getByRole('link', { name: 'CHINA' }).getAttribute('href')).toBe(
      '/section/china',
    );
    const time = first.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2026-11-26T09:30:00+08:00');
    expect(time?.textContent).toBe(
      formatDateTime(
        makeArticle('any', { publishedAt: '2026-11-26T09:30:00+08:00' }).publishedAt,
        site.timeZone,
      ),
    );
    expect(within(first).getByText(/Shipments of/).innerHTML).toBe(
      'Shipments of <mark>magnets</mark> fell for a third month.',
    );
  });

  it('keeps the query and its filters in the previous and next links, and leaves page 1 out', () => {
    const request = { q: 'rare earth', page: 2, section: 'china', within: 'week' as const };
    renderView(
      results(request, {
        total: 45,
        page: { items: results({}).page?.items ?? [], page: 2, totalPages: 3 },
      }),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      '45 results for “rare earth”, page 2',
    );
    const pages = screen.getByRole('navigation', { name: 'Result pages' });
    expect(within(pages).getByRole('link', { name: 'Previous results' }).getAttribute('href')).toBe(
      '/search?q=rare+earth&section=china&within=week',
    );
    expect(within(pages).getByRole('link', { name: 'Next results' }).getAttribute('href')).toBe(
      '/search?q=rare+earth&section=china&within=week&page=3',
    );
    expect(within(pages).getByText('Page 2 of 3')).toBeTruthy();
  });

  it('shows no page links when every result fits on one page', () => {
    renderView(results({}));
    expect(screen.queryByRole('navigation', { name: 'Result pages' })).toBeNull();
  });

  it('offers section and time filters that keep the query, marking the current choice', () => {
    renderView(results({ q: 'magnet', page: 2, section: 'world' }));
    const filters = screen.getByRole('navigation', { name: 'Refine results' });
    const current = filters.querySelectorAll('[aria-current="page"]');
    expect([...current].map((link) => link.textContent)).toEqual(['World', 'Any time']);
    expect(within(filters).getByRole('link', { name: 'All sections' }).getAttribute('href')).toBe(
      '/search?q=magnet',
    );
    expect(within(filters).getByRole('link', { name: 'China' }).getAttribute('href')).toBe(
      '/search?q=magnet&section=china',
    );
    expect(within(filters).getByRole('link', { name: 'Past week' }).getAttribute('href')).toBe(
      '/search?q=magnet&section=world&within=week',
    );
    expect(
      within(filters)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'All sections',
      'China',
      'World',
      'Any time',
      'Past day',
      'Past week',
      'Past month',
      'Past year',
    ]);
  });

  it('fills the search form with the query and keeps the filters in it', () => {
    const { container } = renderView(
      results({ q: 'magnet', page: 2, section: 'world', within: 'month' }),
    );
    const form = screen.getByRole('search', { name: 'Search stories' });
    expect(form.getAttribute('action')).toBe('/search');
    expect(within(form).getByRole('searchbox', { name: 'Search for' })).toHaveProperty(
      'value',
      'magnet',
    );
    const hidden = [...container.querySelectorAll<HTMLInputElement>('form input[type="hidden"]')];
    expect(hidden.map((input) => [input.name, input.value])).toEqual([
      ['section', 'world'],
      ['within', 'month'],
    ]);
  });

  it('offers the corrected spelling above results found through a near spelling', () => {
    renderView(results({ q: 'magnit', section: 'china' }, { suggestion: 'magnet' }));
    const suggestion = screen.getByRole('link', { name: 'magnet' });
    expect(suggestion.getAttribute('href')).toBe('/search?q=magnet&section=china');
    expect(suggestion.parentElement?.textContent).toBe('Did you mean magnet?');
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('says when the query was shortened, as a note rather than an error', () => {
    const note = 'Your search was shortened to its first 20 words.';
    renderView(results({}, { cut: note }));
    expect(screen.getByText(note)).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('shows a hostile query as text', () => {
    const q = '<script>alert(1)</script>';
    const { container } = renderView(results({ q }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`2 results for “${q}”`);
    expect(container.querySelector('script')).toBeNull();
  });

  it('keeps a right-to-left query in its own order, in the heading and the search box', () => {
    const q = 'ما هو النفط؟ 2026!';
    const { container } = renderView(results({ q }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`2 results for “${q}”`);
    expect(heading.querySelector('bdi')?.textContent).toBe(q);
    expect(container.querySelector('input[name="q"]')?.getAttribute('dir')).toBe('auto');
  });
});

describe('SearchView without results', () => {
  const nothing = (request: Partial<SearchRequest>, suggestion?: string) =>
    results(request, { total: 0, page: { items: [], page: 1, totalPages: 1 }, suggestion });

  it('says nothing matched, suggests a spelling and shows the five latest stories', () => {
    renderView(nothing({ q: 'magnit' }, 'magnet'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('No results for “magnit”');
    const suggestion = screen.getByRole('link', { name: 'magnet' });
    expect(suggestion.getAttribute('href')).toBe('/search?q=magnet');
    expect(suggestion.parentElement?.textContent).toBe('Did you mean magnet?');
    const latest = screen.getByRole('region', { name: 'Latest stories' });
    const headlines = within(latest).getAllByRole('heading', { level: 3 });
    expect(headlines.map((heading) => heading.textContent)).toEqual(
      ['story-1', 'story-2', 'story-3', 'story-4', 'story-5'].map((slug) => `Headline ${slug}`),
    );
  });

  it('keeps the filters in the suggestion and offers to drop them', () => {
    renderView(nothing({ q: 'magnit', section: 'china', within: 'day' }, 'magnet'));
    expect(screen.getByRole('link', { name: 'magnet' }).getAttribute('href')).toBe(
      '/search?q=magnet&section=china&within=day',
    );
    expect(
      screen
        .getByRole('link', { name: 'searching every section, at any time' })
        .getAttribute('href'),
    ).toBe('/search?q=magnit');
  });

  it('offers no suggestion when there is none', () => {
    renderView(nothing({ q: 'zzzxq' }));
    expect(screen.queryByText(/Did you mean/)).toBeNull();
    expect(screen.getByRole('region', { name: 'Latest stories' })).toBeTruthy();
  });

  it('treats a page past the last as no results', () => {
    renderView(results({ q: 'zzzxq', page: 4 }, { total: 0, page: undefined }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('No results for “zzzxq”');
  });
});

describe('SearchView before a search', () => {
  it('asks for a query, with no filters, results or latest stories', () => {
    renderView(results({ q: '' }, { total: 0, page: { items: [], page: 1, totalPages: 1 } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Search');
    expect(screen.getByText(/Type a word or two/)).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Search stories' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Refine results' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Latest stories' })).toBeNull();
    expect(screen.queryByRole('article')).toBeNull();
  });
});
