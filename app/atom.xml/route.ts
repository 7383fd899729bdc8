import { getPublishedArticles } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { atomFeed, siteFeedChannel } from '@/lib/seo/feeds';

export const dynamic = 'force-static';

export async function GET() {
  return xmlResponse(atomFeed(siteFeedChannel(), await getPublishedArticles()), 'application/atom+xml');
}
