import 'server-only';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { regenerateAllPages } from '../cache/pageRegeneration';
import { now } from '../config/clock';
import { contentHash } from '../cache/contentHash';
import { env } from '../config/env';
import { imageSizeReader } from '../images/imageSizes';
import { createRenderCache, RENDER_CACHE_IN_BUILD } from '../markdown/renderCache';
import { buildSite } from './buildSite';
import type { BuildResult } from './buildSite';
import { articleBody, checkNewestBodies, readArticleFile } from './articleBodies';
import { ContentValidationError, formatIssue } from './errors';
import { splitFrontMatter } from './frontMatter';
import type { LoadCaches } from './loadFile';
import { readCollection } from './readContentFiles';
import type { Collection } from './readContentFiles';
import { defaultLocation } from './contentLocation';
import type { ContentLocation } from './contentLocation';
import { createRecordCache } from './fileRecords';
import type { Article, ArticleBody, SiteContent } from './types';

/** A load's result, and a signature of the files it read: it changes when any file does. */
export type CheckedContent = BuildResult & { signature: string };

/**
 * Which article bodies a load renders and checks: those of the files it reads (`read`: every
 * file the first time, then the changed ones), or, for the build, the newest articles' only
 * (`newest`, see `checkNewestBodies`).
 */
export type BodyCheck = 'read' | 'newest';

/** Reads and validates all of `content/`, returning the content and every problem found. */
export async function checkContent(
  location: ContentLocation = defaultLocation(),
  caches: LoadCaches = cachesIn(env.BROADSHEET_RENDER_CACHE),
  bodies: BodyCheck = 'read',
): Promise<CheckedContent> {
  if (!existsSync(/*turbopackIgnore: true*/ location.contentDir)) {
    // A mistyped BROADSHEET_CONTENT_ROOT must not publish an empty site.
    const message = `folder not found at ${location.contentDir}; there is nothing to publish (is BROADSHEET_CONTENT_ROOT right?)`;
    const issues = [{ kind: 'read' as const, file: 'content', message }];
    return { content: { articles: [], authors: [], sections: [], pages: [] }, issues, signature: '' };
  }
  const read = (collection: Collection) =>
    readCollection(location.projectRoot, location.contentDir, collection);
  const [articles, authors, sections, pages] = await Promise.all([
    read('articles'),
    read('authors'),
    read('sections'),
    read('pages'),
  ]);
  const imageSize = imageSizeReader(location.publicDir);
  const built = buildSite(
    { articles: articles.files, authors: authors.files, sections: sections.files, pages: pages.files },
    imageSize,
    caches,
    bodies === 'read',
  );
  const bodyIssues =
    bodies === 'newest'
      ? checkNewestBodies(built.content.articles, env.BROADSHEET_PRERENDER_ARTICLES, now(), { location, caches, imageSize })
      : [];
  const files = [...articles.files, ...authors.files, ...sections.files, ...pages.files];
  return {
    content: built.content,
    issues: [...articles.issues, ...authors.issues, ...sections.issues, ...pages.issues, ...built.issues, ...bodyIssues],
    signature: contentHash(files.map((file) => `${file.file}:${file.stamp ?? ''}`).join('\n')),
  };
}

/**
 * What this process has loaded, and its caches: a reload parses and renders only the files
 * that changed. A production server starts from the records and renderings its build made
 * (kept in the build folder by scripts/build.ts), so its first load does not read the whole
 * archive again.
 *
 * Next bundles each route separately, and every route's bundle has its own copy of this
 * module: kept in a module variable, the content would be loaded once per route (a
 * 100,000-story archive many times over), and a reload asked for by one route would not reach
 * the others. So it lives on `globalThis`, once per process.
 */
type LoaderState = {
  caches: LoadCaches;
  cached?: { content: Promise<SiteContent>; signature?: string };
  /** The timer for the next scheduled story, and the content it was worked out from. */
  scheduled: { timer?: NodeJS.Timeout; content?: SiteContent };
  /** The signature of the files last loaded cleanly (`checkContent`). */
  signature?: string;
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
  const { content, issues, signature } = await checkContent(defaultLocation(), caches);
  if (issues.length > 0) throw new ContentValidationError(issues);
  state.signature = signature;
  return content;
}

/** Where the build (scripts/checkContent.ts) and then the server note what pages were made from. */
export const CONTENT_SIGNATURE_FILE = 'content-signature';

/**
 * Pages stay cached on disk across restarts. The build notes the signature of the files its
 * pages were made from, and the server notes each it loads; a server started after the content
 * changed while none was watching (a `git pull` while it was stopped) finds a different one.
 * True when that is so, and notes the new one.
 */
export async function changedSinceNoted(): Promise<boolean> {
  try {
    await loadSiteContent();
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    console.error(`${error.message}\nThe server serves the pages it has until these are fixed.`);
    state.cached = undefined; // the next load tries again
    return false;
  }
  const folder = builtRenderCache();
  if (!folder || state.signature === undefined) return false;
  const file = path.join(folder, CONTENT_SIGNATURE_FILE);
  let noted = '';
  try {
    noted = readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
  } catch {
    // Nothing noted: regenerate, to be safe.
  }
  if (noted === state.signature) return false;
  writeFileSync(/*turbopackIgnore: true*/ file, state.signature);
  return true;
}

/**
 * An article's body, for its page: from the render cache, or rendered now (an archive
 * article's body is rendered with its page; see `articleBodies.ts`). A problem found then is
 * logged, one line each, and the page shows what could be rendered.
 */
export async function loadArticleBody(article: Article): Promise<ArticleBody> {
  const location = defaultLocation();
  const { body, issues } = articleBody(article, { location, caches, imageSize: imageSizeReader(location.publicDir) }, 'page');
  for (const issue of issues) console.error(formatIssue(issue));
  return body;
}

/**
 * What an article's file holds now, for the search index: its stamp (size and modification
 * time; a different stamp is a changed file) and its body's Markdown. Undefined when the file
 * can no longer be read or split (the next load reports why).
 */
export function readArticleSource(article: Article): { stamp: string; markdown: string } | undefined {
  const file = readArticleFile(defaultLocation().projectRoot, article.sourceFile);
  if (!file) return undefined;
  const { stamp } = file;
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const record = caches.records.latest(article.sourceFile);
  let bodyStartLine = record?.stamp === stamp ? record.bodyStartLine : undefined;
  if (bodyStartLine === undefined) {
    const split = splitFrontMatter(text, article.sourceFile);
    if (!split.ok) return undefined;
    bodyStartLine = split.file.bodyStartLine;
  }
  return { stamp, markdown: text.split('\n').slice(bodyStartLine - 1).join('\n') };
}

/** The stamp of the article's file when it was last loaded: see `readArticleSource`. */
export function loadedArticleStamp(article: Article): string | undefined {
  return caches.records.latest(article.sourceFile)?.stamp;
}
