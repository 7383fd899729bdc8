import { afterEach, describe, expect, it } from 'vitest';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

const FILE = 'content/articles/broken.md';
let workspace: Workspace | undefined;

afterEach(async () => {
  await workspace?.dispose();
  workspace = undefined;
});

async function problemsFor(files: Record<string, string>) {
  workspace = await createWorkspace(files);
  return workspace.problems();
}

describe('the fixture site', () => {
  it('is valid', async () => {
    expect(await problemsFor({})).toEqual([]);
  });

  it('is refused, not published empty, when content/ is missing', async () => {
    workspace = await createWorkspace({}, { empty: true });
    const missing = `${workspace.root}/content`;
    expect(await workspace.problems()).toEqual([
      `content: folder not found at ${missing}; there is nothing to publish (is BROADSHEET_CONTENT_ROOT right?)`,
    ]);
  });

  it('builds articles newest first with defaults applied and references resolved', async () => {
    workspace = await createWorkspace();
    const { articles } = await workspace.content();
    expect(articles.map((article) => article.slug)).toEqual([
      'scheduled-story',
      'reference-shape',
      'hostile-everything',
      'no-ads-story',
      'unbreakable-words',
      'two-authors-no-image',
      'a-draft',
    ]);
    const reference = articles.find((article) => article.slug === 'reference-shape');
    expect(reference?.authors.map((author) => author.name)).toEqual(['Jane Doe']);
    expect(reference?.section.name).toBe('China');
    expect(reference?.publishedAt.iso).toBe('2026-11-26T09:30:00+08:00');
    expect(reference?.image).toMatchObject({ src: '/images/hero.jpg', width: 160, height: 90 });
    expect(reference?.ads).toBe(true);
    expect(reference?.draft).toBe(false);
    expect(reference?.topics).toEqual([
      { name: 'rare earths', slug: 'rare-earths' },
      { name: 'National Security', slug: 'national-security' },
    ]);
    const twoAuthors = articles.find((article) => article.slug === 'two-authors-no-image');
    expect(twoAuthors?.description).toBe('A short story with two bylines and no hero photo.');
    expect(twoAuthors?.authors.map((author) => author.id)).toEqual(['jane-doe', 'li-wei']);
  });

  it('shows a topic typed with doubled or odd spaces with single ones', async () => {
    workspace = await createWorkspace({
      'content/articles/spaced-topic.md': articleSource({ topics: '["São  Paulo", "são paulo", "port\tstrikes"]' }),
    });
    const { articles } = await workspace.content();
    const spaced = articles.find((article) => article.slug === 'spaced-topic');
    expect(spaced?.topics.map((topic) => topic.name)).toEqual(['São Paulo', 'port strikes']);
  });
});

// The exact text of every error line an editor can get is asserted in errorMessages.test.ts;
// these tests are about what the loader builds and how it reports.

describe('loading articles', () => {
  it('accepts publishedAt written with and without quotes', async () => {
    workspace = await createWorkspace({
      'content/articles/quoted.md': articleSource({ publishedAt: '"2026-11-26T09:30:00+08:00"' }),
      'content/articles/unquoted.md': articleSource({ publishedAt: '2026-11-26T09:30:00+08:00' }),
    });
    expect(await workspace.problems()).toEqual([]);
    const { articles } = await workspace.content();
    const times = articles.filter((a) => a.slug.endsWith('quoted')).map((a) => a.publishedAt);
    expect(times).toEqual([
      { iso: '2026-11-26T09:30:00+08:00', epochMs: Date.UTC(2026, 10, 26, 1, 30) },
      { iso: '2026-11-26T09:30:00+08:00', epochMs: Date.UTC(2026, 10, 26, 1, 30) },
    ]);
  });

  it('reports every problem in every file at once', async () => {
    const problems = await problemsFor({
      'content/articles/one.md': articleSource({ title: null, section: 'nowhere' }),
      'content/articles/two.md': articleSource({ author: 'nobody' }),
    });
    expect(problems).toEqual([
      'content/articles/one.md: title: missing (required)',
      'content/articles/one.md:4: section: unknown section "nowhere" (known: china, world)',
      'content/articles/two.md:4: author: unknown author "nobody" (known: jane-doe, li-wei)',
    ]);
  });

  it('refuses JavaScript front matter without running it', async () => {
    const source = `---js\n{ title: (globalThis.__articleRan = true, "x") }\n---\nBody\n`;
    expect(await problemsFor({ [FILE]: source })).toEqual([expect.stringMatching(/^content\/articles\/broken\.md:1: front matter: /)]);
    expect(Reflect.get(globalThis, '__articleRan')).toBeUndefined();
  });
});
