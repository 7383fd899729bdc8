import { describe, expect, it } from 'vitest';
import { buildArticles } from '@/lib/content/buildArticles';
import { buildAuthors } from '@/lib/content/buildAuthors';
import { buildPages } from '@/lib/content/buildPages';
import { buildSections } from '@/lib/content/buildSections';
import { buildSite } from '@/lib/content/buildSite';
import { enhanceArticles } from '@/lib/content/enhanceArticles';
import { formatIssue } from '@/lib/content/errors';
import { loadFile } from '@/lib/content/loadFile';
import type { LoadContext } from '@/lib/content/loadFile';
import { buildPublishedIndex, isPublished } from '@/lib/content/publishedIndex';
import type { ContentFile } from '@/lib/content/readContentFiles';
import type { References } from '@/lib/content/resolveReferences';
import { RawSectionSchema } from '@/lib/content/schemas';
import { isSlug, slugify } from '@/lib/content/slugs';
import { articleBody } from '@/lib/content/articleBodies';
import { createRecordCache } from '@/lib/content/fileRecords';
import type { ImageSize } from '@/lib/images/imagePath';
import { createRenderCache } from '@/lib/markdown/renderCache';

/**
 * Each stage of the content pipeline on its own, with files made in memory: read (tested on
 * disk in loadContent.test.ts) → split, validate, render (`loadFile`) → resolve references
 * (`buildArticles`, `buildAuthors`) → enhance (`enhanceArticles`) → index (`publishedIndex`).
 */

const PHOTO: ImageSize = { width: 1600, height: 900, bytes: 120_000 };
const imageSize = (src: string) => (src === '/images/photo.jpg' ? PHOTO : undefined);

function context(): LoadContext {
  return { imageSize, caches: { render: createRenderCache(undefined), records: createRecordCache(undefined) }, issues: [] };
}

function file(collection: string, id: string, frontMatter: string, body = 'Body text.\n'): ContentFile {
  return { id, file: `content/${collection}/${id}.md`, stamp: 'in memory', text: () => `---\n${frontMatter}\n---\n\n${body}` };
}

function article(id: string, fields: Record<string, string> = {}, body?: string): ContentFile {
  const all = {
    title: `"Headline ${id}"`,
    summary: '["One bullet."]',
    author: 'jane-doe',
    section: 'china',
    publishedAt: '"2026-11-26T09:30:00+08:00"',
    ...fields,
  };
  return file('articles', id, Object.entries(all).map(([key, value]) => `${key}: ${value}`).join('\n'), body);
}

const paragraphs = (count: number, words = 60) =>
  Array.from({ length: count }, (_, i) => `Paragraph ${i} ${'word '.repeat(words - 2).trim()}.`).join('\n\n') + '\n';

function references(): References {
  const ctx = context();
  const sections = buildSections([file('sections', 'china', 'name: China')], ctx);
  const authors = buildAuthors([file('authors', 'jane-doe', 'name: Jane Doe')], ctx);
  return {
    sectionsById: new Map(sections.map((s) => [s.id, s])),
    authorsById: new Map(authors.map((a) => [a.id, a])),
    sectionFiles: new Map([
      ['china', 'content/sections/china.md'],
      ['broken-section', 'content/sections/broken-section.md'],
    ]),
    authorFiles: new Map([['jane-doe', 'content/authors/jane-doe.md']]),
  };
}

describe('slugs: one rule for file names and topic addresses', () => {
  it.each([
    ['Zürich’s “new” café, 2026', true, 'zurichs-new-cafe-2026'],
    ['  --Hello,   World--  ', true, 'hello-world'],
    ['稀土 出口', false, '稀土-出口'],
    ['C++', false, 'c'],
    ['!!!', true, ''],
  ])('slugify(%j, ascii: %s) is %j', (text, ascii, slug) => {
    expect(slugify(text, { ascii })).toBe(slug);
  });

  it('accepts exactly lowercase ASCII words joined by single hyphens', () => {
    expect(['a', 'rare-earths-2026', 'x1'].every(isSlug)).toBe(true);
    expect(['', 'Rare', 'a--b', '-a', 'a-', 'a_b', 'é'].some(isSlug)).toBe(false);
  });
});

