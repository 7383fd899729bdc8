import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from '@playwright/test';
import { ICON_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '../../lib/http/cacheControl';
import { structuredData } from '../support/structuredData';

const ARTICLE = '/article/china-rare-earths-spy-warning';
const ORIGIN = 'http://localhost:3000';

test.describe('what search engines read', () => {
  test.skip(({ isMobile }) => isMobile, 'crawlers get the same HTML at any width: checked once, on desktop');

  test('an article page carries full metadata', async ({ page }) => {
    await page.goto(ARTICLE);
    const meta = (selector: string) => page.locator(`head ${selector}`).first();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page).toHaveTitle('China warns foreign spies are targeting its rare earths industry | Broadsheet');
    await expect(meta('meta[name="description"]')).toHaveAttribute('content', /^.{20,300}$/);
    await expect(meta('link[rel="canonical"]')).toHaveAttribute('href', `${ORIGIN}${ARTICLE}`);
    await expect(meta('meta[name="robots"]')).toHaveAttribute('content', /max-image-preview:large/);
    await expect(meta('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(meta('meta[property="og:title"]')).toHaveAttribute('content', 'China warns foreign spies are targeting its rare earths industry');
    await expect(meta('meta[property="og:url"]')).toHaveAttribute('content', `${ORIGIN}${ARTICLE}`);
    await expect(meta('meta[property="og:site_name"]')).toHaveAttribute('content', 'Broadsheet');
    await expect(meta('meta[property="og:image"]')).toHaveAttribute('content', `${ORIGIN}/images/china-rare-earths-spy-warning.jpg`);
    await expect(meta('meta[property="og:image:width"]')).toHaveAttribute('content', '1600');
    await expect(meta('meta[property="og:image:height"]')).toHaveAttribute('content', '900');
    await expect(meta('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(meta('meta[property="article:published_time"]')).toHaveAttribute('content', /^2026-11-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    await expect(meta('meta[property="article:modified_time"]')).toHaveAttribute('content', /\+08:00$/);
    await expect(meta('meta[property="article:section"]')).toHaveAttribute('content', 'China');
    await expect(meta('meta[property="article:tag"]')).toHaveAttribute('content', /\S/);
    await expect(meta('meta[property="article:author"]')).toHaveAttribute('content', `${ORIGIN}/author/mei-lin-zhou`);
    for (const type of ['application/rss+xml', 'application/atom+xml', 'application/feed+json']) {
      await expect(meta(`link[rel="alternate"][type="${type}"]`)).toHaveAttribute('href', /^http:\/\/localhost:3000\//);
    }
  });

  test('an article page has NewsArticle and BreadcrumbList structured data matching the page', async ({ page }) => {
    await page.goto(ARTICLE);
    const data = await structuredData(page);
    const article = data.find((item) => item['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      headline: await page.getByRole('heading', { level: 1 }).textContent(),
      author: [{ '@type': 'Person', name: 'Mei Lin Zhou', url: `${ORIGIN}/author/mei-lin-zhou` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Broadsheet' },
      mainEntityOfPage: { '@id': `${ORIGIN}${ARTICLE}` },
      isAccessibleForFree: true,
    });
    const crumbs = data.find((item) => item['@type'] === 'BreadcrumbList');
    const visible = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem').allTextContents();
    expect(visible.length).toBeGreaterThan(1);
    expect(crumbs).toMatchObject({ itemListElement: visible.map((name) => expect.objectContaining({ name })) });
  });

  test('the built article HTML passes the Nu HTML Checker', async ({ request }) => {
    const html = await (await request.get(ARTICLE)).text();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vnu-')), 'article.html');
    writeFileSync(file, html);
    const jar = path.join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');
    // vnu writes its JSON report to standard error.
    const result = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', file], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    const messages: { type: string; message: string }[] = JSON.parse(result.stderr).messages;
    expect(messages.filter((message) => message.type === 'error').map((message) => message.message)).toEqual([]);
  });

  test('/favicon.ico, which browsers and feed readers ask for unprompted, is the site icon', async ({ request }) => {
    const response = await request.get('/favicon.ico');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = await response.body();
    // An icon directory (reserved 0, type 1) holding three images.
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4)]).toEqual([0, 1, 3]);
  });

  test('the icons every page view asks for are kept by the browser for a day', async ({ request, page }) => {
    await page.goto('/');
    const linked = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href') ?? ''),
    );
    expect(linked).toHaveLength(2);
    for (const address of ['/favicon.ico', ...linked]) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(200);
      expect(response.headers()['cache-control'], address).toBe(ICON_CACHE_CONTROL);
    }
    // A page next to them still asks every time.
    expect((await request.get('/latest')).headers()['cache-control']).toBe(PAGE_CACHE_CONTROL);
  });

  test('robots.txt allows crawling but for search, preview and internal routes, and lists every sitemap', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/User-Agent: \*\nAllow: \/\nDisallow: \/search\nDisallow: \/api\/\nDisallow: \/internal\/\n/i);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml`);
  });

  for (const [file, root, type] of [
    ['/sitemap.xml', 'urlset', 'application/xml'],
    ['/news-sitemap.xml', 'urlset', 'application/xml'],
    ['/rss.xml', 'rss', 'application/rss+xml'],
    ['/atom.xml', 'feed', 'application/atom+xml'],
    ['/section/china/rss.xml', 'rss', 'application/rss+xml'],
    ['/section/china/atom.xml', 'feed', 'application/atom+xml'],
  ] as const) {
    test(`${file} is well-formed XML served as ${type}`, async ({ request }) => {
      const response = await request.get(file);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      const errors: string[] = [];
      const document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(
        await response.text(),
        'text/xml',
      );
      expect(errors).toEqual([]);
      expect(document.documentElement?.localName).toBe(root);
    });
  }

  test('the JSON Feeds parse', async ({ request }) => {
    for (const file of ['/feed.json', '/section/economy/feed.json']) {
      const feed: unknown = await (await request.get(file)).json();
      expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1' });
    }
  });

  test('the 404 page asks not to be indexed', async ({ page }) => {
    await page.goto('/no-such-story');
    await expect(page.locator('head meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
  });
});
