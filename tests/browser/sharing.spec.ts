import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const REFERENCE = '/article/china-rare-earths-spy-warning';
const HEADLINE = 'China warns foreign spies are targeting its rare earths industry';

const NETWORKS = [
  [
    'Share on X',
    (url: string, title: string) => `https://twitter.com/intent/tweet?url=${url}&text=${title}`,
  ],
  ['Share on Facebook', (url: string) => `https://www.facebook.com/sharer/sharer.php?u=${url}`],
  [
    'Share on LinkedIn',
    (url: string) => `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
  ],
  ['Share on WhatsApp', (url: string, title: string) => `https://wa.me/?text=${title}%20${url}`],
  [
    'Share on Bluesky',
    (url: string, title: string) => `https://bsky.app/intent/compose?text=${title}%20${url}`,
  ],
] as const;

/** The page's canonical address, as search engines and the share links see it. */
async function canonicalUrl(page: Page): Promise<string> {
  const href = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(href).toMatch(/^https?:\/\/[^/]+\/article\/china-rare-earths-spy-warning$/);
  return href ?? '';
}

/**
 * Waits until React has hydrated the page: the ad loader, a client leaf like the share button,
 * has filled the top banner by then.
 */
/** A stand-in for the browser's share sheet (`navigator.share`), noting what it is asked to share in `window.__shareCalls`. */
async function giveTheBrowserAShareSheet(page: Page) {
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Reflect.set(window, '__shareCalls', calls);
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: (data: unknown) => {
        calls.push(data);
        return Promise.resolve();
      },
    });
  });
}

async function hydrated(page: Page) {
  await expect(page.locator('[data-ad-kind="top-banner"]')).toHaveAttribute(
    'data-ad-state',
    'filled',
  );
}

test('the share links are visible by the byline and point at the story', async ({ page }) => {
  await page.goto(REFERENCE);
  const url = await canonicalUrl(page);
  const list = page.getByRole('list', { name: 'Share this article' });
  await expect(list).toBeVisible();
  const viewport = page.viewportSize();
  for (const link of await list.getByRole('link').all()) {
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport?.width ?? 0);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
  }
  const encodedUrl = encodeURIComponent(url);
  const encodedTitle = encodeURIComponent(HEADLINE);
  const email = list.getByRole('link', { name: 'Share by email' });
  await expect(email).toHaveText('Email');
  await expect(email).toHaveAttribute('href', `mailto:?subject=${encodedTitle}&body=${encodedUrl}`);
  await expect(email).not.toHaveAttribute('target', /./);
  for (const [name, href] of NETWORKS) {
    const link = list.getByRole('link', { name, exact: true });
    await expect(link).toHaveText(name.replace('Share on ', ''));
    await expect(link).toHaveAttribute('href', href(encodedUrl, encodedTitle));
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  // Between the byline and the story, not at its foot.
  const shareBox = await list.boundingBox();
  const bylineBox = await page.locator('.byline').boundingBox();
  const bodyBox = await page.locator('.article-body').boundingBox();
  expect(shareBox?.y ?? 0).toBeGreaterThan(bylineBox?.y ?? Infinity);
  expect(shareBox?.y ?? Infinity).toBeLessThan(bodyBox?.y ?? 0);
});

test('with JavaScript off the share links work and there is no share button', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REFERENCE);
  const list = page.getByRole('list', { name: 'Share this article' });
  await expect(list.getByRole('link')).toHaveCount(6);
  await expect(list.getByRole('link', { name: 'Share on LinkedIn' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
  await context.close();
});

test('without a share sheet in the browser there is no share button', async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'share');
  });
  await page.goto(REFERENCE);
  await hydrated(page);
  await expect(
    page.getByRole('list', { name: 'Share this article' }).getByRole('link'),
  ).toHaveCount(6);
  await expect(page.getByRole('button', { name: 'Share…' })).toHaveCount(0);
});

test('where the browser has a share sheet, "Share…" opens it with the headline and URL', async ({
  page,
}) => {
  await giveTheBrowserAShareSheet(page);
  await page.goto(REFERENCE);
  const url = await canonicalUrl(page);
  const button = page.getByRole('button', { name: 'Share…' });
  await expect(button).toBeVisible();
  await button.click();
  const calls: unknown = await page.evaluate(() => Reflect.get(window, '__shareCalls'));
  expect(calls).toEqual([{ title: HEADLINE, url }]);
});

test('the share button arrives without moving the links or the story', async ({
  browser,
  page,
}) => {
  const positions = async (target: Page) => ({
    links: await target.getByRole('list', { name: 'Share this article' }).boundingBox(),
    photo: await target.locator('.photo--hero').boundingBox(),
  });
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  const before = await context.newPage();
  await before.goto(REFERENCE);
  const serverRendered = await positions(before);
  await context.close();

  await giveTheBrowserAShareSheet(page);
  await page.goto(REFERENCE);
  await expect(page.getByRole('button', { name: 'Share…' })).toBeVisible();
  expect(await positions(page)).toEqual(serverRendered);
  // The button sits beside the heading, clear of the links.
  const button = await page.getByRole('button', { name: 'Share…' }).boundingBox();
  expect((button?.y ?? 0) + (button?.height ?? 0)).toBeLessThanOrEqual(
    serverRendered.links?.y ?? 0,
  );
});

test('the share row is not printed, and the story’s address is printed instead', async ({
  page,
}) => {
  await page.goto(REFERENCE);
  const url = await canonicalUrl(page);
  const address = page.locator('.article__address');
  await expect(address).toHaveText(`Read online: ${url}`);
  await expect(address).toBeHidden();
  await expect(page.locator('.share')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.share')).toBeHidden();
});

test.describe('accessibility (axe-core)', () => {
  test('the article with its share links has no violations', async ({ page }) => {
    await page.goto(REFERENCE);
    await hydrated(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test('the article with the share button has no violations', async ({ page }) => {
    await giveTheBrowserAShareSheet(page);
    await page.goto(REFERENCE);
    await expect(page.getByRole('button', { name: 'Share…' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});
