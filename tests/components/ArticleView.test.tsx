// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleView } from '@/components/article/ArticleView';
import { fixtureArticle } from '../support/fixtureSite';

afterEach(cleanup);

describe('ArticleView', () => {
  it('shows every part of a newspaper article page in reading order', async () => {
    const article = await fixtureArticle('reference-shape');
    const { container } = render(<ArticleView article={article} adsEnabled />);

    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]).toHaveProperty('textContent', 'China warns foreign spies are targeting its rare earths industry');

    expect(screen.getByRole('link', { name: 'China' }).getAttribute('href')).toBe('/section/china');

    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual(article.summary);

    const author = screen.getByRole('link', { name: 'Jane Doe' });
    expect(author.getAttribute('href')).toBe('/author/jane-doe');
    expect(author.parentElement?.textContent).toBe('Jane Doe in Shanghai');
    expect(screen.getByText('China correspondent')).toBeTruthy();

    const times = container.querySelectorAll('time');
    expect([...times].map((time) => [time.getAttribute('datetime'), time.textContent])).toEqual([
      ['2026-11-26T09:30:00+08:00', '26 Nov 2026, 9:30am GMT+8'],
      ['2026-11-26T14:05:00+08:00', '26 Nov 2026, 2:05pm GMT+8'],
    ]);
    expect(screen.getByText(/^Updated/)).toBeTruthy();
    expect(article.wordCount).toBeGreaterThan(345);
    expect(article.wordCount).toBeLessThan(575);
    expect(screen.getByText('Reading time: 2 minutes')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Why you can trust Broadsheet' }).getAttribute('href')).toBe('/about/standards');

    const figures = screen.getAllByRole('figure');
    expect(figures[0]?.textContent).toBe('An open-pit rare earths mine. Photo: Fixture Agency');
    const hero = within(figures[0] ?? container).getByRole('img', { name: 'A mine with terraced pits' });
    expect([hero.getAttribute('width'), hero.getAttribute('height')]).toEqual(['160', '90']);
    expect(figures[1]?.textContent).toBe('Magnets on a production line. Photo: Fixture Agency');

    const ads = screen.getAllByRole('complementary', { name: /^Advertisement( \d+)?$/ });
    expect(ads.length).toBeGreaterThan(0);
    for (const ad of ads) expect(ad.textContent).toBe('Advertisement');

    const topics = within(screen.getByRole('navigation', { name: 'Topics' })).getAllByRole('link');
    expect(topics.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['rare earths', '/topic/rare-earths'],
      ['National Security', '/topic/national-security'],
    ]);
  });

  it('never puts an ad slot before the second paragraph or next to a photo or heading', async () => {
    const article = await fixtureArticle('reference-shape');
    const { container } = render(<ArticleView article={article} adsEnabled />);
    const body = container.querySelector('.article-body');
    const blocks = [...(body?.querySelectorAll(':scope > div > *, :scope > aside') ?? [])];
    const kinds = blocks.map((block) => (block.tagName === 'ASIDE' ? 'ad' : block.tagName.toLowerCase()));
    const firstAd = kinds.indexOf('ad');
    expect(kinds.slice(0, firstAd).filter((kind) => kind === 'p').length).toBeGreaterThanOrEqual(2);
    kinds.forEach((kind, index) => {
      if (kind !== 'ad') return;
      expect(kinds[index - 1]).toBe('p');
      expect(kinds[index + 1]).toBe('p');
    });
  });

  it('shows no ad slot on a story with ads: false', async () => {
    render(<ArticleView article={await fixtureArticle('no-ads-story')} adsEnabled />);
    expect(screen.queryByRole('complementary', { name: /^Advertisement/ })).toBeNull();
    expect(screen.queryByText('Advertisement')).toBeNull();
  });

  it('shows no ad slot when ads are off site-wide', async () => {
    render(<ArticleView article={await fixtureArticle('reference-shape')} adsEnabled={false} />);
    expect(screen.queryByRole('complementary', { name: /^Advertisement/ })).toBeNull();
  });

  it('names every author of a shared byline, without a location when none is set', async () => {
    render(<ArticleView article={await fixtureArticle('two-authors-no-image')} adsEnabled />);
    const names = screen.getByRole('link', { name: 'Jane Doe' }).parentElement;
    expect(names?.textContent).toBe('Jane Doe and Li Wei');
    expect(screen.getByRole('link', { name: 'Li Wei' }).getAttribute('href')).toBe('/author/li-wei');
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.getByText('Reading time: 1 minute')).toBeTruthy();
  });

  it('shows HTML written in every field as harmless text', async () => {
    const article = await fixtureArticle('hostile-everything');
    const { container } = render(<ArticleView article={article} adsEnabled />);
    expect(container.querySelector('script, iframe, form, svg, style, object, embed')).toBeNull();
    expect(container.querySelectorAll('[onerror], [onload], [onclick]')).toHaveLength(0);
    for (const link of container.querySelectorAll('a[href]')) {
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:|\/|#)/);
    }
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      '<script>window.__pwned = 1</script> Headline </script><!-- with tags',
    );
    expect(screen.getByText('<img src=x onerror="window.__pwned=2"> summary bullet')).toBeTruthy();
    expect(screen.getByRole('link', { name: '<script>topic</script>' }).getAttribute('href')).toBe(
      '/topic/script-topic-script',
    );
    expect(container.textContent).not.toContain('a comment that must not reach readers');
    expect(Reflect.get(window, '__pwned')).toBeUndefined();
  });
});
