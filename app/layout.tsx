import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { site } from '@/lib/config/site';
import { getPages } from '@/lib/content/queries';
import { feedLinks } from '@/lib/seo/pageMetadata';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.tagline,
  alternates: { types: feedLinks() },
};

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
