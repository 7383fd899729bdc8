/**
 * `npm run content:check`: validates all of content/ and prints every problem, one line each,
 * then every warning (`lib/editorial/warnings.ts`) in the same form, then one line counting
 * both. Exit code 1 on any problem; warnings alone exit 0, unless `--strict`.
 *
 *   npm run content:check                          the whole site
 *   npm run content:check -- --strict              ... and fail on warnings too (for CI)
 *   npm run content:check -- <files...> [--strict] only these articles, for editors and hooks
 *   npm run content:check -- --threads=<n>         the whole site's bodies on n threads (default: one per core)
 *   tsx scripts/checkContent.ts --newest-bodies    the build's check (scripts/build.ts)
 *
 * `npm run content:check` runs it from a bundle (scripts/runBundled.mjs), which starts in a
 * fraction of tsx's time. The whole-site check renders the article bodies on every core first
 * (`lib/editorial/parallelBodies.ts`); its output is the same as on one thread. Worker threads
 * need the bundle: under tsx the check keeps to one thread.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { now as clockNow } from '../lib/config/clock';
import { env } from '../lib/config/env';
import { defaultLocation } from '../lib/content/contentLocation';
import type { ContentLocation } from '../lib/content/contentLocation';
import { formatIssue } from '../lib/content/errors';
import type { ContentIssue } from '../lib/content/errors';
import { createRecordCache } from '../lib/content/fileRecords';
import type { LoadCaches } from '../lib/content/loadFile';
import type { SiteContent } from '../lib/content/types';
import { collectWarnings, recordingOutlines } from '../lib/editorial/collectWarnings';
import {
  defaultThreads,
  renderBodiesInParallel,
  runBodyWorker,
} from '../lib/editorial/parallelBodies';
import type { ContentWarning } from '../lib/editorial/warnings';
import { createRenderCache } from '../lib/markdown/renderCache';

/** `threads`: given with `--threads=<n>`, used however small the site (the tests compare 1 and 2). */
type Options = { strict: boolean; newestBodies: boolean; files: string[]; threads?: number };

const USAGE = 'usage: npm run content:check [-- [--strict] [content/articles/<file>.md ...]]';
const THREADS = /^--threads=([1-9][0-9]?)$/;

