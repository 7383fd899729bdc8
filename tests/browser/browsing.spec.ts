import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const UNPUBLISHED = ['/article/rare-earth-recycling-europe', '/article/asia-economic-outlook-2027'];

/** On a phone the sections sit behind the "Sections" menu; on a desktop they are a row of links. */
async function openSection(page: Page, name: string) {
  const row = page.getByRole('navigation', { name: 'Sections', exact: true });
  if (await row.isVisible()) {
    await row.getByRole('link', { name, exact: true }).click();
  } else {
    await page.locator('summary', { hasText: 'Sections' }).click();
    await page.getByRole('navigation', { name: 'Sections menu' }).getByRole('link', { name, exact: true }).click();
  }
}

/** Scrolls to the bottom and back so lazy photos load before a screenshot. */
async function loadLazyImages(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete), undefined, {
    timeout: 15_000,
  });
}

test('a reader walks the site by links alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Top story' })).toBeVisible();

  // Front page → an article
  await page.getByRole('heading', { name: 'China warns foreign spies are targeting its rare earths industry' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/article\/china-rare-earths-spy-warning$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('China warns foreign spies are targeting its rare earths industry');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('listitem')).toHaveText(['Home', 'China', 'China warns foreign spies are targeting its rare earths industry']);

  // → the author's page
  await page.getByRole('link', { name: 'Mei Lin Zhou' }).click();
  await expect(page).toHaveURL(/\/author\/mei-lin-zhou$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mei Lin Zhou');
  await expect(page.getByText('China correspondent', { exact: true })).toBeVisible();

  // → another of the author's articles
  const otherStory = page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .filter({ hasNotText: 'China warns foreign spies' })
    .first()
    .getByRole('link');
  const otherTitle = (await otherStory.textContent()) ?? '';
  await otherStory.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(otherTitle);

  // → one of its topics
  const topic = page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first();
  const topicName = (await topic.textContent()) ?? '';
  await topic.click();
  await expect(page).toHaveURL(/\/topic\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(topicName, 'i'));
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();

  // → the Economy section, then its second page
  await openSection(page, 'Economy');
  await expect(page).toHaveURL(/\/section\/economy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Economy');
  await page.getByRole('link', { name: 'Older stories' }).click();
  await expect(page).toHaveURL(/\/section\/economy\/page\/2$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Economy, page 2');
  await expect(page.getByRole('link', { name: 'Newer stories' })).toHaveAttribute('href', '/section/economy');

  // → back home through the masthead
  await page.getByRole('link', { name: 'Broadsheet', exact: true }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('region', { name: 'Top story' })).toBeVisible();
});

test('the phone menu opens without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  const menuLink = page.getByRole('navigation', { name: 'Sections menu' }).getByRole('link', { name: 'Science' });
  await expect(menuLink).toBeHidden();
  await page.locator('summary', { hasText: 'Sections' }).click();
  await expect(menuLink).toBeVisible();
  await menuLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Science');
  await context.close();
});

test('the header marks the current section and the skip link reaches the main content', async ({ page }) => {
  await page.goto('/article/china-rare-earths-spy-warning');
  await expect(page.locator('a[aria-current="page"]', { hasText: 'China' }).first()).toHaveAttribute('href', '/section/china');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('related stories close every article and never include the article itself', async ({ page }) => {
  await page.goto('/article/china-rare-earths-spy-warning');
  const related = page.getByRole('region', { name: 'More on this story' });
  const links = related.getByRole('heading').getByRole('link');
  expect(await links.count()).toBeGreaterThan(0);
  expect(await links.count()).toBeLessThanOrEqual(4);
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))) {
    expect(href).not.toBe('/article/china-rare-earths-spy-warning');
    expect(UNPUBLISHED).not.toContain(href);
  }
});

test('pagination pages link back and forth with rel, and stop at the last page', async ({ page, request }) => {
  await page.goto('/section/economy/page/2');
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', '/section/economy');
  await expect(page.getByRole('link', { name: 'Newer stories' })).toHaveAttribute('rel', 'prev');
  expect((await request.get('/section/economy/page/99')).status()).toBe(404);
  expect((await request.get('/section/economy/page/1')).status()).toBe(404);
});

test('drafts and scheduled stories appear on no list', async ({ page }) => {
  const lists = ['/', '/latest', '/section/china', '/section/economy', '/section/world', '/section/science', '/section/technology', '/topic'];
  for (const path of lists) {
    await page.goto(path);
    const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const unpublished of UNPUBLISHED) expect(hrefs, `${path} links to ${unpublished}`).not.toContain(unpublished);
  }
});

test('an unknown address gets the 404 page with the latest stories', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that story');
  await expect(page.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
  const latest = page.getByRole('region', { name: 'Latest stories' });
  expect(await latest.getByRole('article').count()).toBeGreaterThan(0);
});

test('a non-ASCII topic has a working address', async ({ page }) => {
  await page.goto('/topic');
  const links = page.getByRole('main').getByRole('list').last().getByRole('link');
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  const nonAscii = hrefs.find((href) => /%[89A-F][0-9A-F]/i.test(href));
  test.skip(!nonAscii, 'the sample content has no non-ASCII topic');
  const response = await page.goto(nonAscii ?? '/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
});

for (const [name, path] of [
  ['front page', '/'],
  ['section page', '/section/economy'],
  ['author page', '/author/mei-lin-zhou'],
  ['topic page', '/topic/rare-earths'],
  ['404 page', '/no-such-story'],
] as const) {
  test(`the ${name} has no accessibility violations (axe-core)`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}

test('screenshots of the front page and a section page', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  for (const [name, path] of [
    ['front', '/'],
    ['section', '/section/economy'],
  ] as const) {
    await page.goto(path);
    await loadLazyImages(page);
    await page.screenshot({ path: `tests/artifacts/${name}-${testInfo.project.name}.png`, fullPage: true });
  }
});
