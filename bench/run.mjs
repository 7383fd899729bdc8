#!/usr/bin/env node
/**
 * `npm run bench` (after bench/ensureTools.sh): every benchmark of the performance brief in one
 * run, each comparison measured side by side in this run. Writes bench/results/latest.md (the
 * table) and bench/results/latest.json (every number), and prints the table.
 *
 *   1. Cold build of 1,000 and 10,000 generated articles: `npm run build` against Hugo with a
 *      minimal theme (bench/hugo) rendering the same elements; wall time and peak memory.
 *   2. Incremental: in the 10,000-article site served as the README deploys it (nginx in front
 *      of `next start`), edit one article and add one; time until both are served.
 *   3. Markdown stage: MB/s over the 10,000-article corpus, slowest 1% against the median.
 *   4. Serving: wrk, 64 connections, 30 s, on the article page: the production setup against
 *      nginx serving the same HTML as a static file (and `next start` alone, for reference).
 *   5. Page weight and Lighthouse: JavaScript and HTML (gzip) of the article against an empty
 *      Next app-router page built with the same Next; Lighthouse for the front page and the
 *      long read.
 *
 * Scratch files go to <tmp>/broadsheet-bench (the empty app to bench/scratch/, ignored by git);
 * both are removed at the end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { siteConfig, standaloneConfig } from '../scripts/nginxConfig.mjs';
import { generateCorpus } from './generateCorpus.mjs';
import { lighthouseRows } from './lighthouse.mjs';
import { parseWrk } from './load.mjs';
import { summarizeMarkdownStage } from './markdownSummary.mjs';
import { measure } from './processTree.mjs';
import { NGINX, ROOT, startNextServer, startNginx, waitForServer } from './server.mjs';

// Outside the project: Next's build traces files under the project root, and 10,000
// generated articles there made its compile step trace (and hold) them all.
const SCRATCH = path.join(tmpdir(), 'broadsheet-bench');
// The empty app for the floor must sit inside the project, where its node_modules link
// resolves; it exists only after the site's own builds.
const EMPTY_APP = path.join(ROOT, 'bench/scratch/empty-app');
const RESULTS = path.join(ROOT, 'bench/results');
// The environment can shrink a run, to try the benchmark itself quickly; results quote full runs.
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const ARTICLE = '/article/china-rare-earths-spy-warning';
const LONG_READ = '/article/rare-earths-supply-chain-explained';
const WRK_DURATION = process.env.BENCH_WRK_DURATION ?? '30s';
const CONNECTIONS = 64;
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

const results = { startedAt: new Date().toISOString(), machine: machine() };
const startedMs = Date.now();
const log = (message) => console.log(`[bench ${((Date.now() - startedMs) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const stops = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  const memKb = Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s*(\d+)/)?.[1] ?? 0);
  const version = (command, args) => spawnSync(command, args, { encoding: 'utf8' }).stdout?.split('\n')[0]?.trim();
  return {
    cpu,
    cores: readdirSync('/sys/devices/system/cpu').filter((name) => /^cpu\d+$/.test(name)).length,
    memoryGb: Math.round(memKb / 1024 / 1024),
    node: process.version,
    hugo: version('hugo', ['version']),
    nginx: spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim(),
    wrk: version('wrk', ['--version']) || spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stderr?.split('\n')[0],
  };
}

function countFiles(folder, suffix) {
  let count = 0;
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) if (entry.endsWith(suffix)) count++;
  return count;
}

/** Hugo reserves `summary` for a string; its copy of the corpus calls the bullet list `points`. */
function hugoCopy(corpus, target) {
  cpSync(path.join(corpus, 'content'), target, { recursive: true });
  const articles = path.join(target, 'articles');
  for (const name of readdirSync(articles)) {
    const file = path.join(articles, name);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary:/m, 'points:'));
  }
}

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
    const hugoContent = path.join(SCRATCH, `hugo-content-${size}`);
    hugoCopy(corpus, hugoContent);
    const distDir = `.next-bench-${size}`;
    rmSync(path.join(ROOT, distDir), { recursive: true, force: true });

    log(`cold build, ${size} articles: npm run build`);
    const ours = await measure('npm', ['run', 'build'], {
      cwd: ROOT,
      env: { BROADSHEET_CONTENT_ROOT: corpus, BROADSHEET_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (ours.code !== 0) throw new Error(`npm run build failed on ${size} articles:\n${ours.output.slice(-4000)}`);
    const phases = buildPhases(ours.output);

    log(`cold build, ${size} articles: hugo`);
    const hugoOut = path.join(SCRATCH, `hugo-public-${size}`);
    const hugo = await measure('hugo', ['--source', path.join(ROOT, 'bench/hugo'), '--contentDir', hugoContent, '--destination', hugoOut, '--quiet'], { cwd: ROOT });
    if (hugo.code !== 0) throw new Error(`hugo failed on ${size} articles:\n${hugo.output.slice(-4000)}`);

    results.coldBuild.push({
      articles: size,
      broadsheet: {
        seconds: +ours.seconds.toFixed(1),
        peakMb: ours.peakMb,
        largestProcessMb: ours.largestProcessMb,
        htmlPages: countFiles(path.join(ROOT, distDir, 'server/app'), '.html'),
        phases,
      },
      hugo: { seconds: +hugo.seconds.toFixed(1), peakMb: hugo.peakMb, htmlPages: countFiles(hugoOut, '.html') },
      timeRatio: +(ours.seconds / hugo.seconds).toFixed(2),
    });
    rmSync(hugoOut, { recursive: true, force: true });
    rmSync(hugoContent, { recursive: true, force: true });
    if (size !== SIZES.at(-1)) rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
    log(`cold build, ${size} articles: ${JSON.stringify(results.coldBuild.at(-1))}`);
  }
}

/** Next's own timings from its build log, to show where a build's time goes. */
function buildPhases(output) {
  const seconds = (pattern) => {
    const match = pattern.exec(output);
    if (!match) return undefined;
    const value = Number(match[1]);
    return match[2] === 'min' ? value * 60 : match[2] === 'ms' ? value / 1000 : value;
  };
  return {
    compileSeconds: seconds(/Compiled successfully in ([\d.]+)(s|ms|min)/),
    staticGenerationSeconds: seconds(/Generating static pages using \d+ workers? \(\d+\/\d+\) in ([\d.]+)(s|ms|min)/),
  };
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
  const added = 'bench-breaking-story';
  await waitForServer(`${base}/article/${edited}`, 120_000);
  // Settled, as a deploy is after its first minute: Next has regenerated a page once, so the
  // server has loaded the content (from the renderings its build left).
  const loadStarted = performance.now();
  let sawStale = false;
  let firstRegenerationSeconds;
  while (performance.now() - loadStarted < 180_000) {
    const response = await fetch(`http://127.0.0.1:${nextPort}/article/${edited}`).catch(() => undefined);
    await response?.arrayBuffer();
    const state = response?.headers.get('x-nextjs-cache');
    if (state === 'STALE') sawStale = true;
    if (sawStale && state === 'HIT') {
      firstRegenerationSeconds = +((performance.now() - loadStarted) / 1000).toFixed(2);
      break;
    }
    await sleep(300);
  }
  const startupRssMb = rssMb(next.pid);
  // Readers have been reading both addresses: the old story is cached, the new one a cached 404.
  for (let round = 0; round < 3; round++) {
    for (const address of [`/article/${edited}`, `/article/${added}`, '/latest']) {
      await fetchAgain(`${base}${address}`).then((response) => response.arrayBuffer());
    }
    await sleep(400);
  }

  const token = `t${Date.now().toString(36)}`;
  const editedFile = path.join(corpus, 'content/articles', `${edited}.md`);
  const original = readFileSync(editedFile, 'utf8');
  const changedText = original
    .replace(/^title: .*$/m, `title: "Edited headline ${token}"`)
    .replace(/\n$/, `\n\nEdited paragraph ${token}.\n`);
  const addedText = original
    .replace(/^title: .*$/m, `title: "Breaking story ${token}"`)
    .replace(/^publishedAt: .*$/m, `publishedAt: "${new Date(Date.now() - 60_000).toISOString().slice(0, 19)}Z"`);

  const started = performance.now();
  writeFileSync(editedFile, changedText);
  writeFileSync(path.join(corpus, 'content/articles', `${added}.md`), addedText);
  const waitFor = async (url, test) => {
    while (performance.now() - started < 60_000) {
      const response = await fetch(url).catch(() => undefined);
      if (response && test(response.status, await response.text())) return +((performance.now() - started) / 1000).toFixed(2);
      await sleep(50);
    }
    return undefined;
  };
  const [editedSeconds, addedSeconds, latestSeconds] = await Promise.all([
    waitFor(`${base}/article/${edited}`, (status, html) => status === 200 && html.includes(`Edited headline ${token}`) && html.includes(`Edited paragraph ${token}`)),
    waitFor(`${base}/article/${added}`, (status, html) => status === 200 && html.includes(`Breaking story ${token}`)),
    waitFor(`${base}/latest`, (status, html) => status === 200 && html.includes(`Breaking story ${token}`)),
  ]);
  results.incremental = {
    articles: size,
    firstRegenerationAfterStartSeconds: firstRegenerationSeconds,
    editedArticleLiveSeconds: editedSeconds,
    newArticleLiveSeconds: addedSeconds,
    newArticleOnLatestSeconds: latestSeconds,
    serverRssAfterStartMb: startupRssMb,
    serverRssAfterChangeMb: rssMb(next.pid),
  };
  writeFileSync(editedFile, original);
  rmSync(path.join(corpus, 'content/articles', `${added}.md`), { force: true });
  nginx.stop();
  next.stop();
  log(`incremental: ${JSON.stringify(results.incremental)}`);
}

/** Resident memory of a process and its children, in MB. */
function rssMb(pid) {
  const out = spawnSync('ps', ['-o', 'rss=', '--ppid', String(pid), '-p', String(pid)], { encoding: 'utf8' }).stdout;
  return Math.round(out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024);
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

function wrk(url, duration = WRK_DURATION) {
  spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, '-d5s', url], { encoding: 'utf8' }); // warm-up
  const run = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${duration}`, '--timeout', '10s', '--latency', url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  return parseWrk(run.stdout);
}

/** fetch, tried again once: a keep-alive connection can be closed by the server just as it is reused. */
async function fetchAgain(url) {
  try {
    return await fetch(url);
  } catch {
    await sleep(200);
    return fetch(url);
  }
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
  return {
    scripts: scripts.length,
    jsGzipKb: +(jsGzip / 1024).toFixed(1),
    jsRawKb: +(jsRaw / 1024).toFixed(1),
    htmlGzipKb: +(gzipSync(Buffer.from(html), { level: 9 }).length / 1024).toFixed(1),
    htmlRawKb: +(Buffer.byteLength(html) / 1024).toFixed(1),
  };
}

/** An empty app-router page, built with the same Next, React and bundler: the floor. */
async function emptyAppFloor() {
  const app = EMPTY_APP;
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
  const [lighthouse] = lighthouseRows(`http://127.0.0.1:${port}`, [['Empty Next page (floor, 1 run)', '/']], 1);
  stop();
  return { weight, lighthouse };
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
  // For reference only, and shorter, to keep the whole benchmark within its 20 minutes.
  log('serving: wrk against next start alone (10 s)');
  const nextAlone = wrk(`http://127.0.0.1:${nextPort}${ARTICLE}`, '10s');
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
  results.pageWeight.jsOverFloorKb = +(results.pageWeight.article.jsGzipKb - results.floor.weight.jsGzipKb).toFixed(1);
}

