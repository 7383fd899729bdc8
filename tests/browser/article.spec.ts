import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';

const REFERENCE = '/article/china-rare-earths-spy-warning';
/** The fixture site: its draft and its story scheduled for 2099 are unpublished whatever the date. */
const FIXTURE = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;

test.describe('the reference article page', () => {
  test('shows every element a reader expects, top to bottom', async ({ page }, testInfo) => {
    const response = await page.goto(REFERENCE);
    expect(response?.status()).toBe(200);

    await expect(page).toHaveTitle('China warns foreign spies are targeting its rare earths industry | Broadsheet');
    const article = page.getByRole('article');
    await expect(article.getByRole('link', { name: 'China', exact: true }).first()).toHaveAttribute('href', '/section/china');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'China warns foreign spies are targeting its rare earths industry',
    );
    await expect(page.getByRole('list', { name: 'Summary' }).getByRole('listitem')).toHaveCount(2);

    const author = page.getByRole('link', { name: 'Mei Lin Zhou' });
    await expect(author).toHaveAttribute('href', '/author/mei-lin-zhou');
    await expect(page.locator('.byline__names')).toHaveText('Mei Lin Zhou in Shanghai');
    await expect(page.getByText('China correspondent')).toBeVisible();

    const published = page.locator('time').first();
    await expect(published).toHaveAttribute('datetime', /^2026-11-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    await expect(published).toHaveText(/^\d{1,2} Nov 2026, \d{1,2}:\d\d[ap]m GMT\+8$/);
    await expect(page.getByText(/^Reading time: \d+ minutes?$/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Why you can trust Broadsheet' })).toHaveAttribute('href', '/about/standards');

    const figures = article.getByRole('figure');
    await expect(figures).toHaveCount(2);
    for (const figure of await figures.all()) {
      await expect(figure.locator('figcaption')).toHaveText(/Photo: \S/);
      const image = figure.getByRole('img');
      await expect(image).toHaveAttribute('width', /^\d+$/);
      await expect(image).toHaveAttribute('height', /^\d+$/);
      await expect(image).toHaveAttribute('alt', /\S/);
    }

    const ads = page.getByRole('complementary', { name: /^Advertisement( \d+)?$/ });
    expect(await ads.count()).toBeGreaterThan(0);
    for (const ad of await ads.all()) {
      await expect(ad.getByText('Advertisement', { exact: true })).toBeVisible();
    }
    const inArticle = page.locator('[data-ad-kind="in-article"]');
    expect(await inArticle.count()).toBeGreaterThan(0);
    for (const slot of await inArticle.all()) {
      const box = await slot.locator('.ad-slot__space').boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(250);
    }

    const topics = page.getByRole('navigation', { name: 'Topics' }).getByRole('link');
    expect(await topics.count()).toBeGreaterThan(0);
    await expect(topics.first()).toHaveAttribute('href', /^\/topic\/[^/]+$/);

    await page.screenshot({ path: `tests/artifacts/reference-article-${testInfo.project.name}.png`, fullPage: true });
  });

  test('has no accessibility violations (axe-core)', async ({ page }) => {
    await page.goto(REFERENCE);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test('keeps the text within a readable measure', async ({ page }) => {
    await page.goto(REFERENCE);
    const width = await page.locator('.article-body p').first().evaluate((element) => {
      const style = getComputedStyle(element);
      const characters = element.getBoundingClientRect().width / (parseFloat(style.fontSize) * 0.5);
      return characters;
    });
    expect(width).toBeGreaterThan(20);
    expect(width).toBeLessThan(80);
  });

  test('starts the breadcrumb trail where the headline starts, at every width', async ({ page }) => {
    await page.goto(REFERENCE);
    for (const width of [320, 390, 768, 1024, 1280, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      const trail = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Home' }).boundingBox();
      const headline = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(Math.abs((trail?.x ?? NaN) - (headline?.x ?? NaN)), `at ${width} px`).toBeLessThanOrEqual(1);
    }
  });

  test('reserves the hero photo space before it loads', async ({ page }) => {
    // Every image request is left hanging, so the photo cannot arrive during the test.
    await page.route('**/*', (route) => (route.request().resourceType() === 'image' ? undefined : route.continue()));
    await page.goto(REFERENCE, { waitUntil: 'domcontentloaded' });
    const hero = page.locator('.photo--hero img');
    expect(await hero.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(0);
    const box = await hero.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(100);
    // The hero is 1600×900: the space kept for it has the photo's shape.
    expect(Math.abs((box?.height ?? 0) - ((box?.width ?? 0) * 900) / 1600)).toBeLessThan(2);
  });
});

test('an article is fully readable with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REFERENCE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.article-body p').last()).toBeVisible();
  await context.close();
});

test('footnote links jump to the note and back', async ({ page }) => {
  await page.goto('/article/undersea-cable-repair-ships-shortage');
  const reference = page.locator('a[data-footnote-ref]').first();
  await reference.click();
  const noteId = (await reference.getAttribute('href'))?.slice(1) ?? '';
  await expect(page.locator(`[id="${noteId}"]`)).toBeInViewport();
  await page.locator(`[id="${noteId}"] a[data-footnote-backref]`).click();
  await expect(reference).toBeInViewport();
});

test('a heading in the body can be linked to by its words', async ({ page }) => {
  await page.goto('/article/rare-earths-supply-chain-explained#how-china-built-its-lead');
  const heading = page.getByRole('heading', { level: 2, name: 'How China built its lead' });
  await expect(heading).toHaveAttribute('id', 'how-china-built-its-lead');
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport();
});

test('a story with ads: false has no ad slot', async ({ page }) => {
  const response = await page.goto('/article/sichuan-landslide-rescue');
  expect(response?.status()).toBe(200);
  await expect(page.locator('.article-body p').nth(3)).toBeVisible();
  await expect(page.getByRole('complementary', { name: /^Advertisement( \d+)?$/ })).toHaveCount(0);
});

test.describe('addresses that are not published articles', () => {
  for (const [site, path] of [
    ['', '/article/no-such-story'],
    ['', '/article/rare-earth-recycling-europe'],
    ['', '/article/..%2f..%2fpackage.json'],
    [FIXTURE, '/article/a-draft'],
    [FIXTURE, '/article/scheduled-story'],
    [FIXTURE, '/topic/time-capsules'],
  ]) {
    test(`${site ? 'on the fixture site, ' : ''}${path} is a 404 page`, async ({ page }) => {
      const response = await page.goto(`${site}${path}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that story');
    });
  }
});

test('the standards page is published', async ({ page }) => {
  await page.goto('/about/standards');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.locator('main p').count()).toBeGreaterThan(2);
});
