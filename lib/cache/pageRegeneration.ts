import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { runningServerOrigin } from '../config/env';

/**
 * Regeneration on change. Pages and feeds are cached until something they show changes, and
 * only the server knows when that is: its watcher sees a file change (`watchContent.ts`,
 * started by instrumentation.ts), or a scheduled story's time comes (`loadSite.ts`). Next's
 * `revalidatePath` only works inside a request, so the server asks itself: a POST to
 * `REGENERATION_PATH` (app/internal/regenerate), carrying a secret made once per process. For
 * a content change the route first reloads `content/` and stops there if it has problems; then
 * it marks every page stale. Each is rendered again on its next request, with the new content;
 * pages nobody asks for cost nothing.
 *
 * Outside a running server (the build, the content check, unit tests) there is nothing to
 * regenerate and the call does nothing.
 */

export const REGENERATION_PATH = '/internal/regenerate';
export const REGENERATION_HEADER = 'x-broadsheet-regenerate';

/**
 * Why: `content` (a file changed) reloads `content/` before the pages are marked; `start` (the
 * server started) loads it and marks them only if it changed since the build or the last run
 * noted it; `schedule` (a scheduled story is due) only marks them.
 */
export const RegenerationReasonSchema = z.enum(['content', 'start', 'schedule']);
export type RegenerationReason = z.infer<typeof RegenerationReasonSchema>;

const REASON_TEXT: Record<RegenerationReason, string> = {
  content: 'The content changed',
  start: 'The server started',
  schedule: 'A scheduled story is due',
};

declare global {
  // One secret per server process. Every route's bundle has its own copy of this module, and
  // the route that checks the secret must see the one the watcher sends: globalThis is shared.
  var broadsheetRegenerationSecret: string | undefined;
}

function regenerationSecret(): string {
  globalThis.broadsheetRegenerationSecret ??= randomBytes(32).toString('hex');
  return globalThis.broadsheetRegenerationSecret;
}

/** Whether a request to `REGENERATION_PATH` came from this process (compared in constant time). */
export function isRegenerationRequest(request: Request): boolean {
  const sent = Buffer.from(request.headers.get(REGENERATION_HEADER) ?? '');
  const secret = Buffer.from(regenerationSecret());
  return sent.length === secret.length && timingSafeEqual(sent, secret);
}

/** Marks every page and feed of this server for regeneration on its next request. */
export async function regenerateAllPages(reason: RegenerationReason): Promise<void> {
  const origin = runningServerOrigin();
  if (!origin) return;
  try {
    const response = await fetch(`${origin}${REGENERATION_PATH}?reason=${reason}`, {
      method: 'POST',
      headers: { [REGENERATION_HEADER]: regenerationSecret() },
    });
    // 409: the new content has problems; the route has logged them and nothing changes.
    if (!response.ok && response.status !== 409) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    console.error(`${REASON_TEXT[reason]}, but the pages could not be marked for regeneration (${problem}); they show what they showed before.`);
  }
}
