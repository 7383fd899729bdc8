import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile, mkdir, readdir, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordCache } from '@/lib/content/fileRecords';
import { createRenderCache } from '@/lib/markdown/renderCache';
import { watchFolders } from '@/lib/content/watchContent';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';
import { freshLoader } from '../support/freshLoader';
import { makeArticle } from '../support/makeArticle';

const size = { width: 1600, height: 900, bytes: 1000 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.unstubAllEnvs();
  freshLoader();
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe('the render cache', () => {
  it('renders an unchanged body once and gives the same blocks', () => {
    const cache = createRenderCache(undefined);
    const imageSize = vi.fn(() => size);
    const body = 'A paragraph.\n\n![A photo](/images/a.jpg "Caption")\n';
    const first = cache.render(body, imageSize);
    const second = cache.render(body, imageSize);
    expect(second).toEqual(first);
    expect(first.blocks.map((block) => block.kind)).toEqual(['paragraph', 'figure']);
  });

  it('renders again when a photo the body shows changes size', () => {
    const cache = createRenderCache(undefined);
    const body = '![A photo](/images/a.jpg)\n';
    expect(cache.render(body, () => size).blocks[0]?.html).toContain('width="1600"');
    expect(cache.render(body, () => ({ ...size, width: 800 })).blocks[0]?.html).toContain('width="800"');
    expect(cache.render(body, () => undefined).problems[0]?.message).toContain('not found');
  });

  it('shares renderings between processes through its folder, and re-renders a corrupt entry', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-cache-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const body = '## A heading\n\nSome text.\n';
    const rendered = createRenderCache(folder).render(body, () => size);
    const [entry] = await readdir(folder);
    expect(entry).toMatch(/^[0-9a-f]{32}\.json$/);
    expect(createRenderCache(folder).render(body, () => size)).toEqual(rendered);
    await writeFile(path.join(folder, entry ?? ''), '{"blocks": "not blocks"');
    expect(createRenderCache(folder).render(body, () => size)).toEqual(rendered);
  });
});

describe('memory bounds', () => {
  it('keeps only the renderings used last in memory, and reads older ones back from its folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'broadsheet-render-cache-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const onDisk = createRenderCache(folder);
    const inMemory = createRenderCache(undefined);
    const first = onDisk.render('The first body.\n', () => size);
    inMemory.render('The first body.\n', () => size);
    for (let index = 0; index < 600; index++) {
      onDisk.render(`Body number ${index}.\n`, () => size);
      inMemory.render(`Body number ${index}.\n`, () => size);
    }
    expect(inMemory.blocks(first.hash)).toBeUndefined();
    expect(onDisk.blocks(first.hash)).toEqual(first.blocks);
  });

  it('passes article records from one process to the next through its folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'broadsheet-records-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const record = {
      stamp: '120:1764547200000',
      data: { title: 'A headline', publishedAt: new Date('2026-11-01T00:00:00Z') },
      bodyStartLine: 8,
      body: { hash: 'abc', wordCount: 3, problems: [], images: [], adSlots: [] },
    };
    const writer = createRecordCache(folder);
    writer.set('content/articles/a.md', record);
    writer.save('0');
    const reader = createRecordCache(folder);
    expect(reader.get('content/articles/a.md', '120:1764547200000')).toEqual(record);
    expect(reader.get('content/articles/a.md', '121:1764547200000')).toBeUndefined();
    await writeFile(path.join(folder, 'records-0.v8'), 'not a record file');
    expect(createRecordCache(folder).get('content/articles/a.md', '120:1764547200000')).toBeUndefined();
  });
});

