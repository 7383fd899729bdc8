import { getPublishedArticles } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { rssFeed, siteFeedChannel } from '@/lib/seo/feeds';

export const dynamic = 'force-static';

export async function GET() {
  return xmlResponse(rssFeed(siteFeedChannel(), await getPublishedArticles()), 'application/rss+xml');
}
