'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { AD_INVENTORY, breakpointFor } from '@/lib/ads/inventory';
import type { AdSlotKind } from '@/lib/ads/inventory';
import { selectAdProvider } from '@/lib/ads/providers/selectProvider';
import type { AdProviderSetting } from '@/lib/ads/providers/types';

type Props = {
  /** The configured ad source (`site.adProvider`): the server reads the environment, not this leaf. */
  provider: AdProviderSetting;
};

const KINDS: readonly AdSlotKind[] = ['top-banner', 'in-article', 'sidebar', 'in-list'];

function isSlotKind(value: string | undefined): value is AdSlotKind {
  return KINDS.some((kind) => kind === value);
}

/**
 * Fills the page's ad slots as they come within a screen of the viewport. Renders nothing
 * itself and runs only after the page is interactive, so no ad code blocks the first render.
 */
export function AdLoader({ provider: setting }: Props) {
  // Client-side navigation brings new slots without a new page load: look again on every path.
  const pathname = usePathname();
  useEffect(() => {
    const provider = selectAdProvider(setting);
    const breakpoint = breakpointFor(window.innerWidth);
    const fill = async (slot: HTMLElement) => {
      const container = slot.querySelector<HTMLElement>('.ad-slot__space');
      const kind = slot.dataset.adKind;
      const sizes = isSlotKind(kind) ? AD_INVENTORY[kind][breakpoint] : [];
      if (!container || !isSlotKind(kind) || sizes.length === 0) return;
      slot.dataset.adState = 'loading';
      const size = await provider
        .fill({ slotId: slot.dataset.adSlot ?? kind, kind, sizes, container, path: window.location.pathname })
        .catch(() => null);
      // An empty slot keeps its space unless it is wholly below the viewport, where collapsing moves nothing.
      slot.dataset.adState = size ? 'filled' : slot.getBoundingClientRect().top > window.innerHeight ? 'collapsed' : 'empty';
    };
    const slots = document.querySelectorAll<HTMLElement>('[data-ad-slot]:not([data-ad-state])');
    if (!('IntersectionObserver' in window)) {
      // Browsers without IntersectionObserver fill every slot at once; the space is reserved either way.
      slots.forEach((slot) => void fill(slot));
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || !(entry.target instanceof HTMLElement)) continue;
          observer.unobserve(entry.target);
          void fill(entry.target);
        }
      },
      { rootMargin: '100% 0px' },
    );
    slots.forEach((slot) => observer.observe(slot));
    return () => observer.disconnect();
  }, [pathname, setting]);
  return null;
}
