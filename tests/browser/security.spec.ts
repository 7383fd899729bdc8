import http from 'node:http';
import { expect, test } from '@playwright/test';
import { FIXTURE_SITE_PORT } from '../../playwright.config';

/** The fixture site: its draft and its story scheduled for 2099 are unpublished whatever the date. */
const FIXTURE = `http://127.0.0.1:${FIXTURE_SITE_PORT}`;

/** Raw HTTP, so that hostile paths reach the server exactly as written (browsers normalise them). */
function rawRequest(
  baseURL: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * A raw request that follows one redirect within the site, as a client would: Next answers a
 * router request without its `_rsc` parameter with a 307 to the same address carrying it.
 */
async function rawRequestFollowingRedirect(
  baseURL: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const first = await rawRequest(baseURL, path, options);
  const location = first.headers.location;
  if (first.status < 300 || first.status >= 400 || !location) return first;
  const target = new URL(location, baseURL);
  expect(target.origin, `${path} redirects off the site`).toBe(new URL(baseURL).origin);
  return rawRequest(baseURL, `${target.pathname}${target.search}`, options);
}

test.describe('serving', () => {
  test.skip(({ isMobile }) => isMobile, 'server behaviour does not depend on the viewport: checked once');

  for (const [name, path] of [
    ['an article', '/article/china-rare-earths-spy-warning'],
    ['a 404 page', '/article/no-such-story'],
    ['a feed', '/rss.xml'],
    ['a static asset', '/images/brand/logo.png'],
  ] as const) {
    test(`${name} carries the security headers`, async ({ baseURL }) => {
      const { headers } = await rawRequest(baseURL ?? '', path);
      const csp = String(headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'", "form-action 'self'"]) {
        expect(csp).toContain(directive);
      }
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-powered-by']).toBeUndefined();
      expect(headers['strict-transport-security']).toBeUndefined();
    });
  }

  test('an address whose percent-escapes are not UTF-8 is a 400, not a server error', async ({ baseURL }) => {
    for (const path of ['/article/%C0%AF', '/topic/%E4%B8', '/section/%FF/rss.xml']) {
      const { status, headers, body } = await rawRequest(baseURL ?? '', path);
      expect(status, path).toBe(400);
      expect(String(headers['cache-control']), path).toContain('no-store');
      expect(body, path).toContain('Bad Request');
    }
  });

  test('HSTS is sent when the request came over HTTPS', async ({ baseURL }) => {
    const { headers } = await rawRequest(baseURL ?? '', '/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  });

  for (const path of [
    '/article/..%2f..%2fpackage.json',
    '/article/%2e%2e/%2e%2e/package.json',
    '/article/..%5c..%5cpackage.json',
    '/article/%2e%2e%5c%2e%2e%5cpackage.json',
    '/article/china-rare-earths-spy-warning%00.md',
    '/%00',
    `/article/${'a'.repeat(4000)}`,
    '/article/%E7%A8%80%E5%9C%9F%E6%96%B0%E9%97%BB',
    '/article/caf%C3%A9',
    '/_next/static/..%2f..%2fpackage.json',
    '/images/..%2f..%2fpackage.json',
    '/package.json',
    '/.env',
    '/next.config.ts',
    '/content/articles/china-rare-earths-spy-warning.md',
    '/_next/image?url=%2F..%2Fpackage.json&w=64&q=75',
  ]) {
    test(`${path.slice(0, 60)} reveals no file and causes no server error`, async ({ baseURL }) => {
      const response = await rawRequest(baseURL ?? '', path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).not.toContain('"devDependencies"');
      expect(response.body).not.toContain('publishedAt:');
      expect(response.body).not.toContain('poweredByHeader');
    });
  }

  for (const [name, headers, method] of [
    ['x-middleware-subrequest', { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' }, 'GET'],
    ['RSC: 1', { RSC: '1' }, 'GET'],
    ['a prefetch', { 'Next-Router-Prefetch': '1', RSC: '1' }, 'GET'],
    ['a segment prefetch', { 'Next-Router-Segment-Prefetch': '/_tree', RSC: '1' }, 'GET'],
    ['Next-Action', { 'Next-Action': '7f0000000000000000000000000000000000000000', 'Content-Type': 'text/plain;charset=UTF-8' }, 'POST'],
  ] as const) {
    test(`a request with ${name} gets no bypass and no server error`, async ({ baseURL }) => {
      const body = method === 'POST' ? '[]' : undefined;
      for (const path of ['/article/china-rare-earths-spy-warning', '/article/no-such-story']) {
        const response = await rawRequestFollowingRedirect(baseURL ?? '', path, { method, headers, body });
        expect(response.status, path).toBeLessThan(500);
        expect(response.body).not.toContain('"devDependencies"');
      }
      for (const [path, secret] of [
        ['/article/scheduled-story', 'Scheduled body.'],
        ['/article/a-draft', 'Draft body.'],
      ] as const) {
        const response = await rawRequestFollowingRedirect(FIXTURE, path, { method, headers, body });
        expect(response.status, path).toBeLessThan(500);
        expect(response.body, `${path} leaks its body`).not.toContain(secret);
        expect(response.body).not.toContain('"devDependencies"');
      }
    });
  }
});
