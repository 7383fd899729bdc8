import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleBody } from '@/lib/content/articleBodies';
import { formatIssue } from '@/lib/content/errors';
import { createRecordCache } from '@/lib/content/fileRecords';
import { imageSizeReader } from '@/lib/images/imageSizes';
import { createRenderCache } from '@/lib/markdown/renderCache';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';
import { freshLoader } from '../support/freshLoader';

/**
 * The build checks every article's front matter but renders only the newest bodies; an archive
 * article's body is rendered, and checked, with its page (lib/content/articleBodies.ts).
 */
let workspace: Workspace;
afterEach(async () => {
  await workspace.dispose();
  vi.unstubAllEnvs();
  freshLoader();
});

const OLD = 'content/articles/old-story.md';
const MISSING_PHOTO = 'content/articles/old-story.md:11: body: image "/images/missing.jpg" not found in public/images/';

async function withOldBrokenBody() {
  workspace = await createWorkspace({
    [OLD]: articleSource({ publishedAt: '"2020-01-01T00:00:00Z"' }, 'A paragraph.\n\n![A photo](/images/missing.jpg)\n'),
  });
  vi.stubEnv('BROADSHEET_PRERENDER_ARTICLES', '2');
  freshLoader();
  const { checkContent } = await import('@/lib/content/loadSite');
  const caches = { render: createRenderCache(undefined), records: createRecordCache(undefined) };
  const location = workspace.location();
  return { checkContent, caches, location };
}

describe('article bodies in an archive', () => {
  it('are all checked by content:check', async () => {
    const { checkContent, caches, location } = await withOldBrokenBody();
    const { issues } = await checkContent(location, caches, 'read');
    expect(issues.map(formatIssue)).toEqual([MISSING_PHOTO]);
  });

  it('are checked by the build only for the newest articles and those not yet published', async () => {
    const { checkContent, caches, location } = await withOldBrokenBody();
    const { issues, content } = await checkContent(location, caches, 'newest');
    expect(issues).toEqual([]);
    // The newest two published, the scheduled one and the draft have their bodies rendered.
    const rendered = content.articles.filter((article) => caches.records.latest(article.sourceFile)?.body);
    expect(rendered.map((article) => article.slug).sort()).toEqual(['a-draft', 'hostile-everything', 'reference-shape', 'scheduled-story']);

    // The old article's body is rendered with its page, and its problem named then.
    const old = content.articles.find((article) => article.slug === 'old-story');
    if (!old) throw new Error('old-story did not load');
    const { body, issues: pageIssues } = articleBody(old, { location, caches, imageSize: imageSizeReader(location.publicDir) }, 'page');
    expect(pageIssues.map(formatIssue)).toEqual([MISSING_PHOTO]);
    // The reader gets the paragraph, and no broken image.
    expect(body.blocks.map((block) => block.html)).toEqual(['<p>A paragraph.</p>']);
    expect(caches.records.latest(OLD)?.body?.wordCount).toBe(body.wordCount);
  });

  it('found wrong when a page is rendered do not stop the next load publishing new stories', async () => {
    const { checkContent, caches, location } = await withOldBrokenBody();
    const { content } = await checkContent(location, caches, 'newest');
    const old = content.articles.find((article) => article.slug === 'old-story');
    if (!old) throw new Error('old-story did not load');
    articleBody(old, { location, caches, imageSize: imageSizeReader(location.publicDir) }, 'page');

    // A new story arrives; the server loads content/ again with the same caches.
    await workspace.write('content/articles/new-story.md', articleSource({ title: '"A new story"' }));
    const reloaded = await checkContent(location, caches);
    expect(reloaded.issues.map(formatIssue)).toEqual([]);
    expect(reloaded.content.articles.map((article) => article.slug)).toContain('new-story');

    // An edit to the old story is a changed file: it is read and checked again, and refused.
    await workspace.write(OLD, articleSource({ publishedAt: '"2020-01-01T00:00:00Z"' }, 'An edit.\n\n![A photo](/images/missing.jpg)\n'));
    const edited = await checkContent(location, caches);
    expect(edited.issues.map(formatIssue)).toEqual([MISSING_PHOTO]);
  });
});
