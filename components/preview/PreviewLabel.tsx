import { site } from '@/lib/config/site';
import { now } from '@/lib/config/clock';
import type { Article } from '@/lib/content/types';
import { formatDateTime } from '@/lib/format/formatDateTime';
import { previewStatus } from '@/lib/preview/previewStatus';

type Props = { article: Article };

/**
 * "Draft" or "Scheduled for ..." on a story in a list, which only an editor previewing sees:
 * readers' lists hold published stories alone, for which this renders nothing.
 */
export function PreviewLabel({ article }: Props) {
  const status = previewStatus(article, now());
  if (status.kind === 'published') return null;
  return (
    <span className="preview-label">
      {status.kind === 'draft'
        ? 'Draft'
        : `Scheduled for ${formatDateTime(status.at, site.timeZone)}`}
    </span>
  );
}
