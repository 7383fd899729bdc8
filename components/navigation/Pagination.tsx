import { listPagePath } from '@/lib/urls';

type Props = {
  /** The list's own address (its page 1). */
  listPath: string;
  page: number;
  totalPages: number;
  /** What the list holds, for the link text: "Older stories", "Older corrections". */
  items?: string;
};

/** Previous and next links for a long list, with `rel` so crawlers follow the sequence. */
export function Pagination({ listPath, page, totalPages, items = 'stories' }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 && (
        <>
          <link rel="prev" href={listPagePath(listPath, page - 1)} />
          <a className="pagination__prev" href={listPagePath(listPath, page - 1)} rel="prev">
            Newer {items}
          </a>
        </>
      )}
      <span className="pagination__status">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <>
          <link rel="next" href={listPagePath(listPath, page + 1)} />
          <a className="pagination__next" href={listPagePath(listPath, page + 1)} rel="next">
            Older {items}
          </a>
        </>
      )}
    </nav>
  );
}
