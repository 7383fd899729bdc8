/** Stories on one page of any list. */
const PAGE_SIZE = 20;

export type PageOf<T> = {
  items: T[];
  /** 1-based. */
  page: number;
  totalPages: number;
};

/**
 * One page of a list, or undefined when the page does not exist (a 404). An empty list still
 * has page 1, so an empty section shows its description rather than an error.
 */
export function paginate<T>(items: readonly T[], page: number, pageSize: number = PAGE_SIZE): PageOf<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, totalPages };
}

/** The numbers of the extra pages a list needs (2, 3, ...): page 1 lives at the list's own address. */
export function extraPageNumbers(itemCount: number, pageSize: number = PAGE_SIZE): number[] {
  const totalPages = Math.max(1, Math.ceil(itemCount / pageSize));
  return Array.from({ length: totalPages - 1 }, (_, index) => index + 2);
}

/**
 * Reads a `[page]` route segment: only canonical numbers from 2 up (`2`, not `02` or `1`), so
 * every page has exactly one address.
 */
export function parsePageSegment(segment: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(segment) && segment !== '1' ? Number(segment) : undefined;
}
