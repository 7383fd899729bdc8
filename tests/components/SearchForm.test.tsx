// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteHeader } from '@/components/site/SiteHeader';
import { searchPath } from '@/lib/urls';

afterEach(cleanup);

const SECTIONS = [
  { id: 'china', name: 'China', order: 1, descriptionHtml: '' },
  { id: 'economy', name: 'Economy', order: 2, descriptionHtml: '' },
];

describe('the header search form', () => {
  it('is a labelled search landmark that sends q to /search by GET, with a Search button', () => {
    render(<SiteHeader siteName="Broadsheet" sections={SECTIONS} />);
    const banner = screen.getByRole('banner');
    const form = within(banner).getByRole('search', { name: 'Site search' });
    expect(form.getAttribute('action')).toBe('/search');
    expect(form.getAttribute('method')).toBe('get');
    const field = within(form).getByRole('searchbox', { name: 'Search Broadsheet' });
    expect(field.getAttribute('name')).toBe('q');
    expect(within(form).getByRole('button', { name: 'Search' }).getAttribute('type')).toBe(
      'submit',
    );
    expect(form.querySelectorAll('input[type="hidden"]')).toHaveLength(0);
  });

  it('sits between the masthead and the section navigation, which are unchanged', () => {
    render(<SiteHeader siteName="Broadsheet" sections={SECTIONS} currentSectionId="china" />);
    const banner = screen.getByRole('banner');
    const order = [...banner.querySelectorAll('.masthead, form, nav, details')].map(
      (element) => element.getAttribute('aria-label') ?? element.className,
    );
    expect(order).toEqual(['masthead', 'Site search', 'Sections', 'section-menu', 'Sections menu']);
    expect(
      within(screen.getByRole('navigation', { name: 'Sections' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['China', 'Economy']);
  });
});

describe('searchPath', () => {
  it.each([
    [{}, '/search'],
    [{ q: 'rare earths' }, '/search?q=rare+earths'],
    [{ q: 'magnet', page: 1 }, '/search?q=magnet'],
    [{ q: 'magnet', page: 2 }, '/search?q=magnet&page=2'],
    [
      { q: '稀土', section: 'china', within: 'year' as const, page: 3 },
      '/search?q=%E7%A8%80%E5%9C%9F&section=china&within=year&page=3',
    ],
    [{ q: 'a&b=c#d' }, '/search?q=a%26b%3Dc%23d'],
  ])('builds %j as %s', (request, expected) => {
    expect(searchPath(request)).toBe(expected);
  });
});
