#!/usr/bin/env node
/**
 * `npm run bench -- --archive` (or `node bench/archive.mjs`): Broadsheet at archive size, each
 * comparison measured side by side in this run. Writes bench/results/archive.md (the table) and
 * bench/results/archive.json (every number), and prints the table.
 *
 *   1. Corpus: N generated articles (bench/generateCorpus.mjs), newest first: story-000000 is
 *      the newest, story-<N-1> the oldest.
 *   2. Cold build of it, `npm run build` against Hugo (bench/hugo) on the same Markdown: wall
 *      time and peak memory of all processes of each.
 *   3. `next start` on that build: time from spawn to the front page's first 200; then the
 *      first request of a seeded sample of old article pages (never requested, and older than
 *      the ones the build renders ahead), one at a time over keep-alive, and the same again.
 *   4. A crawl of every article page (keep-alive, a few at a time), with the resident memory of
 *      all the server's processes during and after it.
 *   5. Publish latency: an old article's title and text edited and a new article added while
 *      the server runs; time until each is served, and the new one is on /latest.
 *
 * The environment sets the size and the shape of the run (results quote full runs):
 *   BENCH_ARCHIVE_SIZE     articles (default 100000)
 *   BENCH_ARCHIVE_SAMPLE   old articles requested for first-request latency (default 300)
 *   BENCH_ARCHIVE_CRAWL    `<concurrency>[,<limit>]` (default `3`: every article, 3 at a time);
 *                          with a limit, that many articles evenly spread over the archive
 *   BENCH_ARCHIVE_HUGO     `0` leaves Hugo out (and with it the time comparison)
 *   BENCH_ARCHIVE_HUGO_LIMIT_MIN  minutes Hugo may take before it is stopped and reported as
 *                          slower than that (default 30)
 *   BROADSHEET_PRERENDER_ARTICLES  passed to the build and the server like any setting; the
 *                          sample is drawn from articles older than that many (default 1000)
 *
 * Scratch files go to <tmp>/broadsheet-bench-archive, the build to .next-bench-archive; both
 * are removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom } from '../scripts/seededRandom.mjs';
import { generateCorpus } from './generateCorpus.mjs';
import {
  coldBuild,
  log,
  machineLine,
  newResults,
  percentile,
  publishLatency,
  runBench,
  secondsUntil,
  serverRssMb,
  sleep,
  stops,
  timedGet,
  yes,
} from './harness.mjs';
import { ROOT, startNextServer } from './server.mjs';

const SCRATCH = path.join(tmpdir(), 'broadsheet-bench-archive');
const DIST_DIR = '.next-bench-archive';
const PORT = 3230;
const SEED = 12;
const SERVER_LOG = path.join(SCRATCH, 'next-start.log');

function serverLogTail(lines = 40) {
  return readFileSync(SERVER_LOG, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function settings(env = process.env) {
  const whole = (name, fallback, min) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name}: expected a whole number ≥ ${min}, got "${env[name]}"`);
    return value;
  };
  const crawl = /^\s*(\d+)\s*(?:,\s*(\d+)\s*)?$/.exec(env.BENCH_ARCHIVE_CRAWL || '3');
  if (!crawl || Number(crawl[1]) < 1 || Number(crawl[2] ?? 1) < 1) {
    throw new Error(`BENCH_ARCHIVE_CRAWL: expected <concurrency>[,<limit>], such as 3 or 3,2000; got "${env.BENCH_ARCHIVE_CRAWL}"`);
  }
  return {
    size: whole('BENCH_ARCHIVE_SIZE', 100_000, 1),
    sample: whole('BENCH_ARCHIVE_SAMPLE', 300, 1),
    prerendered: whole('BROADSHEET_PRERENDER_ARTICLES', 1000, 0),
    prerenderedFromEnvironment: Boolean(env.BROADSHEET_PRERENDER_ARTICLES),
    crawlConcurrency: Number(crawl[1]),
    crawlLimit: crawl[2] === undefined ? undefined : Number(crawl[2]),
    hugo: env.BENCH_ARCHIVE_HUGO !== '0',
    hugoTimeoutMs: Number(env.BENCH_ARCHIVE_HUGO_LIMIT_MIN ?? 30) * 60_000,
  };
}

const slug = (index) => `story-${String(index).padStart(6, '0')}`;
const articleUrl = (index) => `http://127.0.0.1:${PORT}/article/${slug(index)}`;

function latency(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), p99Ms: percentile(sorted, 0.99), maxMs: percentile(sorted, 1) };
}

function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** `count` distinct indices in [from, to), drawn with a fixed seed (a partial Fisher–Yates shuffle). */
function seededSample(from, to, count) {
  const pool = Array.from({ length: to - from }, (_, offset) => from + offset);
  const random = seededRandom(SEED);
  const picked = Math.min(count, pool.length);
  for (let index = 0; index < picked; index++) {
    const swap = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[swap]] = [pool[swap], pool[index]];
  }
  return pool.slice(0, picked);
}