describe('loadFile: split → validate → render', () => {
  it('returns the validated value and the rendered body', () => {
    const ctx = context();
    const loaded = loadFile(file('sections', 'china', 'name: China\norder: 2', 'The **China** desk.\n'), RawSectionSchema, ctx);
    expect(ctx.issues).toEqual([]);
    expect(loaded?.value).toEqual({ name: 'China', order: 2 });
    expect(loaded?.body.blocks.map((block) => block.html)).toEqual(['<p>The <strong>China</strong> desk.</p>']);
  });

  it('reports body problems at their line in the file, and keeps the body when the front matter fails', () => {
    const ctx = context();
    const loaded = loadFile(file('sections', 'china', 'order: 2', 'Intro.\n\n# Not allowed\n'), RawSectionSchema, ctx);
    expect(loaded?.value).toBeUndefined();
    expect(loaded?.body.blocks).toHaveLength(2);
    expect(ctx.issues.map(formatIssue)).toEqual([
      'content/sections/china.md:7: body: a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"',
      'content/sections/china.md: name: missing (required)',
    ]);
  });

  it('returns nothing for a file that cannot be split', () => {
    const ctx = context();
    expect(loadFile({ id: 'x', file: 'content/sections/x.md', text: () => 'no front matter' }, RawSectionSchema, ctx)).toBeUndefined();
    expect(ctx.issues.map((issue) => issue.kind)).toEqual(['front-matter']);
  });
});

describe('buildSections, buildAuthors, buildPages', () => {
  it('orders sections by `order`, then by name, unordered last', () => {
    const sections = buildSections(
      [file('sections', 'world', 'name: World'), file('sections', 'asia', 'name: Asia\norder: 2'), file('sections', 'china', 'name: China\norder: 1'), file('sections', 'arts', 'name: Arts')],
      context(),
    );
    expect(sections.map((section) => section.id)).toEqual(['china', 'asia', 'arts', 'world']);
  });

  it('gives an author a sized portrait, and reports a missing one without dropping the author', () => {
    const ctx = context();
    const [withPhoto, without] = buildAuthors(
      [file('authors', 'jane-doe', 'name: Jane Doe\navatar: /images/photo.jpg'), file('authors', 'li-wei', 'name: Li Wei\navatar: /images/none.jpg')],
      ctx,
    );
    expect(withPhoto?.avatar).toEqual({ src: '/images/photo.jpg', alt: 'Portrait of Jane Doe', ...PHOTO });
    expect(without?.avatar).toBeUndefined();
    expect(ctx.issues.map(formatIssue)).toEqual(['content/authors/li-wei.md:3: avatar: image "/images/none.jpg" not found in public/images/']);
  });

  it('builds pages with their body blocks', () => {
    const [page] = buildPages([file('pages', 'standards', 'title: Our standards', 'We correct mistakes.\n')], context());
    expect(page).toMatchObject({ id: 'standards', title: 'Our standards', body: [{ kind: 'paragraph', html: '<p>We correct mistakes.</p>' }] });
  });
});

