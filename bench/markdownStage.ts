/**
 * Throughput of the site's own Markdown stage over a corpus (MB/s), and the slowest 1% of
 * files against the median. Run with tsx: `npx tsx bench/markdownStage.ts <corpus folder>`,
 * where the folder was written by bench/generateCorpus.mjs (or is a project root).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../lib/content/frontMatter';
import { renderMarkdown } from '../lib/markdown/renderMarkdown';

const root = path.resolve(process.argv[2] ?? '.');
const articlesDir = path.join(root, 'content', 'articles');
const files = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
  name.endsWith('.md'),
);
const imageSize = () => ({ width: 1600, height: 900, bytes: 100_000 });

const timings: number[] = [];
let bytes = 0;
const started = performance.now();
for (const name of files) {
  const text = readFileSync(path.join(articlesDir, name), 'utf8');
  bytes += Buffer.byteLength(text);
  const t0 = performance.now();
  const split = splitFrontMatter(text, name);
  if (split.ok) renderMarkdown(split.file.body, { imageSize });
  timings.push(performance.now() - t0);
}
const seconds = (performance.now() - started) / 1000;
timings.sort((a, b) => a - b);
const at = (fraction: number) =>
  timings[Math.min(timings.length - 1, Math.floor(timings.length * fraction))] ?? 0;
const slowest = timings.slice(Math.floor(timings.length * 0.99));
const slowestMean = slowest.reduce((sum, value) => sum + value, 0) / Math.max(1, slowest.length);
console.log(
  JSON.stringify({
    files: files.length,
    megabytes: +(bytes / 1e6).toFixed(2),
    seconds: +seconds.toFixed(2),
    megabytesPerSecond: +(bytes / 1e6 / seconds).toFixed(2),
    medianMs: +at(0.5).toFixed(2),
    p99Ms: +at(0.99).toFixed(2),
    slowestOnePercentMeanMs: +slowestMean.toFixed(2),
    slowestToMedian: +(slowestMean / at(0.5)).toFixed(1),
  }),
);
