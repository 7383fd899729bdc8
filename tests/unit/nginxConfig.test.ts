import { describe, expect, it } from 'vitest';
import { siteConfig, standaloneConfig } from '../../scripts/nginxConfig.mjs';

describe('the nginx configuration', () => {
  it('fills in every value the template asks for', () => {
    const config = siteConfig({ listen: '80', upstream: '127.0.0.1:3001', cacheDir: '/var/cache/nginx/broadsheet' });
    expect(config).not.toMatch(/\{\{|\}\}/);
    expect(config).toContain('listen 80;');
    expect(config).toContain('server 127.0.0.1:3001;');
    expect(config).toContain('proxy_cache_path /var/cache/nginx/broadsheet ');
  });

  it('keys the cache on the headers that switch Next between HTML and router data', () => {
    const key = /proxy_cache_key "([^"]+)";/.exec(siteConfig())?.[1] ?? '';
    for (const header of ['$http_rsc', '$http_next_router_prefetch', '$http_next_router_segment_prefetch', '$http_next_router_state_tree']) {
      expect(key).toContain(header);
    }
  });

  it('refuses values nginx would misread', () => {
    expect(() => siteConfig({ listen: '80; include /etc/passwd' })).toThrow(/listen "80; include \/etc\/passwd" has characters/);
    expect(() => siteConfig({ cacheDir: '/tmp/a b' })).toThrow(/cacheDir/);
  });

  it('wraps the server block into a config that keeps every writable path in one folder', () => {
    const config = standaloneConfig('/tmp/run', siteConfig());
    for (const line of ['pid /tmp/run/nginx.pid;', 'error_log /tmp/run/error.log warn;', 'proxy_temp_path /tmp/run/proxy;']) {
      expect(config).toContain(line);
    }
  });
});
