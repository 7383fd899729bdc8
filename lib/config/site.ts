import type { AdProviderSetting } from '../ads/providers/types';
import { env } from './env';

/**
 * Site-wide settings. Everything a newsroom changes when it adopts Broadsheet lives here;
 * the deploy-specific parts come from the environment (`env.ts`) at build time.
 */
export const site = {
  name: 'Broadsheet',
  tagline: 'News from a newsroom that publishes from Git',
  language: 'en-GB',
  url: env.SITE_URL,
  /** The newsroom's time zone: every date on the site is shown in it, with its offset. */
  timeZone: env.SITE_TIMEZONE,
  standardsPath: '/about/standards',
  /** `NEXT_PUBLIC_ADS=off` removes every ad slot from the site. */
  adsEnabled: env.NEXT_PUBLIC_ADS === 'on',
  /** Who fills the ad slots (`NEXT_PUBLIC_AD_PROVIDER`, `NEXT_PUBLIC_GPT_AD_UNIT_PATH`). */
  adProvider: adProviderSetting(),
} as const;

function adProviderSetting(): AdProviderSetting {
  const adUnitPath = env.NEXT_PUBLIC_GPT_AD_UNIT_PATH;
  return env.NEXT_PUBLIC_AD_PROVIDER === 'gpt' && adUnitPath ? { kind: 'gpt', adUnitPath } : { kind: 'house' };
}

/** The publisher's logo (600×60) and the share image for pages without a photo (1200×630). */
export const brandImages = {
  logo: { src: '/images/brand/logo.png', width: 600, height: 60 },
  share: { src: '/images/brand/share-default.jpg', width: 1200, height: 630, alt: `${site.name}` },
} as const;

/** An absolute URL on this site, from a site path: every URL the site emits goes through here. */
export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith('/') ? path : `/${path}`}`;
}
