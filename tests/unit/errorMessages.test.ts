import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

/**
 * Every line `npm run content:check` can print, each asserted exactly, driven through the
 * public loader (`checkContent`) on real files in a temporary copy of the fixture site.
 *
 * The tables below are the inventory, grouped by the stage that finds the problem:
 *
 * - reading files (`lib/content/readContentFiles.ts`): names, kinds, links, size, encoding;
 * - splitting front matter (`lib/content/frontMatter.ts`): the `---` lines and strict YAML;
 * - fields (`lib/content/schemas.ts`, worded by `lib/content/validateFrontMatter.ts`), one
 *   table per collection;
 * - references between files, topics, duplicate slugs and images (the build stages);
 * - the Markdown body (`lib/markdown/renderMarkdown.ts`).
 *
 * `docs/content-format.md` shows editors these same lines: the last tests check that every line
 * asserted here appears there word for word, and that the doc shows no line asserted nowhere.
 *
 * Not covered: "body: too deeply nested to render", the fallback when a body that passes the
 * nesting check still overflows the parser's stack; it needs a body that takes seconds to parse.
 */

const DOC = path.join(import.meta.dirname, '..', '..', 'docs', 'content-format.md');

/** An article whose five required fields are on lines 2-6; extra fields start on line 7, the body on line 9. */
const ARTICLE = 'content/articles/rare-earths.md';
const AUTHOR = 'content/authors/new-writer.md';
const SECTION = 'content/sections/sport.md';
const PAGE = 'content/pages/corrections.md';

type Case = {
  /** The editor's mistake, completing "reports ...". */
  mistake: string;
  /** Files written into the workspace (a copy of the valid fixture site, unless `empty`). */
  files?: Record<string, string>;
  /** Anything `files` cannot express: links, raw bytes. */
  setup?: (workspace: Workspace) => Promise<void>;
  /** Start from an empty folder instead of the fixture site. */
  empty?: boolean;
  /** Every line `content:check` prints, in order. The workspace's folder reads `<site>`. */
  lines: string[];
};

const article = articleSource;
const frontMatter = (yaml: string, body = 'Body.\n') => `---\n${yaml}\n---\n\n${body}`;

const FILE_CASES: Case[] = [
  ...[
    ['Rare-Earths', 'rare-earths'],
    ['rare_earths', 'rare-earths'],
    ['rare--earths', 'rare-earths'],
    ['-rare', 'rare'],
    ['rare earths', 'rare-earths'],
    ['Straße', 'strasse'],
  ].map(([name = '', suggestion = '']): Case => ({
    mistake: `the file name "${name}.md"`,
    files: { [`content/articles/${name}.md`]: article() },
    lines: [
      `content/articles/${name}.md: file name "${name}" is not a valid slug (lowercase letters, digits and single hyphens, e.g. "${suggestion}")`,
    ],
  })),
  {
    mistake: 'an author file name with a capital and a space',
    files: { 'content/authors/Mei Lin.md': frontMatter('name: Mei Lin') },
    lines: [
      'content/authors/Mei Lin.md: file name "Mei Lin" is not a valid slug (lowercase letters, digits and single hyphens, e.g. "mei-lin")',
    ],
  },
  {
    mistake: 'a file that is not Markdown',
    files: { 'content/articles/notes.txt': 'hello' },
    lines: ['content/articles/notes.txt: not a Markdown file; content files end in .md'],
  },
  {
    mistake: 'a sub-folder outside content/articles/',
    files: { 'content/authors/staff/new-writer.md': frontMatter('name: New Writer') },
    lines: ['content/authors/staff: sub-folders are only allowed under content/articles/'],
  },
  {
    mistake: 'a symbolic link, even to a valid article',
    setup: async (workspace) => {
      await workspace.write('outside/secret.md', article());
      await workspace.link(
        'content/articles/linked.md',
        path.join(workspace.root, 'outside/secret.md'),
      );
    },
    lines: [
      'content/articles/linked.md: is a symbolic link; content must be real files inside content/',
    ],
  },
  {
    mistake: 'a file over 512 KB, before parsing it',
    files: { [ARTICLE]: article({}, `${'word '.repeat(110_000)}\n`) },
    lines: ['content/articles/rare-earths.md: is 550134 bytes; the limit is 524288 bytes'],
  },
  {
    mistake: 'a file that is not UTF-8 text',
    setup: async (workspace) => {
      await workspace.write(PAGE, '');
      await writeFile(
        path.join(workspace.root, PAGE),
        Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'),
      );
    },
    lines: ['content/pages/corrections.md: is not valid UTF-8 text'],
  },
  {
    mistake: 'a collection folder that is a file',
    empty: true,
    files: { 'content/articles': 'not a folder' },
    lines: [
      "content/articles: cannot read folder (ENOTDIR: not a directory)",
    ],
  },
];

