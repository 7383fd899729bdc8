#!/usr/bin/env node
/**
 * `npm run bench` (after bench/ensureTools.sh): every benchmark of the performance brief in one
 * run, each comparison measured side by side in this run. Writes bench/results/latest.md (the
 * table) and bench/results/latest.json (every number), and prints the table.
 *
 *   1. Cold build of 1,000 and 10,000 generated articles: `npm run build` against Hugo with a
 *      minimal theme (bench/hugo) rendering the same elements; wall time and peak memory.
 *   2. Incremental: in the 10,000-article site served as the README deploys it (nginx in front
 *      of `next start`), edit one article and add one; time until both are served, and until
 *      search finds the new one. Then search under load: wrk, 64 connections, 30 s, random
 *      queries (bench/searchQueries.lua) through nginx, with the server's memory before and after.
 *   3. Markdown stage: MB/s over the 10,000-article corpus, slowest 1% against the median.
 *      Revision history's cost (bench/historyCost.ts). The search index alone at 10,000 and
 *      100,000 articles (bench/searchIndex.ts): build time, memory, query latency, re-indexing.
 *      `npm run content:check` as an editor runs it (bench/contentCheck.mjs).
 *   4. Serving: wrk, 64 connections, 30 s, on the article page: the production setup against
 *      nginx serving the same HTML as a static file; and a spike on bare `next start` (no
 *      nginx) against an empty Next app-router page served by `next start` the same way.
 *   5. Page weight and Lighthouse: JavaScript and HTML (gzip) of the article against an empty
 *      Next app-router page built with the same Next; Lighthouse for the front page and the
 *      long read.
 *
 * Scratch files go to <tmp>/broadsheet-bench (the empty app to bench/scratch/, ignored by git);
 * both are removed at the end.
 *
 * `npm run bench -- --archive` runs the archive benchmark instead (bench/archive.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { siteConfig, standaloneConfig } from '../scripts/nginxConfig.mjs';
import { runArchive } from './archive.mjs';
import { generateCorpus } from './generateCorpus.mjs';
import {
  coldBuild,
  CONNECTIONS,
  fetchAgain,
  log,
  machineLine,
  newResults,
  publishLatency,
  runBench,
  serverRssMb,
  stops,
  wrk,
  WRK_DURATION,
  yes,
} from './harness.mjs';
import { lighthouseRows } from './lighthouse.mjs';
import { summarizeMarkdownStage } from './markdownSummary.mjs';
import { measure } from './processTree.mjs';
import { ROOT, startNextServer, startNginx, waitForServer } from './server.mjs';

// Outside the project: Next's build traces files under the project root, and 10,000
// generated articles there made its compile step trace (and hold) them all.
const SCRATCH = path.join(tmpdir(), 'broadsheet-bench');
// The empty app for the floor must sit inside the project, where its node_modules link
// resolves; it exists only after the site's own builds.
const EMPTY_APP = path.join(ROOT, 'bench/scratch/empty-app');
// The environment can shrink a run, to try the benchmark itself quickly; results quote full runs.
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ARTICLE = '/article/china-rare-earths-spy-warning';
const LONG_READ = '/article/rare-earths-supply-chain-explained';
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

const results = newResults();

/** The README's deployment: nginx with deploy/nginx's config, caching in front of `next start`. */
function startProductionNginx(name, port, nextPort) {
  const folder = path.join(SCRATCH, name);
  const server = siteConfig({ listen: `127.0.0.1:${port}`, upstream: `127.0.0.1:${nextPort}`, cacheDir: path.join(folder, 'cache') });
  const nginx = startNginx(folder, standaloneConfig(folder, server));
  stops.push(nginx.stop);
  return nginx;
}

async function coldBuilds() {
  results.coldBuild = [];
  for (const size of SIZES) {
    const corpus = path.join(SCRATCH, `corpus-${size}`);
    generateCorpus(size, corpus);
    const distDir = `.next-bench-${size}`;
    results.coldBuild.push(await coldBuild({ size, corpus, distDir, scratch: SCRATCH }));
    if (size !== SIZES.at(-1)) rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
    log(`cold build, ${size} articles: ${JSON.stringify(results.coldBuild.at(-1))}`);
  }
}

