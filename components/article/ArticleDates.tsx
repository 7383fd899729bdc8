import type { Timestamp } from '@/lib/content/timestamp';
import { formatDateTime } from '@/lib/format/formatDateTime';

type Props = {
  publishedAt: Timestamp;
  updatedAt?: Timestamp;
  timeZone: string;
};

/** Published and, when set, updated times, shown in the newsroom's zone with the zone named. */
export function ArticleDates({ publishedAt, updatedAt, timeZone }: Props) {
  return (
    <p className="article-dates">
      <span>
        Published <time dateTime={publishedAt.iso}>{formatDateTime(publishedAt, timeZone)}</time>
      </span>
      {updatedAt && (
        <span>
          Updated <time dateTime={updatedAt.iso}>{formatDateTime(updatedAt, timeZone)}</time>
        </span>
      )}
    </p>
  );
}
