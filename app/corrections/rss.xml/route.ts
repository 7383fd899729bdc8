import { correctionsFeedResponse } from '@/lib/seo/feedResponses';

export const dynamic = 'force-static';

export function GET() {
  return correctionsFeedResponse();
}
