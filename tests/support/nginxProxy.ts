import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteConfig, standaloneConfig } from '../../scripts/nginxConfig.mjs';

export const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

export type NginxProxy = { url: string; folder: string; stop: () => void };

/**
 * The deployment the README documents: nginx with the site's configuration
 * (scripts/nginxConfig.mjs), caching in front of a running server at `upstream` (host:port),
 * listening on `port`. Resolves once it answers; throws with nginx's error log if it never does.
 */
export async function startNginxProxy(port: number, upstream: string): Promise<NginxProxy> {
  const url = `http://127.0.0.1:${port}`;
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-nginx-'));
  // Started as root, nginx's workers run as nobody and must reach the cache inside.
  chmodSync(folder, 0o755);
  const config = standaloneConfig(
    folder,
    siteConfig({ listen: `127.0.0.1:${port}`, upstream, cacheDir: path.join(folder, 'cache') }),
  );
  writeFileSync(path.join(folder, 'nginx.conf'), config);
  const nginx = spawn(NGINX, ['-c', path.join(folder, 'nginx.conf'), '-p', folder], {
    stdio: 'ignore',
  });
  const stop = () => {
    nginx.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    // Our nginx marks every answer with its cache status: anything else on the port is not it.
    const answered = await fetch(`${url}/`).then(
      (response) => response.ok && response.headers.has('x-cache-status'),
      () => false,
    );
    if (answered) return { url, folder, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = existsSync(path.join(folder, 'error.log'))
    ? readFileSync(path.join(folder, 'error.log'), 'utf8')
    : '';
  stop();
  throw new Error(`nginx did not answer at ${url} (upstream ${upstream}):\n${log}`);
}
