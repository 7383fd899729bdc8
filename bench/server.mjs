/** What the benchmark scripts share: reading `--name value` options and running `next start`. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { waitForServer } from '../scripts/waitForServer.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
}

/** Starts the production server on the last build; `stop()` ends it and its children. */
export function startNextServer(port) {
  const server = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  return { stop: () => process.kill(-server.pid, 'SIGTERM') };
}
