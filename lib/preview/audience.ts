import 'server-only';
import { draftMode } from 'next/headers';
import { env } from '../config/env';
import type { Audience } from '../content/publishedIndex';

/**
 * How the page being rendered is previewed: in Next's draft mode, which `/api/preview` turns
 * on for one browser with the preview secret; on the development server (`npm run dev`), where
 * there is no secret to ask for; or not at all, as for every reader, and always while the build
 * prerenders, so nothing unpublished is ever built into a cached page.
 */
export type PreviewMode = 'off' | 'draft-mode' | 'development';

export async function previewMode(): Promise<PreviewMode> {
  if (env.NODE_ENV === 'development') return 'development';
  return (await draftMode()).isEnabled ? 'draft-mode' : 'off';
}

/** Who a page previewed so is for: editors, who see drafts and scheduled stories too, or readers. */
export function audienceOf(mode: PreviewMode): Audience {
  return mode === 'off' ? 'readers' : 'editors';
}
