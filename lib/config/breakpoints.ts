/**
 * The layout's breakpoints, in CSS pixels: the one source for the widths at which the page
 * changes shape. The ad inventory reads them here (`DESKTOP_MIN_WIDTH_PX` in
 * `lib/ads/inventory.ts`) to choose which sizes a slot may serve. CSS cannot import TypeScript,
 * so every `@media` query in `app/` and `components/` is written in px with exactly one of these
 * values, e.g. `@media (min-width: 1024px)`; `tests/unit/breakpoints.test.ts` fails on any other
 * width or unit, so the stylesheets and the inventory cannot drift apart.
 *
 * - `tablet`: from here the section navigation shows in full and in-article ads stop bleeding
 *   to the screen edges.
 * - `desktop`: from here the article gets its ad rail, ads take their desktop sizes and the
 *   front page's top stories sit in two columns.
 */
export const BREAKPOINTS = {
  tablet: 768,
  desktop: 1024,
} as const;
