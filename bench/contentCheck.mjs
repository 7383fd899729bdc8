#!/usr/bin/env node
/**
 * How long `npm run content:check` takes, as an editor and CI see it: the wall time of the
 * check's process (tsx running scripts/checkContent.ts, as `npm run content:check` starts it,
 * without npm's own start-up), the median of three runs each of
 *
 *   - file mode: one article named, in a generated 10,000-article site (the target is 1 s);
 *   - the whole-site check of a generated 1,000-article site (the target is 3 s).
 *
 * The corpora are generated into the system's temporary folder and removed at the end.
 * Prints `{ "oneFileMs": ..., "wholeSite1000Ms": ... }`, the medians of CPU time (user + system)
 * beside them when GNU time is installed (`oneFileCpuMs`, `wholeSite1000CpuMs`: steadier than wall
 * time on a busy machine), and every run.
 *
 *   node bench/contentCheck.mjs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from './generateCorpus.mjs';
import { ROOT } from './server.mjs';

const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const SCRIPT = path.join(ROOT, 'scripts', 'checkContent.ts');
const RUNS = 3;

/** GNU time, when installed, to note the check's CPU time too: wall time swings with the machine's load. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Wall time (and CPU time, user + system, when GNU time is there) of one check of `site`, in
 * milliseconds; fails loudly if the check does not pass.
 */
function timeCheck(site, args, scratch) {
  const env = { ...process.env, BROADSHEET_CONTENT_ROOT: site };
  delete env.BROADSHEET_RENDER_CACHE; // an editor's check: no build's caches
  const check = [process.execPath, TSX, '--conditions=react-server', SCRIPT, ...args];
  const timeFile = path.join(scratch, 'time.txt');
  const [command, ...commandArgs] = GNU_TIME
    ? [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...check]
    : check;
  const start = performance.now();
  const result = spawnSync(command, commandArgs, { cwd: ROOT, env, encoding: 'utf8' });
  const wall = Math.round(performance.now() - start);
  if (result.status !== 0) {
    throw new Error(`content:check ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  }
  if (!GNU_TIME) return { wall };
  const [user = 0, system = 0] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)
    .split(' ')
    .map(Number);
  return { wall, cpu: Math.round((user + system) * 1000) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(site, args, scratch) {
  timeCheck(site, args, scratch); // warm the file system cache and tsx's transform cache, as on an editor's machine
  return Array.from({ length: RUNS }, () => timeCheck(site, args, scratch));
}

const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-content-check-'));
try {
  const large = path.join(scratch, 'site-10000');
  const small = path.join(scratch, 'site-1000');
  generateCorpus(10_000, large);
  generateCorpus(1_000, small);
  const oneFile = measure(large, ['content/articles/story-004321.md'], scratch);
  const wholeSite = measure(small, [], scratch);
  const cpu = (runs) =>
    runs[0]?.cpu === undefined ? undefined : median(runs.map((run) => run.cpu));
  const result = {
    oneFileMs: median(oneFile.map((run) => run.wall)),
    wholeSite1000Ms: median(wholeSite.map((run) => run.wall)),
    oneFileCpuMs: cpu(oneFile),
    wholeSite1000CpuMs: cpu(wholeSite),
    runs: { oneFile, wholeSite },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
