import { describe, expect, it } from 'vitest';
import {
  AD_INVENTORY,
  DESKTOP_MIN_WIDTH_PX,
  breakpointFor,
  reservedAdHeight,
  widestAd,
} from '@/lib/ads/inventory';
import type { AdSize, AdSlotKind, Breakpoint } from '@/lib/ads/inventory';
import { BREAKPOINTS } from '@/lib/config/breakpoints';
import { chooseSize, choosePromotion, HOUSE_PROMOTIONS } from '@/lib/ads/providers/houseAds';

const KINDS: readonly AdSlotKind[] = ['top-banner', 'in-article', 'sidebar', 'in-list'];
const BREAKPOINT_NAMES: readonly Breakpoint[] = ['phone', 'desktop'];

/** Every slot kind at every breakpoint, with the sizes the inventory may serve there. */
const EVERY_SLOT = KINDS.flatMap((kind) =>
  BREAKPOINT_NAMES.map((breakpoint) => ({ kind, breakpoint, sizes: AD_INVENTORY[kind][breakpoint] })),
);

/** The narrowest phone the site supports. */
const NARROWEST_PHONE_PX = 320;

const area = (size: AdSize) => size.width * size.height;

describe('the ad inventory', () => {
  it('lists every slot kind the site can place', () => {
    expect(Object.keys(AD_INVENTORY).sort()).toEqual([...KINDS].sort());
  });

  it.each(EVERY_SLOT.filter((slot) => slot.sizes.length > 0))(
    'reserves room for every ad a $kind slot may serve on a $breakpoint, and no more',
    ({ kind, breakpoint, sizes }) => {
      const reserved = reservedAdHeight(kind, breakpoint);
      for (const size of sizes) expect(reserved).toBeGreaterThanOrEqual(size.height);
      expect(sizes.map((size) => size.height)).toContain(reserved);
    },
  );

  it.each(EVERY_SLOT.filter((slot) => slot.sizes.length === 0))(
    'reserves nothing for a $kind slot on a $breakpoint, where it serves no ad',
    ({ kind, breakpoint }) => {
      expect(reservedAdHeight(kind, breakpoint)).toBe(0);
      expect(widestAd(kind, breakpoint)).toBe(0);
    },
  );

  it('gives every slot kind something to serve on a desktop', () => {
    for (const kind of KINDS) expect(AD_INVENTORY[kind].desktop.length).toBeGreaterThan(0);
  });

  it.each(EVERY_SLOT)('knows the widest ad a $kind slot may serve on a $breakpoint', ({ kind, breakpoint, sizes }) => {
    const widest = widestAd(kind, breakpoint);
    for (const size of sizes) expect(widest).toBeGreaterThanOrEqual(size.width);
    if (sizes.length > 0) expect(sizes.map((size) => size.width)).toContain(widest);
  });

  it(`offers phones only sizes that fit a ${NARROWEST_PHONE_PX}px screen`, () => {
    const phoneSizes = KINDS.flatMap((kind) => AD_INVENTORY[kind].phone);
    expect(phoneSizes.length).toBeGreaterThan(0);
    for (const size of phoneSizes) expect(size.width).toBeLessThanOrEqual(NARROWEST_PHONE_PX);
  });

  it('offers desktops only sizes that fit the narrowest desktop screen', () => {
    for (const kind of KINDS) {
      for (const size of AD_INVENTORY[kind].desktop) expect(size.width).toBeLessThanOrEqual(DESKTOP_MIN_WIDTH_PX);
    }
  });

  it('switches to the desktop sizes at the layout’s desktop breakpoint', () => {
    expect(DESKTOP_MIN_WIDTH_PX).toBe(BREAKPOINTS.desktop);
  });

  it.each([
    [NARROWEST_PHONE_PX, 'phone'],
    [BREAKPOINTS.tablet, 'phone'],
    [DESKTOP_MIN_WIDTH_PX - 1, 'phone'],
    [DESKTOP_MIN_WIDTH_PX, 'desktop'],
    [DESKTOP_MIN_WIDTH_PX + 1, 'desktop'],
    [1920, 'desktop'],
  ] as const)('treats a %ipx viewport as %s', (width, breakpoint) => {
    expect(breakpointFor(width)).toBe(breakpoint);
  });
});

describe('house ads', () => {
  /** Container widths around every size's width, plus a very narrow and a very wide one. */
  const widthsAround = (sizes: readonly AdSize[]) => [
    0,
    ...sizes.flatMap((size) => [size.width - 1, size.width, size.width + 1]),
    4000,
  ];

  const slotsWithSizes = EVERY_SLOT.filter((slot) => slot.sizes.length > 0);

  it.each(slotsWithSizes)('fill a $kind slot on a $breakpoint with the largest allowed size that fits', ({ sizes }) => {
    for (const width of widthsAround(sizes)) {
      const chosen = chooseSize(sizes, width);
      expect(chosen, `container ${width}px`).toBeDefined();
      if (!chosen) continue;
      expect(sizes, `container ${width}px`).toContainEqual(chosen);
      const fitting = sizes.filter((size) => size.width <= width);
      if (fitting.length > 0) {
        expect(chosen.width, `container ${width}px`).toBeLessThanOrEqual(width);
        for (const size of fitting) expect(area(chosen), `container ${width}px`).toBeGreaterThanOrEqual(area(size));
      } else {
        // Nothing fits: the narrowest size, which the slot's `overflow: hidden` crops least.
        expect(chosen.width, `container ${width}px`).toBe(Math.min(...sizes.map((size) => size.width)));
      }
    }
  });

  it('fill nothing where the slot allows no size', () => {
    expect(chooseSize([], 1000)).toBeUndefined();
  });

  it('show the same promotion in the same slot on every visit', () => {
    expect(choosePromotion('in-article-1', '/article/a')).toBe(choosePromotion('in-article-1', '/article/a'));
    const seen = new Set(
      Array.from({ length: 40 }, (_, i) => choosePromotion(`in-article-${i}`, '/article/a').headline),
    );
    expect(seen.size).toBe(HOUSE_PROMOTIONS.length);
  });

  it('never promote the page the reader is on', () => {
    for (const promotion of HOUSE_PROMOTIONS) {
      for (let slot = 0; slot < 20; slot++) {
        expect(choosePromotion(`in-article-${slot}`, promotion.href).href).not.toBe(promotion.href);
      }
    }
  });
});