/** Requests the articles one after another over one keep-alive connection. */
async function oneAtATime(indices) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const rows = [];
  for (const index of indices) {
    rows.push(await timedGet(agent, articleUrl(index)).catch((error) => ({ status: String(error.code ?? error.message), ms: undefined })));
  }
  agent.destroy();
  const answered = rows.filter((row) => row.status === 200);
  return {
    requests: rows.length,
    firstMs: rows[0]?.ms === undefined ? undefined : +rows[0].ms.toFixed(1),
    ...latency(answered.map((row) => row.ms)),
    errors: rows.length - answered.length,
    statuses: tally(rows.map((row) => row.status)),
    nextCache: tally(answered.map((row) => row.cache ?? 'none')),
  };
}

/**
 * Requests `indices` with `concurrency` requests in flight over keep-alive connections,
 * sampling the server's memory (all its processes) every second.
 */
async function crawl(indices, concurrency, serverPid) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const times = [];
  const failures = [];
  const caches = [];
  let next = 0;
  let peakRssMb = serverRssMb(serverPid);
  const rssBeforeMb = peakRssMb;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, serverRssMb(serverPid))), 1000);
  const progress = setInterval(() => log(`crawl: ${next} of ${indices.length} requested, server ${serverRssMb(serverPid)} MB`), 60_000);
  const started = performance.now();
  const worker = async () => {
    while (next < indices.length) {
      const index = indices[next++];
      try {
        const row = await timedGet(agent, articleUrl(index));
        if (row.status === 200) {
          times.push(row.ms);
          caches.push(row.cache ?? 'none');
        } else failures.push(`${slug(index)}: ${row.status}`);
      } catch (error) {
        failures.push(`${slug(index)}: ${error.code ?? error.message}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const rssAfterMb = serverRssMb(serverPid);
  peakRssMb = Math.max(peakRssMb, rssAfterMb);
  await sleep(10_000);
  return {
    requests: indices.length,
    concurrency,
    seconds: +seconds.toFixed(1),
    requestsPerSecond: +(indices.length / seconds).toFixed(1),
    ...latency(times),
    errors: failures.length,
    firstErrors: failures.slice(0, 10),
    nextCache: tally(caches),
    serverRssBeforeMb: rssBeforeMb,
    serverRssPeakMb: peakRssMb,
    serverRssAfterMb: rssAfterMb,
    serverRssAfter10sMb: serverRssMb(serverPid),
  };
}

export async function runArchive() {
  const config = settings();
  const { size } = config;
  const results = { ...newResults(), archive: { articles: size, settings: config } };
  const corpus = path.join(SCRATCH, `corpus-${size}`);
  const base = `http://127.0.0.1:${PORT}`;

  const steps = async () => {
    log(`archive: generating ${size} articles`);
    const generating = performance.now();
    generateCorpus(size, corpus);
    const megabytes = Number(spawnSync('du', ['-sm', path.join(corpus, 'content/articles')], { encoding: 'utf8' }).stdout.split('\t')[0]);
    results.corpus = { articles: size, seconds: +((performance.now() - generating) / 1000).toFixed(1), megabytes };
    log(`corpus: ${JSON.stringify(results.corpus)}`);

    results.build = await coldBuild({ size, corpus, distDir: DIST_DIR, scratch: SCRATCH, hugo: config.hugo, hugoTimeoutMs: config.hugoTimeoutMs });
    log(`cold build: ${JSON.stringify(results.build)}`);

    log('server: next start on the archive build');
    const started = performance.now();
    const server = startNextServer(PORT, { BROADSHEET_CONTENT_ROOT: corpus, BROADSHEET_DIST_DIR: DIST_DIR }, { logFile: SERVER_LOG });
    stops.push(server.stop);
    const restartSeconds = await secondsUntil(`${base}/`, { started, pollMs: 100, timeoutMs: 300_000, test: (status) => status === 200 });
    if (restartSeconds === undefined) throw new Error('next start did not serve the front page within 300 s');
    results.server = { restartSeconds, rssAfterStartMb: serverRssMb(server.pid) };

    // Old: older than the articles the build renders ahead (or the older half, when it renders them all).
    const oldFrom = config.prerendered < size ? config.prerendered : Math.floor(size / 2);
    const sample = seededSample(oldFrom, size, config.sample);
    log(`first requests: ${sample.length} old articles (story ${oldFrom} to ${size - 1}), one at a time`);
    results.firstRequests = { oldFrom, first: await oneAtATime(sample), again: await oneAtATime(sample) };
    log(`first requests: ${JSON.stringify(results.firstRequests)}`);

    const { crawlConcurrency, crawlLimit } = config;
    const count = Math.min(size, crawlLimit ?? size);
    const indices = Array.from({ length: count }, (_, step) => Math.floor((step * size) / count));
    log(`crawl: ${count} of ${size} article pages, ${crawlConcurrency} at a time`);
    results.crawl = { articles: size, ...(await crawl(indices, crawlConcurrency, server.pid)) };
    log(`crawl: ${JSON.stringify(results.crawl)}`);

    log('publish: edit an old article and add a new one while the server runs');
    const p = (results.publish = {
      edited: slug(size - 1),
      ...(await publishLatency({ corpus, base, edited: slug(size - 1), pollMs: 100 })),
      serverRssAfterMb: serverRssMb(server.pid),
    });
    log(`publish: ${JSON.stringify(results.publish)}`);
    server.stop();
    const published = [p.editedArticleLiveSeconds, p.newArticleLiveSeconds, p.newArticleOnLatestSeconds];
    const f = results.firstRequests;
    if (published.includes(undefined) || results.crawl.errors + f.first.errors + f.again.errors > 0) {
      results.serverLogTail = serverLogTail();
      log(`something failed; the server's last lines:\n${results.serverLogTail}`);
    }
  };

  await runBench({
    results,
    name: 'archive',
    scratch: SCRATCH,
    cleanup: [path.join(ROOT, DIST_DIR)],
    steps: () =>
      steps().catch((error) => {
        if (existsSync(SERVER_LOG)) console.error(`The server's last lines:\n${serverLogTail()}`);
        throw error;
      }),
    table: () => table(results),
  });
}

const n = (value) => value.toLocaleString('en');
const seconds = (value, limit) => (value === undefined ? `not within ${limit} s` : `${value} s`);

function table(r) {
  const { build: b, server, firstRequests: f, crawl: c, publish: p } = r;
  const size = n(r.archive.articles);
  const lines = [`# Archive benchmark: ${size} articles`, '', machineLine(r), ''];
  lines.push('## Targets', '', '| target | result | |', '|---|---|---|');
  const row = (target, result, ok) => lines.push(`| ${target} | ${result} | ${ok} |`);
  row(`${size}-article cold build ≤ 5 min`, `${b.broadsheet.seconds} s`, yes(b.broadsheet.seconds <= 300));
  row(`peak build memory ≤ 2 GB`, `${b.broadsheet.peakMb} MB (all processes together)`, yes(b.broadsheet.peakMb <= 2048));
  if (b.hugo?.didNotFinishWithinSeconds) {
    row(`cold build ≤ Hugo's time on the same corpus`, `${b.broadsheet.seconds} s against Hugo still building after ${b.hugo.didNotFinishWithinSeconds} s (stopped)`, yes(b.broadsheet.seconds <= b.hugo.didNotFinishWithinSeconds));
  } else if (b.hugo) row(`cold build ≤ Hugo's time on the same corpus`, `${b.broadsheet.seconds} s against ${b.hugo.seconds} s: ${b.timeRatio}×`, yes(b.timeRatio <= 1));
  else row(`cold build ≤ Hugo's time on the same corpus`, 'Hugo left out of this run (BENCH_ARCHIVE_HUGO=0)', 'not measured');
  row(`\`next start\` on the build: spawn to the front page's first 200 ≤ 15 s`, `${server.restartSeconds} s`, yes(server.restartSeconds <= 15));
  const firstOk = f.first.errors === 0 && f.first.p95Ms <= 300;
  row(
    `first request of a never-requested old article: p95 ≤ 300 ms (${f.first.requests} articles, one at a time)`,
    `p50 ${f.first.p50Ms} ms, p95 ${f.first.p95Ms} ms, max ${f.first.maxMs} ms; ${f.first.errors} errors`,
    yes(firstOk),
  );
  const full = c.requests === c.articles;
  const scope = full ? `all ${n(c.articles)} article pages` : `${n(c.requests)} of ${n(c.articles)} article pages (limited: not a full crawl)`;
  row(`crawl of every article page: no errors`, `${c.errors} errors over ${scope}`, full ? yes(c.errors === 0) : `${yes(c.errors === 0)} (partial)`);
  const rssWorst = Math.max(c.serverRssPeakMb, c.serverRssAfterMb, c.serverRssAfter10sMb);
  row(
    `server memory during and after the crawl ≤ 1.5 GB (all its processes)`,
    `peak ${c.serverRssPeakMb} MB, after ${c.serverRssAfterMb} MB, 10 s later ${c.serverRssAfter10sMb} MB`,
    full ? yes(rssWorst <= 1536) : `${yes(rssWorst <= 1536)} (partial)`,
  );
  const publishWorst = Math.max(p.editedArticleLiveSeconds ?? Infinity, p.newArticleLiveSeconds ?? Infinity, p.newArticleOnLatestSeconds ?? Infinity);
  row(
    `edited and new article live (and the new one on /latest) ≤ 5 s at ${size} articles, no rebuild`,
    `edited ${seconds(p.editedArticleLiveSeconds, 60)}, new ${seconds(p.newArticleLiveSeconds, 60)}, on /latest ${seconds(p.newArticleOnLatestSeconds, 60)}`,
    yes(publishWorst <= 5),
  );

  lines.push('', '## 1. Corpus', '', '| articles | Markdown | generated in |', '|---|---|---|');
  lines.push(`| ${n(r.corpus.articles)} | ${r.corpus.megabytes} MB | ${r.corpus.seconds} s |`);

  lines.push('', '## 2. Cold build', '', '| | time | peak memory (largest process) | HTML pages |', '|---|---|---|---|');
  const phases = b.broadsheet.phases;
  lines.push(
    `| Broadsheet \`npm run build\` | ${b.broadsheet.seconds} s (compile ${phases.compileSeconds ?? '?'} s, page generation ${phases.staticGenerationSeconds ?? '?'} s) | ${b.broadsheet.peakMb} MB (${b.broadsheet.largestProcessMb} MB) | ${b.broadsheet.htmlPages} |`,
  );
  if (b.hugo) lines.push(`| Hugo (bench/hugo) | ${b.hugo.seconds ?? `> ${b.hugo.didNotFinishWithinSeconds}`} s | ${b.hugo.peakMb} MB | ${b.hugo.htmlPages ?? 'unfinished'} |`);
  const { prerendered, prerenderedFromEnvironment } = r.archive.settings;
  lines.push('', `Articles rendered ahead: BROADSHEET_PRERENDER_ARTICLES=${prerendered} (${prerenderedFromEnvironment ? 'set for this run' : "the app's default"}).`);

  lines.push('', '## 3. `next start` on the build', '');
  lines.push(`Spawn to the front page's first 200: ${server.restartSeconds} s; server memory then ${server.rssAfterStartMb} MB.`, '');
  lines.push(
    `Old articles (a sample drawn with seed ${SEED} from story-${String(f.oldFrom).padStart(6, '0')} onwards), one at a time over one keep-alive connection, time to the last byte:`,
    '',
    '| | requests | p50 | p95 | max | the first of them | errors | x-nextjs-cache |',
    '|---|---|---|---|---|---|---|---|',
  );
  const cache = (counts) => Object.entries(counts).map(([state, count]) => `${state} ${count}`).join(', ');
  for (const [name, run] of [['first request', f.first], ['same again', f.again]]) {
    lines.push(`| ${name} | ${run.requests} | ${run.p50Ms} ms | ${run.p95Ms} ms | ${run.maxMs} ms | ${run.firstMs} ms | ${run.errors} | ${cache(run.nextCache)} |`);
  }
  lines.push('', "The first of them is the server's first article request since it started.");

  lines.push('', `## 4. Crawl (${c.concurrency} at a time, keep-alive)`, '');
  lines.push('| pages | time | requests/s | p50 | p95 | p99 | max | errors | server memory before / peak / after / 10 s later |', '|---|---|---|---|---|---|---|---|---|');
  lines.push(
    `| ${full ? n(c.requests) : `${n(c.requests)} of ${n(c.articles)}`} | ${c.seconds} s | ${c.requestsPerSecond} | ${c.p50Ms} ms | ${c.p95Ms} ms | ${c.p99Ms} ms | ${c.maxMs} ms | ${c.errors} | ${c.serverRssBeforeMb} / ${c.serverRssPeakMb} / ${c.serverRssAfterMb} / ${c.serverRssAfter10sMb} MB |`,
  );
  if (c.firstErrors.length > 0) lines.push('', `First errors: ${c.firstErrors.join('; ')}.`);
  if (r.serverLogTail) lines.push('', "Something failed: the server's last lines are in archive.json (`serverLogTail`).");
  lines.push('', `x-nextjs-cache over the crawl: ${cache(c.nextCache)}.`);

  lines.push('', '## 5. Publish (bare `next start`, polled every 100 ms)', '');
  lines.push(`| edited article (\`${p.edited}\`, the oldest) served | new article served | new article on /latest | server memory after |`, '|---|---|---|---|');
  lines.push(`| ${seconds(p.editedArticleLiveSeconds, 60)} | ${seconds(p.newArticleLiveSeconds, 60)} | ${seconds(p.newArticleOnLatestSeconds, 60)} | ${p.serverRssAfterMb} MB |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await runArchive();
