import type { ReactNode } from 'react';
import { AdLoader } from '@/components/ads/AdLoader';
import { AdSlot } from '@/components/ads/AdSlot';
import { PreviewBanner } from '@/components/preview/PreviewBanner';
import { site } from '@/lib/config/site';
import type { Article, Section } from '@/lib/content/types';
import type { PreviewMode } from '@/lib/preview/audience';
import { SiteHeader } from './SiteHeader';

type Props = {
  sections: readonly Section[];
  currentSectionId?: string;
  /** False on pages that must carry no advertising (an article with `ads: false`). */
  ads?: boolean;
  /**
   * On the pages an editor can preview (an article, the front page, the latest and section
   * lists): how this one is previewed, and the article it shows, for the preview banner.
   */
  preview?: { mode: PreviewMode; article?: Article };
  children: ReactNode;
};

/**
 * The header, top ad banner and main landmark of every page. Pages render it themselves
 * (rather than the layout) because only the page knows its section and whether it may carry
 * ads. With ads off (here or site-wide through `NEXT_PUBLIC_ADS=off`) no slot and no ad code
 * reaches the page.
 */
export function PageFrame({ sections, currentSectionId, ads = true, preview, children }: Props) {
  const showAds = ads && site.adsEnabled;
  return (
    <>
      {preview && <PreviewBanner mode={preview.mode} article={preview.article} />}
      <SiteHeader siteName={site.name} sections={sections} currentSectionId={currentSectionId} />
      {showAds && <AdSlot kind="top-banner" position={1} />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {showAds && <AdLoader provider={site.adProvider} />}
    </>
  );
}
