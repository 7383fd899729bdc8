import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';

/**
 * The fixture site (tests/fixtures/site) is built as a second site for these tests. Its
 * hostile article has HTML and script in every front-matter field and in the body.
 */
const HOSTILE = `http://127.0.0.1:${FIXTURE_SITE_PORT}/article/hostile-everything`;
const TITLE = '<script>window.__pwned = 1</script> Headline </script><!-- with tags';

test('a hostile article builds and renders as harmless text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(HOSTILE);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText('<img src=x onerror="window.__pwned=2"> summary bullet')).toBeVisible();
  await expect(page.locator('.byline__location')).toHaveText(' in <svg onload=alert(1)>Shanghai');
  await expect(page.getByRole('link', { name: '<script>topic</script>' })).toBeVisible();
  const main = page.getByRole('main');
  expect(await main.locator('script:not([type="application/ld+json"]), iframe, form, svg, style, object, embed').count()).toBe(0);
  expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0);
  for (const href of await main.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^(https?:|mailto:|\/|#)/);
  }
  expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a hostile headline round-trips through the title, meta tags and JSON-LD intact', async ({ page }) => {
  await page.goto(HOSTILE);
  await expect(page).toHaveTitle(`${TITLE} | Broadsheet`);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute('content', TITLE);
  await expect(page.locator('head meta[name="twitter:title"]')).toHaveAttribute('content', TITLE);
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute(
    'content',
    "</script><script>alert('description')</script>",
  );
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(jsonLd).not.toContain('</script');
  expect(jsonLd).not.toContain('<!--');
  const data: unknown = JSON.parse(jsonLd ?? '[]');
  expect(data).toEqual(expect.arrayContaining([expect.objectContaining({ '@type': 'NewsArticle', headline: TITLE })]));
});

test('a hostile headline reaches the feeds intact and inert', async ({ request }) => {
  const rss = await (await request.get(`http://127.0.0.1:${FIXTURE_SITE_PORT}/rss.xml`)).text();
  expect(rss).toContain('<title>&lt;script&gt;window.__pwned = 1&lt;/script&gt; Headline &lt;/script&gt;&lt;!-- with tags</title>');
  const feed: unknown = await (await request.get(`http://127.0.0.1:${FIXTURE_SITE_PORT}/feed.json`)).json();
  expect(JSON.stringify(feed)).toContain(JSON.stringify(TITLE).slice(1, -1));
});

/**
 * The fixture site's "unbreakable words" story has words longer than a phone is wide (German
 * compounds, a bare address, a long code name) in its headline, summary, dateline, topic and
 * body, a code line that cannot wrap and a table of long words.
 */
test.describe('words longer than the column', () => {
  const FIXTURE = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;
  const pages = [
    '/article/unbreakable-words',
    '/',
    '/latest',
    '/section/world',
    '/topic/rechtsschutzversicherungsgesellschaften',
    '/author/li-wei',
    '/search?q=Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzesnovelle',
  ];

  test('break inside their column: no page scrolls sideways, from 320 to 1280 px', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'The widths are set here; one project takes them.');
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        const response = await page.goto(`${FIXTURE}${path}`);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByText('Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzesnovelle').first()).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('the code line and the table scroll inside their own regions, which a keyboard can reach', async ({ page }) => {
    await page.goto(`${FIXTURE}/article/unbreakable-words`);
    const code = page.getByRole('region', { name: 'Code' });
    const table = page.getByRole('region', { name: 'Table' });
    for (const region of [code, table]) {
      await expect(region).toHaveAttribute('tabindex', '0');
      expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    }
    // Whole words stay whole in the table: its cells do not break the long law's name.
    const cell = page.getByRole('cell', { name: 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz' });
    const lines = await cell.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getClientRects().length;
    });
    expect(lines).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
