import type { CSSProperties } from 'react';
import { AD_LABEL, reservedAdHeight } from '@/lib/ads/inventory';
import type { AdSlotKind } from '@/lib/ads/inventory';

type Props = {
  kind: AdSlotKind;
  /** 1 for the first slot of its kind on the page, 2 for the next, ... */
  position: number;
};

/**
 * A distinct accessible name per slot: the top banner (present whenever a page has ads) is
 * "Advertisement", the slots down the page "Advertisement 2", "Advertisement 3", ...
 */
function slotName(kind: AdSlotKind, position: number): string {
  switch (kind) {
    case 'top-banner':
      return AD_LABEL;
    case 'sidebar':
      return `${AD_LABEL}, sidebar`;
    case 'in-article':
    case 'in-list':
      return `${AD_LABEL} ${position + 1}`;
  }
}

/**
 * An ad slot: a labelled landmark that reserves the height of the tallest ad allowed at each
 * breakpoint before anything arrives, so filling it (or not) never moves the page. The loader
 * (`AdLoader`) fills it as it nears the viewport. The visible label is always "Advertisement";
 * landmarks need distinct names, so assistive technology hears each slot's place on the page.
 */
export function AdSlot({ kind, position }: Props) {
  const id = `${kind}-${position}`;
  const phone = reservedAdHeight(kind, 'phone');
  const reserve: CSSProperties & Record<`--${string}`, string> = {
    '--ad-phone': `${phone}px`,
    '--ad-desktop': `${reservedAdHeight(kind, 'desktop')}px`,
  };
  return (
    <aside
      className={`ad-slot ad-slot--${kind}${phone === 0 ? ' ad-slot--desktop-only' : ''}`}
      aria-label={slotName(kind, position)}
      data-ad-slot={id}
      data-ad-kind={kind}
    >
      <p className="ad-slot__label" aria-hidden="true">
        {AD_LABEL}
      </p>
      <div className="ad-slot__space" style={reserve} />
    </aside>
  );
}
