import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '@/lib/content/errors';
import { checkContent } from '@/lib/content/loadSite';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

/**
 * `content:check` lists every problem at once: a mistake in one field must not hide another
 * field's, nor one item of a list another item's, until the first is fixed.
 */
let workspace: Workspace | undefined;
afterEach(async () => {
  await workspace?.dispose();
  workspace = undefined;
});

const ARTICLE = 'content/articles/rare-earths.md';

async function problemsOf(fields: Record<string, string | null>): Promise<string[]> {
  workspace = await createWorkspace({ [ARTICLE]: articleSource(fields) });
  return (await workspace.problems()).filter((line) => line.startsWith(ARTICLE));
}

describe('every problem in one run', () => {
  it('an updatedAt before publishedAt is reported beside a wrong title', async () => {
    const lines = await problemsOf({ title: '1984', updatedAt: '"2026-11-25T09:30:00+08:00"' });
    expect(lines).toEqual([
      expect.stringMatching(/^content\/articles\/rare-earths\.md:2: title: /),
      'content/articles/rare-earths.md:7: updatedAt: is earlier than publishedAt (2026-11-26T09:30:00+08:00)',
    ]);
  });

  it("a correction's date is checked though its kind is wrong", async () => {
    const corrections = '\n  - date: "2026-11-20T09:00:00+08:00"\n    text: "We misspelt a name."\n    kind: erratum';
    const lines = await problemsOf({ corrections });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^content\/articles\/rare-earths\.md:10: corrections\[0\]\.kind: /);
    expect(lines[1]).toBe(
      'content/articles/rare-earths.md:8: corrections[0].date: must be after publishedAt (2026-11-26T09:30:00+08:00)',
    );
  });

  it('an unknown author is named beside an author id that is not valid', async () => {
    const lines = await problemsOf({ author: '[jane-doe, nobody, Jane-Doe]' });
    expect(lines).toEqual([
      'content/articles/rare-earths.md:4: author[2]: not a valid author id: "Jane-Doe" (lowercase letters, digits and single hyphens)',
      'content/articles/rare-earths.md:4: author: unknown author "nobody" (known: jane-doe, li-wei)',
    ]);
  });

  it('a topic without letters is named beside an empty one', async () => {
    const lines = await problemsOf({ topics: '[trade, "!!!", ""]' });
    expect(lines).toEqual(
      expect.arrayContaining([
        'content/articles/rare-earths.md:7: topics[2]: must not be empty',
        'content/articles/rare-earths.md:7: topics[1]: topic "!!!" has no letters or digits',
      ]),
    );
    expect(lines).toHaveLength(2);
  });

  const BROKEN_BODY = 'Intro.\n\n# A second headline\n\n![Magnets](/images/missing.jpg "Magnets. Photo: Broadsheet")\n';

  it("a file's body problems are listed beside its YAML error", async () => {
    workspace = await createWorkspace({ [ARTICLE]: articleSource({ title: 'China: what next' }, BROKEN_BODY) });
    const lines = (await workspace.problems()).filter((line) => line.startsWith(ARTICLE));
    expect(lines).toEqual([
      expect.stringMatching(/^content\/articles\/rare-earths\.md:2: title: the value contains ": "/),
      'content/articles/rare-earths.md:11: body: a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"',
      'content/articles/rare-earths.md:13: body: image "/images/missing.jpg" not found in public/images/',
    ]);
  });

  it("an author's missing portrait is named beside the file's other problems", async () => {
    workspace = await createWorkspace({
      'content/authors/new-writer.md': '---\nnam: New Writer\navatar: /images/authors/nobody.jpg\n---\n\nA biography.\n',
    });
    const lines = (await workspace.problems()).filter((line) => line.startsWith('content/authors/new-writer.md'));
    expect(lines).toEqual(
      expect.arrayContaining(['content/authors/new-writer.md:3: avatar: image "/images/authors/nobody.jpg" not found in public/images/']),
    );
    expect(lines).toHaveLength(3);
  });

  it('the build lists the same problems as content:check, for a file wrong in front matter and body', async () => {
    workspace = await createWorkspace({ [ARTICLE]: articleSource({ title: '1984', section: 'chna' }, BROKEN_BODY) });
    const everyBody = (await checkContent(workspace.location(), undefined, 'read')).issues.map(formatIssue);
    const asTheBuild = (await checkContent(workspace.location(), undefined, 'newest')).issues.map(formatIssue);
    expect(everyBody.filter((line) => line.includes(': body: '))).toHaveLength(2);
    expect([...asTheBuild].sort()).toEqual([...everyBody].sort());
  });
});
