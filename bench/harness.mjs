/**
 * What the default run (bench/run.mjs) and the archive run (bench/archive.mjs) of `npm run bench`
 * share: the run's log, results files and clean-up, the machine line, the cold build against
 * Hugo, publish latency in a running server, wrk, keep-alive requests, and the memory of a
 * server's processes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseWrk } from './load.mjs';
import { measure, treeRssKb } from './processTree.mjs';
import { NGINX, ROOT } from './server.mjs';

export const RESULTS = path.join(ROOT, 'bench/results');
export const WRK_DURATION = process.env.BENCH_WRK_DURATION ?? '30s';
export const CONNECTIONS = 64;

const startedMs = Date.now();
export const log = (message) => console.log(`[bench ${((Date.now() - startedMs) / 1000).toFixed(0).padStart(4)} s] ${message}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const yes = (ok) => (ok ? 'met' : '**missed**');
/** Everything a run started, stopped at the end whatever happens. */
export const stops = [];

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

/** A run's results object, to fill in: when it started and on what. */
export function newResults() {
  return { startedAt: new Date().toISOString(), machine: machine() };
}

/** The line under each results file's heading. */
export function machineLine(r) {
  return `Run ${r.startedAt} on ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}; ${r.machine.hugo}; ${r.machine.nginx}. Every ratio compares two figures from this same run. Total time ${r.totalMinutes} min.`;
}

/**
 * Runs a benchmark: a fresh scratch folder, `steps()` filling in `results`, then
 * bench/results/<name>.json and <name>.md (from `table()`), printed too. Whatever happens, stops
 * every server, removes the scratch folder and `cleanup` paths, and puts back tsconfig.json and
 * next-env.d.ts (Next adds each build folder it sees to the first and points the second at it).
 */
export async function runBench({ results, name, scratch, cleanup = [], steps, table }) {
  const projectFiles = ['tsconfig.json', 'next-env.d.ts'].map((file) => {
    const full = path.join(ROOT, file);
    try {
      return { file: full, text: readFileSync(full, 'utf8') };
    } catch {
      return { file: full, text: undefined };
    }
  });
  try {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    await steps();
    results.totalMinutes = +((Date.now() - startedMs) / 60_000).toFixed(1);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const text = table();
    writeFileSync(path.join(RESULTS, `${name}.md`), `${text}\n`);
    console.log(`\n${text}`);
  } finally {
    for (const stop of stops) {
      try {
        stop();
      } catch {
        // already stopped
      }
    }
    for (const folder of [...cleanup, scratch]) rmSync(folder, { recursive: true, force: true });
    for (const { file, text } of projectFiles) if (text !== undefined) writeFileSync(file, text);
  }
}

