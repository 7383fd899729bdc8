import type { Metadata, Viewport } from 'next';
import { SearchForm } from '@/components/search/SearchForm';
import { PageFrame } from '@/components/site/PageFrame';
import { SiteDocument } from '@/components/site/SiteDocument';
import { site } from '@/lib/config/site';
import { getPages, getSections } from '@/lib/content/queries';
import { siteViewport } from '@/lib/seo/pageMetadata';
import { latestPath } from '@/lib/urls';
import './stylesheets';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: `Page not found | ${site.name}`,
  // No `robots`: Next marks every 404 `noindex` itself, and a second tag would only repeat it.
};

export const viewport: Viewport = siteViewport;

/**
 * Served with status 404 for every address the site does not have: a way to search for the
 * story, or to the front page and the latest news, in the site's header and footer.
 *
 * A global not-found page (`experimental.globalNotFound`), rendered without the root layout,
 * rather than `app/not-found.tsx`: Next serializes the root `not-found.tsx` into the React
 * payload of every page, so every reader downloaded this page's header, search form and links
 * (3.5 KB) with every story. A route's `notFound()` (an unknown article, topic or author)
 * leaves only the small `app/not-found.tsx` in that payload, and its response is replaced by
 * this page on the server (`lib/http/notFoundShell.ts`).
 */
export default async function GlobalNotFound() {
  const [sections, pages] = await Promise.all([getSections(), getPages()]);
  return (
    <SiteDocument pages={pages}>
      <PageFrame sections={sections}>
        <div className="page page--not-found">
          <h1 className="page__title">We couldn’t find that story</h1>
          <p>The page may have moved, or the address may be mistyped. Search for it:</p>
          <SearchForm variant="page" />
          <p>
            Or go to <a href="/">the front page</a> or <a href={latestPath}>the latest news</a>.
          </p>
        </div>
      </PageFrame>
    </SiteDocument>
  );
}
