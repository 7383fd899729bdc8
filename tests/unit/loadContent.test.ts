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

  it('builds articles newest first with defaults applied and references resolved', async () => {
    workspace = await createWorkspace();
    const { articles } = await workspace.content();
    expect(articles.map((article) => article.slug)).toEqual([
      'scheduled-story',
      'reference-shape',
      'hostile-everything',
      'no-ads-story',
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
});

describe('article front matter', () => {
  it.each([
    ['a missing title', { title: null }, `${FILE}: title: missing (required)`],
    ['a numeric title', { title: '1984' }, `${FILE}:2: title: expected a headline, got number 1984 (put it in quotes: "1984")`],
    ['an empty title', { title: '~' }, `${FILE}:2: title: expected a headline, got an empty value (written as ~)`],
    ['a blank title', { title: '"   "' }, `${FILE}:2: title: must not be empty`],
    ['an octal-looking title', { title: '0o17' }, `${FILE}:2: title: expected a headline, got number 15 (put it in quotes: "0o17")`],
    ['a tilde for a location', { location: '~' }, `${FILE}:7: location: expected a dateline city, got an empty value (written as ~)`],
    ['a title over 200 characters', { title: `"${'x'.repeat(201)}"` }, `${FILE}:2: title: must be at most 200 characters`],
    ['an empty summary', { summary: '[]' }, `${FILE}:3: summary: needs at least 1 bullet`],
    ['five summary bullets', { summary: '[a, b, c, d, e]' }, `${FILE}:3: summary: at most 4 bullets`],
    ['a summary that is not a list', { summary: '"One bullet"' }, `${FILE}:3: summary: expected a list of summary bullets, got "One bullet"`],
    ['an unknown author', { author: 'jane-do' }, `${FILE}:4: author: unknown author "jane-do" (known: jane-doe, li-wei)`],
    ['an unknown co-author', { author: '[jane-doe, wei-li]' }, `${FILE}:4: author: unknown author "wei-li" (known: jane-doe, li-wei)`],
    ['an author id with capitals', { author: 'Jane-Doe' }, `${FILE}:4: author: not a valid author id: "Jane-Doe" (lowercase letters, digits and single hyphens)`],
    ['an unknown section', { section: 'chna' }, `${FILE}:5: section: unknown section "chna" (known: china, world)`],
    ['a date in the wrong format', { publishedAt: '"26/11/2026"' }, `${FILE}:6: publishedAt: not a date-time with offset: "26/11/2026" (write e.g. "2026-11-26T09:30:00+08:00")`],
    ['a date without an offset', { publishedAt: '"2026-11-26T09:30:00"' }, `${FILE}:6: publishedAt: not a date-time with offset: "2026-11-26T09:30:00" (write e.g. "2026-11-26T09:30:00+08:00")`],
    ['an impossible date', { publishedAt: '2025-13-45T09:30:00+08:00' }, `${FILE}:6: publishedAt: not a date-time with offset: "2025-13-45T09:30:00+08:00" (write e.g. "2026-11-26T09:30:00+08:00")`],
    ['a date only', { publishedAt: '2026-11-26' }, `${FILE}:6: publishedAt: not a date-time with offset: "2026-11-26" (write e.g. "2026-11-26T09:30:00+08:00")`],
    ['an update before publication', { updatedAt: '"2026-11-25T09:30:00+08:00"' }, `${FILE}:7: updatedAt: is earlier than publishedAt (2026-11-26T09:30:00+08:00)`],
    ['a description over 300 characters', { description: `"${'x'.repeat(301)}"` }, `${FILE}:7: description: must be at most 300 characters`],
    ['ads written as yes', { ads: 'yes' }, `${FILE}:7: ads: expected true or false (show ad slots), got "yes"`],
    ['draft written as a number', { draft: '1' }, `${FILE}:7: draft: expected true or false (draft), got number 1`],
    ['a misspelt field', { titel: '"x"' }, `${FILE}:7: titel: unknown field (did you mean "title"?)`],
    ['an unknown field', { mood: 'happy' }, `${FILE}:7: mood: unknown field (known: title, summary, author, location, section, topics, publishedAt, updatedAt, image, description, ads, draft)`],
    ['a __proto__ field', { ['__proto__']: '{ polluted: true }' }, `${FILE}:7: __proto__: unknown field (known: title, summary, author, location, section, topics, publishedAt, updatedAt, image, description, ads, draft)`],
    ['topics that are not a list', { topics: 'trade' }, `${FILE}:7: topics: expected a list of topics, got "trade"`],
    ['a topic with no letters', { topics: '["!!!"]' }, `${FILE}:7: topics[0]: topic "!!!" has no letters or digits`],
  ])('reports %s', async (_case, fields, expected) => {
    expect(await problemsFor({ [FILE]: articleSource(fields) })).toEqual([expected]);
  });

  it.each([
    ['a scheme', 'https://evil.example/x.jpg'],
    ['a path outside /images/', '/secret/x.jpg'],
    ['a parent-folder step', '/images/../../etc/passwd.jpg'],
    ['a non-image file', '/images/notes.txt'],
  ])('rejects a hero image path with %s', async (_case, src) => {
    const image = `\n  src: "${src}"\n  alt: "A photo"`;
    expect(await problemsFor({ [FILE]: articleSource({ image }) })).toEqual([
      `${FILE}:8: image.src: not a site image path: "${src}" (must be /images/<file>.jpg|png|webp|avif|gif, no scheme and no "..")`,
    ]);
  });

  it('reports a hero image that does not exist', async () => {
    const image = '\n  src: /images/missing.jpg\n  alt: "A photo"';
    expect(await problemsFor({ [FILE]: articleSource({ image }) })).toEqual([
      `${FILE}:8: image.src: image "/images/missing.jpg" not found in public/images/`,
    ]);
  });

  it('reports a hero image without alt text', async () => {
    const image = '\n  src: /images/hero.jpg';
    expect(await problemsFor({ [FILE]: articleSource({ image }) })).toEqual([`${FILE}:8: image.alt: missing (required)`]);
  });

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
});

describe('article files', () => {
  it.each(['Rare-Earths', 'rare_earths', 'rare--earths', '-rare', 'rare earths'])(
    'rejects the file name "%s.md" as a slug',
    async (name) => {
      const problems = await problemsFor({ [`content/articles/${name}.md`]: articleSource() });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(`^content/articles/${name}\\.md: file name "${name}" is not a valid slug \\(lowercase letters, digits and single hyphens, e\\.g\\. "[a-z0-9-]+"\\)$`),
      );
    },
  );

  it('allows sub-folders but rejects the same slug twice', async () => {
    expect(
      await problemsFor({
        'content/articles/2026/11/same-slug.md': articleSource(),
        'content/articles/2027/same-slug.md': articleSource(),
      }),
    ).toEqual([
      'content/articles/2027/same-slug.md: slug "same-slug" is already used by content/articles/2026/11/same-slug.md; slugs must be unique across all folders',
    ]);
  });

  it('rejects a symbolic link, even to a valid article', async () => {
    workspace = await createWorkspace({ 'outside/secret.md': articleSource() });
    await workspace.link('content/articles/linked.md', `${workspace.root}/outside/secret.md`);
    expect(await workspace.problems()).toEqual([
      'content/articles/linked.md: is a symbolic link; content must be real files inside content/',
    ]);
  });

  it('rejects a file that is not Markdown', async () => {
    expect(await problemsFor({ 'content/articles/notes.txt': 'hello' })).toEqual([
      'content/articles/notes.txt: not a Markdown file; content files end in .md',
    ]);
  });

  it('rejects JavaScript front matter in an article with the file named, and runs nothing', async () => {
    const source = `---js\n{ title: (globalThis.__articleRan = true, "x") }\n---\nBody\n`;
    expect(await problemsFor({ [FILE]: source })).toEqual([
      `${FILE}:1: front matter: front matter must be YAML, not "js"; it was not evaluated`,
    ]);
    expect(Reflect.get(globalThis, '__articleRan')).toBeUndefined();
  });

  it('reports a level-1 heading in the body with its file line', async () => {
    expect(await problemsFor({ [FILE]: articleSource({}, 'Intro.\n\n# A second headline\n') })).toEqual([
      `${FILE}:11: body: a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"`,
    ]);
  });

  it('reports a body image that is missing or off-site', async () => {
    const body = 'Intro.\n\n![A map](/images/nowhere.jpg "Caption")\n\n![Remote](https://evil.example/x.png)\n';
    expect(await problemsFor({ [FILE]: articleSource({}, body) })).toEqual([
      `${FILE}:11: body: image "/images/nowhere.jpg" not found in public/images/`,
      `${FILE}:13: body: image "https://evil.example/x.png" is not a site image path (/images/<file>.jpg|png|webp|avif|gif)`,
    ]);
  });
});

describe('authors, sections and pages', () => {
  it('reports an author without a name and an avatar that does not exist', async () => {
    expect(
      await problemsFor({ 'content/authors/new-writer.md': '---\nrole: Reporter\n---\nBio.\n', 'content/authors/pic.md': '---\nname: Pic\navatar: /images/none.jpg\n---\n' }),
    ).toEqual([
      'content/authors/new-writer.md: name: missing (required)',
      'content/authors/pic.md:3: avatar.src: image "/images/none.jpg" not found in public/images/',
    ]);
  });

  it('reports a section order that is not a whole number', async () => {
    expect(await problemsFor({ 'content/sections/sport.md': '---\nname: Sport\norder: 2.5\n---\nGames.\n' })).toEqual([
      'content/sections/sport.md:3: order: must be a whole number',
    ]);
  });

  it('names an author whose own file is broken instead of calling it unknown', async () => {
    expect(
      await problemsFor({ 'content/authors/new-writer.md': '---\nnam: New Writer\n---\n', [FILE]: articleSource({ author: 'new-writer' }) }),
    ).toEqual([
      'content/authors/new-writer.md: name: missing (required)',
      'content/authors/new-writer.md:2: nam: unknown field (did you mean "name"?)',
      `${FILE}:4: author: author "new-writer" cannot be used until its own file's problems are fixed`,
    ]);
  });
});

describe('oversized files', () => {
  it('rejects a 1 MB paragraph by size before parsing it', async () => {
    const problems = await problemsFor({ [FILE]: articleSource({}, `${'word '.repeat(210_000)}\n`) });
    expect(problems).toEqual([expect.stringMatching(/^content\/articles\/broken\.md: is \d+ bytes; the limit is 524288 bytes$/)]);
  });
});
