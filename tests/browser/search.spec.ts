import AxeBuilder from '@axe-core/playwright';
import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';
import { structuredData } from '../support/structuredData';

/** The site's public origin in the test build (SITE_URL's default), as seo.spec.ts has it. */
const ORIGIN = 'http://localhost:3000';
const FIXTURE = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;

/** "Panama" is in one sample story's headline and nowhere else. */
const PANAMA = '/article/panama-canal-water-levels';
/** The sample story with Chinese in it: its topic 一带一路 (the Belt and Road). */
const BELT_AND_ROAD = '/article/china-exports-september-southeast-asia';
const HOSTILE = '<script>alert(1)</script>';

function headerSearch(page: Page) {
  return page.getByRole('banner').getByRole('search', { name: 'Site search' });
}

function results(page: Page) {
  return page.getByRole('main').getByRole('article');
}

/** The addresses the result headlines link to, in order. */
async function resultLinks(page: Page): Promise<string[]> {
  return results(page)
    .getByRole('heading', { level: 2 })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** Types a query into the header's search field and submits it with Enter. */
async function searchFromHeader(page: Page, query: string) {
  const field = headerSearch(page).getByRole('searchbox', { name: 'Search Broadsheet' });
  await field.fill(query);
  await field.press('Enter');
  await page.waitForURL(/\/search\?q=/);
}

test('a reader searches from the front page header and finds the story', async ({ page }) => {
  await page.goto('/');
  await searchFromHeader(page, 'Panama');
  expect(new URL(page.url()).search).toBe('?q=Panama');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('1 result for “Panama”');
  expect(await resultLinks(page)).toEqual([PANAMA]);
  const result = results(page).first();
  await expect(result.getByRole('heading', { level: 2 }).locator('mark')).toHaveText(['Panama']);
  await expect(result.getByRole('link', { name: 'World', exact: true })).toHaveAttribute(
    'href',
    '/section/world',
  );
  await expect(result.locator('time')).toHaveAttribute('datetime', /^2026-11-16T/);
  await result.getByRole('heading', { level: 2 }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${PANAMA}$`));
});

test('the search field in the header is reached by keyboard, after the skip link and masthead, and is named', async ({
  page,
}) => {
  await page.goto('/');
  const form = headerSearch(page);
  const field = form.getByRole('searchbox');
  await expect(field).toHaveAccessibleName('Search Broadsheet');
  await expect(form.getByRole('button')).toHaveAccessibleName('Search');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Broadsheet', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.type('Panama');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Panama$/);
  expect(await resultLinks(page)).toEqual([PANAMA]);
});

test('the header search fits the header beside the masthead and section navigation', async ({
  page,
  isMobile,
}) => {
  await page.goto('/');
  const form = headerSearch(page);
  await expect(form).toBeVisible();
  const masthead = page.getByRole('banner').getByRole('link', { name: 'Broadsheet', exact: true });
  const formBox = await form.boundingBox();
  const mastheadBox = await masthead.boundingBox();
  if (!formBox || !mastheadBox) throw new Error('header not laid out');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
  // The form never covers the masthead's name.
  const overlaps =
    formBox.x < mastheadBox.x + mastheadBox.width &&
    mastheadBox.x < formBox.x + formBox.width &&
    formBox.y < mastheadBox.y + mastheadBox.height &&
    mastheadBox.y < formBox.y + formBox.height;
  expect(overlaps).toBe(false);
  expect(formBox.height).toBeLessThanOrEqual(56);
  if (isMobile) {
    expect(formBox.y).toBeGreaterThan(mastheadBox.y);
    await expect(page.locator('summary', { hasText: 'Sections' })).toBeVisible();
  } else {
    // Beside the masthead, in its row, on the right.
    expect(formBox.y).toBeLessThan(mastheadBox.y + mastheadBox.height);
    expect(formBox.x).toBeGreaterThan(mastheadBox.x + mastheadBox.width);
    await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search submits and the results page lists the story', async ({ page }) => {
    await page.goto('/');
    await searchFromHeader(page, 'Panama');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('1 result for “Panama”');
    expect(await resultLinks(page)).toEqual([PANAMA]);
  });

  test('section and time filters narrow the results, keep the query and mark the choice', async ({
    page,
  }) => {
    await page.goto('/search?q=magnet');
    const everywhere = await resultLinks(page);
    const filters = page.getByRole('navigation', { name: 'Refine results' });
    await expect(filters.getByRole('link', { name: 'All sections' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const sectionNames = await results(page).locator('.story-card__section').allTextContents();
    expect(sectionNames).toContain('China');
    expect(new Set(sectionNames).size).toBeGreaterThan(1);

    await filters.getByRole('link', { name: 'China', exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=magnet&section=china$/);
    await expect(filters.getByRole('link', { name: 'China', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const inChina = await resultLinks(page);
    expect(inChina.length).toBeGreaterThan(0);
    expect(inChina.length).toBeLessThan(everywhere.length);
    expect(await results(page).locator('.story-card__section').allTextContents()).toEqual(
      inChina.map(() => 'China'),
    );

    await filters.getByRole('link', { name: 'Past year' }).click();
    await expect(page).toHaveURL(/\/search\?q=magnet&section=china&within=year$/);
    await expect(filters.getByRole('link', { name: 'Past year' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    for (const href of await resultLinks(page)) expect(inChina).toContain(href);

    // A new query from the page's own form keeps the filters.
    const form = page.getByRole('search', { name: 'Search stories' });
    await form.getByRole('searchbox').fill('rare earths');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=rare\+earths&section=china&within=year$/);
  });

  test('long result lists page by query string, keeping the filters', async ({ page, request }) => {
    await page.goto('/search?q=china');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\d+ results for “china”$/);
    expect(await results(page).count()).toBe(20);
    const pages = page.getByRole('navigation', { name: 'Result pages' });
    await pages.getByRole('link', { name: 'Next results' }).click();
    await expect(page).toHaveURL(/\/search\?q=china&page=2$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      /results for “china”, page 2$/,
    );
    await expect(pages.getByRole('link', { name: 'Previous results' })).toHaveAttribute(
      'href',
      '/search?q=china',
    );
    expect((await request.get('/search?q=china&page=99')).status()).toBe(404);
  });
});

test('a search that finds nothing is a helpful page, with status 200, and the latest stories', async ({
  page,
}) => {
  const response = await page.goto('/search?q=zzqxvw');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No results for “zzqxvw”');
  const latest = page.getByRole('region', { name: 'Latest stories' });
  await expect(latest.getByRole('article')).toHaveCount(5);
});

test('a misspelt word is found, and the corrected search offered', async ({ page }) => {
  await page.goto('/search?q=magnit');
  const suggestion = page.getByRole('main').getByRole('link', { name: 'magnet', exact: true });
  await expect(suggestion).toHaveAttribute('href', '/search?q=magnet');
  await expect(page.getByText('Did you mean magnet?')).toBeVisible();
  await suggestion.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/results? for “magnet”$/);
});

test('an empty search shows the form and asks for a query, with status 200', async ({ page }) => {
  for (const path of ['/search', '/search?q=', '/search?q=%20%20']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(
      page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox'),
    ).toBeVisible();
    await expect(page.getByText(/Type a word or two/)).toBeVisible();
  }
});

test('a query longer than the limits is shortened, with a note', async ({ page }) => {
  const words = Array.from({ length: 25 }, (_, index) => `word${index}`).join(' ');
  const response = await page.goto(`/search?q=${encodeURIComponent(words)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Your search was shortened to its first 20 words.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/word19”$/);
});

test('a hostile query shows as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`/search?q=${encodeURIComponent(HOSTILE)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    / for “<script>alert\(1\)<\/script>”$/,
  );
  await expect(page).toHaveTitle(`Search results for “${HOSTILE}” | Broadsheet`);
  await expect(
    page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox'),
  ).toHaveValue(HOSTILE);
  expect(
    await page.getByRole('main').locator('script:not([type="application/ld+json"])').count(),
  ).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a Chinese query finds the story with Chinese in it', async ({ page }) => {
  await page.goto('/');
  await searchFromHeader(page, '一带一路');
  expect(new URL(page.url()).searchParams.get('q')).toBe('一带一路');
  expect(await resultLinks(page)).toContain(BELT_AND_ROAD);
});