describe('watchFolders', () => {
  it('reports new files, edits and new sub-folders', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-watch-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    let changes = 0;
    const stop = watchFolders([root], () => changes++);
    cleanups.push(stop);
    await writeFile(path.join(root, 'a.md'), 'one');
    expect(await until(() => changes > 0)).toBe(true);
    await mkdir(path.join(root, '2026'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = changes;
    await writeFile(path.join(root, '2026', 'b.md'), 'two');
    expect(await until(() => changes > before)).toBe(true);
  });
});

describe('a running server', () => {
  let workspace: Workspace;

  async function serverContent() {
    workspace = await createWorkspace();
    cleanups.push(() => workspace.dispose());
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('BROADSHEET_CONTENT_ROOT', workspace.root);
    freshLoader();
    return import('@/lib/content/loadSite');
  }

  it('serves an edited and a new article once its watcher asks for a reload', async () => {
    const { loadSiteContent, reloadSiteContent } = await serverContent();
    const before = await loadSiteContent();
    expect(before.articles.some((article) => article.slug === 'breaking-news')).toBe(false);

    await workspace.write('content/articles/breaking-news.md', articleSource({ title: '"Breaking news"' }));
    await workspace.write('content/articles/no-ads-story.md', articleSource({ title: '"A corrected headline"' }));
    expect(await loadSiteContent()).toBe(before); // nothing changes until the reload
    expect(await reloadSiteContent()).toBe(true);
    const { articles } = await loadSiteContent();
    expect(articles.find((article) => article.slug === 'breaking-news')?.title).toBe('Breaking news');
    expect(articles.find((article) => article.slug === 'no-ads-story')?.title).toBe('A corrected headline');
  });

  it("shares one load between every route's copy of the loader, so a reload reaches them all", async () => {
    const pageRoute = await serverContent();
    const before = await pageRoute.loadSiteContent();
    vi.resetModules(); // Next bundles each route with its own copy of the module
    const regenerateRoute = await import('@/lib/content/loadSite');
    expect(await regenerateRoute.loadSiteContent()).toBe(before);
    await workspace.write('content/articles/no-ads-story.md', articleSource({ title: '"Seen by every route"' }));
    expect(await regenerateRoute.reloadSiteContent()).toBe(true);
    const { articles } = await pageRoute.loadSiteContent();
    expect(articles.find((article) => article.slug === 'no-ads-story')?.title).toBe('Seen by every route');
  });

  it('keeps serving what it had when a change breaks content/, and says why', async () => {
    const { loadSiteContent, reloadSiteContent } = await serverContent();
    const before = await loadSiteContent();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanups.push(() => errors.mockRestore());

    await workspace.write('content/articles/broken.md', articleSource({ section: 'no-such-section' }));
    expect(await reloadSiteContent()).toBe(false);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /content\/articles\/broken\.md:\d+: section: unknown section "no-such-section"[\s\S]*keeps the content it had/,
    );
    expect(await loadSiteContent()).toBe(before);
  });

  it('reads only the files that changed since the last load (by size and modification time)', async () => {
    const { loadSiteContent, reloadSiteContent } = await serverContent();
    const untouched = path.join(workspace.root, 'content/articles/reference-shape.md');
    const time = new Date('2026-11-01T00:00:00Z'); // whole seconds, so it can be set again exactly
    await utimes(untouched, time, time);
    const before = await loadSiteContent();
    // Garbage of the same size and time in an unchanged file: a reload that read it would fail.
    await writeFile(untouched, 'x'.repeat((await stat(untouched)).size));
    await utimes(untouched, time, time);
    await workspace.write('content/articles/no-ads-story.md', articleSource({ title: '"Edited once"' }));
    expect(await reloadSiteContent()).toBe(true);
    const { articles } = await loadSiteContent();
    expect(articles.find((article) => article.slug === 'no-ads-story')?.title).toBe('Edited once');
    expect(articles.find((article) => article.slug === 'reference-shape')?.title).toBe(
      before.articles.find((article) => article.slug === 'reference-shape')?.title,
    );
  });
});

describe('scheduled stories', () => {
  it('wake the server when the next one is due: never for a draft or a story already out', async () => {
    freshLoader();
    const { nextScheduledTime } = await import('@/lib/content/loadSite');
    const at = (iso: string, draft = false) => ({ ...makeArticle(`story-${iso.slice(0, 10)}`, { publishedAt: iso }), draft });
    const now = Date.parse('2026-11-29T12:00:00Z');
    const articles = [at('2026-11-28T00:00:00Z'), at('2026-12-01T00:00:00Z', true), at('2026-12-03T00:00:00Z'), at('2026-12-02T06:00:00Z')];
    expect(nextScheduledTime(articles, now)).toBe(Date.parse('2026-12-02T06:00:00Z'));
    expect(nextScheduledTime(articles.slice(0, 2), now)).toBeUndefined();
  });
});

describe('regeneration on change', () => {
  it('asks the server to reload once after a burst of changes, and again for a change during that', async () => {
    const workspace = await createWorkspace();
    cleanups.push(() => workspace.dispose());
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      setTimeout(() => response.writeHead(204).end(), 200);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    vi.stubEnv('__NEXT_PRIVATE_ORIGIN', `http://localhost:${address.port}`);
    vi.resetModules();
    const { regenerateOnContentChange } = await import('@/lib/content/watchContent');
    const stop = regenerateOnContentChange(workspace.location());
    cleanups.push(stop);

    for (const index of [1, 2, 3]) await workspace.write(`content/articles/burst-${index}.md`, articleSource());
    expect(await until(() => requests.length === 1)).toBe(true);
    await workspace.write('content/articles/during.md', articleSource());
    expect(await until(() => requests.length === 2)).toBe(true);
    expect(requests).toEqual(['POST /internal/regenerate?reason=content', 'POST /internal/regenerate?reason=content']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(requests).toHaveLength(2);
  });
});
