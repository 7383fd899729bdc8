/**
 * The ad inventory: every kind of slot the site offers, its sizes per breakpoint and the
 * space each reserves. Components, the client-side loader and the providers all read this,
 * so a size changes in one place.
 */

import { BREAKPOINTS } from '@/lib/config/breakpoints';

export type AdSize = { width: number; height: number };

export type AdSlotKind = 'top-banner' | 'in-article' | 'sidebar' | 'in-list';

/**
 * Below this width the phone sizes apply; from it, the desktop sizes. It is the layout's
 * desktop breakpoint, the same width at which the CSS gives the desktop layout.
 */
export const DESKTOP_MIN_WIDTH_PX = BREAKPOINTS.desktop;

/** The visible label above every slot. */
export const AD_LABEL = 'Advertisement';


type SlotSpec = {
  /** Sizes for screens narrower than `DESKTOP_MIN_WIDTH_PX`; empty means the slot is not shown. */
  phone: readonly AdSize[];
  desktop: readonly AdSize[];
};

export const AD_INVENTORY: Readonly<Record<AdSlotKind, SlotSpec>> = {
  'top-banner': {
    phone: [{ width: 320, height: 50 }, { width: 320, height: 100 }],
    desktop: [{ width: 728, height: 90 }, { width: 970, height: 90 }, { width: 970, height: 250 }],
  },
  'in-article': {
    phone: [{ width: 300, height: 250 }, { width: 320, height: 50 }],
    desktop: [{ width: 300, height: 250 }, { width: 336, height: 280 }],
  },
  sidebar: {
    phone: [],
    desktop: [{ width: 300, height: 250 }, { width: 300, height: 600 }],
  },
  'in-list': {
    phone: [{ width: 300, height: 250 }],
    desktop: [{ width: 728, height: 90 }, { width: 970, height: 250 }],
  },
};

export type Breakpoint = 'phone' | 'desktop';

export function breakpointFor(viewportWidth: number): Breakpoint {
  return viewportWidth >= DESKTOP_MIN_WIDTH_PX ? 'desktop' : 'phone';
}

/** The tallest allowed ad at a breakpoint: the height a slot reserves for it (0 when not shown). */
export function reservedAdHeight(kind: AdSlotKind, breakpoint: Breakpoint): number {
  return Math.max(0, ...AD_INVENTORY[kind][breakpoint].map((size) => size.height));
}

export function widestAd(kind: AdSlotKind, breakpoint: Breakpoint): number {
  return Math.max(0, ...AD_INVENTORY[kind][breakpoint].map((size) => size.width));
}
