import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { site } from '@/lib/config/site';
import { getPages, getSections } from '@/lib/content/queries';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.tagline,
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#ffffff',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [sections, pages] = await Promise.all([getSections(), getPages()]);
  return (
    <html lang={site.language}>
      <body>
        <SiteHeader siteName={site.name} sections={sections} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter siteName={site.name} pages={pages} />
      </body>
    </html>
  );
}
