import { siteFeedResponse } from '@/lib/seo/feedResponses';

export const dynamic = 'force-static';

export function GET() {
  return siteFeedResponse('json');
}
