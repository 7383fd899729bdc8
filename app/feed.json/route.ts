import { getPublishedArticles } from '@/lib/content/queries';
import { jsonFeedResponse } from '@/lib/http/responses';
import { jsonFeed, siteFeedChannel } from '@/lib/seo/feeds';

export const dynamic = 'force-static';

export async function GET() {
  return jsonFeedResponse(jsonFeed(siteFeedChannel(), await getPublishedArticles()));
}
