import { expect, test } from '@playwright/test';
import type { BrowserContext } from '@playwright/test';
import { FIXTURE_SITE_PORT, PREVIEW_SECRET } from '../../playwright.config';
import { startNginxProxy } from '../support/nginxProxy';
import type { NginxProxy } from '../support/nginxProxy';

/**
 * Editors' preview (issue 15): the sample site's draft and its story scheduled for 2032, seen
 * through `/api/preview` with the main test server's secret. The fixture site runs without a
 * secret, so its preview routes do not exist.
 */
const DRAFT = 'rare-earth-recycling-europe';
const DRAFT_HEADLINE =
  "Europe's first large rare earth recycling plants struggle to find enough scrap";
const SCHEDULED = 'brisbane-olympics-opening-day';
const preview = (slug: string, secret = PREVIEW_SECRET) =>
  `/api/preview?secret=${encodeURIComponent(secret)}&slug=${slug}`;

/** The draft-mode cookie the preview route set in this browser, as a Cookie header. */
async function draftCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((each) => each.name === '__prerender_bypass');
  expect(cookie, 'the draft-mode cookie').toBeTruthy();
  return `__prerender_bypass=${cookie?.value}`;
}

test('a draft is not found without preview, and a wrong or missing secret sets no cookie', async ({
  page,
  request,
  context,
}) => {
  expect((await request.get(`/article/${DRAFT}`)).status()).toBe(404);
  for (const address of [
    preview(DRAFT, 'wrong-secret-wrong-secret-wrong-secret'),
    `/api/preview?slug=${DRAFT}`,
  ]) {
    const response = await request.get(address, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(response.headers()['set-cookie']).toBeUndefined();
  }
  const unknown = await request.get(preview('no-such-story'), { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['set-cookie']).toBeUndefined();
  await page.goto(`/article/${DRAFT}`);
  expect(await context.cookies()).toHaveLength(0);
});

test('preview shows a draft as it will look, under a banner, until the editor leaves', async ({
  page,
  context,
}) => {
  const response = await page.goto(preview(DRAFT));
  expect(page.url()).toMatch(new RegExp(`/article/${DRAFT}$`));
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toMatch(/private.*no-store|no-store.*private/);
  expect(response?.headers()['x-robots-tag']).toBe('noindex');
  await expect(page.getByRole('heading', { level: 1, name: DRAFT_HEADLINE })).toBeVisible();
  const banner = page.getByRole('note', { name: 'Preview' });
  await expect(banner).toContainText('Preview — draft, not published');
  await expect(banner).toBeInViewport();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  // Lists show drafts and scheduled stories too, marked.
  await page.goto('/latest');
  await expect(page.locator('.preview-label', { hasText: 'Draft' }).first()).toBeVisible();
  await expect(
    page.locator('.preview-label', { hasText: /^Scheduled for / }).first(),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: DRAFT_HEADLINE })).toBeVisible();

  await page.goto(`/article/${SCHEDULED}`);
  await expect(page.getByRole('note', { name: 'Preview' })).toContainText(
    /Preview — scheduled for \d{1,2} Jul 2032/,
  );

  await page.getByRole('link', { name: 'Exit preview' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await context.cookies()).some((cookie) => cookie.name === '__prerender_bypass')).toBe(
    false,
  );
  expect((await page.goto(`/article/${DRAFT}`))?.status()).toBe(404);
  await expect(page.getByRole('note', { name: 'Preview' })).toHaveCount(0);
});

test("after a preview, readers' pages, feeds, sitemaps and search still hold no draft", async ({
  page,
  request,
}) => {
  await page.goto(preview(DRAFT));
  await expect(page.getByRole('heading', { level: 1, name: DRAFT_HEADLINE })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: DRAFT_HEADLINE }).first()).toBeVisible();
  // A reader (no cookie) asking for the same addresses right after.
  for (const address of [
    '/',
    '/latest',
    '/section/economy',
    '/rss.xml',
    '/feed.json',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/search?q=recycling+plants+scrap',
  ]) {
    const response = await request.get(address, { headers: { cookie: '' } });
    expect(response.status(), address).toBe(200);
    const body = await response.text();
    expect(body, address).not.toContain(DRAFT_HEADLINE.replace("'", '&#x27;'));
    expect(body, address).not.toContain(DRAFT_HEADLINE);
    expect(body, address).not.toContain(`/article/${DRAFT}`);
  }
});

test('a server without PREVIEW_SECRET has no preview routes', async ({ request }) => {
  const fixture = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;
  expect((await request.get(`${fixture}${preview('a-draft')}`, { maxRedirects: 0 })).status()).toBe(
    404,
  );
  expect((await request.get(`${fixture}/api/preview/exit`, { maxRedirects: 0 })).status()).toBe(
    404,
  );
});

test.describe('behind nginx', () => {
  test.skip(({ isMobile }) => isMobile, 'caching does not depend on the viewport: checked once');
  let nginx: NginxProxy | undefined;

  test.beforeAll(async ({}, testInfo) => {
    if (testInfo.project.use.isMobile) return;
    const upstream = new URL(String(testInfo.project.use.baseURL));
    // +2 is deployment.spec's nginx, +3 to +5 multiInstance.spec's.
    nginx = await startNginxProxy(Number(upstream.port) + 6, upstream.host);
  });
  test.afterAll(() => nginx?.stop());

  test('a preview is never stored, and never served to a reader', async ({ page, context }) => {
    const proxy = nginx?.url ?? '';
    const reader = async (address: string) => fetch(`${proxy}${address}`);
    // Readers have filled the cache with the front page and the draft's 404.
    for (let round = 0; round < 2; round++) {
      await (await reader('/')).text();
      expect((await reader(`/article/${DRAFT}`)).status).toBe(404);
    }
    await page.goto(`${proxy}${preview(DRAFT)}`);
    await expect(page.getByRole('heading', { level: 1, name: DRAFT_HEADLINE })).toBeVisible();
    const cookie = await draftCookie(context);
    // The editor gets fresh pages, past the cache, never a reader's copy...
    for (const address of ['/', `/article/${DRAFT}`]) {
      const response = await fetch(`${proxy}${address}`, { headers: { cookie } });
      expect(response.headers.get('x-cache-status'), address).toBe('BYPASS');
      expect(await response.text(), address).toContain(DRAFT_HEADLINE);
    }
    // ...and nothing the editor got is kept for readers.
    for (let round = 0; round < 3; round++) {
      expect((await reader(`/article/${DRAFT}`)).status).toBe(404);
      expect(await (await reader('/')).text()).not.toContain(DRAFT_HEADLINE);
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
  });
});
