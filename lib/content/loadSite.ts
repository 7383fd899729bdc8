import 'server-only';
import { existsSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../config/env';
import { imageSizeReader } from '../images/imageSizes';
import { createRenderCache, RENDER_CACHE_IN_BUILD } from '../markdown/renderCache';
import { buildSite } from './buildSite';
import type { BuildResult } from './buildSite';
import { ContentValidationError } from './errors';
import type { LoadCaches } from './loadFile';
import { readCollection } from './readContentFiles';
import type { Collection } from './readContentFiles';
import { createSplitCache } from './splitCache';
import { watchFolders } from './watchContent';
import type { SiteContent } from './types';

export type ContentLocation = {
  /** Error lines name files relative to this folder. */
  projectRoot: string;
  contentDir: string;
  publicDir: string;
};

/**
 * Where `content/` and `public/` are: the project root, unless `BROADSHEET_CONTENT_ROOT` names
 * another folder holding both (the browser tests build the hostile fixture site this way).
 */
export function defaultLocation(projectRoot = process.cwd()): ContentLocation {
  const root = path.resolve(projectRoot, env.BROADSHEET_CONTENT_ROOT);
  return {
    projectRoot: root,
    contentDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
  };
}

/** Reads and validates all of `content/`, returning the content and every problem found. */
export async function checkContent(
  location: ContentLocation = defaultLocation(),
  caches: LoadCaches = { render: createRenderCache(env.BROADSHEET_RENDER_CACHE), split: createSplitCache() },
): Promise<BuildResult> {
  if (!existsSync(/*turbopackIgnore: true*/ location.contentDir)) {
    // A mistyped BROADSHEET_CONTENT_ROOT must not publish an empty site.
    const message = `folder not found at ${location.contentDir}; there is nothing to publish (is BROADSHEET_CONTENT_ROOT right?)`;
    return { content: { articles: [], authors: [], sections: [], pages: [] }, issues: [{ kind: 'read', file: 'content', message }] };
  }
  const read = (collection: Collection) =>
    readCollection(location.projectRoot, location.contentDir, collection);
  const [articles, authors, sections, pages] = await Promise.all([
    read('articles'),
    read('authors'),
    read('sections'),
    read('pages'),
  ]);
  const built = buildSite(
    { articles: articles.files, authors: authors.files, sections: sections.files, pages: pages.files },
    imageSizeReader(location.publicDir),
    caches,
  );
  return {
    content: built.content,
    issues: [...articles.issues, ...authors.issues, ...sections.issues, ...pages.issues, ...built.issues],
  };
}

/**
 * One per process: a reload parses and renders only the files that changed. A production
 * server starts from the renderings its build made (kept in the build folder by
 * scripts/build.ts), so its first load does not render the whole archive again.
 */
const caches: LoadCaches = {
  render: createRenderCache(env.BROADSHEET_RENDER_CACHE ?? builtRenderCache()),
  split: createSplitCache(),
};

function builtRenderCache(): string | undefined {
  if (env.NODE_ENV === 'development') return undefined;
  const folder = path.join(/*turbopackIgnore: true*/ process.cwd(), env.BROADSHEET_DIST_DIR, RENDER_CACHE_IN_BUILD);
  return existsSync(/*turbopackIgnore: true*/ folder) ? folder : undefined;
}

let cached: { content: Promise<SiteContent>; signature?: string } | undefined;

/**
 * The site's content, validated. Throws `ContentValidationError` (listing every problem) when
 * anything in `content/` is wrong, so no page is ever built from bad content.
 *
 * In development it is read again whenever a file under `content/` or `public/images/` has
 * changed, so Markdown edits show on reload. A production server watches the same folders and
 * reads them again after a change (a `git pull` of new stories), so pages regenerate with the
 * new content without a rebuild; if the new content has problems, the server logs them and
 * keeps serving the content it had.
 */
export async function loadSiteContent(): Promise<SiteContent> {
  if (env.NODE_ENV === 'development') {
    const location = defaultLocation();
    const signature = await filesSignature([location.contentDir, path.join(location.publicDir, 'images')]);
    if (cached?.signature !== signature) cached = { content: loadValidated() };
    cached.signature = signature;
    return cached.content;
  }
  if (!cached) {
    cached = { content: loadValidated() };
    watchContent(defaultLocation());
    return cached.content;
  }
  if (changedSinceLoad) {
    changedSinceLoad = false;
    const previous = cached.content;
    const next = loadValidated().catch(async (error: unknown) => {
      if (!(error instanceof ContentValidationError)) throw error;
      console.error(`${error.message}\nThe server keeps the content it had until these are fixed.`);
      return previous;
    });
    cached = { content: next };
  }
  return cached.content;
}

let changedSinceLoad = false;

/** Marks the content as changed when anything below `content/` or `public/images/` changes. */
function watchContent(location: ContentLocation): void {
  watchFolders([location.contentDir, path.join(location.publicDir, 'images')], () => {
    changedSinceLoad = true;
  });
}

/** Names, sizes and modification times of every file below the folders: changes when any file does. */
async function filesSignature(folders: readonly string[]): Promise<string> {
  const parts: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const stats = await lstat(full);
        parts.push(`${full}:${stats.size}:${stats.mtimeMs}`);
      }
    }
  };
  for (const folder of folders) await walk(folder);
  return parts.sort().join('\n');
}

async function loadValidated(): Promise<SiteContent> {
  const { content, issues } = await checkContent(defaultLocation(), caches);
  if (issues.length > 0) throw new ContentValidationError(issues);
  return content;
}