for (const [name, path] of [
  ['results page', '/search?q=magnet&section=economy'],
  ['no-results page', '/search?q=zzqxvw'],
  ['empty search page', '/search'],
] as const) {
  test(`the ${name} has no accessibility violations (axe-core)`, async ({ page }) => {
    await page.goto(path);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}

test('search pages ask not to be indexed, and are titled by their query', async ({ page }) => {
  await page.goto('/search?q=magnet');
  await expect(page.locator('head meta[name="robots"]').first()).toHaveAttribute(
    'content',
    /noindex/,
  );
  await expect(page.locator('head meta[name="robots"]').first()).toHaveAttribute(
    'content',
    /(^|, *)follow/,
  );
  await expect(page).toHaveTitle('Search results for “magnet” | Broadsheet');
});

test('browsers find the OpenSearch description from every page, and it holds the search template', async ({
  page,
  request,
}) => {
  for (const path of ['/', PANAMA, '/search?q=magnet']) {
    await page.goto(path);
    const link = page.locator('head link[rel="search"]');
    await expect(link, path).toHaveAttribute('type', 'application/opensearchdescription+xml');
    await expect(link, path).toHaveAttribute('href', '/opensearch.xml');
    await expect(link, path).toHaveAttribute('title', 'Search Broadsheet');
  }
  const response = await request.get('/opensearch.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/opensearchdescription+xml');
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void (level !== 'warning' && errors.push(message)),
  }).parseFromString(await response.text(), 'text/xml');
  expect(errors).toEqual([]);
  const root = document.documentElement;
  expect(root?.localName).toBe('OpenSearchDescription');
  expect(root?.namespaceURI).toBe('http://a9.com/-/spec/opensearch/1.1/');
  expect(root?.getElementsByTagName('ShortName')[0]?.textContent).toBe('Broadsheet');
  const html = Array.from(root?.getElementsByTagName('Url') ?? []).find(
    (url) => url.getAttribute('type') === 'text/html',
  );
  expect(html?.getAttribute('template')).toBe(`${ORIGIN}/search?q={searchTerms}`);
});

