import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { HOUSE_PROMOTIONS } from '../../lib/ads/providers/houseAds';

const LONG_READ = '/article/rare-earths-supply-chain-explained';

/**
 * A test provider, installed before the page's own scripts: it fills each slot after a random
 * delay (up to 1.5 s) with a random size from those the slot allows, and records every layout
 * shift the browser reports.
 */
async function installRandomProvider(page: Page, seed: number) {
  await page.addInitScript((initialSeed) => {
    let state = initialSeed;
    const random = () => {
      state = (state * 1664525 + 1013904223) % 4294967296;
      return state / 4294967296;
    };
    const shifts: number[] = [];
    const shifted: string[] = [];
    Reflect.set(window, '__layoutShifts', shifts);
    Reflect.set(window, '__layoutShiftSources', shifted);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const value = Reflect.get(entry, 'value');
        if (Reflect.get(entry, 'hadRecentInput') || typeof value !== 'number') continue;
        shifts.push(value);
        const sources: unknown = Reflect.get(entry, 'sources');
        for (const source of Array.isArray(sources) ? sources : []) {
          const node: unknown = Reflect.get(source, 'node');
          const name =
            node instanceof Element
              ? `${node.tagName.toLowerCase()}.${node.className}`
              : String(node);
          shifted.push(
            `${value.toFixed(4)} ${name} ${JSON.stringify(Reflect.get(source, 'previousRect'))} -> ${JSON.stringify(Reflect.get(source, 'currentRect'))}`,
          );
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.broadsheetAdProvider = {
      name: 'random-test',
      fill: (request) =>
        new Promise((resolve) => {
          setTimeout(() => {
            const size = request.sizes[Math.floor(random() * request.sizes.length)];
            if (!size) return resolve(null);
            const creative = document.createElement('div');
            creative.className = 'test-creative';
            creative.style.width = `${Math.min(size.width, request.container.clientWidth)}px`;
            creative.style.height = `${size.height}px`;
            creative.style.background = '#c8102e';
            request.container.replaceChildren(creative);
            resolve(size);
          }, random() * 1500);
        }),
    };
  }, seed);
}

/**
 * The ad slots a reader meets on the page, by their labelled landmarks ("Advertisement",
 * "Advertisement 2", ...). Asserted non-empty first, so no check over the page's slots can pass
 * by running over none.
 */
async function expectAdSlots(page: Page, name: RegExp = /^Advertisement/) {
  const slots = page.getByRole('complementary', { name });
  await expect(slots.first()).toBeAttached();
  const count = await slots.count();
  expect(count, `slots named ${name} on ${page.url()}`).toBeGreaterThan(0);
  return count;
}

/** In-article and in-list slots: "Advertisement 2", "Advertisement 3", ... */
const SLOTS_DOWN_THE_PAGE = /^Advertisement \d+$/;

async function scrollToEnd(page: Page) {
  await page.evaluate(async () => {
    const step = Math.round(window.innerHeight * 0.6);
    for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
  });
}

test('filling every slot late, with random sizes, shifts the layout by at most 0.002', async ({
  page,
}) => {
  await installRandomProvider(page, 20261128);
  await page.goto(LONG_READ);
  await expectAdSlots(page, SLOTS_DOWN_THE_PAGE);
  const slots = page.locator('[data-ad-slot]:visible');
  expect(await slots.count()).toBeGreaterThanOrEqual(3);
  await scrollToEnd(page);
  await expect(page.locator('[data-ad-slot]:visible:not([data-ad-state="filled"])')).toHaveCount(
    0,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(500);
  const shifts: number[] = await page.evaluate(() => Reflect.get(window, '__layoutShifts'));
  const sources: string[] = await page.evaluate(() => Reflect.get(window, '__layoutShiftSources'));
  const cumulative = shifts.reduce((sum, value) => sum + value, 0);
  expect(cumulative, `layout shifts:\n${sources.join('\n')}`).toBeLessThanOrEqual(0.002);
});

test('slots fill only as they near the viewport', async ({ page }) => {
  await installRandomProvider(page, 7);
  await page.goto(LONG_READ);
  await expectAdSlots(page, SLOTS_DOWN_THE_PAGE);
  await page.waitForTimeout(2000);
  const lastSlot = page.locator('.article-body [data-ad-slot]').last();
  await expect(lastSlot).not.toHaveAttribute('data-ad-state', /./);
  await lastSlot.scrollIntoViewIfNeeded();
  await expect(lastSlot).toHaveAttribute('data-ad-state', 'filled', { timeout: 5000 });
});

test('the house ads fill the page without any third party, and never take focus', async ({
  page,
}) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:')
      outside.push(request.url());
  });
  await page.goto(LONG_READ);
  await expectAdSlots(page);
  await scrollToEnd(page);
  const firstSlot = page.getByRole('complementary', { name: 'Advertisement', exact: true });
  await expect(firstSlot.locator('.house-ad')).toBeVisible();
  await expect(firstSlot.getByText('Advertisement', { exact: true })).toBeVisible();
  expect(
    await page.evaluate(
      () => document.activeElement === document.body || document.activeElement?.id === 'main',
    ),
  ).toBe(true);
  expect(outside).toEqual([]);
});