async function incremental() {
  const size = SIZES.at(-1);
  const corpus = path.join(SCRATCH, `corpus-${size}`);
  const distDir = `.next-bench-${size}`;
  const nextPort = 3210;
  const proxyPort = 3211;
  log(`incremental, ${size} articles: starting nginx in front of next start`);
  const next = startNextServer(nextPort, { BROADSHEET_CONTENT_ROOT: corpus, BROADSHEET_DIST_DIR: distDir });
  stops.push(next.stop);
  const nginx = startProductionNginx('nginx-incremental', proxyPort, nextPort);
  const base = `http://127.0.0.1:${proxyPort}`;
  const edited = 'story-000010';
  await waitForServer(`${base}/article/${edited}`, 120_000);
  // Settled, as a deploy is after its first minute: a reader has asked for an archive story
  // the build did not render, so the server has loaded the content (from the records and
  // renderings its build left). story-<size-1> is the oldest.
  const loadStarted = performance.now();
  const oldest = await fetch(`http://127.0.0.1:${nextPort}/article/story-${String(size - 1).padStart(6, '0')}`);
  await oldest.arrayBuffer();
  const firstArchivePageSeconds = oldest.ok ? +((performance.now() - loadStarted) / 1000).toFixed(2) : undefined;
  const startupRssMb = serverRssMb(next.pid);
  results.incremental = {
    articles: size,
    firstArchivePageAfterStartSeconds: firstArchivePageSeconds,
    ...(await publishLatency({ corpus, base, edited })),
    serverRssAfterStartMb: startupRssMb,
    serverRssAfterChangeMb: serverRssMb(next.pid),
  };
  log(`search: wrk, random queries through nginx (${CONNECTIONS} connections, ${WRK_DURATION})`);
  const rssBeforeMb = serverRssMb(next.pid);
  const load = wrk(`${base}/search`, WRK_DURATION, { script: path.join(ROOT, 'bench/searchQueries.lua') });
  results.searchLoad = { articles: size, ...load, serverRssBeforeMb: rssBeforeMb, serverRssAfterMb: serverRssMb(next.pid) };
  nginx.stop();
  next.stop();
  log(`incremental: ${JSON.stringify(results.incremental)}`);
  log(`search load: ${JSON.stringify(results.searchLoad)}`);
}

/** `npm run content:check` as an editor runs it (bench/contentCheck.mjs): one file of 10,000, and 1,000 whole. */
async function contentCheckCost() {
  log('content check: one file in 10,000 articles, and 1,000 articles whole');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bench/contentCheck.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (run.status !== 0) throw new Error(`bench/contentCheck.mjs failed:\n${run.stderr}`);
  results.contentCheck = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  log(`content check: ${JSON.stringify(results.contentCheck)}`);
}

/**
 * The search index on its own (bench/searchIndex.ts): built from scratch, queried and updated,
 * at the largest cold-build size and at 100,000 articles (a corpus of its own; BENCH_SEARCH_ARCHIVE=0
 * leaves it out). Each size in a fresh process, so the memory figure is the index's alone.
 */
async function searchCost() {
  const folders = [path.join(SCRATCH, `corpus-${SIZES.at(-1)}`, 'content/articles')];
  if (process.env.BENCH_SEARCH_ARCHIVE !== '0') {
    const archive = path.join(SCRATCH, 'corpus-search-100000');
    log('search: generating a 100,000-article corpus');
    generateCorpus(100_000, archive);
    folders.push(path.join(archive, 'content/articles'));
  }
  results.searchIndex = [];
  for (const folder of folders) {
    log(`search: index cost on ${folder}`);
    const run = spawnSync(process.execPath, ['--expose-gc', TSX, path.join(ROOT, 'bench/searchIndex.ts'), folder], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    });
    if (run.status !== 0) throw new Error(`bench/searchIndex.ts failed:\n${run.stderr}`);
    results.searchIndex.push(JSON.parse(run.stdout.trim().split('\n').at(-1)));
  }
  log(`search: ${JSON.stringify(results.searchIndex)}`);
}

