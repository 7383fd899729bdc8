import { articleHistoryPath } from '@/lib/urls';

type Props = {
  slug: string;
  /** Whether the article has more than one public revision: see `hasPublicHistory`. */
  show: boolean;
};

/** "See how this article changed": a link to the article's public revision history. */
export function HistoryLink({ slug, show }: Props) {
  if (!show) return null;
  return (
    <a className="history-link" href={articleHistoryPath(slug)}>
      See how this article changed
    </a>
  );
}
