import { draftMode } from 'next/headers';
import { env } from '@/lib/config/env';
import { getArticleFor } from '@/lib/content/queries';
import { isSlug } from '@/lib/content/slugs';
import { PREVIEW_CACHE_CONTROL } from '@/lib/http/cacheControl';
import { isPreviewSecret } from '@/lib/preview/previewSecret';
import { articlePath } from '@/lib/urls';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': PREVIEW_CACHE_CONTROL, 'X-Robots-Tag': 'noindex' };

/**
 * `GET /api/preview?secret=<PREVIEW_SECRET>&slug=<slug>`: an editor's way in. With the right
 * secret and an article of that slug (a draft, a scheduled story or a published one), turns on
 * Next's draft mode for this browser and sends it to the article, which then renders as it
 * will be published, under a preview banner. A wrong or missing secret: 401 and no cookie.
 * Without PREVIEW_SECRET on the server there is no preview: 404, as for any unknown address.
 */
export async function GET(request: Request) {
  if (!env.PREVIEW_SECRET) return new Response('Not found', { status: 404, headers: noStore });
  const params = new URL(request.url).searchParams;
  if (!isPreviewSecret(params.get('secret'), env.PREVIEW_SECRET)) {
    return new Response('Preview needs the right secret.', { status: 401, headers: noStore });
  }
  const slug = params.get('slug') ?? '';
  const article = isSlug(slug) ? await getArticleFor(slug, 'editors') : undefined;
  if (!article)
    return new Response(`No article with the slug "${slug}".`, { status: 404, headers: noStore });
  (await draftMode()).enable();
  return new Response(null, {
    status: 307,
    headers: { ...noStore, Location: articlePath(article.slug) },
  });
}
