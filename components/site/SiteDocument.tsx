import type { ReactNode } from 'react';
import { site } from '@/lib/config/site';
import type { Page } from '@/lib/content/types';
import { opensearchPath } from '@/lib/urls';
import { SiteFooter } from './SiteFooter';

type Props = {
  /** The newsroom's own pages, linked from the footer. */
  pages: readonly Page[];
  children: ReactNode;
};

/**
 * The document every page shares: `<html>` in the site's language, the search link in the head,
 * and the footer after the page. Pages render their own header and `<main>` (`PageFrame`).
 */
export function SiteDocument({ pages, children }: Props) {
  return (
    <html lang={site.language}>
      {/* eslint-disable-next-line @next/next/no-head-element -- the App Router's root document (the layout's and the global not-found page's), where `<head>` is right; the rule is for the Pages Router. */}
      <head>
        {/* Lets browsers offer the site's search from the address bar (app/opensearch.xml). */}
        <link rel="search" type="application/opensearchdescription+xml" title={`Search ${site.name}`} href={opensearchPath} />
      </head>
      <body>
        {children}
        <SiteFooter siteName={site.name} pages={pages} />
      </body>
    </html>
  );
}