function parseArguments(args: readonly string[]): Options {
  const flags = args.filter((arg) => arg.startsWith('--'));
  const unknown = flags.filter(
    (flag) => flag !== '--strict' && flag !== '--newest-bodies' && !THREADS.test(flag),
  );
  const threads = flags.map((flag) => THREADS.exec(flag)?.[1]).find((n) => n !== undefined);
  const options = {
    strict: flags.includes('--strict'),
    newestBodies: flags.includes('--newest-bodies'),
    files: args.filter((arg) => !arg.startsWith('--')),
    threads: threads === undefined ? undefined : Number(threads),
  };
  if (unknown.length > 0) fail(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  if (options.newestBodies && options.files.length > 0)
    fail(`--newest-bodies checks the whole site; it takes no files\n${USAGE}`);
  return options;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Problems, then warnings, then the summary; exits 1 on a problem, or on a warning with
 * `--strict`. It sets the exit code rather than exiting: `process.exit` can cut off the end of
 * a long report still on its way down a pipe (a build's log, CI), the summary line included.
 */
function report(
  issues: readonly ContentIssue[],
  warnings: readonly ContentWarning[],
  summary: { ok: string; failed: string },
  strict: boolean,
): void {
  for (const issue of issues) console.error(formatIssue(issue));
  for (const warning of warnings) console.error(formatIssue(warning));
  const gap = issues.length + warnings.length > 0 ? '\n' : '';
  if (issues.length > 0) {
    console.error(`${gap}${summary.failed} ${count(warnings.length, 'warning')}.`);
    process.exitCode = 1;
    return;
  }
  const line = `${gap}${summary.ok} — 0 errors, ${count(warnings.length, 'warning')}.`;
  if (strict && warnings.length > 0) {
    console.error(`${line} --strict: warnings fail the check.`);
    process.exitCode = 1;
    return;
  }
  console.log(line);
}

/** Fresh caches whose renderings' outlines (links, photos) the warnings can read. */
function checkCaches(folder: string | undefined) {
  const outlines = recordingOutlines(createRenderCache(folder));
  const caches: LoadCaches = { render: outlines.cache, records: createRecordCache(folder) };
  return { caches, outlineOf: outlines.outlineOf };
}

function siteSummary(content: SiteContent): string {
  const now = clockNow();
  const drafts = content.articles.filter((article) => article.draft).length;
  const scheduled = content.articles.filter(
    (article) => !article.draft && article.publishedAt.epochMs > now,
  ).length;
  return (
    `content/ is valid: ${count(content.articles.length, 'article')} (${drafts} draft, ${scheduled} scheduled), ` +
    `${count(content.authors.length, 'author')}, ${count(content.sections.length, 'section')}, ${count(content.pages.length, 'page')}`
  );
}

async function checkSite(location: ContentLocation, options: Options): Promise<void> {
  const { CONTENT_SIGNATURE_FILE, checkContent } = await import('../lib/content/loadSite');
  // `--newest-bodies` (the build): render and check only the newest articles' bodies, and the
  // unpublished ones; an archive article's body is checked when its page is rendered, and its
  // links and photos are not warned about here.
  const { caches, outlineOf } = checkCaches(env.BROADSHEET_RENDER_CACHE);
  const fromWorkers = await renderOnEveryCore(location, caches, options);
  const { content, issues, signature } = await checkContent(
    location,
    caches,
    options.newestBodies ? 'newest' : 'read',
  );
  const sources = {
    projectRoot: location.projectRoot,
    record: (file: string) => caches.records.latest(file),
    outlineOf: (hash: string) => outlineOf(hash) ?? fromWorkers.get(hash),
  };
  const warnings = collectWarnings(content.articles, sources);
  // In a build: what the build's pages are made from, for the server started on it (loadSite.ts).
  if (issues.length === 0 && env.BROADSHEET_RENDER_CACHE) {
    mkdirSync(env.BROADSHEET_RENDER_CACHE, { recursive: true });
    writeFileSync(path.join(env.BROADSHEET_RENDER_CACHE, CONTENT_SIGNATURE_FILE), signature);
  }
  const failed = `${count(issues.length, 'problem')} in content/; nothing was published.`;
  report(issues, warnings, { ok: siteSummary(content), failed }, options.strict);
}

/**
 * The whole-site check's article bodies rendered on every core, into `caches`; the outlines of
 * those the workers rendered. Not for the build (`--newest-bodies` renders few bodies, and its
 * Markdown processes already use every core), nor under tsx (workers need the bundle).
 */
async function renderOnEveryCore(location: ContentLocation, caches: LoadCaches, options: Options) {
  const workerUrl = new URL(import.meta.url);
  const bundled = workerUrl.pathname.endsWith('.mjs');
  if (options.newestBodies || env.BROADSHEET_RENDER_CACHE || !bundled)
    return new Map<string, never>();
  const threads = options.threads ?? defaultThreads();
  return renderBodiesInParallel(location, caches, {
    threads,
    force: options.threads !== undefined,
    workerUrl,
  });
}

async function checkFiles(location: ContentLocation, options: Options): Promise<void> {
  const { checkArticleFiles } = await import('../lib/editorial/checkFiles');
  // In memory only: a build's records on disk would be read whole, for one file.
  const { caches, outlineOf } = checkCaches(undefined);
  const checked = await checkArticleFiles(location, options.files, caches);
  if (checked.refused.length > 0) {
    fail(checked.refused.map((refused) => `${refused.argument}: ${refused.message}`).join('\n'));
  }
  const sources = {
    projectRoot: location.projectRoot,
    record: (file: string) => caches.records.latest(file),
    outlineOf,
  };
  const warnings = collectWarnings(checked.content.articles, sources, checked.headlines);
  const articles = count(options.files.length, 'article');
  // An author's or section's lines, printed beside an article that cannot use the file.
  const inUsedFiles = checked.issues.filter((issue) => !checked.checkedFiles.has(issue.file)).length;
  const inArticles = count(checked.issues.length - inUsedFiles, 'problem');
  const used = inUsedFiles > 0 ? `, ${inUsedFiles} in the files ${options.files.length === 1 ? 'it uses' : 'they use'}` : '';
  report(
    checked.issues,
    warnings,
    { ok: `Checked ${articles}`, failed: `${inArticles} in the ${articles} checked${used}.` },
    options.strict,
  );
}

if (isMainThread) {
  const options = parseArguments(process.argv.slice(2));
  const location = defaultLocation(process.cwd());
  await (options.files.length > 0 ? checkFiles(location, options) : checkSite(location, options));
} else {
  await runBodyWorker(); // one of renderOnEveryCore's workers
}
