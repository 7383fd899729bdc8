#!/usr/bin/env node
/**
 * `/search` under load on its own: the step of `npm run bench` that measures it (section 2),
 * without the rest of the benchmark. Generates a corpus of BENCH_SEARCH_LOAD_SIZE articles
 * (default 10,000), builds it, serves it with `next start` behind the production nginx, asks
 * one search to build the index, then runs wrk with random queries (bench/searchQueries.lua):
 * 64 connections for BENCH_WRK_DURATION (default 30 s), twice. Prints requests/s, latency and
 * errors, and the server's memory before, between and after the two rounds, as JSON.
 *
 *   node bench/searchLoad.mjs
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteConfig, standaloneConfig } from '../scripts/nginxConfig.mjs';
import { generateCorpus } from './generateCorpus.mjs';
import { measure } from './processTree.mjs';
import { serverRssMb, WRK_DURATION, wrk } from './harness.mjs';
import { ROOT, startNextServer, startNginx, waitForServer } from './server.mjs';

const SIZE = Number(process.env.BENCH_SEARCH_LOAD_SIZE ?? 10_000);
const SCRATCH = path.join(tmpdir(), 'broadsheet-bench-search-load');
const DIST_DIR = '.next-bench-search-load';
const [NEXT_PORT, PROXY_PORT] = [3270, 3271];

rmSync(SCRATCH, { recursive: true, force: true });
mkdirSync(SCRATCH, { recursive: true });
const stops = [];
try {
  const corpus = path.join(SCRATCH, 'corpus');
  generateCorpus(SIZE, corpus);
  const env = { BROADSHEET_CONTENT_ROOT: corpus, BROADSHEET_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };
  const build = await measure('npm', ['run', 'build'], { cwd: ROOT, env });
  if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  const next = startNextServer(NEXT_PORT, env);
  stops.push(next.stop);
  await waitForServer(`http://127.0.0.1:${NEXT_PORT}/`, 120_000);
  const folder = path.join(SCRATCH, 'nginx');
  const server = siteConfig({ listen: `127.0.0.1:${PROXY_PORT}`, upstream: `127.0.0.1:${NEXT_PORT}`, cacheDir: path.join(folder, 'cache') });
  const nginx = startNginx(folder, standaloneConfig(folder, server));
  stops.push(nginx.stop);
  const base = `http://127.0.0.1:${PROXY_PORT}`;
  await waitForServer(`${base}/`);
  await (await fetch(`${base}/search?q=trade`)).text(); // builds the index
  // Two rounds: memory that grows in the first (the heap settling under load) and not in the
  // second is flat; memory that grows in both is a leak.
  const rssBeforeMb = serverRssMb(next.pid);
  const load = wrk(`${base}/search`, WRK_DURATION, { script: path.join(ROOT, 'bench/searchQueries.lua') });
  const rssAfterFirstMb = serverRssMb(next.pid);
  const again = wrk(`${base}/search`, WRK_DURATION, { script: path.join(ROOT, 'bench/searchQueries.lua') });
  console.log(
    JSON.stringify({
      articles: SIZE,
      ...load,
      secondRound: { requestsPerSecond: again.requestsPerSecond, p99Ms: again.p99Ms, errors: again.socketErrors + again.non2xx },
      serverRssMb: [rssBeforeMb, rssAfterFirstMb, serverRssMb(next.pid)],
    }),
  );
} finally {
  for (const stop of stops.reverse()) {
    try {
      stop();
    } catch {
      // already gone
    }
  }
  rmSync(SCRATCH, { recursive: true, force: true });
  rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
}
