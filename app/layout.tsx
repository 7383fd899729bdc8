import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteDocument } from '@/components/site/SiteDocument';
import { site } from '@/lib/config/site';
import { getPages } from '@/lib/content/queries';
import { feedLinks, siteViewport } from '@/lib/seo/pageMetadata';
import './stylesheets';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.tagline,
  alternates: { types: feedLinks() },
};

/**
 * Pages and feeds are static: built ahead (the newest articles) or rendered on their first
 * request (the archive), then served from Next's cache until the content changes. The server
 * watches `content/`; when a change loads cleanly, or a scheduled story's time comes, it marks
 * every page for regeneration (`lib/cache/pageRegeneration.ts`). An unchanged site renders
 * nothing, however busy it is.
 */

export const viewport: Viewport = siteViewport;

/** Every page renders its own header and `<main>` through `PageFrame`; the document is shared. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  return <SiteDocument pages={await getPages()}>{children}</SiteDocument>;
}
