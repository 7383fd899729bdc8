/**
 * Site images live in `public/images/` and are referenced as `/images/<file>`: no scheme, no
 * `..`, one of the formats browsers show. Front matter (`image.src`, `avatar`) and Markdown
 * bodies (`![alt](/images/...)`) follow the same rule.
 */
export const IMAGE_PATH = /^\/images\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|avif|gif)$/;

/** A site image's pixel size and its file size (feeds' enclosures need the bytes). */
export type ImageSize = { width: number; height: number; bytes: number };

/** Looks up a site image's size; undefined when `public/` has no such image. */
export type ImageSizeLookup = (src: string) => ImageSize | undefined;