function markdownStage() {
  const corpus = path.join(SCRATCH, `corpus-${SIZES.at(-1)}`);
  log('markdown stage: one process per core over the 10,000-article corpus');
  const cores = results.machine.cores;
  const children = Array.from({ length: cores }, (_, shard) =>
    spawnAsync(process.execPath, [TSX, path.join(ROOT, 'bench/markdownStage.ts'), corpus, `${shard}/${cores}`]).then((output) =>
      JSON.parse(output),
    ),
  );
  return Promise.all(children).then((shards) => {
    results.markdownStage = summarizeMarkdownStage(shards);
    log(`markdown stage: ${JSON.stringify(results.markdownStage)}`);
  });
}

/** Revision history at archive size, against this run's cold build (bench/historyCost.ts). */
async function historyCost() {
  const size = SIZES.at(-1);
  log(`history: ${size} articles in a Git repository of ${2 * size} commits`);
  const output = await spawnAsync(process.execPath, [TSX, '--conditions=react-server', path.join(ROOT, 'bench/historyCost.ts'), String(size)]);
  const measured = JSON.parse(output.trim().split('\n').at(-1));
  const build = results.coldBuild.at(-1).broadsheet.seconds;
  results.history = { ...measured, coldBuildSeconds: build, buildShare: +(measured.buildSeconds / build).toFixed(3) };
  log(`history: ${JSON.stringify(results.history)}`);
}

function spawnAsync(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, ...options, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

async function gzipBytesOfPage(base, pagePath) {
  const html = await (await fetchAgain(`${base}${pagePath}`)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1].replaceAll('&amp;', '&')))];
  let jsGzip = 0;
  let jsRaw = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetchAgain(new URL(src, base))).arrayBuffer());
    jsRaw += body.length;
    jsGzip += gzipSync(body, { level: 9 }).length;
  }
  // The React Server Components payload Next inlines for hydration, apart from the page itself.
  const payload = [...html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].map((match) => match[1]).join('');
  const pageOnly = html.replace(/<script>self\.__next_f\.push\([\s\S]*?\)<\/script>/g, '');
  return {
    scripts: scripts.length,
    jsGzipKb: +(jsGzip / 1024).toFixed(1),
    jsRawKb: +(jsRaw / 1024).toFixed(1),
    htmlGzipKb: +(gzipSync(Buffer.from(html), { level: 9 }).length / 1024).toFixed(1),
    htmlRawKb: +(Buffer.byteLength(html) / 1024).toFixed(1),
    payloadRawKb: +(Buffer.byteLength(payload) / 1024).toFixed(1),
    pageOnlyRawKb: +(Buffer.byteLength(pageOnly) / 1024).toFixed(1),
    hero: await heroImage(base, html),
  };
}

/**
 * The page's LCP photo as browsers get it: whether the HTML preloads it with fetchpriority=high,
 * and which srcset candidate a phone (390 CSS px at Lighthouse's 1.75 device pixel ratio) and a
 * desktop (960 CSS px at 1×) would pick, fetched as a browser asks for it (WebP accepted).
 */
async function heroImage(base, html) {
  const preload = /<link rel="preload"[^>]*as="image"[^>]*>/.exec(html)?.[0];
  if (!preload) return undefined;
  const attribute = (name) => new RegExp(`${name}="([^"]*)"`, 'i').exec(preload)?.[1]?.replaceAll('&amp;', '&');
  const candidates = (attribute('imageSrcSet') ?? '')
    .split(', ')
    .map((entry) => entry.trim().split(' '))
    .map(([url, width]) => ({ url, width: Number.parseInt(width ?? '0', 10) }))
    .filter((candidate) => candidate.url && candidate.width > 0)
    .sort((a, b) => a.width - b.width);
  const pick = async (pixels) => {
    const chosen = candidates.find((candidate) => candidate.width >= pixels) ?? candidates.at(-1);
    if (!chosen) return undefined;
    const response = await fetchAgain(new URL(chosen.url, base), { headers: { accept: 'image/webp,image/*' } });
    const bytes = (await response.arrayBuffer()).byteLength;
    return { width: chosen.width, type: response.headers.get('content-type'), kb: +(bytes / 1024).toFixed(1) };
  };
  return {
    fetchPriorityHigh: /fetchpriority="high"/i.test(preload),
    phone: await pick(Math.ceil(390 * 1.75)),
    desktop: await pick(960),
  };
}

