import { site } from '@/lib/config/site';
import { now } from '@/lib/config/clock';
import type { Article } from '@/lib/content/types';
import { formatDateTime } from '@/lib/format/formatDateTime';
import type { PreviewMode } from '@/lib/preview/audience';
import { previewStatus } from '@/lib/preview/previewStatus';
import { previewExitPath } from '@/lib/urls';

type Props = {
  mode: PreviewMode;
  /** The article the page shows, if it shows one: the banner says whether it is out. */
  article?: Article;
};

function message(article: Article | undefined): string {
  const status = article && previewStatus(article, now());
  if (status?.kind === 'draft') return 'Preview — draft, not published';
  if (status?.kind === 'scheduled')
    return `Preview — scheduled for ${formatDateTime(status.at, site.timeZone)}`;
  if (status?.kind === 'published') return 'Preview — published: readers see this story';
  return 'Preview — drafts and scheduled stories are shown, marked as such';
}

/**
 * The bar across the top of a page an editor previews (draft mode, or `npm run dev`), saying
 * what the page is, with the way out. Readers never get it: for them it renders nothing.
 */
export function PreviewBanner({ mode, article }: Props) {
  if (mode === 'off') return null;
  const development = mode === 'development';
  return (
    <div className="preview-banner" role="note" aria-label="Preview">
      <p className="preview-banner__text">
        <strong>{message(article)}</strong>
        {development && ' (development server)'}
      </p>
      {!development && (
        <a className="preview-banner__exit" href={previewExitPath}>
          Exit preview
        </a>
      )}
    </div>
  );
}
