/** What the benchmark scripts share: reading `--name value` options, and starting servers. */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { waitForServer } from '../scripts/waitForServer.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
}

/** The heap limit `npm run serve` gives the server (package.json; see the README's "Performance"). */
export const SERVER_NODE_OPTIONS = '--max-old-space-size=1024';

/**
 * Starts the production server (`next start`, as `npm run serve` does) on a build; `stop()`
 * ends it and its children.
 * `env` can point it at another build (`BROADSHEET_DIST_DIR`) and content
 * (`BROADSHEET_CONTENT_ROOT`); `logFile`, when given, receives its output.
 */
export function startNextServer(port, env = {}, { logFile } = {}) {
  const output = logFile === undefined ? 'ignore' : openSync(logFile, 'a');
  const server = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', output, output], detached: true, env: { ...process.env, NODE_OPTIONS: SERVER_NODE_OPTIONS, ...env } },
  );
  if (typeof output === 'number') closeSync(output);
  return { pid: server.pid, stop: () => process.kill(-server.pid, 'SIGTERM') };
}

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
export const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/**
 * Starts nginx in the foreground with a complete config written into `folder` (which also
 * holds its pid, logs and cache); `stop()` ends it.
 */
export function startNginx(folder, config) {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'nginx.conf');
  writeFileSync(file, config);
  const server = spawn(NGINX, ['-c', file, '-p', folder], { stdio: 'ignore', detached: true });
  return { stop: () => process.kill(-server.pid, 'SIGTERM') };
}
