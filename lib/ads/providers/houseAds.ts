import type { AdSize } from '../inventory';
import type { AdProvider, AdRequest } from './types';

type Promotion = { headline: string; text: string; action: string; href: string };

/** The site's own promotions: the page is complete without any third party. */
export const HOUSE_PROMOTIONS: readonly Promotion[] = [
  {
    headline: 'The Broadsheet Briefing',
    text: 'The day’s essential stories, every morning at 7am Hong Kong time.',
    action: 'Read today’s news',
    href: '/latest',
  },
  {
    headline: 'Follow the economy',
    text: 'Markets, trade and central banks, explained by our economics desk.',
    action: 'Go to Economy',
    href: '/section/economy',
  },
  {
    headline: 'How we report',
    text: 'Our standards: accuracy, corrections and how advertising is kept apart from journalism.',
    action: 'Read our standards',
    href: '/about/standards',
  },
  {
    headline: 'China, closely watched',
    text: 'Politics, business and society from our correspondents.',
    action: 'Go to China',
    href: '/section/china',
  },
];

/** The largest allowed size that fits the container's width (the smallest one when none fits). */
export function chooseSize(sizes: readonly AdSize[], availableWidth: number): AdSize | undefined {
  const fitting = sizes.filter((size) => size.width <= availableWidth);
  const pool =
    fitting.length > 0 ? fitting : [...sizes].sort((a, b) => a.width - b.width).slice(0, 1);
  return [...pool].sort((a, b) => b.width * b.height - a.width * a.height)[0];
}

/**
 * Same slot on the same page, same promotion: stable across reloads. Never one for the page
 * the reader is on (the standards page advertising the standards page).
 */
export function choosePromotion(slotId: string, path: string): Promotion {
  let hash = 0;
  for (const character of `${path}#${slotId}`) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  const elsewhere = HOUSE_PROMOTIONS.filter((promotion) => promotion.href !== path);
  const promotion = elsewhere[hash % elsewhere.length];
  if (!promotion) throw new Error('no house promotions are defined');
  return promotion;
}

/**
 * How a promotion is laid out at a size, so its text always fits the slot: a `strip` (the
 * 50 px phone banners) has the headline and the action in small type; a `banner` (the 90–100 px
 * banners) the headline and the action, side by side in a `wide-banner`; only a `box` (250 px
 * and taller) has room for the promotion's sentence as well, in larger type in a `billboard`.
 */
export type PromotionFormat = 'strip' | 'banner' | 'wide-banner' | 'box' | 'billboard';

const WIDE_PX = 600;

export function promotionFormat(size: AdSize): PromotionFormat {
  const wide = size.width >= WIDE_PX;
  if (size.height < 90) return 'strip';
  if (size.height < 200) return wide ? 'wide-banner' : 'banner';
  return wide ? 'billboard' : 'box';
}

function part(tag: 'strong' | 'span', className: string, text: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** Renders a promotion with DOM methods (no HTML strings) at exactly the chosen size. */
function renderPromotion(container: HTMLElement, promotion: Promotion, size: AdSize): void {
  const format = promotionFormat(size);
  const link = document.createElement('a');
  link.className = `house-ad house-ad--${format}`;
  link.href = promotion.href;
  link.style.width = `${Math.min(size.width, container.clientWidth || size.width)}px`;
  link.style.height = `${size.height}px`;
  link.dataset.size = `${size.width}x${size.height}`;
  link.append(part('strong', 'house-ad__headline', promotion.headline));
  if (format === 'box' || format === 'billboard')
    link.append(part('span', 'house-ad__text', promotion.text));
  link.append(part('span', 'house-ad__action', promotion.action));
  container.replaceChildren(link);
}

export const houseAdProvider: AdProvider = {
  name: 'house',
  async fill(request: AdRequest) {
    const size = chooseSize(request.sizes, request.container.clientWidth);
    if (!size) return null;
    renderPromotion(request.container, choosePromotion(request.slotId, request.path), size);
    return size;
  },
};
