import 'server-only';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { regenerateAllPages } from '../cache/pageRegeneration';
import { now } from '../config/clock';
import { env } from '../config/env';
import { imageSizeReader } from '../images/imageSizes';
import type { BodyBlock } from '../markdown/bodyBlock';
import { createRenderCache, RENDER_CACHE_IN_BUILD } from '../markdown/renderCache';
import { buildSite } from './buildSite';
import type { BuildResult } from './buildSite';
import { ContentValidationError } from './errors';
import type { LoadCaches } from './loadFile';
import { readCollection } from './readContentFiles';
import type { Collection } from './readContentFiles';
import { defaultLocation } from './contentLocation';
import type { ContentLocation } from './contentLocation';
import { createRecordCache } from './fileRecords';
import { splitFrontMatter } from './frontMatter';
import type { Article, SiteContent } from './types';

/** Reads and validates all of `content/`, returning the content and every problem found. */
export async function checkContent(
  location: ContentLocation = defaultLocation(),
  caches: LoadCaches = cachesIn(env.BROADSHEET_RENDER_CACHE),
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
/**
 * What this process has loaded, and its caches. Next bundles each route separately, and every
 * route's bundle has its own copy of this module: kept in a module variable, the content would
 * be loaded once per route (a 100,000-story archive many times over), and a reload asked for
 * by one route would not reach the others. So it lives on `globalThis`, once per process.
 */
type LoaderState = {
  caches: LoadCaches;
  cached?: { content: Promise<SiteContent>; signature?: string };
  /** The timer for the next scheduled story, and the content it was worked out from. */
  scheduled: { timer?: NodeJS.Timeout; content?: SiteContent };
};

declare global {
  var broadsheetLoader: LoaderState | undefined;
}

const state: LoaderState = (globalThis.broadsheetLoader ??= {
  caches: cachesIn(env.BROADSHEET_RENDER_CACHE ?? builtRenderCache()),
  scheduled: {},
});
const caches = state.caches;

function cachesIn(folder: string | undefined): LoadCaches {
  return { render: createRenderCache(folder), records: createRecordCache(folder) };
}

function builtRenderCache(): string | undefined {
  if (env.NODE_ENV === 'development') return undefined;
  const folder = path.join(/*turbopackIgnore: true*/ process.cwd(), env.BROADSHEET_DIST_DIR, RENDER_CACHE_IN_BUILD);
  return existsSync(/*turbopackIgnore: true*/ folder) ? folder : undefined;
}


/**
 * The site's content, validated. Throws `ContentValidationError` (listing every problem) when
 * anything in `content/` is wrong, so no page is ever built from bad content.
 *
 * In development it is read again whenever a file under `content/` or `public/images/` has
 * changed, so Markdown edits show on reload. A production server watches the same folders from
 * the moment it starts (instrumentation.ts) and reads them again after a change (a `git pull`
 * of new stories: `reloadSiteContent`); once the new content loads cleanly, every page is
 * marked for regeneration, so the change is live without a rebuild. A scheduled story's time
 * marks the pages the same way.
 */
export async function loadSiteContent(): Promise<SiteContent> {
  if (env.NODE_ENV === 'development') {
    const location = defaultLocation();
    const signature = await filesSignature([location.contentDir, path.join(location.publicDir, 'images')]);
    if (state.cached?.signature !== signature) state.cached = { content: loadValidated() };
    state.cached.signature = signature;
    return state.cached.content;
  }
  if (!state.cached) {
    const first = loadValidated();
    state.cached = { content: first };
    first.then(scheduleRegeneration, () => undefined);
  }
  return state.cached.content;
}

/**
 * Reads `content/` again after the server's watcher saw a change (`regenerateOnContentChange`
 * asks through app/internal/regenerate). True when the new content loaded cleanly and is now
 * served; false when it has problems: they are logged, and the content the server had stays.
 */
export async function reloadSiteContent(): Promise<boolean> {
  try {
    const content = await loadValidated();
    state.cached = { content: Promise.resolve(content) };
    scheduleRegeneration(content);
    return true;
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    console.error(`${error.message}\nThe server keeps the content it had until these are fixed.`);
    return false;
  }
}

/** setTimeout's longest delay (about 24.8 days); a later story is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Marks the pages for regeneration when the next scheduled story's time comes. */
function scheduleRegeneration(content: SiteContent): void {
  clearTimeout(state.scheduled.timer);
  state.scheduled = { content };
  const at = nextScheduledTime(content.articles, now());
  if (at === undefined) return;
  const timer = setTimeout(async () => {
    if (now() >= at) await regenerateAllPages('schedule');
    // A reload since then has scheduled its own content's next story.
    if (state.scheduled.content === content) scheduleRegeneration(content);
  }, Math.min(at - now(), LONGEST_TIMER_MS));
  timer.unref();
  state.scheduled.timer = timer;
}

/** When the next article not yet published (and not a draft) is due, if any is. */
export function nextScheduledTime(articles: readonly Article[], at: number): number | undefined {
  let next: number | undefined;
  for (const article of articles) {
    const time = article.publishedAt.epochMs;
    if (!article.draft && time > at && (next === undefined || time < next)) next = time;
  }
  return next;
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

/**
 * An article's body as HTML blocks, for its page. Bodies are not kept with the articles: the
 * render cache holds the ones used last in memory and the rest on disk (the build's renderings).
 * A body in neither (a server started without its build's cache) is rendered from the file.
 */
export async function loadArticleBody(article: Article): Promise<BodyBlock[]> {
  const known = caches.render.blocks(article.bodyHash);
  if (known) return known;
  const location = defaultLocation();
  const text = await readFile(/*turbopackIgnore: true*/ path.join(location.projectRoot, article.sourceFile), 'utf8');
  const split = splitFrontMatter(text, article.sourceFile);
  if (!split.ok) return [];
  return caches.render.render(split.file.body, imageSizeReader(location.publicDir)).blocks;
}