test('a story with ads: false carries no slot and no ad code', async ({ page }) => {
  const response = await page.goto('/article/sichuan-landslide-rescue');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-ad-slot]')).toHaveCount(0);
  await expect(page.getByText('Advertisement')).toHaveCount(0);
});

test('lists carry an in-list slot between runs of stories', async ({ page }) => {
  await page.goto('/section/economy');
  await expectAdSlots(page, SLOTS_DOWN_THE_PAGE);
  const slots = page.locator('[data-ad-kind="in-list"]');
  expect(await slots.count()).toBeGreaterThan(0);
  await expect(slots.first()).toHaveAttribute('aria-label', 'Advertisement 2');
});

test('ad slots are not printed', async ({ page }) => {
  await page.goto(LONG_READ);
  await expectAdSlots(page);
  await expectAdSlots(page, SLOTS_DOWN_THE_PAGE);
  const slots = await page.locator('[data-ad-slot]').all();
  expect(slots.length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  for (const slot of slots) await expect(slot).toBeHidden();
  await expect(page.getByRole('complementary', { name: /^Advertisement/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('slots on a page reached through a link are filled too', async ({ page }) => {
  await page.goto('/article/china-rare-earths-spy-warning');
  await page.getByRole('link', { name: 'Broadsheet', exact: true }).first().click();
  await expect(page.getByRole('region', { name: 'Top story' })).toBeVisible();
  await expectAdSlots(page, SLOTS_DOWN_THE_PAGE);
  const listSlot = page.locator('[data-ad-kind="in-list"]').first();
  await listSlot.scrollIntoViewIfNeeded();
  await expect(listSlot).toHaveAttribute('data-ad-state', 'filled', { timeout: 5000 });
});

/**
 * Pages whose top banner shows each house promotion in turn (the promotion follows the page's
 * path), so every promotion's text is measured.
 */
/** Pages whose top banners show, between them, every house promotion (`choosePromotion`). */
const TOP_BANNER_PAGES = ['/', '/latest', '/section/china', '/section/world'];

for (const width of [320, 390]) {
  test.describe(`on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('the top banner house ad shows all its text inside its slot', async ({
      page,
    }, testInfo) => {
      test.skip(testInfo.project.name !== 'phone', 'a phone width, measured once');
      const seen = new Set<string>();
      for (const path of TOP_BANNER_PAGES) {
        await page.goto(path);
        const slot = page.getByRole('complementary', { name: 'Advertisement', exact: true });
        const ad = slot.locator('.house-ad');
        await expect(ad).toBeVisible();
        const space = await slot.locator('.ad-slot__space').boundingBox();
        // The slot keeps the tallest phone banner's height, whichever size is served.
        expect(space?.height).toBe(100);
        // A 320 px phone banner fits whole: the slot's space is the full screen width.
        expect(space?.width).toBeGreaterThanOrEqual(320);
        const adBox = await ad.boundingBox();
        if (!space || !adBox) throw new Error('no box for the slot or its ad');
        const parts = ad.locator('> *');
        expect(await parts.count()).toBeGreaterThanOrEqual(2);
        for (const part of await parts.all()) {
          const box = await part.boundingBox();
          const text = (await part.textContent()) ?? '';
          expect(box, text).not.toBeNull();
          if (!box) continue;
          for (const outer of [space, adBox]) {
            expect(box.y, `top of "${text}" on ${path}`).toBeGreaterThanOrEqual(outer.y - 0.5);
            expect(box.y + box.height, `bottom of "${text}" on ${path}`).toBeLessThanOrEqual(
              outer.y + outer.height + 0.5,
            );
            expect(box.x, `left of "${text}" on ${path}`).toBeGreaterThanOrEqual(outer.x - 0.5);
            expect(box.x + box.width, `right of "${text}" on ${path}`).toBeLessThanOrEqual(
              outer.x + outer.width + 0.5,
            );
          }
          // Nothing cut short inside its own box either (an ellipsis, a hidden overflow).
          const [scrollWidth, clientWidth, scrollHeight, clientHeight] = await part.evaluate(
            (element) => [
              element.scrollWidth,
              element.clientWidth,
              element.scrollHeight,
              element.clientHeight,
            ],
          );
          expect(scrollWidth, `"${text}" on ${path}`).toBeLessThanOrEqual(clientWidth + 1);
          expect(scrollHeight, `"${text}" on ${path}`).toBeLessThanOrEqual(clientHeight + 1);
        }
        seen.add((await ad.locator('.house-ad__headline').textContent()) ?? '');
      }
      expect([...seen].sort()).toEqual(
        HOUSE_PROMOTIONS.map((promotion) => promotion.headline).sort(),
      );
    });
  });
}
