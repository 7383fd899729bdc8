import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { siteConfig, standaloneConfig } from '../../scripts/nginxConfig.mjs';
import { NGINX, startNginxProxy } from '../support/nginxProxy';
import type { NginxProxy } from '../support/nginxProxy';

/**
 * The deployment the README documents: nginx, configured by scripts/nginxConfig.mjs, caching in
 * front of `next start`. These tests start that nginx in front of the test server.
 */
const ARTICLE = '/article/china-rare-earths-spy-warning';

test.describe('behind nginx', () => {
  test.skip(
    ({ isMobile }) => isMobile,
    'server behaviour does not depend on the viewport: checked once',
  );
  test.describe.configure({ mode: 'serial' });

  let folder = '';
  let nginx: NginxProxy | undefined;
  let proxy = '';

  test.beforeAll(async ({}, testInfo) => {
    if (testInfo.project.use.isMobile) return; // the tests below are skipped there
    const upstream = new URL(String(testInfo.project.use.baseURL));
    nginx = await startNginxProxy(Number(upstream.port) + 2, upstream.host);
    proxy = nginx.url;
    folder = nginx.folder;
  });

  test.afterAll(() => nginx?.stop());

  test('nginx accepts the configuration the README tells operators to install', () => {
    const server = siteConfig({
      listen: '8080',
      upstream: '127.0.0.1:3001',
      cacheDir: path.join(folder, 'check-cache'),
    });
    writeFileSync(path.join(folder, 'check.conf'), standaloneConfig(folder, server));
    const check = spawnSync(NGINX, ['-t', '-c', path.join(folder, 'check.conf'), '-p', folder], {
      encoding: 'utf8',
    });
    expect(check.stderr).toContain('test is successful');
  });

  test('serves articles from its cache, with the site headers, and gzip to browsers', async ({
    request,
  }) => {
    const first = await request.get(`${proxy}${ARTICLE}`);
    expect(first.status()).toBe(200);
    expect(await first.text()).toContain('<h1');
    const second = await request.get(`${proxy}${ARTICLE}`);
    expect(second.headers()['x-cache-status']).toMatch(/HIT|UPDATING|STALE/);
    expect(second.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(second.headers()['x-content-type-options']).toBe('nosniff');
    const zipped = await fetch(`${proxy}${ARTICLE}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
  });

  test('a feed reader asking again for an unchanged feed or sitemap gets a bodiless 304', async () => {
    for (const path of ['/rss.xml', '/atom.xml', '/feed.json', '/section/china/rss.xml', '/sitemap.xml']) {
      for (const encoding of ['identity', 'gzip']) {
        const first = await fetch(`${proxy}${path}`, { headers: { 'accept-encoding': encoding } });
        expect(first.status, path).toBe(200);
        const tag = first.headers.get('etag');
        expect(tag, path).toMatch(/^(W\/)?"[\w-]{22}"$/);
        await first.arrayBuffer();
        const again = await fetch(`${proxy}${path}`, {
          headers: { 'accept-encoding': encoding, 'if-none-match': tag ?? '' },
        });
        expect(again.status, `${path} (${encoding})`).toBe(304);
        expect((await again.arrayBuffer()).byteLength).toBe(0);
        const changed = await fetch(`${proxy}${path}`, {
          headers: { 'accept-encoding': encoding, 'if-none-match': '"an-older-version-of-the-feed"' },
        });
        expect(changed.status, path).toBe(200);
        await changed.arrayBuffer();
      }
    }
  });

  test('a 404 stays a 404 through the cache', async ({ request }) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await request.get(`${proxy}/article/no-such-story`)).status()).toBe(404);
    }
  });

  test('router data and HTML for the same address never mix in the cache', async ({
    page,
    request,
  }) => {
    // Client-side navigation fetches the next page's router data from the same address.
    await page.goto(`${proxy}/`);
    const link = page.locator(`a[href="${ARTICLE}"]`).first();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const direct = await request.get(`${proxy}${ARTICLE}`, { headers: { rsc: '1' } });
    expect(direct.headers()['content-type']).toContain('text/x-component');
    const html = await request.get(`${proxy}${ARTICLE}`);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/i);
  });
});
