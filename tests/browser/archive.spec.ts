import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';

/**
 * How the servers treat an archive: the build renders only the newest articles (the fixture
 * site is built with BROADSHEET_PRERENDER_ARTICLES=2, see playwright.config.ts), older ones on
 * their first request; pages are cached until content changes, never on a timer; and what a
 * CDN may keep. (A change reaching a running server is tested in multiInstance.spec.ts.)
 */
const FIXTURE = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;

test.describe('an archive', () => {
  test.skip(({ isMobile }) => isMobile, 'server behaviour does not depend on the viewport: checked once');

  test('builds only the newest articles; an older one is rendered on its first request, then served from the cache', async ({
    request,
  }) => {
    const manifest: { routes: Record<string, unknown> } = JSON.parse(readFileSync('.next-fixture/prerender-manifest.json', 'utf8'));
    const built = Object.keys(manifest.routes).filter((route) => route.startsWith('/article/'));
    expect(built.sort()).toEqual(['/article/hostile-everything', '/article/reference-shape']);

    const first = await request.get(`${FIXTURE}/article/two-authors-no-image`);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain('Two reporters, no photo');
    const again = await request.get(`${FIXTURE}/article/two-authors-no-image`);
    expect(again.headers()['x-nextjs-cache']).toBe('HIT');
    expect(await again.text()).toContain('Two reporters, no photo');
  });

  test('renders nothing while the content stays the same, however often a page is asked for', async ({ request }) => {
    const article = '/article/china-rare-earths-spy-warning';
    const seen = new Set<string>();
    const until = Date.now() + 3000; // three times the old one-second regeneration timer
    while (Date.now() < until) {
      const response = await request.get(article);
      seen.add(response.headers()['x-nextjs-cache'] ?? 'none');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect([...seen]).toEqual(['HIT']);
  });

  test("answers the server's own regeneration call from nobody else", async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { 'x-broadsheet-regenerate': 'guess' }];
    for (const headers of attempts) {
      const response = await request.post('/internal/regenerate?reason=content', { headers });
      expect(response.status()).toBe(404);
    }
    expect((await request.get('/article/china-rare-earths-spy-warning')).headers()['x-nextjs-cache']).toBe('HIT');
  });

  test('lets a CDN keep pages, feeds and photos briefly, but never a not-found page', async ({ request }) => {
    for (const address of ['/', '/article/china-rare-earths-spy-warning', '/rss.xml', '/sitemap.xml']) {
      const cacheControl = (await request.get(address)).headers()['cache-control'];
      expect(cacheControl, address).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    }
    for (const address of ['/article/no-such-story', '/no-such-page', '/latest/page/999']) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(404);
      expect(response.headers()['cache-control'], address).toMatch(/no-store/);
    }
  });
});
