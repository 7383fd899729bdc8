/**
 * `npm run build`: validate content/, then build the site into a fresh folder and swap it in
 * only when the build succeeds. Bad content, or a build that fails half-way, leaves the site
 * that was built before exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE_URL, env } from '../lib/config/env';
import { RENDER_CACHE_IN_BUILD } from '../lib/markdown/renderCache';

/** The project being built: the current folder (npm runs scripts from the project root). */
const ROOT = process.cwd();
const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx/cli');
const NEXT = require.resolve('next/dist/bin/next');
/** Where the site is served from: `.next`, unless `BROADSHEET_DIST_DIR` names another folder. */
const LIVE = env.BROADSHEET_DIST_DIR;
const STAGING = `${LIVE}-staging`;
const PREVIOUS = `${LIVE}-previous`;

type Command = [command: string, args: string[]];
type ExtraEnv = Record<string, string>;

function run([command, args]: Command, extra: ExtraEnv = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extra } });
  return result.status ?? 1;
}

/** Runs commands side by side; resolves to the first non-zero exit status, or 0. */
function runAll(commands: Command[], extra: ExtraEnv = {}): Promise<number> {
  return Promise.all(
    commands.map(
      ([command, args]) =>
        new Promise<number>((resolve) => {
          const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extra } });
          child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
          child.on('error', () => resolve(1));
        }),
    ),
  ).then((codes) => codes.find((code) => code !== 0) ?? 0);
}

// Markdown is rendered once, on every core, into a cache that the check and Next's workers
// read; the cache is this build's alone, and moves into the build folder when it succeeds.
const renderCache = path.join(ROOT, `${LIVE}-render-cache`);
rmSync(renderCache, { recursive: true, force: true });
const cacheEnv = { BROADSHEET_RENDER_CACHE: renderCache };
const cores = Math.max(1, availableParallelism());
const tsx = (script: string, ...args: string[]): Command => [
  process.execPath,
  [TSX, '--conditions=react-server', path.join(SCRIPTS, script), ...args],
];

function finish(status: number, message: string): void {
  if (status !== 0) {
    rmSync(renderCache, { recursive: true, force: true });
    rmSync(path.join(ROOT, STAGING), { recursive: true, force: true });
    console.error(message);
    process.exit(status);
  }
}

await runAll(
  Array.from({ length: cores }, (_, shard) => tsx('prerenderMarkdown.ts', String(shard), String(cores))),
  cacheEnv,
);
const checked = run(tsx('checkContent.ts', '--newest-bodies'), cacheEnv);
if (checked !== 0) finish(checked, 'Build refused: fix the problems above. The site built before is unchanged.');

rmSync(path.join(ROOT, STAGING), { recursive: true, force: true });
const built = run([process.execPath, [NEXT, 'build']], { ...cacheEnv, BROADSHEET_DIST_DIR: STAGING });
finish(built, 'Build failed. The site built before is unchanged.');

// The renderings go with the build, for the server started on it (lib/content/renderCache.ts).
if (existsSync(renderCache)) renameSync(renderCache, path.join(ROOT, STAGING, RENDER_CACHE_IN_BUILD));
rmSync(path.join(ROOT, PREVIOUS), { recursive: true, force: true });
if (existsSync(path.join(ROOT, LIVE))) renameSync(path.join(ROOT, LIVE), path.join(ROOT, PREVIOUS));
renameSync(path.join(ROOT, STAGING), path.join(ROOT, LIVE));
rmSync(path.join(ROOT, PREVIOUS), { recursive: true, force: true });
// next build points next-env.d.ts at the folder it built into; point it at the live one.
const nextEnv = path.join(ROOT, 'next-env.d.ts');
if (existsSync(nextEnv)) writeFileSync(nextEnv, readFileSync(nextEnv, 'utf8').replaceAll(`./${STAGING}/`, `./${LIVE}/`));
console.log(`Built into ${STAGING} and swapped it in as ${LIVE}.`);
if (env.SITE_URL === DEFAULT_SITE_URL) {
  // Fine for trying the site; published, it would give search engines and feed readers
  // addresses on the reader's own machine.
  console.log(
    `Note: SITE_URL is not set, so canonical URLs, feeds and sitemaps point at ${DEFAULT_SITE_URL}. ` +
      'Set it to the public address before deploying (README, "Deployment").',
  );
}
