import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { imageSize as measure } from 'image-size';
import type { ImageSize, ImageSizeLookup } from './imagePath';

/**
 * Looks up the pixel size of site images (`/images/...` under `public/`), so every photo is
 * rendered with width and height and reserves its space. Paths that resolve outside
 * `public/images/` (through `..` or a symbolic link) count as missing.
 */
export function imageSizeReader(publicDir: string): ImageSizeLookup {
  const cache = new Map<string, ImageSize | undefined>();
  const imagesDir = safeRealpath(path.join(publicDir, 'images'));
  return (src) => {
    if (cache.has(src)) return cache.get(src);
    const size = imagesDir ? read(imagesDir, path.join(publicDir, src)) : undefined;
    cache.set(src, size);
    return size;
  };
}

function read(imagesDir: string, file: string): ImageSize | undefined {
  const real = safeRealpath(file);
  if (!real || !real.startsWith(imagesDir + path.sep)) return undefined;
  try {
    const bytes = readFileSync(/*turbopackIgnore: true*/ real);
    const { width, height } = measure(bytes);
    return width > 0 && height > 0 ? { width, height, bytes: bytes.byteLength } : undefined;
  } catch {
    return undefined;
  }
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
