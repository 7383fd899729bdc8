#!/usr/bin/env node
/**
 * Prints Broadsheet's nginx configuration (deploy/nginx/broadsheet.conf.template) with its
 * values filled in.
 *
 *   node scripts/nginxConfig.mjs [--listen 80] [--upstream 127.0.0.1:3001]
 *                                [--cache-dir /var/cache/nginx/broadsheet]
 *       the server block, for /etc/nginx/conf.d/ (inside nginx's own http block)
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

export function siteConfig({ listen = '80', upstream = '127.0.0.1:3001', cacheDir = '/var/cache/nginx/broadsheet' } = {}) {
  const values = { listen, upstream, cacheDir };
  for (const [name, value] of Object.entries(values)) {
    if (!SAFE_VALUE.test(value)) throw new Error(`nginx config: ${name} "${value}" has characters nginx would misread`);
  }
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (match, name) => {
    if (!(name in values)) throw new Error(`nginx config: the template asks for unknown value ${match}`);
    return values[name];
  });
}

/** A whole nginx.conf around a server block, with every writable path inside `folder`. */
export function standaloneConfig(folder, server) {
  const at = (name) => path.join(folder, name);
  return `worker_processes auto;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
daemon off;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
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
  const standalone = option('standalone');
  const server = siteConfig({
    listen: option('listen'),
    upstream: option('upstream'),
    cacheDir: option('cache-dir') ?? (standalone ? path.join(path.resolve(standalone), 'cache') : undefined),
  });
  process.stdout.write(standalone ? standaloneConfig(path.resolve(standalone), server) : server);
}