describe('buildArticles: resolve references', () => {
  it('resolves author and section, keeps one spelling per topic and sizes the photo', () => {
    const ctx = context();
    const [built] = buildArticles(
      [article('a', { topics: '[Rare Earths, rare  earths, Trade]', image: '{ src: /images/photo.jpg, alt: A mine }' })],
      references(),
      ctx,
    );
    expect(ctx.issues).toEqual([]);
    expect(built?.authors.map((author) => author.name)).toEqual(['Jane Doe']);
    expect(built?.section.name).toBe('China');
    expect(built?.topicNames).toEqual(['Rare Earths', 'Trade']);
    expect(built?.image).toEqual({ src: '/images/photo.jpg', alt: 'A mine', ...PHOTO });
    expect(built?.description).toBe('One bullet.');
  });

  it('reports every reference problem of a file, leaves it out, and still checks references when other fields fail', () => {
    const ctx = context();
    const built = buildArticles(
      [
        article('a', { author: 'jane-do', section: 'broken-section', topics: '["!!"]' }),
        article('b', { title: '""', author: '[jane-doe, nobody]' }),
        article('a'),
      ],
      references(),
      ctx,
    );
    expect(built).toEqual([]);
    expect(ctx.issues.map(formatIssue)).toEqual([
      'content/articles/a.md:4: author: unknown author "jane-do" (known: jane-doe)',
      'content/articles/a.md:5: section: section "broken-section" cannot be used until its own file\'s problems are fixed',
      'content/articles/a.md:7: topics[0]: topic "!!" has no letters or digits',
      'content/articles/b.md:2: title: must not be empty',
      'content/articles/b.md:4: author: unknown author "nobody" (known: jane-doe)',
      'content/articles/a.md: slug "a" is already used by content/articles/a.md; slugs must be unique across all folders',
    ]);
  });
});

describe('every problem at once', () => {
  it('checks authors, section, topics and photo even when another field is wrong', () => {
    const ctx = context();
    buildArticles(
      [article('a', { title: '""', author: 'nobody', topics: '["!!"]', image: '{ src: /images/missing.jpg, alt: A mine }' })],
      references(),
      ctx,
    );
    expect(ctx.issues.map(formatIssue)).toEqual([
      'content/articles/a.md:2: title: must not be empty',
      'content/articles/a.md:4: author: unknown author "nobody" (known: jane-doe)',
      'content/articles/a.md:7: topics[0]: topic "!!" has no letters or digits',
      'content/articles/a.md:8: image.src: image "/images/missing.jpg" not found in public/images/',
    ]);
  });
});

describe('enhanceArticles', () => {
  it('gives colliding topics distinct addresses, newest first; the body brings reading time and ad slots', () => {
    const ctx = context();
    const resolved = buildArticles(
      [
        article('older', { topics: '[C]', publishedAt: '"2026-11-01T00:00:00Z"' }, paragraphs(12)),
        article('newer', { topics: '[C++]', publishedAt: '"2026-11-02T00:00:00Z"', ads: 'false' }, paragraphs(12)),
      ],
      references(),
      ctx,
    );
    const [newer, older] = enhanceArticles(resolved);
    expect([newer?.slug, older?.slug]).toEqual(['newer', 'older']);
    expect(older?.topics).toEqual([{ name: 'C', slug: 'c' }]);
    expect(newer?.topics[0]?.slug).toMatch(/^c-[0-9a-z]{6}$/);
    // The files exist only in memory: the bodies come from the load's records and render cache.
    const bodies = { location: { projectRoot: '/nowhere', contentDir: '/nowhere', publicDir: '/nowhere' }, ...ctx };
    const olderBody = older && articleBody(older, bodies, 'page');
    expect(olderBody?.issues).toEqual([]);
    expect(olderBody?.body.readingTimeMinutes).toBe(Math.round((12 * 60) / 230));
    expect(olderBody?.body.adSlotsAfter.length).toBeGreaterThan(0);
    expect(olderBody?.body.adSlotsAfter.every((index) => olderBody.body.blocks[index]?.kind === 'paragraph')).toBe(true);
    expect(newer && articleBody(newer, bodies, 'page').body.adSlotsAfter).toEqual([]);
  });
});

