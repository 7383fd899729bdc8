import { describe, expect, it } from 'vitest';
import { AD_INVENTORY, breakpointFor, reservedAdHeight } from '@/lib/ads/inventory';
import { chooseSize, choosePromotion, HOUSE_PROMOTIONS } from '@/lib/ads/providers/houseAds';

describe('the ad inventory', () => {
  it.each([
    ['top-banner', 'phone', 100],
    ['top-banner', 'desktop', 250],
    ['in-article', 'phone', 250],
    ['in-article', 'desktop', 280],
    ['sidebar', 'phone', 0],
    ['sidebar', 'desktop', 600],
    ['in-list', 'phone', 250],
    ['in-list', 'desktop', 250],
  ] as const)('reserves the tallest %s ad on a %s: %ipx', (kind, breakpoint, height) => {
    expect(reservedAdHeight(kind, breakpoint)).toBe(height);
  });

  it('offers phones only sizes that fit a 320px screen', () => {
    for (const spec of Object.values(AD_INVENTORY)) {
      for (const size of spec.phone) expect(size.width).toBeLessThanOrEqual(320);
    }
  });

  it.each([
    [390, 'phone'],
    [1023, 'phone'],
    [1024, 'desktop'],
    [1280, 'desktop'],
  ] as const)('treats a %ipx viewport as %s', (width, breakpoint) => {
    expect(breakpointFor(width)).toBe(breakpoint);
  });
});

describe('house ads', () => {
  it('take the largest allowed size that fits the slot', () => {
    const sizes = AD_INVENTORY['in-list'].desktop;
    expect(chooseSize(sizes, 1200)).toEqual({ width: 970, height: 250 });
    expect(chooseSize(sizes, 800)).toEqual({ width: 728, height: 90 });
    expect(chooseSize(sizes, 300)).toEqual({ width: 728, height: 90 });
  });

  it('show the same promotion in the same slot on every visit', () => {
    expect(choosePromotion('in-article-1', '/article/a')).toBe(choosePromotion('in-article-1', '/article/a'));
    const seen = new Set(
      Array.from({ length: 40 }, (_, i) => choosePromotion(`in-article-${i}`, '/article/a').headline),
    );
    expect(seen.size).toBe(HOUSE_PROMOTIONS.length);
  });
});