const yes = (ok) => (ok ? 'met' : '**missed**');

function table() {
  const r = results;
  const lines = [];
  const ten = r.coldBuild.at(-1);
  lines.push(`# Benchmark results`, '');
  lines.push(
    `Run ${r.startedAt} on ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}; ${r.machine.hugo}; ${r.machine.nginx}. Every ratio compares two figures from this same run. Total time ${r.totalMinutes} min.`,
    '',
  );
  lines.push('## Targets', '', '| target | result | |', '|---|---|---|');
  lines.push(`| 10,000-article cold build within 10× Hugo (stretch 5×) | ${ten.timeRatio}× | ${yes(ten.timeRatio <= 10)}${ten.timeRatio <= 5 ? ' (stretch met)' : ''} |`);
  lines.push(`| peak build memory under 2 GB at 10,000 articles | ${ten.broadsheet.peakMb} MB (all processes together) | ${yes(ten.broadsheet.peakMb < 2048)} |`);
  const inc = r.incremental;
  const incWorst = Math.max(inc.editedArticleLiveSeconds ?? Infinity, inc.newArticleLiveSeconds ?? Infinity);
  lines.push(`| changed and new article live within 5 s, no rebuild | edited ${inc.editedArticleLiveSeconds ?? 'never'} s, new ${inc.newArticleLiveSeconds ?? 'never'} s | ${yes(incWorst <= 5)} |`);
  const h = r.history;
  lines.push(`| revision history adds ≤ 10% to the ${h.articles.toLocaleString('en')}-article cold build (${h.commits.toLocaleString('en')} commits) | ${h.buildSeconds} s of ${h.coldBuildSeconds} s: ${(h.buildShare * 100).toFixed(1)}%; a history page p50 ${h.historyPageMs.p50} ms, p95 ${h.historyPageMs.p95} ms | ${yes(h.buildShare <= 0.1)} |`);
  const s = r.serving;
  lines.push(`| serving ≥ 50% of nginx static throughput | ${Math.round(s.throughputRatio * 100)}% | ${yes(s.throughputRatio >= 0.5)} |`);
  lines.push(`| serving p99 within 2× nginx's | ${s.p99Ratio}× | ${yes(s.p99Ratio <= 2)} |`);
  const w = r.pageWeight;
  lines.push(`| article JS ≤ floor + 10 KB gzip | ${w.article.jsGzipKb} KB = floor ${r.floor.weight.jsGzipKb} KB + ${w.jsOverFloorKb} KB | ${yes(w.jsOverFloorKb <= 10)} |`);
  lines.push(`| article HTML ≤ 40 KB gzip | ${w.article.htmlGzipKb} KB (long read ${w.longRead.htmlGzipKb} KB) | ${yes(w.article.htmlGzipKb <= 40 && w.longRead.htmlGzipKb <= 40)} |`);
  for (const row of r.lighthouse) {
    lines.push(
      `| Lighthouse ${row.name}: performance ≥ 95, a11y/BP/SEO 100 | ${row.performance} / ${row.accessibility} / ${row.bestPractices} / ${row.seo} | ${yes(row.performance >= 95 && row.accessibility === 100 && row.bestPractices === 100 && row.seo === 100)} |`,
    );
    lines.push(
      `| Lighthouse ${row.name}: LCP ≤ 2.5 s, TBT ≤ 150 ms, CLS ≤ 0.002 | ${row.lcpMs} ms / ${row.tbtMs} ms / ${row.cls.toFixed(3)} | ${yes(row.lcpMs <= 2500 && row.tbtMs <= 150 && row.cls <= 0.002)} |`,
    );
  }
  lines.push('', '## 1. Cold build', '', '| articles | Broadsheet `npm run build` | peak memory (largest process) | HTML pages | Hugo | Hugo peak memory | Hugo HTML pages | time ratio |', '|---|---|---|---|---|---|---|---|');
  for (const row of r.coldBuild) {
    lines.push(
      `| ${row.articles} | ${row.broadsheet.seconds} s (compile ${row.broadsheet.phases.compileSeconds ?? '?'} s, page generation ${row.broadsheet.phases.staticGenerationSeconds ?? '?'} s) | ${row.broadsheet.peakMb} MB (${row.broadsheet.largestProcessMb} MB) | ${row.broadsheet.htmlPages} | ${row.hugo.seconds} s | ${row.hugo.peakMb} MB | ${row.hugo.htmlPages} | ${row.timeRatio}× |`,
    );
  }
  lines.push('', '## 2. Incremental (10,000 articles, nginx in front of `next start`)', '');
  lines.push(`| server's first regeneration after start | edited article served | new article served | new article on /latest | server memory before / after |`, '|---|---|---|---|---|');
  lines.push(`| ${inc.firstRegenerationAfterStartSeconds ?? 'not within 180'} s | ${inc.editedArticleLiveSeconds ?? 'not within 60'} s | ${inc.newArticleLiveSeconds ?? 'not within 60'} s | ${inc.newArticleOnLatestSeconds ?? 'not within 60'} s | ${inc.serverRssAfterStartMb} MB / ${inc.serverRssAfterChangeMb} MB |`);
  const m = r.markdownStage;
  lines.push('', '## 3. Markdown stage (10,000 articles)', '', '| files | MB | processes | MB/s (all cores) | MB/s per core | median | p99 | slowest 1% mean | slowest 1% / median |', '|---|---|---|---|---|---|---|---|---|');
  lines.push(`| ${m.files} | ${m.megabytes} | ${m.processes} | ${m.megabytesPerSecond} | ${m.megabytesPerSecondPerCore} | ${m.medianMs} ms | ${m.p99Ms} ms | ${m.slowestOnePercentMeanMs} ms | ${m.slowestToMedian}× |`);
  lines.push('', `## 4. Serving \`${s.page}\` (wrk, ${s.connections} connections, ${s.duration}, loopback)`, '', '| server | requests/s | p50 | p99 | errors |', '|---|---|---|---|---|');
  for (const [name, row] of [
    ['nginx, static HTML file', s.nginxStatic],
    ['production setup: nginx cache in front of `next start`', s.production],
    ['`next start` alone (reference, 10 s)', s.nextAlone],
  ]) {
    lines.push(`| ${name} | ${row.requestsPerSecond?.toFixed(0)} | ${row.p50Ms?.toFixed(2)} ms | ${row.p99Ms?.toFixed(2)} ms | ${row.non2xx + row.socketErrors} |`);
  }
  lines.push('', '## 5. Page weight and Lighthouse', '', '| page | scripts | JS gzip | HTML gzip | HTML raw |', '|---|---|---|---|---|');
  lines.push(`| article \`${ARTICLE}\` | ${w.article.scripts} | ${w.article.jsGzipKb} KB | ${w.article.htmlGzipKb} KB | ${w.article.htmlRawKb} KB |`);
  lines.push(`| long read \`${LONG_READ}\` | ${w.longRead.scripts} | ${w.longRead.jsGzipKb} KB | ${w.longRead.htmlGzipKb} KB | ${w.longRead.htmlRawKb} KB |`);
  lines.push(`| empty Next app-router page (floor) | ${r.floor.weight.scripts} | ${r.floor.weight.jsGzipKb} KB | ${r.floor.weight.htmlGzipKb} KB | ${r.floor.weight.htmlRawKb} KB |`);
  lines.push('', 'Lighthouse 12.2.3, mobile preset (simulated 4× CPU slowdown and slow 4G), Debian Chromium, median of 3 runs.', '');
  lines.push('| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | JS boot-up | main-thread work |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const row of [...r.lighthouse, r.floor.lighthouse]) {
    lines.push(`| ${row.name} | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} | ${row.lcpMs} ms | ${row.tbtMs} ms | ${row.cls.toFixed(4)} | ${row.bootupMs} ms | ${row.mainThreadMs} ms |`);
  }
  return lines.join('\n');
}

// Next adds each build folder it sees to tsconfig.json and points next-env.d.ts at it: the
// benchmark's scratch builds must leave both as they were.
const projectFiles = ['tsconfig.json', 'next-env.d.ts'].map((name) => {
  const file = path.join(ROOT, name);
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch {
    return { file, text: undefined };
  }
});

try {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  await coldBuilds();
  await incremental();
  await markdownStage();
  await historyCost();
  await servingAndPages();
  results.totalMinutes = +((Date.now() - startedMs) / 60_000).toFixed(1);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const text = table();
  writeFileSync(path.join(RESULTS, 'latest.md'), `${text}\n`);
  console.log(`\n${text}`);
} finally {
  for (const stop of stops) {
    try {
      stop();
    } catch {
      // already stopped
    }
  }
  rmSync(path.join(ROOT, `.next-bench-${SIZES.at(-1)}`), { recursive: true, force: true });
  rmSync(SCRATCH, { recursive: true, force: true });
  rmSync(path.dirname(EMPTY_APP), { recursive: true, force: true });
  for (const { file, text } of projectFiles) if (text !== undefined) writeFileSync(file, text);
}