describe('corrections', () => {
  const correction = (date: string, text: string, kind = 'correction') => `{ date: "${date}", text: "${text}", kind: ${kind} }`;

  it('are kept oldest first, and move the updated time up to the newest', () => {
    const resolved = buildArticles(
      [
        article('fixed', {
          updatedAt: '"2026-11-26T12:00:00+08:00"',
          corrections: `[${correction('2026-11-28T10:00:00+08:00', 'Second.', 'clarification')}, ${correction('2026-11-27T10:00:00+08:00', 'First.')}]`,
        }),
        article('later-update', { updatedAt: '"2026-11-29T08:00:00+08:00"', corrections: `[${correction('2026-11-27T10:00:00+08:00', 'Only.')}]` }),
      ],
      references(),
      context(),
    );
    const [fixed, laterUpdate] = enhanceArticles(resolved).toSorted((a, b) => a.slug.localeCompare(b.slug));
    expect(fixed?.corrections.map((c) => [c.kind, c.text])).toEqual([['correction', 'First.'], ['clarification', 'Second.']]);
    expect(fixed?.updatedAt?.iso).toBe('2026-11-28T10:00:00+08:00');
    expect(laterUpdate?.updatedAt?.iso).toBe('2026-11-29T08:00:00+08:00');
  });

  it('of published articles only are listed, newest first', () => {
    const built = buildSite(
      {
        articles: [
          article('a', { corrections: `[${correction('2026-11-27T10:00:00+08:00', 'On a.')}]` }),
          article('b', { corrections: `[${correction('2026-11-28T10:00:00+08:00', 'On b.')}]` }),
          article('hidden', { draft: 'true', corrections: `[${correction('2026-11-28T11:00:00+08:00', 'On a draft.')}]` }),
        ],
        authors: [file('authors', 'jane-doe', 'name: Jane Doe')],
        sections: [file('sections', 'china', 'name: China')],
        pages: [],
      },
      imageSize,
    );
    expect(built.issues).toEqual([]);
    const listed = buildPublishedIndex(built.content, Date.parse('2026-11-29T00:00:00Z')).corrections;
    expect(listed.map(({ article, correction }) => [article.slug, correction.text])).toEqual([['b', 'On b.'], ['a', 'On a.']]);
  });
});

describe('the published index', () => {
  const NOW = Date.parse('2026-11-27T00:00:00Z');
  function site() {
    const files = [
      article('published', { topics: '[Trade]' }),
      article('sibling', { topics: '[Trade]', publishedAt: '"2026-11-20T00:00:00Z"' }),
      article('scheduled', { topics: '[Trade]', publishedAt: '"2099-01-01T00:00:00Z"' }),
      article('later', { publishedAt: '"2030-01-01T00:00:00Z"' }),
      article('draft', { topics: '[Trade]', draft: 'true' }),
    ];
    const built = buildSite(
      { articles: files, authors: [file('authors', 'jane-doe', 'name: Jane Doe')], sections: [file('sections', 'china', 'name: China')], pages: [] },
      imageSize,
    );
    expect(built.issues).toEqual([]);
    return built.content;
  }

  it('holds only published articles, grouped, until the next scheduled story is due', () => {
    const index = buildPublishedIndex(site(), NOW);
    expect(index.articles.map((a) => a.slug)).toEqual(['published', 'sibling']);
    expect(index.bySection.get('china')?.length).toBe(2);
    expect(index.byAuthor.get('jane-doe')?.length).toBe(2);
    expect(index.topicsBySlug.get('trade')?.articles.map((a) => a.slug)).toEqual(['published', 'sibling']);
    expect(index.validFrom).toBe(Date.parse('2026-11-26T01:30:00Z'));
    expect(index.validUntil).toBe(Date.parse('2030-01-01T00:00:00Z'));
  });

  it('publishes a scheduled story at its time, never a draft', () => {
    const content = site();
    const byTime = (now: number) => buildPublishedIndex(content, now).articles.map((a) => a.slug);
    expect(byTime(Date.parse('2099-01-01T00:00:00Z'))).toEqual(['scheduled', 'later', 'published', 'sibling']);
    const draft = content.articles.find((a) => a.slug === 'draft');
    expect(draft && isPublished(draft, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('relates published stories only, the same each time it is asked', () => {
    const index = buildPublishedIndex(site(), NOW);
    const published = index.bySlug.get('published');
    if (!published) throw new Error('the published article is missing from the index');
    const related = index.relatedTo(published);
    expect(related.map((a) => a.slug)).toEqual(['sibling']);
    expect(index.relatedTo(published)).toEqual(related);
  });
});
