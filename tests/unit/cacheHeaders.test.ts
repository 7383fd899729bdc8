import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CACHE_CONTROL, PREVIEW_CACHE_CONTROL } from '@/lib/http/cacheControl';
import { ERROR_CACHE_CONTROL, keepErrorsOutOfSharedCaches } from '@/lib/http/errorCacheControl';

let server: Server;
let base: string;

beforeAll(async () => {
  keepErrorsOutOfSharedCaches();
  keepErrorsOutOfSharedCaches(); // a second call must not wrap twice
  // Answers `/<status>` with that status, carrying the header next.config.ts gives pages.
  server = createServer((request, response) => {
    response.setHeader(
      'Cache-Control',
      request.url?.includes('own') ? 'no-transform' : PAGE_CACHE_CONTROL,
    );
    response.statusCode = Number(request.url?.slice(1, 4));
    response.end('body');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the shared-cache header', () => {
  it('tells browsers to ask again and CDNs to keep a page briefly and serve it stale while refreshing', () => {
    expect(PAGE_CACHE_CONTROL).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/,
    );
  });

  it('stays on pages that were found', async () => {
    expect((await fetch(`${base}/200`)).headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL);
    expect((await fetch(`${base}/301`, { redirect: 'manual' })).headers.get('cache-control')).toBe(
      PAGE_CACHE_CONTROL,
    );
  });

  it('never reaches a CDN on a not-found or error page', async () => {
    for (const status of [404, 410, 500, 503]) {
      expect((await fetch(`${base}/${status}`)).headers.get('cache-control'), String(status)).toBe(
        ERROR_CACHE_CONTROL,
      );
    }
  });

  it("makes anything answered to an editor's preview (the draft-mode cookie) private and noindex", async () => {
    const previewed = await fetch(`${base}/200`, {
      headers: { cookie: 'theme=dark; __prerender_bypass=abc123' },
    });
    expect(previewed.headers.get('cache-control')).toBe(PREVIEW_CACHE_CONTROL);
    expect(previewed.headers.get('cache-control')).toMatch(/private/);
    expect(previewed.headers.get('cache-control')).toMatch(/no-store/);
    expect(previewed.headers.get('x-robots-tag')).toBe('noindex');
    const reader = await fetch(`${base}/200`, { headers: { cookie: 'theme=dark' } });
    expect(reader.headers.get('cache-control')).toBe(PAGE_CACHE_CONTROL);
    expect(reader.headers.get('x-robots-tag')).toBeNull();
  });

  it('leaves any other header an error response was given alone', async () => {
    expect((await fetch(`${base}/404/own`)).headers.get('cache-control')).toBe('no-transform');
  });
});