test('the front page tells search engines how to search the site (WebSite SearchAction)', async ({
  page,
}) => {
  await page.goto('/');
  const website = (await structuredData(page)).find((item) => item['@type'] === 'WebSite');
  expect(website).toMatchObject({
    name: 'Broadsheet',
    url: `${ORIGIN}/`,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${ORIGIN}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  });
});

test('drafts and scheduled stories are never found', async ({ page }) => {
  // The positive control: the fixture site's search works, so an empty page cannot pass.
  await page.goto(`${FIXTURE}/search?q=rare+earths`);
  expect(await resultLinks(page)).toContain('/article/reference-shape');
  for (const query of [
    'draft that must never appear',
    'scheduled story from the future',
    'unpublished drafts',
    'time capsules',
    'Scheduled body',
    'Draft body',
  ]) {
    const response = await page.goto(`${FIXTURE}/search?q=${encodeURIComponent(query)}`);
    expect(response?.status(), query).toBe(200);
    const hrefs = await page
      .getByRole('main')
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs, query).not.toContain('/article/a-draft');
    expect(hrefs, query).not.toContain('/article/scheduled-story');
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text, query).not.toContain('A draft that must never appear');
    expect(text, query).not.toContain('A scheduled story from the future');
  }
  // In the sample content too: a draft and a story scheduled for 2032.
  for (const [query, slug, title] of [
    [
      'recycling plants scrap',
      '/article/rare-earth-recycling-europe',
      'first large rare earth recycling plants',
    ],
    [
      'Brisbane Olympics',
      '/article/brisbane-olympics-opening-day',
      'Brisbane opens the 2032 Olympics',
    ],
  ] as const) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    const hrefs = await page
      .getByRole('main')
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs, query).not.toContain(slug);
    expect((await page.getByRole('main').textContent()) ?? '', query).not.toContain(title);
  }
});
