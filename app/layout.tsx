import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { site } from '@/lib/config/site';
import { getPages } from '@/lib/content/queries';
import { feedLinks } from '@/lib/seo/pageMetadata';
// Every stylesheet is imported here, once, in this order: the base, then each component area.
// The order is the cascade order (components import no CSS, so no route can reorder it).
import './globals.css';
import '@/components/site/site.css';
import '@/components/navigation/navigation.css';
import '@/components/article/article.css';
import '@/components/media/media.css';
import '@/components/ads/ads.css';
import '@/components/story/story.css';
import '@/components/listings/listings.css';
import '@/components/history/history.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.tagline,
  alternates: { types: feedLinks() },
};

/**
 * Every page and feed is built ahead of time, then regenerated in the background at most once
 * a second after it is requested. With `loadSiteContent` re-reading `content/` when a file
 * changes, a story pulled onto the server is live within seconds, without a rebuild, and a
 * scheduled story appears once its time has come. Readers never wait for a render: Next
 * serves the page it has while it makes the next one.
 */
export const revalidate = 1;

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#ffffff',
};

/** Every page renders its own header and `<main>` through `PageFrame`; the footer is shared. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const pages = await getPages();
  return (
    <html lang={site.language}>
      <body>
        {children}
        <SiteFooter siteName={site.name} pages={pages} />
      </body>
    </html>
  );
}
