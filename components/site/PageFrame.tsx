import type { ReactNode } from 'react';
import { AdLoader } from '@/components/ads/AdLoader';
import { AdSlot } from '@/components/ads/AdSlot';
import { site } from '@/lib/config/site';
import type { Section } from '@/lib/content/types';
import { SiteHeader } from './SiteHeader';

type Props = {
  sections: readonly Section[];
  currentSectionId?: string;
  /** False on pages that must carry no advertising (an article with `ads: false`). */
  ads?: boolean;
  children: ReactNode;
};

/**
 * The header, top ad banner and main landmark of every page. Pages render it themselves
 * (rather than the layout) because only the page knows its section and whether it may carry
 * ads. With ads off (here or site-wide through `NEXT_PUBLIC_ADS=off`) no slot and no ad code
 * reaches the page.
 */
export function PageFrame({ sections, currentSectionId, ads = true, children }: Props) {
  const showAds = ads && site.adsEnabled;
  return (
    <>
      <SiteHeader siteName={site.name} sections={sections} currentSectionId={currentSectionId} />
      {showAds && <AdSlot kind="top-banner" position={1} />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {showAds && <AdLoader provider={site.adProvider} />}
    </>
  );
}
