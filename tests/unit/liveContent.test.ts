import { mkdtemp, rm, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRenderCache } from '@/lib/markdown/renderCache';
import { watchFolders } from '@/lib/content/watchContent';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

const size = { width: 1600, height: 900, bytes: 1000 };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.unstubAllEnvs();
  vi.resetModules();
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
    vi.resetModules();
    return import('@/lib/content/loadSite');
  }

  it('serves an edited and a new article without a restart', async () => {
    const { loadSiteContent } = await serverContent();
    const before = await loadSiteContent();
    expect(before.articles.some((article) => article.slug === 'breaking-news')).toBe(false);

    await workspace.write('content/articles/breaking-news.md', articleSource({ title: '"Breaking news"' }));
    await workspace.write('content/articles/no-ads-story.md', articleSource({ title: '"A corrected headline"' }));
    expect(
      await until(async () => {
        const { articles } = await loadSiteContent();
        return (
          articles.some((article) => article.title === 'Breaking news') &&
          articles.find((article) => article.slug === 'no-ads-story')?.title === 'A corrected headline'
        );
      }),
    ).toBe(true);
  });

  it('keeps serving what it had when a change breaks content/, and says why', async () => {
    const { loadSiteContent } = await serverContent();
    const before = await loadSiteContent();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanups.push(() => errors.mockRestore());

    await workspace.write('content/articles/broken.md', articleSource({ section: 'no-such-section' }));
    expect(await until(() => errors.mock.calls.length > 0, 300)).toBe(false); // nothing happens until asked
    expect(await until(async () => (await loadSiteContent(), errors.mock.calls.length > 0))).toBe(true);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /content\/articles\/broken\.md:\d+: section: unknown section "no-such-section"[\s\S]*keeps the content it had/,
    );
    expect((await loadSiteContent()).articles.map((article) => article.slug)).toEqual(
      before.articles.map((article) => article.slug),
    );
  });
});
