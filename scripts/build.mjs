#!/usr/bin/env node
/**
 * `npm run build`: validate content/, then build the site into a fresh folder and swap it in
 * only when the build succeeds. Bad content, or a build that fails half-way, leaves the site
 * that was built before exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project being built: the current folder (npm runs scripts from the project root). */
const ROOT = process.cwd();
const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx/cli');
const NEXT = require.resolve('next/dist/bin/next');
const LIVE = '.next';
const STAGING = '.next-staging';
const PREVIOUS = '.next-previous';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const checked = run(process.execPath, [TSX, '--conditions=react-server', path.join(SCRIPTS, 'checkContent.ts')]);
if (checked !== 0) {
  console.error('Build refused: fix the problems above. The site built before is unchanged.');
  process.exit(checked);
}

rmSync(path.join(ROOT, STAGING), { recursive: true, force: true });
const built = run(process.execPath, [NEXT, 'build'], { BROADSHEET_DIST_DIR: STAGING });
if (built !== 0) {
  rmSync(path.join(ROOT, STAGING), { recursive: true, force: true });
  console.error('Build failed. The site built before is unchanged.');
  process.exit(built);
}

rmSync(path.join(ROOT, PREVIOUS), { recursive: true, force: true });
if (existsSync(path.join(ROOT, LIVE))) renameSync(path.join(ROOT, LIVE), path.join(ROOT, PREVIOUS));
renameSync(path.join(ROOT, STAGING), path.join(ROOT, LIVE));
rmSync(path.join(ROOT, PREVIOUS), { recursive: true, force: true });
// next build points next-env.d.ts at the folder it built into; point it at the live one.
const nextEnv = path.join(ROOT, 'next-env.d.ts');
if (existsSync(nextEnv)) writeFileSync(nextEnv, readFileSync(nextEnv, 'utf8').replaceAll(`./${STAGING}/`, `./${LIVE}/`));
console.log(`Built into ${STAGING} and swapped it in as ${LIVE}.`);
