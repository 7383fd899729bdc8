#!/usr/bin/env node
/**
 * How long `npm run content:check` takes, as an editor and CI see it: the command its
 * package.json line runs (today `node scripts/runBundled.mjs scripts/checkContent.ts`, the
 * bundled check), started as npm starts it (`sh -c`) but without npm's own start-up, which is
 * measured apart (`oneFileViaNpmMs`). The medians of five runs each of
 *
 *   - file mode: one article named, in a generated 10,000-article site (the target is 1 s);
 *   - the whole-site check of a generated 1,000-article site (the target is 3 s), every body
 *     rendered (there is no render cache between runs), on every core; and on one thread
 *     (`--threads=1`) beside it;
 *   - cold: the first run after a source change, which bundles the script again (the bundle's
 *     manifest is removed to stand for the change): `oneFileColdMs`, `wholeSite1000ColdMs`;
 *   - before: the same checks under tsx, as `npm run content:check` ran them until now.
 *
 * The corpora are generated into the system's temporary folder and removed at the end.
 * Prints `{ "oneFileMs": ..., "wholeSite1000Ms": ..., ... }` (wall time, ms), the medians of CPU
 * time (user + system, every thread, and the children the run waited for; esbuild's own process
 * is not among them) beside them when GNU time is installed (`...CpuMs`: steadier than wall time
 * on a busy machine), the machine's load average, and every run.
 *
 *   node bench/contentCheck.mjs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from './generateCorpus.mjs';
import { ROOT } from './server.mjs';
import { bundleManifest } from '../scripts/bundleCache.mjs';

const RUNS = 5;
const COLD_RUNS = 3;
const COMMAND = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts[
  'content:check'
];
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const TSX_COMMAND = `"${process.execPath}" "${TSX}" --conditions=react-server scripts/checkContent.ts`;
/** The bundle's manifest: without it, the next run bundles again, as after a source change. */
const MANIFEST = bundleManifest('scripts/checkContent.ts');

/** GNU time, when installed, to note the check's CPU time too: wall time swings with the machine's load. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Wall time (and CPU time, user + system, when GNU time is there) of one run of the shell
 * command `command` with `args` on `site`, in milliseconds; fails loudly if the check does not pass.
 */
function timeCheck(site, command, args, scratch) {
  const env = { ...process.env, BROADSHEET_CONTENT_ROOT: site };
  delete env.BROADSHEET_RENDER_CACHE; // an editor's check: no build's caches
  const shell = ['sh', '-c', `${command} ${args.join(' ')}`];
  const timeFile = path.join(scratch, 'time.txt');
  const [program, ...programArgs] = GNU_TIME
    ? [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...shell]
    : shell;
  const start = performance.now();
  const result = spawnSync(program, programArgs, { cwd: ROOT, env, encoding: 'utf8' });
  const wall = Math.round(performance.now() - start);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
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

/** Warm runs: one first to warm the file system cache and make the bundle, then `RUNS` timed. */
function measure(site, command, args, scratch) {
  timeCheck(site, command, args, scratch);
  return Array.from({ length: RUNS }, () => timeCheck(site, command, args, scratch));
}

/** Cold runs: each the first after a (simulated) source change, so it bundles the script again. */
function measureCold(site, args, scratch) {
  return Array.from({ length: COLD_RUNS }, () => {
    rmSync(MANIFEST, { force: true });
    return timeCheck(site, COMMAND, args, scratch);
  });
}

const loadAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-content-check-'));
try {
  const large = path.join(scratch, 'site-10000');
  const small = path.join(scratch, 'site-1000');
  generateCorpus(10_000, large);
  generateCorpus(1_000, small);
  const oneArticle = ['content/articles/story-004321.md'];
  const runs = {
    oneFile: measure(large, COMMAND, oneArticle, scratch),
    wholeSite: measure(small, COMMAND, [], scratch),
    wholeSiteOneThread: measure(small, COMMAND, ['--threads=1'], scratch),
    oneFileCold: measureCold(large, oneArticle, scratch),
    wholeSiteCold: measureCold(small, [], scratch),
    oneFileViaNpm: measure(large, 'npm run --silent content:check --', oneArticle, scratch),
    oneFileBefore: measure(large, TSX_COMMAND, oneArticle, scratch),
    wholeSiteBefore: measure(small, TSX_COMMAND, [], scratch),
  };
  const wall = (list) => median(list.map((run) => run.wall));
  const cpu = (list) =>
    list[0]?.cpu === undefined ? undefined : median(list.map((run) => run.cpu));
  const figures = (name, list) => ({ [`${name}Ms`]: wall(list), [`${name}CpuMs`]: cpu(list) });
  const result = {
    oneFileMs: wall(runs.oneFile),
    wholeSite1000Ms: wall(runs.wholeSite),
    oneFileCpuMs: cpu(runs.oneFile),
    wholeSite1000CpuMs: cpu(runs.wholeSite),
    ...figures('wholeSite1000OneThread', runs.wholeSiteOneThread),
    ...figures('oneFileCold', runs.oneFileCold),
    ...figures('wholeSite1000Cold', runs.wholeSiteCold),
    ...figures('oneFileViaNpm', runs.oneFileViaNpm),
    ...figures('oneFileBefore', runs.oneFileBefore),
    ...figures('wholeSite1000Before', runs.wholeSiteBefore),
    command: COMMAND,
    cores: availableParallelism(),
    loadAverageAtStart: loadAtStart,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    runs,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
