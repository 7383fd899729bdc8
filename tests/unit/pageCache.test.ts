import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pageCacheClass } from '@/lib/cache/pageCache';

/** Next's file methods, as `next start` hands them to its cache. */
const require = createRequire(path.join(process.cwd(), 'package.json'));
const { nodeFs } = z.object({ nodeFs: z.object({}).passthrough() }).parse(require('next/dist/server/lib/node-fs-methods'));

let folder: string;
const PageCache = pageCacheClass();
let cache: InstanceType<typeof PageCache>;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'broadsheet-cache-'));
  cache = new PageCache({ fs: nodeFs, flushToDisk: true, serverDistDir: folder, maxMemoryCacheSize: 8 * 1024 * 1024, revalidatedTags: [] });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }).catch(() => [])).map(String);
}

const CONTEXT = { cacheControl: { revalidate: false, expire: undefined }, isRoutePPREnabled: false, isFallback: false };

describe("Next's page cache", () => {
  it('keeps a not-found page for a made-up address in memory, and writes no file for it', async () => {
    const page = { kind: 'APP_PAGE', status: 404, html: '<html>404</html>', rscData: Buffer.from('0:{}'), headers: {}, postponed: undefined, segmentData: undefined };
    await cache.set('/article/made-up-address', page, CONTEXT);
    expect((await filesUnder(folder)).filter((file) => file.includes('made-up-address'))).toEqual([]);
    expect(await cache.get('/article/made-up-address', { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false })).toMatchObject({
      value: { status: 404 },
    });
  });

  it('still writes everything else to files (here a feed)', async () => {
    const feed = { kind: 'APP_ROUTE', status: 200, body: Buffer.from('<rss/>'), headers: { 'content-type': 'application/rss+xml' } };
    await cache.set('/rss.xml', feed, CONTEXT);
    expect((await filesUnder(folder)).filter((file) => file.includes('rss.xml'))).not.toEqual([]);
  });
});
