import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentHash } from '../cache/contentHash';
import { createRecentMap } from '../cache/recentMap';
import type { ImageSize, ImageSizeLookup } from '../images/imagePath';
import { RenderedMarkdownSchema } from './bodyBlock';
import type { BodyBlock, RenderedMarkdown } from './bodyBlock';
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
 * In memory it keeps the renderings used last (`RENDERINGS_IN_MEMORY`). On disk (the folder in
 * `BROADSHEET_RENDER_CACHE`) it is shared by the processes of one build: `npm run build`
 * creates the folder, renders into it from both cores, and moves it into the build folder
 * (`RENDER_CACHE_IN_BUILD`) when the build succeeds, where the server started on that build
 * finds it. A rendering never outlives the build, and so the code, that made it.
 */

/** Where, inside a build folder (`.next`), the build leaves its renderings for the server. */
export const RENDER_CACHE_IN_BUILD = 'broadsheet-render-cache';

const ImageSizeSchema = z.object({ width: z.number(), height: z.number(), bytes: z.number() }) satisfies z.ZodType<ImageSize>;

/** A rendering as stored: the Markdown stage's own output, plus the image sizes it depended on. */
export const RenderedImagesSchema = z.array(z.tuple([z.string(), ImageSizeSchema.nullable()]));

const CachedRenderingSchema = RenderedMarkdownSchema.extend({
  /** Every image the body asked about, with the size it had (null: not found). */
  images: RenderedImagesSchema,
});

type CachedRendering = z.infer<typeof CachedRenderingSchema>;

export type RenderCache = {
  /**
   * The body rendered, from the cache when its text and its images are unchanged, with the
   * hash of its Markdown: `blocks(hash)` gives the blocks again later.
   */
  render(markdown: string, imageSize: ImageSizeLookup): RenderedMarkdown & { hash: string; images: RenderedImages };
  /** Whether a rendering made with these image sizes is still right (no photo it shows changed). */
  stillValid(images: CachedRendering['images'], imageSize: ImageSizeLookup): boolean;
  /** The blocks of a body rendered before, from memory or disk; undefined when neither has it. */
  blocks(hash: string): BodyBlock[] | undefined;
};

/** The image sizes a rendering depended on, as the render cache stores them. */
export type RenderedImages = CachedRendering['images'];

function sameSize(a: ImageSize | null, b: ImageSize | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.width === b.width && a.height === b.height && a.bytes === b.bytes;
}

function stillValid(images: CachedRendering['images'], imageSize: ImageSizeLookup): boolean {
  return images.every(([src, size]) => sameSize(size, imageSize(src)));
}

/**
 * How many renderings stay in memory, most recently used first. The rest are on disk: a
 * 100,000-article archive's bodies are about a gigabyte of HTML, and a server that kept them
 * all would grow with the archive. Pages that are read are cached by Next, so only bodies
 * being rendered into pages are asked for.
 */
const RENDERINGS_IN_MEMORY = 500;

export function createRenderCache(diskFolder: string | undefined): RenderCache {
  const renderings = createRecentMap<CachedRendering>(RENDERINGS_IN_MEMORY);

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

  const known = (hash: string): CachedRendering | undefined => {
    const found = renderings.get(hash) ?? fromDisk(hash);
    if (found) renderings.set(hash, found);
    return found;
  };

  return {
    render(markdown, imageSize) {
      const hash = contentHash(markdown);
      const cached = known(hash);
      if (cached && stillValid(cached.images, imageSize)) {
        const { blocks, wordCount, problems, outline, images } = cached;
        return { hash, blocks, wordCount, problems, outline, images };
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
      return { hash, ...rendering };
    },
    stillValid,
    blocks: (hash) => known(hash)?.blocks,
  };
}
