import { getPublishedArticles } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { newsSitemapXml } from '@/lib/seo/sitemaps';

export const dynamic = 'force-static';

/** Articles from the 48 hours before the build; an empty, valid urlset when there are none. */
export async function GET() {
  const now = Date.now();
  return xmlResponse(newsSitemapXml(await getPublishedArticles(now), now));
}
