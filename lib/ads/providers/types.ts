import type { AdSize, AdSlotKind } from '../inventory';

/** The configured ad source, handed from the server to the client-side loader. */
export type AdProviderSetting = { kind: 'house' } | { kind: 'gpt'; adUnitPath: string };

/** One slot asking to be filled, as the client-side loader sees it. */
export type AdRequest = {
  /** Unique on the page, e.g. `in-article-2`. */
  slotId: string;
  kind: AdSlotKind;
  /** The sizes allowed at the current breakpoint, from the inventory. */
  sizes: readonly AdSize[];
  /** The element to render into: it already reserves the height of the tallest size. */
  container: HTMLElement;
  /** The page's path, for providers that target by page. */
  path: string;
};

/**
 * What every ad source implements. `fill` renders into `request.container` and resolves to the
 * size it used, or to `null` when it has nothing for this slot. It must never render taller
 * than the tallest allowed size, and must never move focus.
 */
export type AdProvider = {
  name: string;
  fill: (request: AdRequest) => Promise<AdSize | null>;
};

declare global {
  interface Window {
    /**
     * An integration hook: a script that runs before the page (a test harness, a
     * consent-management tool) may supply its own provider here.
     */
    broadsheetAdProvider?: AdProvider;
  }
}