/** An empty app-router page, built with the same Next, React and bundler: the floor. */
async function emptyAppFloor() {
  const app = EMPTY_APP;
  // A fresh app each run: one left by an interrupted run would fail the symlink below.
  rmSync(app, { recursive: true, force: true });
  mkdirSync(path.join(app, 'app'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'empty', private: true, type: 'module' }));
  writeFileSync(path.join(app, 'next.config.mjs'), 'export default {};\n');
  writeFileSync(
    path.join(app, 'app/layout.jsx'),
    "export const metadata = { title: 'Empty' };\nexport default function Layout({ children }) {\n  return (\n    <html lang=\"en\">\n      <body>{children}</body>\n    </html>\n  );\n}\n",
  );
  writeFileSync(path.join(app, 'app/page.jsx'), 'export default function Page() {\n  return <main>Empty</main>;\n}\n');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
  log('floor: building an empty Next app-router page');
  const next = path.join(ROOT, 'node_modules/next/dist/bin/next');
  const built = spawnSync(process.execPath, [next, 'build'], { cwd: app, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (built.status !== 0) throw new Error(`empty app build failed:\n${built.stdout}\n${built.stderr}`);
  const port = 3220;
  const server = spawn(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: app, stdio: 'ignore', detached: true });
  const stop = () => process.kill(-server.pid, 'SIGTERM');
  stops.push(stop);
  await waitForServer(`http://127.0.0.1:${port}/`);
  const weight = await gzipBytesOfPage(`http://127.0.0.1:${port}`, '/');
  log('floor: Lighthouse on the empty page');
  // One run: the floor is context for the TBT target, not a target itself.
  const [lighthouse] = lighthouseRows(`http://127.0.0.1:${port}`, [['Empty Next page (floor)', '/']], LIGHTHOUSE_RUNS);
  log(`floor: wrk spike against the empty page on next start (${CONNECTIONS} connections, ${WRK_DURATION})`);
  const serving = wrk(`http://127.0.0.1:${port}/`);
  stop();
  return { weight, lighthouse, serving };
}

