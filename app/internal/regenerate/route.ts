import { revalidatePath } from 'next/cache';
import { isRegenerationRequest, RegenerationReasonSchema } from '@/lib/cache/pageRegeneration';
import type { RegenerationReason } from '@/lib/cache/pageRegeneration';
import { changedSinceNoted, reloadSiteContent } from '@/lib/content/loadSite';
import { warmSearchIndex } from '@/lib/search/liveIndex';

export const dynamic = 'force-dynamic';

/**
 * The server's own call when it starts, when its content changed or when a scheduled story
 * fell due (see `lib/cache/pageRegeneration.ts`): every page and feed under the root layout is
 * rendered again on its next request. After a file change the content is reloaded first; if it
 * has problems (logged), nothing is marked and the site stays as it was. At startup the content
 * is loaded, and the pages are marked only if it changed while no server was watching. Anyone
 * else gets the 404 an unknown address gets. Each call also brings the search index up to date
 * in the background, so no reader's search waits for it.
 */
export async function POST(request: Request) {
  const reason = RegenerationReasonSchema.safeParse(new URL(request.url).searchParams.get('reason'));
  if (!isRegenerationRequest(request) || !reason.success) return new Response('Not found', { status: 404 });
  const response = await regenerate(reason.data);
  warmSearchIndex();
  return response;
}

async function regenerate(reason: RegenerationReason): Promise<Response> {
  if (reason === 'content' && !(await reloadSiteContent())) {
    return new Response('The new content has problems; the site is unchanged.', { status: 409 });
  }
  if (reason === 'start' && !(await changedSinceNoted())) return new Response(null, { status: 204 });
  revalidatePath('/', 'layout');
  return new Response(null, { status: 204 });
}
