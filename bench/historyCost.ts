/**
 * What revision history costs a newsroom's archive: a corpus of N generated articles in a
 * Git repository of 2N commits (each article added in its own commit, then edited once), and
 * the history work the build does for it, timed:
 *
 * - the check every article page makes for its "See how this article changed" link
 *   (`hasPublicHistory`), over the articles the build renders ahead (the newest
 *   `BROADSHEET_PRERENDER_ARTICLES`), one after another as Next's build worker renders them;
 *   the first call includes the one `git log` pass that indexes the folder;
 * - the same check for older articles, which runs when such a page is first rendered;
 * - one history page (`getArticleHistory`), for a sample of articles.
 *
 * The articles are filed as `npm run new` files them, in `content/articles/<yyyy>/<mm>/`. The
 * link check is timed again with all of them in one folder (allowed, and the worst case for
 * Git: every commit's diff compares two trees of N entries), as `flatBuildSeconds`.
 *
 * Serving an article page from the cache costs nothing extra: the check runs only when a page
 * is rendered.
 *
 *   tsx --conditions=react-server bench/historyCost.ts [articles=10000] [folder]
 *
 * Prints one JSON object. Run by `npm run bench` (bench/run.mjs) and `npm run bench:history`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '../lib/config/env';
import { checkContent } from '../lib/content/loadSite';
import type { Article } from '../lib/content/types';
import { getArticleHistory, hasPublicHistory } from '../lib/history/articleHistory';

const count = Number(process.argv[2] ?? 10_000);
const folder = process.argv[3] ?? mkdtempSync(path.join(tmpdir(), 'broadsheet-history-'));
const ROOT = path.join(import.meta.dirname, '..');

type Layout = 'dated' | 'flat';

/** Where `npm run new` would file a story: `<yyyy>/<mm>/` of its publication date. */
function datedFolder(text: string): string {
  const published = /^publishedAt: "(\d{4})-(\d{2})-/m.exec(text);
  if (!published) throw new Error('a generated article has no publishedAt');
  return `${published[1]}/${published[2]}`;
}

/**
 * Files the corpus in `root` in `layout` and commits it: one commit per article, then one edit
 * per article. Returns the number of commits.
 */
function makeRepository(root: string, layout: Layout): number {
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  const articles = path.join(root, 'content/articles');
  const files = readdirSync(articles)
    .sort()
    .map((name) => {
      if (layout === 'flat') return name;
      const text = readFileSync(path.join(articles, name), 'utf8');
      const file = `${datedFolder(text)}/${name}`;
      mkdirSync(path.dirname(path.join(articles, file)), { recursive: true });
      renameSync(path.join(articles, name), path.join(articles, file));
      return file;
    });
  const stream: string[] = [];
  const start = Math.floor(Date.now() / 1000) - 2 * files.length - 60;
  let seconds = start;
  const commit = (message: string, changed: [string, string][]) => {
    stream.push(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${seconds++} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    for (const [file, text] of changed) stream.push(`M 100644 inline ${file}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  for (const file of files) {
    commit(`Add ${path.basename(file)}`, [[`content/articles/${file}`, readFileSync(path.join(articles, file), 'utf8')]]);
  }
  for (const file of files) {
    const edited = `${readFileSync(path.join(articles, file), 'utf8')}\nThis story was updated with a new paragraph.\n`;
    writeFileSync(path.join(articles, file), edited);
    commit(`Edit ${path.basename(file)}`, [[`content/articles/${file}`, edited]]);
  }
  const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: root, input: stream.join('') });
  if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr.toString()}`);
  return 2 * files.length;
}

/** The corpus in `root`, loaded and checked as the build loads it. */
async function load(root: string) {
  const location = { projectRoot: root, contentDir: path.join(root, 'content'), publicDir: path.join(root, 'public') };
  const { content, issues } = await checkContent(location);
  if (issues.length > 0) throw new Error(`the generated corpus has ${issues.length} problems: ${issues[0]?.message}`);
  return content;
}

/** The build's history work: the link check of each article it renders ahead, in seconds. */
async function timeLinkCheck(articles: readonly Article[], root: string) {
  const started = performance.now();
  let linked = 0;
  for (const article of articles) if (await hasPublicHistory(article, { root })) linked++;
  return { seconds: (performance.now() - started) / 1000, linked };
}

function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const dated = path.join(folder, 'dated');
const flat = path.join(folder, 'flat');
execFileSync(process.execPath, [path.join(ROOT, 'bench/generateCorpus.mjs'), String(count), dated]);
cpSync(dated, flat, { recursive: true });

const flatCommits = makeRepository(flat, 'flat');
const flatContent = await load(flat);
const flatCheck = await timeLinkCheck(flatContent.articles.slice(0, env.BROADSHEET_PRERENDER_ARTICLES), flat);
rmSync(flat, { recursive: true, force: true });

const commits = makeRepository(dated, 'dated');
if (commits !== flatCommits) throw new Error('the two repositories differ');
const content = await load(dated);
const options = { root: dated };
const prerendered = content.articles.slice(0, env.BROADSHEET_PRERENDER_ARTICLES);
const { seconds: linkCheckSeconds, linked } = await timeLinkCheck(prerendered, dated);
const older = content.articles.slice(env.BROADSHEET_PRERENDER_ARTICLES, env.BROADSHEET_PRERENDER_ARTICLES + 1000);
let started = performance.now();
for (const article of older) await hasPublicHistory(article, options);
const archiveCheckMs = older.length > 0 ? (performance.now() - started) / older.length : 0;

const pageMs: number[] = [];
for (const article of content.articles.slice(0, 200)) {
  started = performance.now();
  await getArticleHistory(article, options);
  pageMs.push(performance.now() - started);
}

console.log(
  JSON.stringify({
    articles: content.articles.length,
    commits,
    prerenderedArticles: prerendered.length,
    linkedArticles: linked,
    buildSeconds: +linkCheckSeconds.toFixed(1),
    flatBuildSeconds: +flatCheck.seconds.toFixed(1),
    archivePageCheckMs: +archiveCheckMs.toFixed(2),
    historyPageMs: { p50: +percentile(pageMs, 50).toFixed(1), p95: +percentile(pageMs, 95).toFixed(1) },
  }),
);
if (!process.argv[3]) rmSync(folder, { recursive: true, force: true });
process.exit(0);