async function servingAndPages() {
  log('sample site: npm run build');
  const build = await measure('npm', ['run', 'build'], { cwd: ROOT, env: { NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.code !== 0) throw new Error(`npm run build failed on the sample site:\n${build.output.slice(-4000)}`);
  results.sampleBuildSeconds = +build.seconds.toFixed(1);

  const nextPort = 3200;
  const proxyPort = 3201;
  const staticPort = 3202;
  const next = startNextServer(nextPort);
  stops.push(next.stop);
  await waitForServer(`http://127.0.0.1:${nextPort}${ARTICLE}`);

  const proxy = startProductionNginx('nginx-production', proxyPort, nextPort);
  const production = `http://127.0.0.1:${proxyPort}`;
  await waitForServer(`${production}${ARTICLE}`);

  // nginx serving the same page's HTML as a plain file.
  const staticFolder = path.join(SCRATCH, 'nginx-static');
  const htmlRoot = path.join(staticFolder, 'html');
  mkdirSync(path.join(htmlRoot, 'article'), { recursive: true });
  writeFileSync(path.join(htmlRoot, `${ARTICLE}.html`), await (await fetchAgain(`http://127.0.0.1:${nextPort}${ARTICLE}`)).text());
  const staticServer = startNginx(
    staticFolder,
    standaloneConfig(
      staticFolder,
      `server {\n    listen 127.0.0.1:${staticPort};\n    root ${htmlRoot};\n    default_type text/html;\n    location / {\n        try_files $uri.html =404;\n    }\n}\n`,
    ),
  );
  stops.push(staticServer.stop);
  await waitForServer(`http://127.0.0.1:${staticPort}${ARTICLE}`);

  log('serving: wrk against nginx static');
  const nginxStatic = wrk(`http://127.0.0.1:${staticPort}${ARTICLE}`);
  log('serving: wrk against the production setup (nginx cache in front of next start)');
  const productionRun = wrk(`${production}${ARTICLE}`);
  // A spike on bare `next start`, as when the cache in front is cold or bypassed; compared
  // with an empty Next page under the same spike (emptyAppFloor).
  log(`serving: wrk spike against next start alone (${CONNECTIONS} connections, ${WRK_DURATION})`);
  const nextAlone = wrk(`http://127.0.0.1:${nextPort}${ARTICLE}`);
  results.serving = {
    page: ARTICLE,
    connections: CONNECTIONS,
    duration: WRK_DURATION,
    nginxStatic,
    production: productionRun,
    nextAlone,
    throughputRatio: +(productionRun.requestsPerSecond / nginxStatic.requestsPerSecond).toFixed(2),
    p99Ratio: +(productionRun.p99Ms / nginxStatic.p99Ms).toFixed(2),
  };
  log(`serving: ${JSON.stringify(results.serving)}`);
  staticServer.stop();

  log('page weight');
  results.pageWeight = {
    article: await gzipBytesOfPage(production, ARTICLE),
    longRead: await gzipBytesOfPage(production, LONG_READ),
  };
  log('Lighthouse: front page and long read through the production setup');
  results.lighthouse = lighthouseRows(production, undefined, LIGHTHOUSE_RUNS);
  proxy.stop();
  next.stop();
  results.floor = await emptyAppFloor();
  results.serving.nextAloneOverFloor = +(nextAlone.requestsPerSecond / results.floor.serving.requestsPerSecond).toFixed(2);
  results.pageWeight.jsOverFloorKb = +(results.pageWeight.article.jsGzipKb - results.floor.weight.jsGzipKb).toFixed(1);
}

/** wrk's errors by kind: connect / read / write / timeout / non-2xx. */
function errorKinds(row) {
  return [row.socket.connect, row.socket.read, row.socket.write, row.socket.timeout, row.non2xx].join(' / ');
}

function table() {
  const r = results;
  const lines = [];
  const ten = r.coldBuild.at(-1);
  lines.push(`# Benchmark results`, '', machineLine(r), '');
  lines.push('## Targets', '', '| target | result | |', '|---|---|---|');
  lines.push(`| 10,000-article cold build within 10× Hugo (stretch 5×) | ${ten.timeRatio}× | ${yes(ten.timeRatio <= 10)}${ten.timeRatio <= 5 ? ' (stretch met)' : ''} |`);
  lines.push(`| peak build memory under 2 GB at 10,000 articles | ${ten.broadsheet.peakMb} MB (all processes together) | ${yes(ten.broadsheet.peakMb < 2048)} |`);
  const inc = r.incremental;
  const incWorst = Math.max(inc.editedArticleLiveSeconds ?? Infinity, inc.newArticleLiveSeconds ?? Infinity);
  lines.push(`| changed and new article live within 5 s, no rebuild | edited ${inc.editedArticleLiveSeconds ?? 'never'} s, new ${inc.newArticleLiveSeconds ?? 'never'} s | ${yes(incWorst <= 5)} |`);
  const [searchTen, searchArchive] = r.searchIndex;
  const searchRow = (row, p95Target) =>
    `| search p95 ≤ ${p95Target} ms at ${row.articles.toLocaleString('en')} articles (warm, server side) | p95 ${row.queryMs.p95} ms (p50 ${row.queryMs.p50}, max ${row.queryMs.max}) | ${yes(row.queryMs.p95 <= p95Target)} |`;
  lines.push(searchRow(searchTen, 20));
  if (searchArchive) lines.push(searchRow(searchArchive, 100));
  lines.push(`| search index built from scratch ≤ 15 s at ${searchTen.articles.toLocaleString('en')} articles | ${searchTen.buildSeconds} s | ${yes(searchTen.buildSeconds <= 15)} |`);
  const reindexRow = searchArchive ?? searchTen;
  lines.push(`| one changed article re-indexed ≤ 100 ms (${reindexRow.articles.toLocaleString('en')} articles) | ${reindexRow.reindexMs} ms, plus ${reindexRow.stampScanMs} ms comparing every stamp | ${yes(reindexRow.reindexMs + reindexRow.stampScanMs <= 100)} |`);
  if (searchArchive) lines.push(`| search index memory ≤ 300 MB at ${searchArchive.articles.toLocaleString('en')} articles | ${searchArchive.indexMb} MB (built in ${searchArchive.buildSeconds} s) | ${yes(searchArchive.indexMb <= 300)} |`);
  lines.push(`| new article found by search within 5 s (${inc.articles?.toLocaleString('en') ?? ''} articles, through nginx) | ${inc.newArticleInSearchSeconds ?? 'not within 60'} s | ${yes((inc.newArticleInSearchSeconds ?? Infinity) <= 5)} |`);
  const sl = r.searchLoad;
  const searchErrors = sl.socketErrors + sl.non2xx;
  lines.push(`| \`/search\`, random queries, ${CONNECTIONS} connections for ${WRK_DURATION} through the production setup: no errors, memory flat | ${sl.requestsPerSecond?.toFixed(0)} requests/s, p99 ${sl.p99Ms?.toFixed(0)} ms, ${searchErrors} errors; server ${sl.serverRssBeforeMb} → ${sl.serverRssAfterMb} MB | ${yes(searchErrors === 0)} |`);
  const cc = r.contentCheck;
  const cpu = (ms) => (ms === undefined ? '' : ` (CPU ${(ms / 1000).toFixed(2)} s)`);
  lines.push(`| \`content:check\` of one named article in a 10,000-article site < 1 s | ${(cc.oneFileMs / 1000).toFixed(2)} s${cpu(cc.oneFileCpuMs)} | ${yes(cc.oneFileMs < 1000)} |`);
  lines.push(`| \`content:check\` of a whole 1,000-article site < 3 s | ${(cc.wholeSite1000Ms / 1000).toFixed(2)} s${cpu(cc.wholeSite1000CpuMs)} | ${yes(cc.wholeSite1000Ms < 3000)} |`);
  const h = r.history;
  lines.push(`| revision history adds ≤ 10% to the ${h.articles.toLocaleString('en')}-article cold build (${h.commits.toLocaleString('en')} commits) | ${h.buildSeconds} s for the ${h.prerenderedArticles ?? h.articles} articles it renders, of ${h.coldBuildSeconds} s: ${(h.buildShare * 100).toFixed(1)}% (articles in \`<yyyy>/<mm>/\` folders, as \`npm run new\` files them; all in one folder, ${h.flatBuildSeconds ?? '?'} s: ${h.flatBuildSeconds ? ((h.flatBuildSeconds / h.coldBuildSeconds) * 100).toFixed(1) : '?'}%); ${h.archivePageCheckMs ?? '?'} ms more on an older article's first request; a history page p50 ${h.historyPageMs.p50} ms, p95 ${h.historyPageMs.p95} ms | ${yes(h.buildShare <= 0.1)} |`);
  const s = r.serving;
  lines.push(`| serving ≥ 50% of nginx static throughput | ${Math.round(s.throughputRatio * 100)}% | ${yes(s.throughputRatio >= 0.5)} |`);
  lines.push(`| serving p99 within 2× nginx's | ${s.p99Ratio}× | ${yes(s.p99Ratio <= 2)} |`);
  const spike = s.nextAlone;
  const spikeErrors = spike.socketErrors + spike.non2xx;
  lines.push(`| bare \`next start\`, ${s.connections} connections for ${s.duration}: no errors, p99 ≤ 1 s | ${spikeErrors} errors (${errorKinds(spike)}), p99 ${spike.p99Ms?.toFixed(0)} ms | ${yes(spikeErrors === 0 && spike.p99Ms <= 1000)} |`);
  lines.push(`| bare \`next start\` ≥ 50% of an empty Next page's throughput under the same spike (stretch 70%) | ${Math.round(s.nextAloneOverFloor * 100)}% (${spike.requestsPerSecond?.toFixed(0)} of ${r.floor.serving.requestsPerSecond?.toFixed(0)} requests/s) | ${yes(s.nextAloneOverFloor >= 0.5)}${s.nextAloneOverFloor >= 0.7 ? ' (stretch met)' : ''} |`);
  const w = r.pageWeight;
  lines.push(`| article JS ≤ floor + 5 KB gzip | ${w.article.jsGzipKb} KB = floor ${r.floor.weight.jsGzipKb} KB + ${w.jsOverFloorKb} KB | ${yes(w.jsOverFloorKb <= 5)} |`);
  lines.push(`| article HTML ≤ 40 KB gzip | ${w.article.htmlGzipKb} KB (long read ${w.longRead.htmlGzipKb} KB) | ${yes(w.article.htmlGzipKb <= 40 && w.longRead.htmlGzipKb <= 40)} |`);
  lines.push(`| inline RSC payload ≤ the article's own HTML | payload ${w.article.payloadRawKb} KB, page ${w.article.pageOnlyRawKb} KB (long read ${w.longRead.payloadRawKb} / ${w.longRead.pageOnlyRawKb} KB) | ${yes(w.article.payloadRawKb <= w.article.pageOnlyRawKb && w.longRead.payloadRawKb <= w.longRead.pageOnlyRawKb)} |`);
  const hero = w.article.hero;
  if (hero) {
    const shown = (pick) => (pick ? `${pick.width} px ${pick.type}, ${pick.kb} KB` : 'none');
    lines.push(`| hero photo preloaded with fetchpriority=high, WebP at the layout's size | ${hero.fetchPriorityHigh ? 'preloaded, high priority' : 'not high priority'}; phone ${shown(hero.phone)}; desktop ${shown(hero.desktop)} | ${yes(hero.fetchPriorityHigh && hero.phone?.type === 'image/webp' && hero.desktop?.type === 'image/webp')} |`);
  }
  const floor = r.floor.lighthouse;
  for (const row of r.lighthouse) {
    const within = floor.performance - row.performance <= 3 && row.tbtMs <= 1.25 * floor.tbtMs;
    lines.push(
      `| Lighthouse ${row.name}: performance within 3 points of the empty page (${floor.performance}), TBT ≤ 1.25× its ${floor.tbtMs} ms | ${row.performance}, TBT ${row.tbtMs} ms (${(row.tbtMs / floor.tbtMs).toFixed(2)}×) | ${yes(within)} |`,
    );
    lines.push(
      `| Lighthouse ${row.name}: LCP ≤ 2.0 s (simulated), CLS 0, accessibility / best practices / SEO 100 | ${row.lcpMs} ms (${row.appliedLcpMs} ms with throttling applied), ${row.cls.toFixed(3)}, ${row.accessibility} / ${row.bestPractices} / ${row.seo} | ${yes(row.lcpMs <= 2000 && row.cls === 0 && row.accessibility === 100 && row.bestPractices === 100 && row.seo === 100)} |`,
    );
  }
  lines.push('', '## 1. Cold build', '', '| articles | Broadsheet `npm run build` | peak memory (largest process) | HTML pages | Hugo | Hugo peak memory | Hugo HTML pages | time ratio |', '|---|---|---|---|---|---|---|---|');
  for (const row of r.coldBuild) {
    lines.push(
      `| ${row.articles} | ${row.broadsheet.seconds} s (compile ${row.broadsheet.phases.compileSeconds ?? '?'} s, page generation ${row.broadsheet.phases.staticGenerationSeconds ?? '?'} s) | ${row.broadsheet.peakMb} MB (${row.broadsheet.largestProcessMb} MB) | ${row.broadsheet.htmlPages} | ${row.hugo.seconds} s | ${row.hugo.peakMb} MB | ${row.hugo.htmlPages} | ${row.timeRatio}× |`,
    );
  }
  lines.push('', '## 2. Incremental (10,000 articles, nginx in front of `next start`)', '');
  lines.push(`| first archive page after start (content loaded) | edited article served | new article served | new article on /latest | server memory before / after |`, '|---|---|---|---|---|');
  lines.push(`| ${inc.firstArchivePageAfterStartSeconds ?? 'failed'} s | ${inc.editedArticleLiveSeconds ?? 'not within 60'} s | ${inc.newArticleLiveSeconds ?? 'not within 60'} s | ${inc.newArticleOnLatestSeconds ?? 'not within 60'} s | ${inc.serverRssAfterStartMb} MB / ${inc.serverRssAfterChangeMb} MB |`);
  lines.push('', '### Search index alone (bench/searchIndex.ts)', '', '| articles | build from scratch | index memory | process RSS | query p50 / p95 / max | re-index one article | compare every stamp |', '|---|---|---|---|---|---|---|');
  for (const row of r.searchIndex) {
    lines.push(`| ${row.articles} | ${row.buildSeconds} s | ${row.indexMb} MB | ${row.rssMb} MB | ${row.queryMs.p50} / ${row.queryMs.p95} / ${row.queryMs.max} ms | ${row.reindexMs} ms | ${row.stampScanMs} ms |`);
  }
  const m = r.markdownStage;
  lines.push('', '## 3. Markdown stage (10,000 articles)', '', '| files | MB | processes | MB/s (all cores) | MB/s per core | median | p99 | slowest 1% mean | slowest 1% / median |', '|---|---|---|---|---|---|---|---|---|');
  lines.push(`| ${m.files} | ${m.megabytes} | ${m.processes} | ${m.megabytesPerSecond} | ${m.megabytesPerSecondPerCore} | ${m.medianMs} ms | ${m.p99Ms} ms | ${m.slowestOnePercentMeanMs} ms | ${m.slowestToMedian}× |`);
  lines.push(
    '',
    `## 4. Serving \`${s.page}\` (wrk, ${s.connections} connections, ${s.duration} after a 5 s warm-up, 10 s timeout, loopback)`,
    '',
    '| server | requests/s | p50 | p99 | max | errors (connect / read / write / timeout / non-2xx) |',
    '|---|---|---|---|---|---|',
  );
  for (const [name, row] of [
    ['nginx, static HTML file', s.nginxStatic],
    ['production setup: nginx cache in front of `next start`', s.production],
    ['spike: `next start` alone, no nginx', s.nextAlone],
    ['spike: empty Next app-router page on `next start` (floor, `/`)', r.floor.serving],
  ]) {
    lines.push(`| ${name} | ${row.requestsPerSecond?.toFixed(0)} | ${row.p50Ms?.toFixed(2)} ms | ${row.p99Ms?.toFixed(2)} ms | ${row.maxMs?.toFixed(0)} ms | ${row.non2xx + row.socketErrors} (${errorKinds(row)}) |`);
  }
  lines.push('', '## 5. Page weight and Lighthouse', '', '| page | scripts | JS gzip | HTML gzip | HTML raw |', '|---|---|---|---|---|');
  lines.push(`| article \`${ARTICLE}\` | ${w.article.scripts} | ${w.article.jsGzipKb} KB | ${w.article.htmlGzipKb} KB | ${w.article.htmlRawKb} KB (RSC payload ${w.article.payloadRawKb} KB) |`);
  lines.push(`| long read \`${LONG_READ}\` | ${w.longRead.scripts} | ${w.longRead.jsGzipKb} KB | ${w.longRead.htmlGzipKb} KB | ${w.longRead.htmlRawKb} KB |`);
  lines.push(`| empty Next app-router page (floor) | ${r.floor.weight.scripts} | ${r.floor.weight.jsGzipKb} KB | ${r.floor.weight.htmlGzipKb} KB | ${r.floor.weight.htmlRawKb} KB |`);
  lines.push(
    '',
    `Lighthouse 12.2.3, mobile preset (simulated 4× CPU slowdown and slow 4G), Debian Chromium, median of ${LIGHTHOUSE_RUNS} runs. "LCP, throttling applied": the same page loaded with that network and CPU slowdown applied rather than simulated (\`--throttling-method=devtools\`), median of ${LIGHTHOUSE_RUNS} more runs. The simulation counts each script that finished and ran before the page's first paint on the unthrottled load as on LCP's path: an article paints after Next's scripts have run and is charged for all of them; the empty page paints before they arrive and is charged for none.`,
    '',
  );
  lines.push('| page | performance | accessibility | best practices | SEO | LCP | LCP, throttling applied | TBT | CLS | JS boot-up | main-thread work |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of [...r.lighthouse, r.floor.lighthouse]) {
    lines.push(`| ${row.name} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} | ${row.lcpMs} ms | ${row.appliedLcpMs} ms | ${row.tbtMs} ms | ${row.cls.toFixed(4)} | ${row.bootupMs} ms | ${row.mainThreadMs} ms |`);
  }
  return lines.join('\n');
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--archive');
if (unknown.length > 0) {
  console.error(`npm run bench: unknown argument ${unknown.join(' ')} (the only one is --archive)`);
  process.exit(2);
}
if (args.includes('--archive')) {
  await runArchive();
} else {
  await runBench({
    results,
    name: 'latest',
    scratch: SCRATCH,
    cleanup: [path.join(ROOT, `.next-bench-${SIZES.at(-1)}`), path.dirname(EMPTY_APP)],
    steps: async () => {
      await coldBuilds();
      await incremental();
      await markdownStage();
      await historyCost();
      await searchCost();
      await contentCheckCost();
      await servingAndPages();
    },
    table,
  });
}
