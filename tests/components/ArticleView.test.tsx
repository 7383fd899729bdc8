// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleView } from '@/components/article/ArticleView';
import { site } from '@/lib/config/site';
import type { Article, ArticleBody } from '@/lib/content/types';
import { createWorkspace } from '../support/contentWorkspace';
import { fixtureArticleWithBody, loadWithBodies } from '../support/fixtureSite';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'share');
});

const REFERENCE_SHAPE = path.join(
  import.meta.dirname,
  '..',
  'fixtures',
  'site',
  'content',
  'articles',
  'reference-shape.md',
);

/** The long reference article with `ads: false` added, loaded by the real content pipeline. */
async function referenceShapeWithoutAds(): Promise<{ article: Article; body: ArticleBody }> {
  const source = await readFile(REFERENCE_SHAPE, 'utf8');
  const workspace = await createWorkspace({
    'content/articles/reference-shape.md': source.replace(/^---\n/, '---\nads: false\n'),
  });
  try {
    const { content, body } = await loadWithBodies(workspace.location());
    const article = content.articles.find((candidate) => candidate.slug === 'reference-shape');
    if (!article) throw new Error('reference-shape did not load');
    return { article, body: body(article) };
  } finally {
    await workspace.dispose();
  }
}

/** Every ad slot the reader (or a screen reader) meets: landmarks named "Advertisement ...". */
function adSlots(): HTMLElement[] {
  return screen.queryAllByRole('complementary', { name: /^Advertisement/ });
}

const BLOCKS = 'p, h2, h3, h4, figure, blockquote, ul, ol, table, aside';

/**
 * The story's body as a reader meets it, top to bottom: `p`, `h2`, `figure`, ... and `ad` for an
 * ad slot, from the body's first paragraph to its last (the fixture's first and seventh).
 */
function bodyInReadingOrder(container: HTMLElement): string[] {
  const ads = adSlots();
  const blocks = [...container.querySelectorAll<HTMLElement>(BLOCKS)].filter(
    (block) => !block.parentElement?.closest(BLOCKS),
  );
  const first = blocks.findIndex((block) =>
    block.textContent?.startsWith('First paragraph of the story'),
  );
  const last = blocks.findIndex((block) => block.textContent?.startsWith('Seventh paragraph'));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last).toBeGreaterThan(first);
  return blocks
    .slice(first, last + 1)
    .map((block) => (ads.includes(block) ? 'ad' : block.tagName.toLowerCase()));
}