export function countFiles(folder, suffix) {
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

/**
 * Cold build of a generated corpus: `npm run build` into `distDir` (under the project, left
 * there for a server), then Hugo with the minimal theme in bench/hugo on a copy of the same
 * Markdown (unless `hugo` is false); wall time and peak memory of every process of each.
 */
export async function coldBuild({ size, corpus, distDir, scratch, hugo = true, hugoTimeoutMs }) {
  const hugoContent = path.join(scratch, `hugo-content-${size}`);
  if (hugo) hugoCopy(corpus, hugoContent);
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });

  log(`cold build, ${size} articles: npm run build`);
  const ours = await measure('npm', ['run', 'build'], {
    cwd: ROOT,
    env: { BROADSHEET_CONTENT_ROOT: corpus, BROADSHEET_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (ours.code !== 0) throw new Error(`npm run build failed on ${size} articles:\n${ours.output.slice(-4000)}`);
  const row = {
    articles: size,
    broadsheet: {
      seconds: +ours.seconds.toFixed(1),
      peakMb: ours.peakMb,
      largestProcessMb: ours.largestProcessMb,
      htmlPages: countFiles(path.join(ROOT, distDir, 'server/app'), '.html'),
      phases: buildPhases(ours.output),
    },
  };
  if (!hugo) return row;

  log(`cold build, ${size} articles: hugo`);
  const hugoOut = path.join(scratch, `hugo-public-${size}`);
  const theirs = await measure('hugo', ['--source', path.join(ROOT, 'bench/hugo'), '--contentDir', hugoContent, '--destination', hugoOut, '--quiet'], { cwd: ROOT, timeoutMs: hugoTimeoutMs });
  if (theirs.timedOut) {
    // Hugo still building: it took longer than this, which is all the comparison needs.
    row.hugo = { seconds: null, didNotFinishWithinSeconds: Math.round(theirs.seconds), peakMb: theirs.peakMb };
    rmSync(hugoOut, { recursive: true, force: true });
    rmSync(hugoContent, { recursive: true, force: true });
    return row;
  }
  if (theirs.code !== 0) throw new Error(`hugo failed on ${size} articles:\n${theirs.output.slice(-4000)}`);
  row.hugo = { seconds: +theirs.seconds.toFixed(1), peakMb: theirs.peakMb, htmlPages: countFiles(hugoOut, '.html') };
  row.timeRatio = +(ours.seconds / theirs.seconds).toFixed(2);
  rmSync(hugoOut, { recursive: true, force: true });
  rmSync(hugoContent, { recursive: true, force: true });
  return row;
}

/** Resident memory of a server: the sum over its process and every descendant, in MB. */
export function serverRssMb(pid) {
  return Math.round(treeRssKb(pid).total / 1024);
}

/** fetch, tried again once: a keep-alive connection can be closed by the server just as it is reused. */
export async function fetchAgain(url, init = undefined) {
  try {
    return await fetch(url, init);
  } catch {
    await sleep(200);
    return fetch(url, init);
  }
}

/** Seconds from `started` until `url` answers 200, asking every `pollMs`; undefined after `timeoutMs`. */
export async function secondsUntil(url, { started = performance.now(), pollMs = 100, timeoutMs = 60_000, test = () => true } = {}) {
  while (performance.now() - started < timeoutMs) {
    const response = await fetch(url).catch(() => undefined);
    if (response && test(response.status, await response.text())) return +((performance.now() - started) / 1000).toFixed(2);
    await sleep(pollMs);
  }
  return undefined;
}

/**
 * Publish latency in a running server on `corpus` (at `base`): readers have been reading the
 * article to edit, the address of the one to add (a cached 404) and /latest; then the edited
 * file's title and text change and a new article is written beside it, and each is timed until
 * it is served (and the new one listed on /latest), asking every `pollMs`. Both files are put
 * back as they were afterwards.
 */
export async function publishLatency({ corpus, base, edited, added = 'bench-breaking-story', pollMs = 50 }) {
  for (let round = 0; round < 3; round++) {
    for (const address of [`/article/${edited}`, `/article/${added}`, '/latest']) {
      await fetchAgain(`${base}${address}`).then((response) => response.arrayBuffer());
    }
    await sleep(400);
  }

  const token = `t${Date.now().toString(36)}`;
  const editedFile = path.join(corpus, 'content/articles', `${edited}.md`);
  const addedFile = path.join(corpus, 'content/articles', `${added}.md`);
  const original = readFileSync(editedFile, 'utf8');
  const changedText = original
    .replace(/^title: .*$/m, `title: "Edited headline ${token}"`)
    .replace(/\n$/, `\n\nEdited paragraph ${token}.\n`);
  const addedText = original
    .replace(/^title: .*$/m, `title: "Breaking story ${token}"`)
    .replace(/^publishedAt: .*$/m, `publishedAt: "${new Date(Date.now() - 60_000).toISOString().slice(0, 19)}Z"`);

  try {
    const started = performance.now();
    writeFileSync(editedFile, changedText);
    writeFileSync(addedFile, addedText);
    const shows = (...texts) => (status, html) => status === 200 && texts.every((text) => html.includes(text));
    const [editedSeconds, addedSeconds, latestSeconds, searchSeconds] = await Promise.all([
      secondsUntil(`${base}/article/${edited}`, { started, pollMs, test: shows(`Edited headline ${token}`, `Edited paragraph ${token}`) }),
      secondsUntil(`${base}/article/${added}`, { started, pollMs, test: shows(`Breaking story ${token}`) }),
      secondsUntil(`${base}/latest`, { started, pollMs, test: shows(`Breaking story ${token}`) }),
      secondsUntil(`${base}/search?q=${token}`, { started, pollMs, test: shows(`/article/${added}`) }),
    ]);
    return {
      editedArticleLiveSeconds: editedSeconds,
      newArticleLiveSeconds: addedSeconds,
      newArticleOnLatestSeconds: latestSeconds,
      newArticleInSearchSeconds: searchSeconds,
    };
  } finally {
    writeFileSync(editedFile, original);
    rmSync(addedFile, { force: true });
  }
}

/**
 * wrk with --latency and a 10 s timeout, after a 5 s warm-up at the same load (see
 * bench/load.mjs): requests/s, p50/p99/max, socket errors by kind and non-2xx answers.
 */
export function wrk(url, duration = WRK_DURATION, { script } = {}) {
  const scripted = script ? ['-s', script] : [];
  spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, '-d5s', ...scripted, url], { encoding: 'utf8' }); // warm-up
  const run = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${duration}`, '--timeout', '10s', '--latency', ...scripted, url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  return parseWrk(run.stdout);
}

/** The value at `fraction` (0.5 for the median) of numbers sorted in ascending order, rounded to 0.1. */
export function percentile(sorted, fraction) {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
  return value === undefined ? undefined : +value.toFixed(1);
}

/**
 * GET over a keep-alive agent: resolves to { status, ms, cache } once the whole body is in,
 * where ms is from sending to the last byte and cache is Next's x-nextjs-cache header.
 */
export function timedGet(agent, url, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
      response.on('data', () => {});
      response.on('end', () =>
        resolve({ status: response.statusCode, ms: performance.now() - started, cache: response.headers['x-nextjs-cache'] }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on('error', reject);
  });
}
