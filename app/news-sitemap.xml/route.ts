import { now as clockNow } from '@/lib/config/clock';
import { getPublishedArticles } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { newsSitemapXml } from '@/lib/seo/sitemaps';

export const dynamic = 'force-static';
/** Regenerated at most once a second, like the pages (see app/layout.tsx). */
export const revalidate = 1;

/** Articles from the 48 hours before now; an empty, valid urlset when there are none. */
export async function GET() {
  const now = clockNow();
  return xmlResponse(newsSitemapXml(await getPublishedArticles(now), now));
}
