import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';

/** A sample story committed to this repository (CI clones it, so it has at least one commit). */
const HISTORY = '/article/rare-earth-magnet-exports-october/history';
const HEADLINE = "China's rare earth magnet exports climb to highest level this year";
/** A draft in content/: it has no public history. */
const DRAFT_HISTORY = '/article/rare-earth-recycling-europe/history';
const ORIGIN = 'http://localhost:3000';
const HOSTILE_HISTORY = `http://127.0.0.1:${FIXTURE_SITE_PORT}/article/hostile-everything/history`;
const HOSTILE_TITLE = '<script>window.__pwned = 1</script> Headline </script><!-- with tags';

/** How many commits changed a file, in the checkout the test server was built from. */
function commitsTouching(file: string): number {
  const log = spawnSync('git', ['log', '--format=%H', '--', file], { encoding: 'utf8' });
  return log.status === 0 ? log.stdout.split('\n').filter(Boolean).length : 0;
}

test.describe("an article's revision history", () => {
  test('is linked from the story once the story has two public revisions', async ({ page }) => {
    // The corrected sample story was committed, then corrected in a later commit.
    const commits = commitsTouching('content/articles/2026/11/rare-earth-magnet-exports-october.md');
    await page.goto('/article/rare-earth-magnet-exports-october');
    const link = page.getByRole('link', { name: 'See how this article changed' });
    if (commits >= 2) await expect(link).toHaveAttribute('href', HISTORY);
    else await expect(link).toHaveCount(0);
    // A story with one commit has nothing to compare: no link.
    const single = commitsTouching('content/articles/2026/10/japan-rice-prices-new-harvest.md');
    expect(single).toBeLessThan(2);
    await page.goto('/article/japan-rice-prices-new-harvest');
    await expect(page.getByRole('link', { name: 'See how this article changed' })).toHaveCount(0);
  });

  test('lists the first publication with its date and text', async ({ page }) => {
    const response = await page.goto(HISTORY);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`How this article changed: ${HEADLINE} | Broadsheet`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How this article changed');
    await expect(page.getByRole('link', { name: HEADLINE }).first()).toHaveAttribute(
      'href',
      '/article/rare-earth-magnet-exports-october',
    );
    const first = page.getByRole('heading', { level: 2, name: /^First published/ });
    await expect(first).toBeVisible();
    // Later revisions are "Revised", so they never contradict the story's own "Updated" time.
    await expect(page.getByRole('heading', { level: 2, name: /^Revised / }).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Updated/ })).toHaveCount(0);
    await expect(first.locator('time')).toHaveAttribute(
      'datetime',
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/,
    );
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${ORIGIN}${HISTORY}`,
    );
    await expect(page.getByText('x@example.com')).toHaveCount(0);
    // Every revision's text: a near-duplicate of the story that search engines should not list.
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');
  });

  test('has no accessibility violations (axe-core)', async ({ page }) => {
    await page.goto(HISTORY);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test("a draft's history is a 404", async ({ page }) => {
    const response = await page.goto(DRAFT_HISTORY);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Europe\u2019s first large rare earth recycling')).toHaveCount(0);
  });

  test('a hostile headline in the history renders as harmless text', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(HOSTILE_HISTORY);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('link', { name: HOSTILE_TITLE }).first()).toBeVisible();
    expect(await page.getByRole('main').locator('script, iframe, svg, img[onerror]').count()).toBe(
      0,
    );
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('the history page passes the Nu HTML Checker', async ({ request, isMobile }) => {
    test.skip(isMobile, 'the same HTML at any width: checked once, on desktop');
    const html = await (await request.get(HISTORY)).text();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vnu-')), 'history.html');
    writeFileSync(file, html);
    const jar = path.join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');
    // vnu writes its JSON report to standard error.
    const result = spawnSync(
      'java',
      ['-jar', jar, '--format', 'json', '--exit-zero-always', file],
      { encoding: 'utf8' },
    );
    expect(result.error).toBeUndefined();
    const messages: { type: string; message: string }[] = JSON.parse(result.stderr).messages;
    expect(
      messages.filter((message) => message.type === 'error').map((message) => message.message),
    ).toEqual([]);
  });
});
