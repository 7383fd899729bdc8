import { correctionsFeedResponse } from '@/lib/seo/feedResponses';

export const dynamic = 'force-static';
/** Regenerated at most once a second, like the pages (see app/layout.tsx). */
export const revalidate = 1;

export function GET() {
  return correctionsFeedResponse();
}
