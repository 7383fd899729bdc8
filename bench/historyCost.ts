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
 * Serving an article page from the cache costs nothing extra: the check runs only when a page
 * is rendered.
 *
 *   tsx --conditions=react-server bench/historyCost.ts [articles=10000] [folder]
 *
 * Prints one JSON object. Run by `npm run bench` (bench/run.mjs) and `npm run bench:history`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '../lib/config/env';
import { checkContent } from '../lib/content/loadSite';
import { getArticleHistory, hasPublicHistory } from '../lib/history/articleHistory';

const count = Number(process.argv[2] ?? 10_000);
const folder = process.argv[3] ?? mkdtempSync(path.join(tmpdir(), 'broadsheet-history-'));
const ROOT = path.join(import.meta.dirname, '..');

/** Writes the corpus and commits it: one commit per article, then one edit per article. */
function makeRepository(): number {
  execFileSync(process.execPath, [path.join(ROOT, 'bench/generateCorpus.mjs'), String(count), folder]);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: folder });
  const articles = path.join(folder, 'content/articles');
  const names = readdirSync(articles).sort();
  const stream: string[] = [];
  const start = Math.floor(Date.now() / 1000) - 2 * names.length - 60;
  let seconds = start;
  const commit = (message: string, files: [string, string][]) => {
    stream.push(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${seconds++} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    for (const [file, text] of files) stream.push(`M 100644 inline ${file}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  for (const name of names) {
    commit(`Add ${name}`, [[`content/articles/${name}`, readFileSync(path.join(articles, name), 'utf8')]]);
  }
  for (const name of names) {
    const edited = `${readFileSync(path.join(articles, name), 'utf8')}\nThis story was updated with a new paragraph.\n`;
    writeFileSync(path.join(articles, name), edited);
    commit(`Edit ${name}`, [[`content/articles/${name}`, edited]]);
  }
  const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: folder, input: stream.join('') });
  if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr.toString()}`);
  return 2 * names.length;
}

function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const commits = makeRepository();
const location = { projectRoot: folder, contentDir: path.join(folder, 'content'), publicDir: path.join(folder, 'public') };
const { content, issues } = await checkContent(location);
if (issues.length > 0) throw new Error(`the generated corpus has ${issues.length} problems`);

const options = { root: folder };
const prerendered = content.articles.slice(0, env.BROADSHEET_PRERENDER_ARTICLES);
let started = performance.now();
let linked = 0;
for (const article of prerendered) if (await hasPublicHistory(article, options)) linked++;
const linkCheckSeconds = (performance.now() - started) / 1000;
const older = content.articles.slice(env.BROADSHEET_PRERENDER_ARTICLES, env.BROADSHEET_PRERENDER_ARTICLES + 1000);
started = performance.now();
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
    archivePageCheckMs: +archiveCheckMs.toFixed(2),
    historyPageMs: { p50: +percentile(pageMs, 50).toFixed(1), p95: +percentile(pageMs, 95).toFixed(1) },
  }),
);
if (!process.argv[3]) rmSync(folder, { recursive: true, force: true });
process.exit(0);
