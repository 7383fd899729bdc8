import { draftMode } from 'next/headers';
import { env } from '@/lib/config/env';
import { PREVIEW_CACHE_CONTROL } from '@/lib/http/cacheControl';

export const dynamic = 'force-dynamic';

/** `GET /api/preview/exit`: turns draft mode off for this browser and goes to the front page. */
export async function GET() {
  const headers = { 'Cache-Control': PREVIEW_CACHE_CONTROL, 'X-Robots-Tag': 'noindex' };
  if (!env.PREVIEW_SECRET) return new Response('Not found', { status: 404, headers });
  (await draftMode()).disable();
  return new Response(null, { status: 307, headers: { ...headers, Location: '/' } });
}
