import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentHash } from '../cache/contentHash';
import { createSweepingMap } from '../cache/sweepingMap';
import type { ImageSize, ImageSizeLookup } from '../images/imagePath';
import { RenderedMarkdownSchema } from './bodyBlock';
import type { RenderedMarkdown } from './bodyBlock';
import { renderMarkdown } from './renderMarkdown';

/**
 * Rendering Markdown is the costly part of loading content (about 5 ms an article), and a
 * site is loaded many times: by the content check, by each of Next's build workers, and again
 * by the server whenever a file changes. This cache keys each rendering by a hash of the
 * Markdown, so an unchanged body is rendered once.
 *
 * A rendering also depends on the size of every site image the body shows; those sizes are
 * stored with it and compared on reuse, so replacing a photo renders the body again.
 *
 * In memory the cache lives as long as the process. On disk (the folder in
 * `BROADSHEET_RENDER_CACHE`) it is shared by the processes of one build: `npm run build`
 * creates the folder, renders into it from both cores, and moves it into the build folder
 * (`RENDER_CACHE_IN_BUILD`) when the build succeeds, where the server started on that build
 * finds it. A rendering never outlives the build, and so the code, that made it.
 */

/** Where, inside a build folder (`.next`), the build leaves its renderings for the server. */
export const RENDER_CACHE_IN_BUILD = 'broadsheet-render-cache';

const ImageSizeSchema = z.object({ width: z.number(), height: z.number(), bytes: z.number() }) satisfies z.ZodType<ImageSize>;

/** A rendering as stored: the Markdown stage's own output, plus the image sizes it depended on. */
const CachedRenderingSchema = RenderedMarkdownSchema.extend({
  /** Every image the body asked about, with the size it had (null: not found). */
  images: z.array(z.tuple([z.string(), ImageSizeSchema.nullable()])),
});

type CachedRendering = z.infer<typeof CachedRenderingSchema>;

export type RenderCache = {
  /** The body rendered, from the cache when its text and its images are unchanged. */
  render(markdown: string, imageSize: ImageSizeLookup): RenderedMarkdown;
  /** Forgets renderings not used since the last sweep, so edited bodies do not pile up. */
  sweep(): void;
};

function sameSize(a: ImageSize | null, b: ImageSize | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.width === b.width && a.height === b.height && a.bytes === b.bytes;
}

function stillValid(cached: CachedRendering, imageSize: ImageSizeLookup): boolean {
  return cached.images.every(([src, size]) => sameSize(size, imageSize(src)));
}

export function createRenderCache(diskFolder: string | undefined): RenderCache {
  const renderings = createSweepingMap<CachedRendering>();

  const fromDisk = (hash: string): CachedRendering | undefined => {
    if (!diskFolder) return undefined;
    let text: string;
    try {
      text = readFileSync(/*turbopackIgnore: true*/ path.join(diskFolder, `${hash}.json`), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = CachedRenderingSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined; // A half-written or corrupt entry is rendered again.
    }
  };

  const toDisk = (hash: string, rendering: CachedRendering) => {
    if (!diskFolder) return;
    mkdirSync(/*turbopackIgnore: true*/ diskFolder, { recursive: true });
    const file = path.join(diskFolder, `${hash}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(/*turbopackIgnore: true*/ temporary, JSON.stringify(rendering));
    renameSync(/*turbopackIgnore: true*/ temporary, file); // Atomic: a reader in another process sees all of it or none.
  };

  return {
    render(markdown, imageSize) {
      const hash = contentHash(markdown);
      const known = renderings.get(hash) ?? fromDisk(hash);
      if (known && stillValid(known, imageSize)) {
        renderings.set(hash, known);
        return { blocks: known.blocks, wordCount: known.wordCount, problems: known.problems };
      }
      const images = new Map<string, ImageSize | null>();
      const recordingImageSize = (src: string) => {
        const size = imageSize(src);
        images.set(src, size ?? null);
        return size;
      };
      const rendered = renderMarkdown(markdown, { imageSize: recordingImageSize });
      const rendering = { ...rendered, images: [...images] };
      renderings.set(hash, rendering);
      toDisk(hash, rendering);
      return rendered;
    },
    sweep: renderings.sweep,
  };
}
