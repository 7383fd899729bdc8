import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { site } from '@/lib/config/site';
import { getPages } from '@/lib/content/queries';
import { feedLinks } from '@/lib/seo/pageMetadata';
import { opensearchPath } from '@/lib/urls';
// Every stylesheet is imported here, once, in this order: the base, then each component area.
// The order is the cascade order (components import no CSS, so no route can reorder it).
import './globals.css';
import '@/components/site/site.css';
import '@/components/navigation/navigation.css';
import '@/components/article/article.css';
import '@/components/article/share.css';
import '@/components/media/media.css';
import '@/components/ads/ads.css';
import '@/components/story/story.css';
import '@/components/listings/listings.css';
import '@/components/history/history.css';
import '@/components/search/search.css';
import '@/components/preview/preview.css';

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

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The phone's browser bar follows the page's colour scheme (app/globals.css).
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

/** Every page renders its own header and `<main>` through `PageFrame`; the footer is shared. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const pages = await getPages();
  return (
    <html lang={site.language}>
      <head>
        {/* Lets browsers offer the site's search from the address bar (app/opensearch.xml). */}
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title={`Search ${site.name}`}
          href={opensearchPath}
        />
      </head>
      <body>
        {children}
        <SiteFooter siteName={site.name} pages={pages} />
      </body>
    </html>
  );
}