describe('ArticleView', () => {
  it('shows every part of a newspaper article page in reading order', async () => {
    const { article, body } = await fixtureArticleWithBody('reference-shape');
    const { container } = render(<ArticleView article={article} body={body} adsEnabled />);

    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]).toHaveProperty(
      'textContent',
      'China warns foreign spies are targeting its rare earths industry',
    );

    expect(screen.getByRole('link', { name: 'China' }).getAttribute('href')).toBe('/section/china');

    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(article.summary);

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
    expect(body.wordCount).toBeGreaterThan(345);
    expect(body.wordCount).toBeLessThan(575);
    expect(screen.getByText('Reading time: 2 minutes')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Why you can trust Broadsheet' }).getAttribute('href'),
    ).toBe('/about/standards');

    const figures = screen.getAllByRole('figure');
    expect(figures[0]?.textContent).toBe('An open-pit rare earths mine. Photo: Fixture Agency');
    const hero = within(figures[0] ?? container).getByRole('img', {
      name: 'A mine with terraced pits',
    });
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

  it('places at least one ad slot between paragraphs of an article long enough to carry one', async () => {
    const { container } = render(
      <ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />,
    );
    const body = bodyInReadingOrder(container);
    expect(body.filter((kind) => kind === 'ad').length).toBeGreaterThan(0);
    for (const slot of adSlots()) expect(slot.textContent).toContain('Advertisement');
  });

  it('never puts an ad slot before the second paragraph or next to a photo or heading', async () => {
    const { container } = render(
      <ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />,
    );
    const body = bodyInReadingOrder(container);
    const firstAd = body.indexOf('ad');
    // Without a slot the rules below would hold vacuously.
    expect(firstAd).toBeGreaterThan(0);
    expect(body.slice(0, firstAd).filter((kind) => kind === 'p').length).toBeGreaterThanOrEqual(2);
    body.forEach((kind, index) => {
      if (kind !== 'ad') return;
      expect(
        [body[index - 1], body[index + 1]],
        `around the slot at block ${index} of ${body.join(' ')}`,
      ).toEqual(['p', 'p']);
    });
  });

  it('shows no ad slot on a story with ads: false, however long', async () => {
    const { container } = render(<ArticleView {...await referenceShapeWithoutAds()} adsEnabled />);
    expect(bodyInReadingOrder(container).filter((kind) => kind === 'p')).toHaveLength(7);
    expect(adSlots()).toEqual([]);
    expect(screen.queryByText('Advertisement')).toBeNull();
  });

  it('shows no ad slot on the sensitive fixture story (ads: false)', async () => {
    render(<ArticleView {...await fixtureArticleWithBody('no-ads-story')} adsEnabled />);
    expect(screen.getByText(/^Fourth paragraph/)).toBeTruthy();
    expect(adSlots()).toEqual([]);
    expect(screen.queryByText('Advertisement')).toBeNull();
  });

  it('shows no ad slot when ads are off site-wide', async () => {
    const { container } = render(
      <ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled={false} />,
    );
    expect(bodyInReadingOrder(container).filter((kind) => kind === 'p')).toHaveLength(7);
    expect(adSlots()).toEqual([]);
    expect(screen.queryByText('Advertisement')).toBeNull();
  });

  it('names every author of a shared byline, without a location when none is set', async () => {
    render(<ArticleView {...await fixtureArticleWithBody('two-authors-no-image')} adsEnabled />);
    const names = screen.getByRole('link', { name: 'Jane Doe' }).parentElement;
    expect(names?.textContent).toBe('Jane Doe and Li Wei');
    expect(screen.getByRole('link', { name: 'Li Wei' }).getAttribute('href')).toBe(
      '/author/li-wei',
    );
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.getByText('Reading time: 1 minute')).toBeTruthy();
  });

  describe('sharing', () => {
    const headline = 'China warns foreign spies are targeting its rare earths industry';
    const url = `${site.url}/article/reference-shape`;
    const encodedUrl = encodeURIComponent(url);
    const encodedHeadline = encodeURIComponent(headline);

    it.each([
      ['Share by email', `mailto:?subject=${encodedHeadline}&body=${encodedUrl}`],
      ['Share on X', `https://twitter.com/intent/tweet?url=${encodedUrl}&text=${encodedHeadline}`],
      ['Share on Facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`],
      ['Share on LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`],
      ['Share on WhatsApp', `https://wa.me/?text=${encodedHeadline}%20${encodedUrl}`],
      [
        'Share on Bluesky',
        `https://bsky.app/intent/compose?text=${encodedHeadline}%20${encodedUrl}`,
      ],
    ])('has a "%s" link to the canonical URL', async (name, href) => {
      render(<ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />);
      const links = within(screen.getByRole('list', { name: 'Share this article' }));
      expect(links.getByRole('link', { name }).getAttribute('href')).toBe(href);
    });

    it('shows each network by name and opens it in a new tab, email in the mail program', async () => {
      render(<ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />);
      const links = within(screen.getByRole('list', { name: 'Share this article' })).getAllByRole(
        'link',
      );
      expect(
        links.map((link) => [
          link.textContent,
          link.getAttribute('target'),
          link.getAttribute('rel'),
        ]),
      ).toEqual([
        ['Email', null, null],
        ['X', '_blank', 'noopener noreferrer'],
        ['Facebook', '_blank', 'noopener noreferrer'],
        ['LinkedIn', '_blank', 'noopener noreferrer'],
        ['WhatsApp', '_blank', 'noopener noreferrer'],
        ['Bluesky', '_blank', 'noopener noreferrer'],
      ]);
    });

    it('places the share links with the byline and dates, before the story', async () => {
      const { container } = render(
        <ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />,
      );
      const share = screen.getByRole('list', { name: 'Share this article' });
      expect(share.closest('.article__meta')).toBeTruthy();
      expect(share.closest('.share')).toBeTruthy();
      expect(container.querySelectorAll('.share')).toHaveLength(1);
    });

    it('offers no "Share…" button where the browser has no share sheet', async () => {
      render(<ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />);
      expect(screen.queryByRole('button', { name: 'Share…' })).toBeNull();
    });

    it('offers a "Share…" button that opens the share sheet with the headline and URL', async () => {
      const share = vi.fn(() => Promise.resolve());
      Object.defineProperty(navigator, 'share', { value: share, configurable: true });
      render(<ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />);
      fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
      expect(share).toHaveBeenCalledWith({ title: headline, url });
    });

    it('encodes a hostile headline into the share addresses', async () => {
      const { article, body } = await fixtureArticleWithBody('hostile-everything');
      render(<ArticleView article={article} body={body} adsEnabled />);
      const email = screen.getByRole('link', { name: 'Share by email' }).getAttribute('href') ?? '';
      expect(email).toMatch(/^mailto:\?subject=[A-Za-z0-9%._~-]+&body=[A-Za-z0-9%._~-]+$/);
      expect(decodeURIComponent(email.split('&')[0]?.slice('mailto:?subject='.length) ?? '')).toBe(
        article.title,
      );
    });
  });

  it('carries the canonical URL as plain text, for the printed copy', async () => {
    const { container } = render(
      <ArticleView {...await fixtureArticleWithBody('reference-shape')} adsEnabled />,
    );
    const address = container.querySelector('p.article__address');
    expect(address?.textContent).toBe(`Read online: ${site.url}/article/reference-shape`);
    expect(address?.querySelector('a')).toBeNull();
  });

  it('shows HTML written in every field as harmless text', async () => {
    const { article, body } = await fixtureArticleWithBody('hostile-everything');
    const { container } = render(<ArticleView article={article} body={body} adsEnabled />);
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
