/**
 * Throughput of the site's own Markdown stage (front matter split, then Markdown to sanitized
 * HTML blocks) over a corpus, and the slowest 1% of files against the median.
 *
 *   npx tsx bench/markdownStage.ts <corpus folder>             one process, prints the summary
 *   npx tsx bench/markdownStage.ts <corpus folder> <shard>/<n> every n-th file from <shard>,
 *       prints the raw per-file timings as JSON (bench/run.mjs runs one shard per core, as the
 *       build does, and merges them with `summarizeMarkdownStage`)
 *
 * The folder was written by bench/generateCorpus.mjs (or is a project root).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../lib/content/frontMatter';
import { renderMarkdown } from '../lib/markdown/renderMarkdown';
import { summarizeMarkdownStage } from './markdownSummary.mjs';

const root = path.resolve(process.argv[2] ?? '.');
const [shard, count] = (process.argv[3] ?? '0/1').split('/').map(Number);
const articlesDir = path.join(root, 'content', 'articles');
const files = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .sort()
  .filter((_, index) => index % (count ?? 1) === shard);
const imageSize = () => ({ width: 1600, height: 900, bytes: 100_000 });

const timingsMs: number[] = [];
let bytes = 0;
const started = performance.now();
for (const name of files) {
  const text = readFileSync(path.join(articlesDir, name), 'utf8');
  bytes += Buffer.byteLength(text);
  const t0 = performance.now();
  const split = splitFrontMatter(text, name);
  if (split.ok) renderMarkdown(split.file.body, { imageSize });
  timingsMs.push(performance.now() - t0);
}
const seconds = (performance.now() - started) / 1000;
if (process.argv[3]) console.log(JSON.stringify({ bytes, seconds, timingsMs }));
else console.log(JSON.stringify(summarizeMarkdownStage([{ bytes, seconds, timingsMs }])));
