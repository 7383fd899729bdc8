import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { siteConfig, standaloneConfig } from '../../scripts/nginxConfig.mjs';

/** The `server` lines of the upstream group, in order. */
function upstreamServers(config: string): string[] {
  const group = /upstream broadsheet_next \{([^}]*)\}/.exec(config)?.[1] ?? '';
  return [...group.matchAll(/^\s*server (\S+)/gm)].map((match) => match[1] ?? '');
}

describe('the nginx configuration', () => {
  it('fills in every value the template asks for', () => {
    const config = siteConfig({
      listen: '80',
      upstream: '127.0.0.1:3001',
      cacheDir: '/var/cache/nginx/broadsheet',
    });
    expect(config).not.toMatch(/\{\{|\}\}/);
    expect(config).toContain('listen 80;');
    expect(config).toContain('server 127.0.0.1:3001 max_fails=1 fail_timeout=5s;');
    expect(config).toContain('proxy_cache_path /var/cache/nginx/broadsheet ');
  });

  it('keys the cache on the headers that switch Next between HTML and router data', () => {
    const key = /proxy_cache_key "([^"]+)";/.exec(siteConfig())?.[1] ?? '';
    for (const header of [
      '$http_rsc',
      '$http_next_router_prefetch',
      '$http_next_router_segment_prefetch',
      '$http_next_router_state_tree',
    ]) {
      expect(key).toContain(header);
    }
    // A made-up Host header must not make a new cache entry (and a miss) for the same page.
    expect(key).not.toContain('$host');
  });

  it('refuses values nginx would misread', () => {
    expect(() => siteConfig({ listen: '80; include /etc/passwd' })).toThrow(
      /listen "80; include \/etc\/passwd" has characters/,
    );
    expect(() => siteConfig({ cacheDir: '/tmp/a b' })).toThrow(/cacheDir/);
  });

  it('wraps the server block into a config that keeps every writable path in one folder', () => {
    const config = standaloneConfig('/tmp/run', siteConfig());
    for (const line of [
      'pid /tmp/run/nginx.pid;',
      'error_log /tmp/run/error.log warn;',
      'proxy_temp_path /tmp/run/proxy;',
    ]) {
      expect(config).toContain(line);
    }
    expect(config).toContain('access_log off;');
  });
});

describe('the nginx configuration for several instances', () => {
  it('lists every instance in the upstream group, in the order given', () => {
    const instances = [
      '10.0.0.11:3001',
      '10.0.0.12:3001',
      '[fd00::13]:3001',
      'unix:/run/broadsheet/next.sock',
    ];
    expect(upstreamServers(siteConfig({ upstream: instances }))).toEqual(instances);
  });

  it('renders one instance, given alone or as a list of one, the same way', () => {
    expect(siteConfig({ upstream: ['127.0.0.1:3001'] })).toBe(
      siteConfig({ upstream: '127.0.0.1:3001' }),
    );
    expect(upstreamServers(siteConfig())).toEqual(['127.0.0.1:3001']);
  });

  it('passes a request an instance fails on to the next one, and rests a failed instance', () => {
    const config = siteConfig({ upstream: ['127.0.0.1:3001', '127.0.0.1:3002'] });
    expect(config).toContain('proxy_next_upstream error timeout http_502 http_503 http_504;');
    expect(config).toMatch(/proxy_next_upstream_tries [2-9];/);
    expect(config).toMatch(/proxy_next_upstream_timeout \d+s;/);
    expect(config).toMatch(/proxy_connect_timeout \d+s;/);
    expect(config).toContain('server 127.0.0.1:3002 max_fails=1 fail_timeout=5s;');
    // Shared by nginx's workers, so one worker's failed attempt spares the others theirs.
    expect(config).toMatch(/upstream broadsheet_next \{[^}]*zone broadsheet_next \d+k;/);
  });

  it('keeps connections to the instances open, and lets go of them before Node closes them (5 s)', () => {
    const group = /upstream broadsheet_next \{([^}]*)\}/.exec(siteConfig())?.[1] ?? '';
    expect(group).toMatch(/keepalive \d+;/);
    const idle = Number(/keepalive_timeout (\d+)s;/.exec(group)?.[1]);
    expect(idle).toBeLessThan(5);
    const location = siteConfig().slice(siteConfig().indexOf('location /'));
    expect(location).toContain('proxy_http_version 1.1;');
    expect(location).toContain('proxy_set_header Connection "";');
  });

  it("sends an editor's preview (the draft-mode cookie) past the cache, and stores nothing answered to it", () => {
    const location = siteConfig().slice(siteConfig().indexOf('location /'));
    expect(location).toContain('proxy_cache_bypass $cookie___prerender_bypass;');
    expect(location).toContain('proxy_no_cache $cookie___prerender_bypass;');
  });

  it('keeps the one-second cache, gzip and the cache status in front of several instances', () => {
    const config = siteConfig({ upstream: ['127.0.0.1:3001', '127.0.0.1:3002'] });
    for (const line of [
      'proxy_cache_valid 200 301 302 308 404 410 1s;',
      'proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;',
      'proxy_cache_background_update on;',
      'gzip on;',
      'add_header X-Cache-Status $upstream_cache_status always;',
    ]) {
      expect(config).toContain(line);
    }
  });

  it.each([
    [
      'a directive smuggled in',
      '127.0.0.1:3001; include /etc/passwd',
      /has characters nginx would misread/,
    ],
    ['a parameter smuggled in', '127.0.0.1:3001 backup', /has characters nginx would misread/],
    ['a closing brace', '127.0.0.1:3001}', /has characters nginx would misread/],
    ['an empty address', '', /has characters nginx would misread/],
    ['no port', 'news-app-1', /is not host:port or unix:\/path/],
    ['a URL', 'http://10.0.0.11:3001', /is not host:port or unix:\/path/],
  ])('refuses an instance address with %s', (_, address, message) => {
    expect(() => siteConfig({ upstream: ['127.0.0.1:3001', address] })).toThrow(message);
  });

  it('refuses an empty list and an instance listed twice', () => {
    expect(() => siteConfig({ upstream: [] })).toThrow(/no upstream/);
    expect(() => siteConfig({ upstream: ['127.0.0.1:3001', '127.0.0.1:3001'] })).toThrow(
      /listed twice/,
    );
  });

  it('takes the instances from the command line, one --upstream each or comma-separated', () => {
    const run = spawnSync(
      process.execPath,
      [
        'scripts/nginxConfig.mjs',
        '--listen',
        '8080',
        '--upstream',
        '10.0.0.11:3001',
        '--upstream',
        '10.0.0.12:3001,10.0.0.13:3001',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(upstreamServers(run.stdout)).toEqual([
      '10.0.0.11:3001',
      '10.0.0.12:3001',
      '10.0.0.13:3001',
    ]);
  });

  it('logs which instances each request tried, when asked', () => {
    const config = standaloneConfig('/tmp/run', siteConfig(), { upstreamLog: true });
    expect(config).toMatch(
      /log_format upstreams '\$msec \$status "\$upstream_addr" "\$upstream_status"[^']*';/,
    );
    expect(config).toContain('access_log /tmp/run/upstream.log upstreams if=$upstream_addr;');
  });
});
