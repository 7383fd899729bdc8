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
