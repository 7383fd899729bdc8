import AxeBuilder from '@axe-core/playwright';
import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from '@playwright/test';
import type { APIResponse } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';
import { structuredData } from '../support/structuredData';

/** The sample story that carries a correction (content/articles/2026/11/...). */
const CORRECTED = '/article/rare-earth-magnet-exports-october';
const HEADLINE = "China's rare earth magnet exports climb to highest level this year";
const CORRECTION_TEXT =
  "An earlier version of this article gave the wrong month for the start of China's export licence rules. They took effect in April.";
const ORIGIN = 'http://localhost:3000';
/** The fixture site: its draft carries a correction that must never be published. */
const FIXTURE = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;
const DRAFT_ONLY = [
  'This correction belongs to a draft and must never be published.',
  'A draft that must never appear',
];

/** Parses a response body as XML strictly: any well-formedness error fails the test. */
async function parseXml(response: APIResponse) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void (level !== 'warning' && errors.push(message)),
  }).parseFromString(await response.text(), 'text/xml');
  expect(errors).toEqual([]);
  return document;
}

test.describe('a corrected article', () => {
  test('shows its correction, labelled and dated, at the end of the story before the topics', async ({
    page,
  }) => {
    await page.goto(CORRECTED);
    const notice = page.getByRole('region', { name: 'Corrections and clarifications' });
    await expect(notice).toBeVisible();
    await expect(notice.getByText('Correction', { exact: true })).toBeVisible();
    const time = notice.locator('time');
    await expect(time).toHaveAttribute('datetime', '2026-11-21T10:00:00+08:00');
    await expect(time).toHaveText('21 Nov 2026, 10:00am GMT+8');
    await expect(notice.getByText(CORRECTION_TEXT)).toBeVisible();

    const bottom = async (locator: typeof notice) => {
      const box = await locator.boundingBox();
      return (box?.y ?? 0) + (box?.height ?? 0);
    };
    const top = async (locator: typeof notice) => (await locator.boundingBox())?.y ?? 0;
    expect(await top(notice)).toBeGreaterThan(await bottom(page.locator('.article-body p').last()));
    expect(await bottom(notice)).toBeLessThan(
      await top(page.getByRole('navigation', { name: 'Topics' })),
    );
    // Whole on screen at any width: nothing runs off the side of a phone.
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const box = await notice.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? Infinity) <= width).toBe(true);
  });

  test('prints its correction', async ({ page }) => {
    await page.goto(CORRECTED);
    await page.emulateMedia({ media: 'print' });
    await expect(
      page.getByRole('region', { name: 'Corrections and clarifications' }),
    ).toBeVisible();
  });

  test('carries the correction in its NewsArticle structured data', async ({ page, isMobile }) => {
    test.skip(isMobile, 'crawlers get the same HTML at any width: checked once, on desktop');
    await page.goto(CORRECTED);
    const data = await structuredData(page);
    const article = data.find((item) => item['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      dateModified: '2026-11-21T10:00:00+08:00',
      correction: [
        {
          '@type': 'CorrectionComment',
          text: CORRECTION_TEXT,
          datePublished: '2026-11-21T10:00:00+08:00',
        },
      ],
    });
  });
});

test.describe('the corrections page', () => {
  test('lists the correction with its kind, date and a working link to the story', async ({
    page,
  }) => {
    const response = await page.goto('/corrections');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('Corrections and clarifications | Broadsheet');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Corrections and clarifications',
    );
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
    await expect(crumbs).toHaveText(['Home', 'Corrections and clarifications']);
    await expect(
      page.getByRole('main').getByRole('link', { name: /editorial standards/ }),
    ).toHaveAttribute('href', '/about/standards');

    const entry = page.getByRole('main').getByRole('listitem').filter({ hasText: CORRECTION_TEXT });
    await expect(entry.getByText('Correction', { exact: true })).toBeVisible();
    await expect(entry.locator('time')).toHaveAttribute('datetime', '2026-11-21T10:00:00+08:00');
    await expect(entry.locator('time')).toHaveText('21 Nov 2026, 10:00am GMT+8');
    const link = entry.getByRole('link', { name: HEADLINE });
    await expect(link).toHaveAttribute('href', CORRECTED);
    await link.click();
    await expect(page).toHaveURL(CORRECTED);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  });

  test('is linked from the footer of every page and from the standards page', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('contentinfo').getByRole('link', { name: 'Corrections', exact: true }),
    ).toHaveAttribute('href', '/corrections');
    await page.goto('/about/standards');
    await expect(
      page.getByRole('main').getByRole('link', { name: 'corrections page' }),
    ).toHaveAttribute('href', '/corrections');
  });

  test('has no accessibility violations (axe-core)', async ({ page }) => {
    await page.goto('/corrections');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test('has a canonical address, advertises its feed, and no page past the last', async ({
    page,
    request,
    isMobile,
  }) => {
    test.skip(isMobile, 'the same HTML at any width: checked once, on desktop');
    await page.goto('/corrections');
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${ORIGIN}/corrections`,
    );
    await expect(
      page.locator(
        'head link[rel="alternate"][type="application/rss+xml"][href$="/corrections/rss.xml"]',
      ),
    ).toHaveAttribute('href', `${ORIGIN}/corrections/rss.xml`);
    expect((await request.get('/corrections/page/2')).status()).toBe(404);
    expect((await request.get('/corrections/page/1')).status()).toBe(404);
  });
});

test.describe('the corrections feed', () => {
  test.skip(
    ({ isMobile }) => isMobile,
    'feeds are the same at any width: checked once, on desktop',
  );

  test('is RSS served as XML, with an item linking to the corrected story', async ({ request }) => {
    const response = await request.get('/corrections/rss.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const document = await parseXml(response);
    expect(document.documentElement?.localName).toBe('rss');
    const items = Array.from(document.getElementsByTagName('item')).map((item) => ({
      title: item.getElementsByTagName('title')[0]?.textContent,
      link: item.getElementsByTagName('link')[0]?.textContent,
      description: item.getElementsByTagName('description')[0]?.textContent,
    }));
    expect(items).toContainEqual({
      title: `Correction: ${HEADLINE}`,
      link: `${ORIGIN}${CORRECTED}`,
      description: CORRECTION_TEXT,
    });
  });
});

test.describe('on the fixture site, a draft’s correction', () => {
  test('appears on neither the corrections page nor its feed', async ({ page, request }) => {
    const response = await page.goto(`${FIXTURE}/corrections`);
    expect(response?.status()).toBe(200);
    // The fixture's only correction is the draft's, so the page must be empty.
    await expect(page.getByText('No corrections yet.')).toBeVisible();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const unpublished of DRAFT_ONLY) expect(text).not.toContain(unpublished);
    expect(await page.locator('a[href="/article/a-draft"]').count()).toBe(0);

    const feed = await request.get(`${FIXTURE}/corrections/rss.xml`);
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    for (const unpublished of [...DRAFT_ONLY, '/article/a-draft'])
      expect(xml).not.toContain(unpublished);
    expect(xml).toContain('<channel>');
  });
});
