import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { siteConfig, standaloneConfig } from '../../scripts/nginxConfig.mjs';

/**
 * Several machines behind one load balancer, on this one machine: two `next start` instances of
 * the same build, each with its own copy of the build folder and its own clone of the content,
 * behind the multi-instance nginx configuration (deploy/nginx/broadsheet.conf.template).
 */
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const HAS_NGINX = spawnSync(NGINX, ['-v']).status === 0;
const NEXT = createRequire(import.meta.url).resolve('next/dist/bin/next');
const ROOT = process.cwd();
/** The build the test server serves (playwright.config.ts builds it before any test runs). */
const BUILD = '.next';
const ARTICLE = '/article/china-rare-earths-spy-warning';
const ARTICLE_FILE = 'content/articles/china-rare-earths-spy-warning.md';
/**
 * The load spreads over this many pages: the front page and articles. nginx refreshes each page
 * it holds about once a second; under `revalidate = 1` each refresh was a render, and some 60
 * pages kept hot saturated two instances on two shared cores (answers took 5–15 s).
 */
const PAGES = 16;
const GIT_IDENTITY = ['-c', 'user.name=Newsroom', '-c', 'user.email=newsroom@example.com', '-c', 'init.defaultBranch=main'];

/** One "machine": a `next start` process on its own build folder and its own content clone. */
type Instance = { name: string; port: number; address: string; url: string; distDir: string; contentRoot: string; process?: ChildProcess; log: string };

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
}

