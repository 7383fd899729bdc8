import { z } from 'zod';

/**
 * Site-wide settings. Everything a newsroom changes when it adopts Broadsheet lives here;
 * the deploy-specific parts come from the environment at build time.
 */
const SiteEnv = z.object({
  SITE_URL: z.url().default('http://localhost:3000'),
  SITE_TIMEZONE: z
    .string()
    .refine(isTimeZone, { message: 'not an IANA time zone such as Asia/Hong_Kong' })
    .default('Asia/Hong_Kong'),
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const env = SiteEnv.parse({
  SITE_URL: process.env.SITE_URL || undefined,
  SITE_TIMEZONE: process.env.SITE_TIMEZONE || undefined,
});

export const site = {
  name: 'Broadsheet',
  tagline: 'News from a newsroom that publishes from Git',
  language: 'en-GB',
  url: env.SITE_URL.replace(/\/+$/, ''),
  /** The newsroom's time zone: every date on the site is shown in it, with its offset. */
  timeZone: env.SITE_TIMEZONE,
  standardsPath: '/about/standards',
  /** `NEXT_PUBLIC_ADS=off` removes every ad slot from the site. */
  adsEnabled: process.env.NEXT_PUBLIC_ADS !== 'off',
} as const;

/** The publisher's logo (600×60) and the share image for pages without a photo (1200×630). */
export const brandImages = {
  logo: { src: '/images/brand/logo.png', width: 600, height: 60 },
  share: { src: '/images/brand/share-default.jpg', width: 1200, height: 630, alt: `${site.name}` },
} as const;

/** An absolute URL on this site, from a site path: every URL the site emits goes through here. */
export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith('/') ? path : `/${path}`}`;
}
