#!/usr/bin/env node
/**
 * Prints Broadsheet's nginx configuration (deploy/nginx/broadsheet.conf.template) with its
 * values filled in.
 *
 *   node scripts/nginxConfig.mjs [--listen 80] [--upstream 127.0.0.1:3001 ...]
 *                                [--cache-dir /var/cache/nginx/broadsheet]
 *       the server block, for /etc/nginx/conf.d/ (inside nginx's own http block). Give
 *       `--upstream` once per `next start` instance (or a comma-separated list):
 *       `--upstream 10.0.0.11:3001 --upstream 10.0.0.12:3001`
 *   node scripts/nginxConfig.mjs --standalone <folder> [...]
 *       a complete nginx.conf that keeps its pid, logs, cache and temporary files in <folder>
 *       and runs in the foreground without root: what the tests and benchmarks start
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = path.join(ROOT, 'deploy/nginx/broadsheet.conf.template');

/** Values must be plain: no spaces, quotes, braces or semicolons can reach the config. */
const SAFE_VALUE = /^[A-Za-z0-9_./:[\]-]+$/;
/** An instance's address: host:port, [IPv6]:port or unix:/path/to/socket. */
const ADDRESS = /^(?:[A-Za-z0-9.-]+:\d{1,5}|\[[0-9A-Fa-f:.]+\]:\d{1,5}|unix:\/[A-Za-z0-9_./-]+)$/;

/**
 * The server block. `upstream` is one instance's address or a list of them; each becomes a
 * `server` line of the upstream group.
 */
export function siteConfig({ listen = '80', upstream = '127.0.0.1:3001', cacheDir = '/var/cache/nginx/broadsheet' } = {}) {
  const upstreams = [upstream].flat();
  if (upstreams.length === 0) throw new Error('nginx config: no upstream; give the address of at least one instance');
  for (const [name, value] of [['listen', listen], ['cacheDir', cacheDir], ...upstreams.map((address) => ['upstream', address])]) {
    if (typeof value !== 'string' || !SAFE_VALUE.test(value)) {
      throw new Error(`nginx config: ${name} "${value}" has characters nginx would misread`);
    }
  }
  for (const address of upstreams) {
    if (!ADDRESS.test(address)) throw new Error(`nginx config: upstream "${address}" is not host:port or unix:/path`);
  }
  if (new Set(upstreams).size !== upstreams.length) throw new Error('nginx config: an upstream is listed twice');
  const values = {
    listen,
    cacheDir,
    servers: upstreams.map((address) => `    server ${address} max_fails=1 fail_timeout=5s;`).join('\n'),
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (match, name) => {
    if (!(name in values)) throw new Error(`nginx config: the template asks for unknown value ${match}`);
    return values[name];
  });
}

/**
 * A whole nginx.conf around a server block, with every writable path inside `folder`. With
 * `upstreamLog`, requests passed to an instance are logged to `folder`/upstream.log, one line
 * each: time (`$msec`), status, then quoted: the instances tried in order (`$upstream_addr`,
 * e.g. "127.0.0.1:3002, 127.0.0.1:3001"), their statuses and response times, the address; and
 * the `RSC` request header. Requests answered from the cache are not logged.
 */
export function standaloneConfig(folder, server, { upstreamLog = false } = {}) {
  const at = (name) => path.join(folder, name);
  const log = upstreamLog
    ? `log_format upstreams '$msec $status "$upstream_addr" "$upstream_status" "$upstream_response_time" "$request_uri" $http_rsc';
    access_log ${at('upstream.log')} upstreams if=$upstream_addr;`
    : 'access_log off;';
  return `worker_processes auto;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
daemon off;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ${log}
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${at('client_body')};
    proxy_temp_path ${at('proxy')};
    fastcgi_temp_path ${at('fastcgi')};
    uwsgi_temp_path ${at('uwsgi')};
    scgi_temp_path ${at('scgi')};
${server.replace(/^/gm, '    ')}
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? undefined : args[index + 1];
  };
  const upstreams = args.flatMap((arg, index) => (arg === '--upstream' ? (args[index + 1] ?? '').split(',') : []));
  const standalone = option('standalone');
  const server = siteConfig({
    listen: option('listen'),
    upstream: upstreams.length > 0 ? upstreams : undefined,
    cacheDir: option('cache-dir') ?? (standalone ? path.join(path.resolve(standalone), 'cache') : undefined),
  });
  process.stdout.write(standalone ? standaloneConfig(path.resolve(standalone), server) : server);
}