async function waitForAnswer(url: string, what: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${what()}`);
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
}

/** Polls `url` until its body contains `text`; resolves to the seconds that took from `since`. */
async function secondsUntilServed(url: string, text: string, since: number, limitMs: number): Promise<number> {
  while (Date.now() - since <= limitMs) {
    const body = await fetch(url).then(
      (response) => response.text(),
      () => '',
    );
    if (body.includes(text)) return (Date.now() - since) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Infinity;
}

type LoadResult = {
  requests: number;
  statuses: Map<number, number>;
  errors: Map<string, number>;
  /** The first few failures: seconds into the run, address, and what happened. */
  failures: string[];
  latenciesMs: number[];
};

/**
 * `connections` readers, each on its own keep-alive connection, requesting one address after
 * another for `durationMs`: every page in `paths`, alternately as HTML and as the client
 * router's data, and every `missEvery`-th request with a query string of its own, which no
 * cache holds, so a steady share of the load reaches the instances. A request fails if it is
 * refused, cut off, takes over `timeoutMs` or is answered with anything but a 2xx.
 */
async function runLoad(base: string, paths: readonly string[], options: { connections: number; durationMs: number; timeoutMs: number; missEvery: number }): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, statuses: new Map(), errors: new Map(), failures: [], latenciesMs: [] };
  const start = Date.now();
  const end = start + options.durationMs;
  const fail = (what: string, address: string) => {
    if (result.failures.length < 20) result.failures.push(`${((Date.now() - start) / 1000).toFixed(2)} s ${address}: ${what}`);
  };
  let counter = 0;
  const reader = async (id: number) => {
    while (Date.now() < end) {
      const n = counter++;
      const page = paths[n % paths.length] ?? '/';
      const router = Math.floor(n / paths.length) % 2 === 1;
      const query = [router ? '_rsc' : '', n % options.missEvery === 0 ? `reader=${id}-${n}` : ''].filter(Boolean).join('&');
      const started = performance.now();
      const address = `${page}${query ? `?${query}` : ''}${router ? ' (router)' : ''}`;
      try {
        const response = await fetch(`${base}${page}${query ? `?${query}` : ''}`, {
          headers: router ? { rsc: '1', 'accept-encoding': 'identity' } : { 'accept-encoding': 'identity' },
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        await response.arrayBuffer();
        result.statuses.set(response.status, (result.statuses.get(response.status) ?? 0) + 1);
        if (response.status < 200 || response.status > 299) fail(`status ${response.status}`, address);
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        const key = `${error instanceof Error ? error.name : 'Error'}${cause}`;
        result.errors.set(key, (result.errors.get(key) ?? 0) + 1);
        fail(key, address);
      }
      result.latenciesMs.push(performance.now() - started);
      result.requests++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, id) => reader(id)));
  return result;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The upstream log (see `standaloneConfig`): per request nginx passed on, in order, its status, the instances tried and the address. */
function readUpstreamLog(file: string): { status: number; tried: string[]; line: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [, status = '0'] = line.split(' ');
      return { status: Number(status), tried: line.match(/\d+\.\d+\.\d+\.\d+:\d+/g) ?? [], line };
    });
}

/**
 * Marks a moment in the upstream log with a request of its own (its query string misses the
 * cache), so the log is split by its own order rather than by clocks: nginx's and the test's
 * need not agree (under `faketime`, each process starts its own clock).
 */
function mark(proxy: string, name: string): Promise<void> {
  return fetch(`${proxy}/?failover-mark=${name}`).then((response) => void response.arrayBuffer());
}

test.describe('several instances behind nginx', () => {
  test.skip(({ isMobile }) => isMobile, 'server behaviour does not depend on the viewport: checked once');
  test.skip(!HAS_NGINX, 'nginx is not installed (scripts/ensureTestTools.sh installs it)');
  // One set of instances for the tests below, in this order, in one worker.
  test.describe.configure({ mode: 'default' });

  let folder = '';
  let nginx: ChildProcess | undefined;
  let proxy = '';
  let instances: Instance[] = [];

  test.beforeAll(async ({}, testInfo) => {
    if (testInfo.project.use.isMobile || !HAS_NGINX) return; // the tests below are skipped there
    test.setTimeout(180_000);
    const port = Number(new URL(String(testInfo.project.use.baseURL)).port) + 3;
    proxy = `http://127.0.0.1:${port}`;
    folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-instances-'));
    // Started as root, nginx's workers run as nobody and must reach the cache inside.
    chmodSync(folder, 0o755);
    if (!existsSync(path.join(ROOT, BUILD, 'BUILD_ID'))) throw new Error(`no build in ${BUILD}: playwright.config.ts builds it first`);

    // The newsroom's repository, and one clone of it per machine.
    const origin = path.join(folder, 'origin');
    mkdirSync(origin);
    cpSync(path.join(ROOT, 'content'), path.join(origin, 'content'), { recursive: true });
    cpSync(path.join(ROOT, 'public'), path.join(origin, 'public'), { recursive: true });
    git(origin, 'init', '-q');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'The site as built');

    instances = ['a', 'b'].map((name, index) => {
      const address = `127.0.0.1:${port + 1 + index}`;
      // Inside the project: BROADSHEET_DIST_DIR must be (see lib/config/env.ts); .gitignore covers it.
      const distDir = `.next-instances-${port}-${name}`;
      return { name, port: port + 1 + index, address, url: `http://${address}`, distDir, contentRoot: path.join(folder, name), log: path.join(folder, `${name}.log`) };
    });
    for (const instance of instances) {
      git(folder, 'clone', '-q', origin, instance.contentRoot);
      rmSync(path.join(ROOT, instance.distDir), { recursive: true, force: true });
      cpSync(path.join(ROOT, BUILD), path.join(ROOT, instance.distDir), { recursive: true });
      const log = openSync(instance.log, 'a');
      instance.process = spawn(process.execPath, [NEXT, 'start', '--port', String(instance.port), '--hostname', '127.0.0.1'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', BROADSHEET_DIST_DIR: instance.distDir, BROADSHEET_CONTENT_ROOT: instance.contentRoot },
        stdio: ['ignore', log, log],
      });
      closeSync(log);
    }
    for (const instance of instances) await waitForAnswer(`${instance.url}/`, () => tail(instance.log));

    writeFileSync(
      path.join(folder, 'nginx.conf'),
      standaloneConfig(
        folder,
        siteConfig({ listen: `127.0.0.1:${port}`, upstream: instances.map((instance) => instance.address), cacheDir: path.join(folder, 'cache') }),
        { upstreamLog: true },
      ),
    );
    nginx = spawn(NGINX, ['-c', path.join(folder, 'nginx.conf'), '-p', folder], { stdio: 'ignore' });
    await waitForAnswer(`${proxy}/`, () => tail(path.join(folder, 'error.log')), 10_000);
  });

  test.afterAll(async () => {
    // nginx's master stops its workers on SIGTERM; a `next start` is a single process.
    const stops = [[nginx, 'SIGTERM'] as const, ...instances.map((instance) => [instance.process, 'SIGKILL'] as const)]
      .filter(([child]) => child !== undefined && child.exitCode === null && child.signalCode === null)
      .map(([child, signal]) => {
        const exited = new Promise((resolve) => child?.once('exit', resolve));
        child?.kill(signal);
        return exited;
      });
    await Promise.all(stops);
    for (const instance of instances) rmSync(path.join(ROOT, instance.distDir), { recursive: true, force: true });
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('a change pulled onto every machine is served by each, and through nginx, within 5 s', async () => {
    test.setTimeout(60_000);
    // A pull lands on servers that have been serving readers for a while.
    await Promise.all(
      instances.map(async (instance) => {
        await fetch(`${instance.url}${ARTICLE}`);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect((await fetch(`${instance.url}${ARTICLE}`)).status).toBe(200);
      }),
    );

    // An editor's commit reaches the newsroom's repository; each machine pulls it.
    const marker = `Pulled onto every machine ${randomUUID()}`;
    const origin = path.join(folder, 'origin');
    const file = path.join(origin, ARTICLE_FILE);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${marker}.\n`);
    git(origin, 'commit', '-q', '-am', 'Add a line');
    const pulledAt = new Map<Instance, number>();
    for (const instance of instances) {
      git(instance.contentRoot, 'pull', '-q', '--ff-only');
      pulledAt.set(instance, Date.now());
    }

    const seconds = await Promise.all([
      ...instances.map((instance) => secondsUntilServed(`${instance.url}${ARTICLE}`, marker, pulledAt.get(instance) ?? 0, 5_000)),
      secondsUntilServed(`${proxy}${ARTICLE}`, marker, Math.max(...pulledAt.values()), 5_000),
    ]);
    const described = seconds.map((s) => s.toFixed(2)).join(', ');
    test.info().annotations.push({ type: 'seconds to serve the change (a, b, nginx)', description: described });
    console.log(`seconds to serve the change (a, b, nginx): ${described}`);
    expect(seconds.every((s) => s <= 5), `seconds until served by a, b, nginx: ${seconds.join(', ')}`).toBe(true);
  });

  test('an instance killed under load costs no request', async () => {
    test.setTimeout(90_000);
    const [survivor, victim] = instances;
    if (!survivor || !victim) throw new Error('the instances did not start');
    const sitemap = await (await fetch(`${survivor.url}/sitemap.xml`)).text();
    const articles = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
      .map((match) => new URL(match[1] ?? '/').pathname)
      .filter((address) => address.startsWith('/article/'));
    expect(articles.length).toBeGreaterThan(PAGES);
    const paths = ['/', ...articles.slice(0, PAGES - 1)];

    let killedAt = 0;
    let killMarked: Promise<void> = Promise.resolve();
    const loadStart = Date.now() / 1000;
    await mark(proxy, 'start');
    const kill = setTimeout(() => {
      killedAt = Date.now() / 1000;
      victim.process?.kill('SIGKILL');
      killMarked = mark(proxy, 'kill');
    }, 15_000);
    const load = await runLoad(proxy, paths, { connections: 64, durationMs: 30_000, timeoutMs: 5_000, missEvery: 10 });
    clearTimeout(kill);
    await killMarked;

    const sorted = [...load.latenciesMs].sort((x, y) => x - y);
    const upstream = readUpstreamLog(path.join(folder, 'upstream.log'));
    const started = upstream.findIndex((entry) => entry.line.includes('failover-mark=start'));
    const killed = upstream.findIndex((entry) => entry.line.includes('failover-mark=kill'));
    expect(started, 'the start of the load is marked in the upstream log').toBeGreaterThanOrEqual(0);
    expect(killed, 'the kill is marked in the upstream log').toBeGreaterThan(started);
    const before = upstream.slice(started + 1, killed);
    // A few requests after the mark: a response the victim sent just before the kill can be logged just after it.
    const after = upstream.slice(killed + 1).slice(20);
    const servedBy = (lines: typeof upstream, instance: Instance) => lines.filter((line) => line.tried.at(-1) === instance.address).length;
    const passedOn = upstream.slice(started + 1).filter((line) => line.tried.length > 1 && line.tried[0] === victim.address);
    const summary = {
      requests: load.requests,
      perSecond: Math.round(load.requests / 30),
      p50Ms: Number(percentile(sorted, 50).toFixed(1)),
      p99Ms: Number(percentile(sorted, 99).toFixed(1)),
      statuses: Object.fromEntries(load.statuses),
      errors: Object.fromEntries(load.errors),
      firstFailures: load.failures,
      killedAfter: killedAt > 0 ? Number((killedAt - loadStart).toFixed(2)) : undefined,
      upstreamRequests: upstream.length,
      beforeKill: { [survivor.name]: servedBy(before, survivor), [victim.name]: servedBy(before, victim) },
      afterKill: { [survivor.name]: servedBy(after, survivor), [victim.name]: servedBy(after, victim) },
      passedOnFromKilled: passedOn.length,
    };
    test.info().annotations.push({ type: 'failover run', description: JSON.stringify(summary) });
    console.log(`failover run: ${JSON.stringify(summary)}`);

    expect(killedAt, 'the instance was killed during the load').toBeGreaterThan(0);
    expect(victim.process?.signalCode).toBe('SIGKILL');
    expect(load.requests).toBeGreaterThan(10_000);
    // Not one request failed: no refusal, cut-off or timeout, nothing but 2xx.
    expect(summary.errors).toEqual({});
    expect(Object.keys(summary.statuses).every((status) => Number(status) >= 200 && Number(status) < 300), JSON.stringify(summary.statuses)).toBe(true);
    // The load reached both instances before the kill, and the survivor after it, and requests
    // nginx sent to the killed instance were passed on to the survivor.
    expect(summary.beforeKill[victim.name]).toBeGreaterThan(100);
    expect(summary.beforeKill[survivor.name]).toBeGreaterThan(100);
    expect(summary.afterKill[survivor.name]).toBeGreaterThan(100);
    expect(summary.afterKill[victim.name]).toBe(0);
    expect(passedOn.length).toBeGreaterThan(0);
    expect(passedOn.every((line) => line.status >= 200 && line.status < 300)).toBe(true);
  });
});
