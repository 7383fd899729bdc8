/**
 * The search index's own costs on the generated corpus (bench/generateCorpus.mjs), run by
 * `npm run bench` for each size: `tsx bench/searchIndex.ts <articles folder> [<articles folder> ...]`.
 * Prints one JSON line per folder:
 *
 *   - buildSeconds: reading every article and indexing it from scratch, as a server does on
 *     its first search (lib/search/liveIndex.ts reads each file the same way);
 *   - indexMb: the heap and array buffers the finished index holds (after garbage collection;
 *     run with --expose-gc);
 *   - query p50/p95/max: 500 seeded queries of one to three words from the corpus's vocabulary,
 *     a quoted phrase now and then, some misspelt, after one untimed pass; each asks for one
 *     page of 20 with the search page's filter (published by now);
 *   - reindexMs: one changed article read and indexed again (median of 50), plus
 *     stampScanMs: comparing every article's stamp to find it, as a sync after a reload does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { indexDocumentOf } from '../lib/search/indexDocument';
import { markdownToPlainText } from '../lib/search/plainText';
import { createSearchIndex } from '../lib/search/searchIndex';
import type { SearchIndex } from '../lib/search/searchIndex';
import { parseQuery } from '../lib/search/searchRequest';
import { seededRandom } from '../scripts/seededRandom.mjs';

const VOCABULARY = (
  'officials said the ministry would review exports and prices across the region as demand for ' +
  'components rose while factories reported new orders and analysts expected growth to slow next ' +
  'year because higher costs weighed on households companies and governments that depend on trade'
).split(' ');

function readArticle(folder: string, file: string) {
  const text = readFileSync(path.join(folder, file), 'utf8');
  const end = text.indexOf('\n---\n', 4);
  const front = text.slice(4, end);
  const field = (name: string) => new RegExp(`^${name}: "?(.*?)"?$`, 'm').exec(front)?.[1] ?? '';
  const summary = [...front.matchAll(/^ {2}- "(.*)"$/gm)].map((match) => match[1] ?? '');
  return indexDocumentOf({
    slug: file.replace(/\.md$/, ''),
    title: field('title'),
    summary,
    description: summary[0] ?? '',
    topics: field('topics').replace(/^\[|\]$/g, '').split(', '),
    section: field('section'),
    publishedAt: Date.parse(field('publishedAt')),
    body: markdownToPlainText(text.slice(end + 5)),
  });
}

function queries(count: number): string[] {
  const random = seededRandom(13);
  const pick = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? 'trade';
  return Array.from({ length: count }, (_, n) => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, pick);
    if (n % 10 === 3) return `"${words.join(' ')}"`;
    if (n % 10 === 7) return words.map((word) => (word.length >= 5 ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word)).join(' ');
    return words.join(' ');
  });
}

function timeQueries(index: SearchIndex, asked: readonly string[], now: number): number[] {
  const times: number[] = [];
  for (const query of asked) {
    const started = performance.now();
    index.search({ terms: parseQuery(query).terms, accept: ({ publishedAt }) => publishedAt <= now, now, limit: 20 });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const at = (sorted: number[], fraction: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0).toFixed(2);
const heapMb = () => {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 2 ** 20;
};

for (const folder of process.argv.slice(2)) {
  const files = readdirSync(folder).filter((file) => file.endsWith('.md'));
  const before = heapMb();
  const started = performance.now();
  const index = createSearchIndex();
  for (const file of files) index.add(readArticle(folder, file));
  index.trim();
  const buildSeconds = +((performance.now() - started) / 1000).toFixed(1);
  const indexMb = +(heapMb() - before).toFixed(0);
  const now = Date.now();
  const asked = queries(500);
  timeQueries(index, asked, now);
  const times = timeQueries(index, asked, now);
  const reindex: number[] = [];
  for (let n = 0; n < 50; n++) {
    const file = files[(n * 7919) % files.length] ?? '';
    const t = performance.now();
    index.add(readArticle(folder, file));
    reindex.push(performance.now() - t);
  }
  const stamps = new Map(files.map((file) => [file, `${file.length}:${file}`]));
  const scanStarted = performance.now();
  let changed = 0;
  for (const file of files) if (stamps.get(file) !== `${file.length}:${file}`) changed += 1;
  const stampScanMs = +(performance.now() - scanStarted).toFixed(1) + changed;
  console.log(
    JSON.stringify({
      articles: files.length,
      buildSeconds,
      indexMb,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      queryMs: { p50: at(times, 0.5), p95: at(times, 0.95), max: at(times, 1) },
      reindexMs: at(reindex.sort((a, b) => a - b), 0.5),
      stampScanMs,
    }),
  );
}
