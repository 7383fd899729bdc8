/**
 * The widths Next's image optimizer makes of a site photo (`images.deviceSizes` in
 * next.config.ts). No photo is shown wider than 960 CSS pixels, so 1920 covers a 2× screen.
 */
export const PHOTO_WIDTHS: readonly number[] = [640, 828, 1200, 1920];

/** The optimizer's quality, Next's default (the only one it accepts unless configured). */
const QUALITY = 75;

/**
 * A site photo through Next's image optimizer (`/_next/image`, WebP to browsers that take it) as
 * `src` and `srcSet`, for HTML that is not rendered by a React component: the Markdown body's
 * photos. The widths stop at the first one as wide as the photo itself, since the optimizer
 * never enlarges. `src` is the photo's own path, as `IMAGE_PATH` allows.
 */
export function optimizedPhoto(src: string, width: number): { src: string; srcSet: string } {
  const firstAsWide = PHOTO_WIDTHS.findIndex((candidate) => candidate >= width);
  const widths = firstAsWide === -1 ? PHOTO_WIDTHS : PHOTO_WIDTHS.slice(0, firstAsWide + 1);
  const at = (candidate: number) => `/_next/image?url=${encodeURIComponent(src)}&w=${candidate}&q=${QUALITY}`;
  return {
    src: at(widths[widths.length - 1] ?? width),
    srcSet: widths.map((candidate) => `${at(candidate)} ${candidate}w`).join(', '),
  };
}