const FRONT_MATTER_CASES: Case[] = [
  {
    mistake: 'a file with no front matter',
    files: { [ARTICLE]: '# Rare earths\n\nBody.\n' },
    lines: [
      'content/articles/rare-earths.md:1: front matter: missing: the file must start with a line "---", then YAML, then "---"',
    ],
  },
  {
    mistake: 'front matter with no closing line',
    files: { [ARTICLE]: '---\ntitle: "Rare earths"\n\nBody.\n' },
    lines: [
      'content/articles/rare-earths.md:1: front matter: no closing "---" line after the front matter',
    ],
  },
  {
    mistake: 'JavaScript front matter',
    files: { [ARTICLE]: '---js\n{ title: "Rare earths" }\n---\nBody.\n' },
    lines: [
      'content/articles/rare-earths.md:1: front matter: must be YAML, not "js"; it was not evaluated',
    ],
  },
  {
    mistake: 'front matter in a language the splitter does not know',
    files: { [ARTICLE]: '---ruby\ntitle = "Rare earths"\n---\nBody.\n' },
    lines: [
      'content/articles/rare-earths.md:1: front matter: must be YAML, not "ruby"; it was not evaluated',
    ],
  },
  {
    mistake: 'a YAML syntax error, on its line',
    files: { [ARTICLE]: frontMatter('title: "Rare earths"\nsummary: [unclosed') },
    lines: [
      'content/articles/rare-earths.md:3: summary: "[" starts a list that is never closed with "]" on its line; if the value is text, put it in quotes: summary: "[unclosed"',
    ],
  },
  {
    mistake: 'a tab used for indentation',
    files: { [ARTICLE]: frontMatter('title: "Rare earths"\nimage:\n\tsrc: /images/hero.jpg') },
    lines: [
      'content/articles/rare-earths.md:4: image.src: indent with spaces, not tabs',
    ],
  },
  {
    mistake: 'a photo field out of line with the one above it',
    files: {
      [ARTICLE]: frontMatter(
        'title: "Rare earths"\nimage:\n  src: /images/hero.jpg\n   caption: "A rare earths mine."\n  alt: "A mine"',
      ),
    },
    lines: [
      'content/articles/rare-earths.md:5: image.caption: this line is indented differently from src: above it; line up caption: with src:',
    ],
  },
  {
    mistake: 'a list item where a single value was expected',
    files: { [ARTICLE]: frontMatter('title: "Rare earths"\nsection: - china') },
    lines: [
      'content/articles/rare-earths.md:3: section: a list item ("- ...") where a single value was expected; for one value remove the "- ", for a list put each "- " item on its own line below section:',
    ],
  },
  {
    mistake: 'a headline starting with a character YAML reserves',
    files: { [ARTICLE]: article({ title: '*Exclusive* China warns' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: a value cannot start with "*" unless quoted; put it in quotes: title: "*Exclusive* China warns"',
    ],
  },
  {
    mistake: 'a missing closing quote, on the line it opened',
    files: { [ARTICLE]: frontMatter('title: "Rare earths\nsection: china') },
    lines: [
      'content/articles/rare-earths.md:2: title: the closing " is missing; end the value with " on the same line',
    ],
  },
  {
    mistake: 'a rare YAML mistake, in the YAML reader\'s words',
    files: { [ARTICLE]: frontMatter('%YAML 1.2\ntitle: "Rare earths"') },
    lines: [
      'content/articles/rare-earths.md:3: title: not valid YAML: Missing directives-end/doc-start indicator line',
    ],
  },
  {
    mistake: 'a headline with an unquoted colon',
    files: { [ARTICLE]: article({ title: 'China: what comes next' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: the value contains ": ", which YAML reads as the start of another field; put the whole value in quotes: title: "China: what comes next"',
    ],
  },
  {
    mistake: 'a YAML anchor and alias',
    files: { [ARTICLE]: frontMatter('title: &headline "Rare earths"\ndescription: *headline') },
    lines: [
      'content/articles/rare-earths.md:2: front matter: YAML anchors (&name) are not allowed in front matter',
      'content/articles/rare-earths.md:3: front matter: YAML aliases (*name) are not allowed in front matter',
    ],
  },
  {
    mistake: 'a YAML tag',
    files: { [ARTICLE]: frontMatter('title: !!binary UmFyZSBlYXJ0aHM=') },
    lines: [
      'content/articles/rare-earths.md:2: front matter: YAML tags such as "!!binary" are not allowed in front matter',
    ],
  },
  {
    mistake: 'a custom YAML tag',
    files: { [ARTICLE]: frontMatter('title: !headline Rare earths') },
    lines: [
      'content/articles/rare-earths.md:2: front matter: YAML tags such as "!headline" are not allowed in front matter',
    ],
  },
  {
    mistake: 'a YAML merge key',
    files: { [ARTICLE]: frontMatter('<<: { title: "Rare earths" }') },
    lines: [
      'content/articles/rare-earths.md:2: front matter: YAML merge keys (<<) are not allowed in front matter',
    ],
  },
  {
    mistake: 'a field with no name',
    files: { [ARTICLE]: frontMatter('title: "Rare earths"\n: china') },
    lines: ['content/articles/rare-earths.md:3: front matter: a field name is missing before ":"'],
  },
  {
    mistake: 'a field name YAML reads as nothing',
    files: { [ARTICLE]: frontMatter('title: "Rare earths"\nsection: china\n~: Mei Lin Zhou') },
    lines: ['content/articles/rare-earths.md:4: front matter: "~" is not a field name: YAML reads it as nothing'],
  },
  {
    mistake: 'a list as a field name',
    files: { [ARTICLE]: frontMatter('[title, headline]: "Rare earths"') },
    lines: ['content/articles/rare-earths.md:2: front matter: a field name must be a word, not a list or a mapping'],
  },
  {
    mistake: 'a field written twice, on the second one',
    files: {
      [ARTICLE]: frontMatter('title: "Rare earths"\nsection: china\ntitle: "Rare earths again"'),
    },
    lines: ['content/articles/rare-earths.md:4: title: appears twice; keep one'],
  },
  {
    mistake: 'front matter that is a list, not fields',
    files: { [ARTICLE]: frontMatter('- title\n- summary') },
    lines: [
      'content/articles/rare-earths.md:2: front matter: must be "field: value" lines, not a list or plain text',
    ],
  },
];

const ARTICLE_FIELD_CASES: Case[] = [
  {
    mistake: 'every required field missing',
    files: { [ARTICLE]: frontMatter('location: Shanghai') },
    lines: [
      'content/articles/rare-earths.md: title: missing (required)',
      'content/articles/rare-earths.md: summary: missing (required)',
      'content/articles/rare-earths.md: author: missing (required)',
      'content/articles/rare-earths.md: section: missing (required)',
      'content/articles/rare-earths.md: publishedAt: missing (required)',
    ],
  },
  {
    mistake: 'a numeric title',
    files: { [ARTICLE]: article({ title: '1984' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: expected a headline, got number 1984 (put it in quotes: "1984")',
    ],
  },
  {
    mistake: 'an octal-looking title',
    files: { [ARTICLE]: article({ title: '0o17' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: expected a headline, got number 15 (put it in quotes: "0o17")',
    ],
  },
  {
    mistake: 'a title of ~',
    files: { [ARTICLE]: article({ title: '~' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: expected a headline, got an empty value (written as ~)',
    ],
  },
  {
    mistake: 'a blank title',
    files: { [ARTICLE]: article({ title: '"   "' }) },
    lines: ['content/articles/rare-earths.md:2: title: must not be empty'],
  },
  {
    mistake: 'a title with an invisible control character pasted in',
    files: { [ARTICLE]: article({ title: '"China warns\u0007 foreign spies"' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: contains an invisible control character (U+0007) after "China warns": delete it',
    ],
  },
  {
    mistake: 'a title of zero-width spaces only',
    files: { [ARTICLE]: article({ title: '"\u200b\u200b"' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: has no visible characters (only spaces or invisible formatting characters)',
    ],
  },
  {
    mistake: 'a control character in a title written on two lines, reported on one',
    files: { [ARTICLE]: article({ title: '|\n  China\n  warns\u0007 spies' }) },
    lines: [
      'content/articles/rare-earths.md:2: title: contains an invisible control character (U+0007) after "China warns": delete it',
    ],
  },
  {
    mistake: 'a title over 200 characters',
    files: { [ARTICLE]: article({ title: `"${'x'.repeat(201)}"` }) },
    lines: [
      'content/articles/rare-earths.md:2: title: is 201 characters long; the limit is 200 characters',
    ],
  },
  {
    mistake: 'a summary that is not a list',
    files: { [ARTICLE]: article({ summary: '"One bullet."' }) },
    lines: [
      'content/articles/rare-earths.md:3: summary: expected a list of summary bullets, got "One bullet."',
    ],
  },
  {
    mistake: 'an empty summary',
    files: { [ARTICLE]: article({ summary: '[]' }) },
    lines: ['content/articles/rare-earths.md:3: summary: needs at least 1 bullet'],
  },
  {
    mistake: 'five summary bullets',
    files: { [ARTICLE]: article({ summary: '[One., Two., Three., Four., Five.]' }) },
    lines: ['content/articles/rare-earths.md:3: summary: has 5 bullets; the limit is 4'],
  },
  {
    mistake: 'summary bullets that are a number and empty',
    files: { [ARTICLE]: article({ summary: '\n  - 1984\n  - ""' }) },
    lines: [
      'content/articles/rare-earths.md:4: summary[0]: expected a summary bullet, got number 1984 (put it in quotes: "1984")',
      'content/articles/rare-earths.md:5: summary[1]: must not be empty',
    ],
  },
  {
    mistake: 'an author that is a number',
    files: { [ARTICLE]: article({ author: '42' }) },
    lines: [
      'content/articles/rare-earths.md:4: author: expected an author id or a list of author ids, got number 42',
    ],
  },
  {
    mistake: 'an empty list of authors',
    files: { [ARTICLE]: article({ author: '[]' }) },
    lines: ['content/articles/rare-earths.md:4: author: needs at least 1 author'],
  },
  {
    mistake: 'an author id with capitals',
    files: { [ARTICLE]: article({ author: 'Jane-Doe' }) },
    lines: [
      'content/articles/rare-earths.md:4: author: not a valid author id: "Jane-Doe" (lowercase letters, digits and single hyphens)',
    ],
  },
  {
    mistake: 'a bad id and a number in a list of authors',
    files: { [ARTICLE]: article({ author: '\n  - Jane Doe\n  - 42' }) },
    lines: [
      'content/articles/rare-earths.md:5: author[0]: not a valid author id: "Jane Doe" (lowercase letters, digits and single hyphens)',
      'content/articles/rare-earths.md:6: author[1]: expected an author id, got number 42 (put it in quotes: "42")',
    ],
  },
  {
    mistake: 'a location of ~',
    files: { [ARTICLE]: article({ location: '~' }) },
    lines: [
      'content/articles/rare-earths.md:7: location: expected a dateline city, got an empty value (written as ~)',
    ],
  },
  {
    mistake: 'a section that is a number',
    files: { [ARTICLE]: article({ section: '2026' }) },
    lines: [
      'content/articles/rare-earths.md:5: section: expected a section id, got number 2026 (put it in quotes: "2026")',
    ],
  },
  {
    mistake: 'a section id with a space',
    files: { [ARTICLE]: article({ section: 'hong kong' }) },
    lines: [
      'content/articles/rare-earths.md:5: section: not a valid section id: "hong kong" (lowercase letters, digits and single hyphens)',
    ],
  },
  {
    mistake: 'topics that are not a list',
    files: { [ARTICLE]: article({ topics: 'trade' }) },
    lines: ['content/articles/rare-earths.md:7: topics: expected a list of topics, got "trade"'],
  },
  {
    mistake: 'topics that are a number and empty',
    files: { [ARTICLE]: article({ topics: '[5, ""]' }) },
    lines: [
      'content/articles/rare-earths.md:7: topics[0]: expected a topic, got number 5 (put it in quotes: "5")',
      'content/articles/rare-earths.md:7: topics[1]: must not be empty',
    ],
  },
  ...[
    ['a date in the wrong format', '"26/11/2026"', '26/11/2026'],
    ['a date-time without an offset', '"2026-11-26T09:30:00"', '2026-11-26T09:30:00'],
    ['an impossible date', '2026-02-30T09:30:00+08:00', '2026-02-30T09:30:00+08:00'],
    ['a date without a time', '2026-11-26', '2026-11-26'],
  ].map(([mistake = '', written = '', value = '']): Case => ({
    mistake,
    files: { [ARTICLE]: article({ publishedAt: written }) },
    lines: [
      `content/articles/rare-earths.md:6: publishedAt: not a date-time with offset: "${value}" (write e.g. "2026-11-26T09:30:00+08:00")`,
    ],
  })),
  {
    mistake: 'a publication time that is a number',
    files: { [ARTICLE]: article({ publishedAt: '20261126' }) },
    lines: [
      'content/articles/rare-earths.md:6: publishedAt: expected a date-time with offset such as "2026-11-26T09:30:00+08:00", got number 20261126',
    ],
  },
  {
    mistake: 'an update time that is not a date',
    files: { [ARTICLE]: article({ updatedAt: 'yesterday' }) },
    lines: [
      'content/articles/rare-earths.md:7: updatedAt: not a date-time with offset: "yesterday" (write e.g. "2026-11-26T09:30:00+08:00")',
    ],
  },
  {
    mistake: 'an update before publication',
    files: { [ARTICLE]: article({ updatedAt: '"2026-11-26T09:29:00+08:00"' }) },
    lines: [
      'content/articles/rare-earths.md:7: updatedAt: is earlier than publishedAt (2026-11-26T09:30:00+08:00)',
    ],
  },
  {
    mistake: 'corrections that are not a list',
    files: { [ARTICLE]: article({ corrections: '"wrong"' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections: expected a list of corrections, got "wrong"',
    ],
  },
  {
    mistake: 'a correction that is only text',
    files: { [ARTICLE]: article({ corrections: '["fixed"]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0]: expected a correction (date and text, optionally kind, on indented lines below), got "fixed"',
    ],
  },
  {
    mistake: 'a correction without its text',
    files: { [ARTICLE]: article({ corrections: '[{ date: "2026-11-27T10:00:00+08:00" }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].text: missing (required)',
    ],
  },
  {
    mistake: 'an empty correction text',
    files: { [ARTICLE]: article({ corrections: '[{ date: "2026-11-27T10:00:00+08:00", text: "" }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].text: must not be empty',
    ],
  },
  {
    mistake: 'a correction text over 600 characters',
    files: { [ARTICLE]: article({ corrections: `[{ date: "2026-11-27T10:00:00+08:00", text: "${'x'.repeat(601)}" }]` }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].text: is 601 characters long; the limit is 600 characters',
    ],
  },
  {
    mistake: 'a correction date that is not a date',
    files: { [ARTICLE]: article({ corrections: '[{ date: "27 November", text: "Fixed." }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].date: not a date-time with offset: "27 November" (write e.g. "2026-11-26T09:30:00+08:00")',
    ],
  },
  {
    mistake: 'a correction dated before publication',
    files: { [ARTICLE]: article({ corrections: '[{ date: "2026-11-26T09:00:00+08:00", text: "Fixed." }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].date: must be after publishedAt (2026-11-26T09:30:00+08:00)',
    ],
  },
  {
    mistake: 'a correction dated in the future',
    files: { [ARTICLE]: article({ corrections: '[{ date: "2099-01-01T00:00:00Z", text: "Fixed." }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].date: is in the future; date a correction when it is published',
    ],
  },
  {
    mistake: 'a correction of an unknown kind',
    files: { [ARTICLE]: article({ corrections: '[{ date: "2026-11-27T10:00:00+08:00", text: "Fixed.", kind: erratum }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].kind: expected correction or clarification, got "erratum"',
    ],
  },
  {
    mistake: 'a misspelt correction field',
    files: { [ARTICLE]: article({ corrections: '[{ date: "2026-11-27T10:00:00+08:00", text: "Fixed.", knd: clarification }]' }) },
    lines: [
      'content/articles/rare-earths.md:7: corrections[0].knd: unknown field (did you mean "kind"?)',
    ],
  },
  {
    mistake: 'an image that is a path, not a photo',
    files: { [ARTICLE]: article({ image: '/images/hero.jpg' }) },
    lines: [
      'content/articles/rare-earths.md:7: image: expected a photo (src and alt, optionally caption and credit, on indented lines below), got "/images/hero.jpg"',
    ],
  },
  {
    mistake: 'an image that is a number',
    files: { [ARTICLE]: article({ image: '5' }) },
    lines: [
      'content/articles/rare-earths.md:7: image: expected a photo (src and alt, optionally caption and credit, on indented lines below), got number 5',
    ],
  },
  {
    mistake: 'an image with nothing below it',
    files: { [ARTICLE]: article({ image: '' }) },
    lines: [
      'content/articles/rare-earths.md:7: image: expected a photo (src and alt, optionally caption and credit, on indented lines below), got an empty value',
    ],
  },
  {
    mistake: 'a photo without src and alt',
    files: { [ARTICLE]: article({ image: '\n  caption: "A mine."' }) },
    lines: [
      'content/articles/rare-earths.md:8: image.src: missing (required)',
      'content/articles/rare-earths.md:8: image.alt: missing (required)',
    ],
  },
  {
    mistake: 'a photo with an empty alt, caption and credit',
    files: {
      [ARTICLE]: article({
        image: '\n  src: /images/hero.jpg\n  alt: ""\n  caption: ""\n  credit: 2026',
      }),
    },
    lines: [
      'content/articles/rare-earths.md:9: image.alt: must not be empty',
      'content/articles/rare-earths.md:10: image.caption: must not be empty',
      'content/articles/rare-earths.md:11: image.credit: expected a credit such as "Photo: Reuters", got number 2026 (put it in quotes: "2026")',
    ],
  },
  ...[
    ['a scheme', 'https://example.com/x.jpg'],
    ['a path outside /images/', '/secret/x.jpg'],
    ['a parent-folder step', '/images/../../etc/passwd.jpg'],
    ['a file that is not an image', '/images/notes.txt'],
  ].map(([what = '', src = '']): Case => ({
    mistake: `a photo src with ${what}`,
    files: { [ARTICLE]: article({ image: `\n  src: "${src}"\n  alt: "A photo"` }) },
    lines: [
      `content/articles/rare-earths.md:8: image.src: not a site image path: "${src}" (must be /images/<file>.jpg|png|webp|avif|gif, no scheme and no "..")`,
    ],
  })),
  {
    mistake: 'a photo src that is a number',
    files: { [ARTICLE]: article({ image: '\n  src: 5\n  alt: "A photo"' }) },
    lines: [
      'content/articles/rare-earths.md:8: image.src: expected an image path such as "/images/photo.jpg", got number 5',
    ],
  },
  {
    mistake: 'a misspelt photo field',
    files: {
      [ARTICLE]: article({
        image: '\n  src: /images/hero.jpg\n  alt: "A mine"\n  captoin: "A mine."',
      }),
    },
    lines: [
      'content/articles/rare-earths.md:10: image.captoin: unknown field (did you mean "caption"?)',
    ],
  },
  {
    mistake: 'an unknown photo field',
    files: {
      [ARTICLE]: article({ image: '\n  src: /images/hero.jpg\n  alt: "A mine"\n  width: 1200' }),
    },
    lines: [
      'content/articles/rare-earths.md:10: image.width: unknown field (known: src, alt, caption, credit)',
    ],
  },
  {
    mistake: 'a description over 300 characters',
    files: { [ARTICLE]: article({ description: `"${'x'.repeat(301)}"` }) },
    lines: [
      'content/articles/rare-earths.md:7: description: is 301 characters long; the limit is 300 characters',
    ],
  },
  {
    mistake: 'ads written as yes',
    files: { [ARTICLE]: article({ ads: 'yes' }) },
    lines: ['content/articles/rare-earths.md:7: ads: expected true or false, got "yes"'],
  },
  {
    mistake: 'ads written as "false" in quotes',
    files: { [ARTICLE]: article({ ads: '"false"' }) },
    lines: [
      'content/articles/rare-earths.md:7: ads: expected true or false, got "false" (write it without quotes)',
    ],
  },
  {
    mistake: 'draft written as a number',
    files: { [ARTICLE]: article({ draft: '1' }) },
    lines: ['content/articles/rare-earths.md:7: draft: expected true or false, got number 1'],
  },
  {
    mistake: 'draft left empty',
    files: { [ARTICLE]: article({ draft: '' }) },
    lines: ['content/articles/rare-earths.md:7: draft: expected true or false, got an empty value'],
  },
  {
    mistake: 'a misspelt field',
    files: { [ARTICLE]: article({ titel: '"Rare earths"' }) },
    lines: ['content/articles/rare-earths.md:7: titel: unknown field (did you mean "title"?)'],
  },
  {
    mistake: 'an unknown field',
    files: { [ARTICLE]: article({ mood: 'happy' }) },
    lines: [
      'content/articles/rare-earths.md:7: mood: unknown field (known: title, summary, author, location, section, topics, publishedAt, updatedAt, image, description, ads, draft, corrections)',
    ],
  },
  {
    mistake: 'a __proto__ field',
    files: { [ARTICLE]: article({ ['__proto__']: '{ polluted: true }' }) },
    lines: [
      'content/articles/rare-earths.md:7: __proto__: unknown field (known: title, summary, author, location, section, topics, publishedAt, updatedAt, image, description, ads, draft, corrections)',
    ],
  },
];

const AUTHOR_FIELD_CASES: Case[] = [
  {
    mistake: 'an author without a name',
    files: { [AUTHOR]: frontMatter('role: Reporter') },
    lines: ['content/authors/new-writer.md: name: missing (required)'],
  },
  {
    mistake: 'an author name that is a list and an empty role',
    files: { [AUTHOR]: frontMatter('name: [New, Writer]\nrole: ""') },
    lines: [
      'content/authors/new-writer.md:2: name: expected the name shown in bylines, got a list',
      'content/authors/new-writer.md:3: role: must not be empty',
    ],
  },
  {
    mistake: 'an avatar that is not a site image path',
    files: { [AUTHOR]: frontMatter('name: New Writer\navatar: https://example.com/me.jpg') },
    lines: [
      'content/authors/new-writer.md:3: avatar: not a site image path: "https://example.com/me.jpg" (must be /images/<file>.jpg|png|webp|avif|gif, no scheme and no "..")',
    ],
  },
  {
    mistake: 'an avatar written as a photo',
    files: {
      [AUTHOR]: frontMatter('name: New Writer\navatar:\n  src: /images/authors/jane-doe.jpg'),
    },
    lines: [
      'content/authors/new-writer.md:4: avatar: expected an image path such as "/images/photo.jpg", got a mapping',
    ],
  },
  {
    mistake: 'a misspelt and an unknown author field',
    files: { [AUTHOR]: frontMatter('name: New Writer\nrloe: Reporter\nemail: new@example.com') },
    lines: [
      'content/authors/new-writer.md:3: rloe: unknown field (did you mean "role"?)',
      'content/authors/new-writer.md:4: email: unknown field (known: name, role, avatar)',
    ],
  },
];

const SECTION_FIELD_CASES: Case[] = [
  {
    mistake: 'a section without a name',
    files: { [SECTION]: frontMatter('order: 3') },
    lines: ['content/sections/sport.md: name: missing (required)'],
  },
  {
    mistake: 'a section name that is a number',
    files: { [SECTION]: frontMatter('name: 2026') },
    lines: [
      'content/sections/sport.md:2: name: expected the name shown in navigation, got number 2026 (put it in quotes: "2026")',
    ],
  },
  {
    mistake: 'an order that is not a whole number',
    files: { [SECTION]: frontMatter('name: Sport\norder: 2.5') },
    lines: ['content/sections/sport.md:3: order: expected a whole number, got number 2.5'],
  },
  {
    mistake: 'an order written as a word',
    files: { [SECTION]: frontMatter('name: Sport\norder: third') },
    lines: ['content/sections/sport.md:3: order: expected a whole number, got "third"'],
  },
  {
    mistake: 'an order too large to be exact',
    files: { [SECTION]: frontMatter('name: Sport\norder: 1e20') },
    lines: [
      'content/sections/sport.md:3: order: 100000000000000000000 is out of range; use a small whole number such as 1, 2 or 3',
    ],
  },
  {
    mistake: 'an order too large to be a number',
    files: { [SECTION]: frontMatter('name: Sport\norder: 1e400') },
    lines: [
      'content/sections/sport.md:3: order: expected a whole number, got number Infinity (written as 1e400)',
    ],
  },
  {
    mistake: 'an unknown section field',
    files: { [SECTION]: frontMatter('name: Sport\ncolour: green') },
    lines: ['content/sections/sport.md:3: colour: unknown field (known: name, order)'],
  },
];

const PAGE_FIELD_CASES: Case[] = [
  {
    mistake: 'a page without a title',
    files: { [PAGE]: frontMatter('description: How we correct mistakes.') },
    lines: ['content/pages/corrections.md: title: missing (required)'],
  },
  {
    mistake: 'a page title over 200 characters and a description over 300',
    files: {
      [PAGE]: frontMatter(`title: "${'x'.repeat(201)}"\ndescription: "${'x'.repeat(301)}"`),
    },
    lines: [
      'content/pages/corrections.md:2: title: is 201 characters long; the limit is 200 characters',
      'content/pages/corrections.md:3: description: is 301 characters long; the limit is 300 characters',
    ],
  },
  {
    mistake: 'a page description that is a mapping',
    files: {
      [PAGE]: frontMatter('title: Corrections\ndescription:\n  text: How we correct mistakes.'),
    },
    lines: ['content/pages/corrections.md:4: description: expected a description, got a mapping'],
  },
  {
    mistake: 'a misspelt page field',
    files: { [PAGE]: frontMatter('title: Corrections\ndescripton: How we correct mistakes.') },
    lines: [
      'content/pages/corrections.md:3: descripton: unknown field (did you mean "description"?)',
    ],
  },
  {
    mistake: 'an unknown page field',
    files: { [PAGE]: frontMatter('title: Corrections\nsection: china') },
    lines: ['content/pages/corrections.md:3: section: unknown field (known: title, description)'],
  },
];

const REFERENCE_CASES: Case[] = [
  {
    mistake: 'an unknown author, suggesting the closest first',
    files: { [ARTICLE]: article({ author: 'li-wie' }) },
    lines: [
      'content/articles/rare-earths.md:4: author: unknown author "li-wie" (known: li-wei, jane-doe)',
    ],
  },
  {
    mistake: 'an unknown co-author on its own line',
    files: { [ARTICLE]: article({ author: '\n  - jane-doe\n  - wei-li' }) },
    lines: [
      'content/articles/rare-earths.md:6: author: unknown author "wei-li" (known: jane-doe, li-wei)',
    ],
  },
  {
    mistake: 'an unknown author among many, showing five',
    files: {
      ...Object.fromEntries(
        ['ann-lee', 'bo-chen', 'cai-yun', 'dan-ho'].map((id) => [
          `content/authors/${id}.md`,
          frontMatter(`name: ${id}`),
        ]),
      ),
      [ARTICLE]: article({ author: 'nobody' }),
    },
    lines: [
      'content/articles/rare-earths.md:4: author: unknown author "nobody" (known: ann-lee, bo-chen, cai-yun, dan-ho, jane-doe, ...)',
    ],
  },
  {
    mistake: 'an author when there are no author files',
    empty: true,
    files: { 'content/sections/china.md': frontMatter('name: China'), [ARTICLE]: article() },
    lines: ['content/articles/rare-earths.md:4: author: unknown author "jane-doe" (known: none)'],
  },
  {
    mistake: 'an unknown section',
    files: { [ARTICLE]: article({ section: 'chna' }) },
    lines: [
      'content/articles/rare-earths.md:5: section: unknown section "chna" (known: china, world)',
    ],
  },
  {
    mistake: 'an author whose own file has problems',
    files: {
      [AUTHOR]: frontMatter('nam: New Writer'),
      [ARTICLE]: article({ author: 'new-writer' }),
    },
    lines: [
      'content/authors/new-writer.md: name: missing (required)',
      'content/authors/new-writer.md:2: nam: unknown field (did you mean "name"?)',
      `content/articles/rare-earths.md:4: author: author "new-writer" cannot be used until its own file's problems are fixed`,
    ],
  },
  {
    mistake: 'a section whose own file has problems',
    files: {
      [SECTION]: frontMatter('name: Sport\norder: first'),
      [ARTICLE]: article({ section: 'sport' }),
    },
    lines: [
      'content/sections/sport.md:3: order: expected a whole number, got "first"',
      `content/articles/rare-earths.md:5: section: section "sport" cannot be used until its own file's problems are fixed`,
    ],
  },
  {
    mistake: 'a topic with no letters or digits',
    files: { [ARTICLE]: article({ topics: '[trade, "!!!"]' }) },
    lines: ['content/articles/rare-earths.md:7: topics[1]: topic "!!!" has no letters or digits'],
  },
  {
    mistake: 'the same slug in two folders',
    files: {
      'content/articles/2026/11/rare-earths.md': article(),
      'content/articles/2027/rare-earths.md': article(),
    },
    lines: [
      'content/articles/2027/rare-earths.md: slug "rare-earths" is already used by content/articles/2026/11/rare-earths.md; slugs must be unique across all folders',
    ],
  },
  {
    mistake: 'a hero photo that does not exist',
    files: { [ARTICLE]: article({ image: '\n  src: /images/missing.jpg\n  alt: "A photo"' }) },
    lines: [
      'content/articles/rare-earths.md:8: image.src: image "/images/missing.jpg" not found in public/images/',
    ],
  },
  {
    mistake: 'an avatar that does not exist',
    files: { [AUTHOR]: frontMatter('name: New Writer\navatar: /images/authors/new-writer.jpg') },
    lines: [
      'content/authors/new-writer.md:3: avatar: image "/images/authors/new-writer.jpg" not found in public/images/',
    ],
  },
];

const BODY_CASES: Case[] = [
  {
    mistake: 'an article with nothing below its front matter',
    files: { [ARTICLE]: article({}, '\n') },
    lines: ['content/articles/rare-earths.md: body: is empty: write the story below the closing "---" line'],
  },
  {
    mistake: 'a level-1 heading in the body, on its file line',
    files: { [ARTICLE]: article({}, 'Intro.\n\n# A second headline\n') },
    lines: [
      'content/articles/rare-earths.md:11: body: a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"',
    ],
  },
  {
    mistake: 'a body image that is not a site image',
    files: { [ARTICLE]: article({}, '![A chart](https://example.com/chart.png)\n') },
    lines: [
      'content/articles/rare-earths.md:9: body: image "https://example.com/chart.png" is not a site image path (/images/<file>.jpg|png|webp|avif|gif)',
    ],
  },
  {
    mistake: 'a body image that does not exist',
    files: {
      [ARTICLE]: article({}, 'Intro.\n\n![A map](/images/map.png "A map of the mines.")\n'),
    },
    lines: [
      'content/articles/rare-earths.md:11: body: image "/images/map.png" not found in public/images/',
    ],
  },
  {
    mistake: 'a body image without alt text',
    files: { [ARTICLE]: article({}, '![](/images/inline.jpg "Magnets bound for export.")\n') },
    lines: [
      'content/articles/rare-earths.md:9: body: image "/images/inline.jpg" needs alt text: ![what it shows](/images/inline.jpg)',
    ],
  },
  {
    mistake: 'quotes nested too deep',
    files: { [ARTICLE]: article({}, `Intro.\n\n${'> '.repeat(33)}Deep.\n`) },
    lines: [
      'content/articles/rare-earths.md:11: body: quotes or lists nested 33 levels deep; the limit is 32',
    ],
  },
  {
    mistake: 'a level-1 heading in a section description',
    files: {
      [SECTION]: frontMatter('name: Sport', '# Sport\n\nGames and the people who play them.\n'),
    },
    lines: [
      'content/sections/sport.md:5: body: a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"',
    ],
  },
];

const TABLES = {
  'file names and reading': FILE_CASES,
  'front matter': FRONT_MATTER_CASES,
  'article fields': ARTICLE_FIELD_CASES,
  'author fields': AUTHOR_FIELD_CASES,
  'section fields': SECTION_FIELD_CASES,
  'page fields': PAGE_FIELD_CASES,
  'references, topics, slugs and images': REFERENCE_CASES,
  'the body': BODY_CASES,
};

let workspace: Workspace | undefined;

afterEach(async () => {
  await workspace?.dispose();
  workspace = undefined;
});

for (const [group, cases] of Object.entries(TABLES)) {
  describe(group, () => {
    it.each(cases)('reports $mistake', async ({ files = {}, setup, empty = false, lines }) => {
      workspace = await createWorkspace(files, { empty });
      await setup?.(workspace);
      const root = workspace.root;
      expect((await workspace.problems()).map((line) => line.replaceAll(root, '<site>'))).toEqual(
        lines,
      );
    });
  });
}

describe('docs/content-format.md', () => {
  const asserted = Object.values(TABLES).flatMap((cases) => cases.flatMap((entry) => entry.lines));

  it('shows every error line above word for word', async () => {
    const doc = await readFile(DOC, 'utf8');
    const docLines = new Set(doc.split('\n'));
    expect(asserted.filter((line) => !docLines.has(line))).toEqual([]);
  });

  it('shows no error line that these tests do not assert', async () => {
    const doc = await readFile(DOC, 'utf8');
    const shown = doc.split('\n').filter((line) => /^content\/[^:]*(?::\d+)?: /.test(line));
    expect(shown.filter((line) => !asserted.includes(line))).toEqual([]);
  });
});
