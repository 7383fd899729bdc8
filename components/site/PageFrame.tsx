import type { ReactNode } from 'react';
import { site } from '@/lib/config/site';
import type { Section } from '@/lib/content/types';
import { SiteHeader } from './SiteHeader';

type Props = {
  sections: readonly Section[];
  currentSectionId?: string;
  children: ReactNode;
};

/**
 * The header and main landmark of every page. Pages render it themselves (rather than the
 * layout) because only the page knows which section it belongs to.
 */
export function PageFrame({ sections, currentSectionId, children }: Props) {
  return (
    <>
      <SiteHeader siteName={site.name} sections={sections} currentSectionId={currentSectionId} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
