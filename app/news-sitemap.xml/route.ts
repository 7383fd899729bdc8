import { now as clockNow } from '@/lib/config/clock';
import { getPublishedArticles } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { newsSitemapXml } from '@/lib/seo/sitemaps';

export const dynamic = 'force-static';
/**
 * Like every page, regenerated when the content changes; and besides, every five minutes when
 * asked for, since stories leave it as they pass 48 hours old without any change to content.
 */
export const revalidate = 300;

/** Articles from the 48 hours before now; an empty, valid urlset when there are none. */
export async function GET() {
  const now = clockNow();
  return xmlResponse(newsSitemapXml(await getPublishedArticles(now), now));
}
