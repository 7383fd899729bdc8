import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '@/lib/content/errors';
import { createRecordCache } from '@/lib/content/fileRecords';
import { checkContent } from '@/lib/content/loadSite';
import { collectWarnings, recordingOutlines } from '@/lib/editorial/collectWarnings';
import { SUMMARY_PLACEHOLDER } from '@/lib/editorial/placeholders';
import {
  articleWarnings,
  bodyAnchors,
  bodyLinks,
  duplicateHeadlines,
  HEADLINE_MAX_CHARACTERS,
} from '@/lib/editorial/warnings';
import type { WarningSubject } from '@/lib/editorial/warnings';
import { createRenderCache } from '@/lib/markdown/renderCache';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

/**
 * Every warning `npm run content:check` prints, each with a file that gets it and one that
 * does not, on real files in a copy of the fixture site (driven through `checkContent` and
 * `collectWarnings`, as the script does); then the script itself: its exit codes with and
 * without `--strict`, and file mode. `docs/content-format.md` shows each warning line below
 * word for word (the last test checks it).
 */

const ROOT = path.join(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'checkContent.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const DOC = path.join(ROOT, 'docs', 'content-format.md');

const ARTICLE = 'content/articles/rare-earths.md';
const OTHER = 'content/articles/2027/rare-earths-again.md';

/**
 * A valid article with topics (the fields on lines 2-7, extra fields from line 8, the body on
 * line 10 when there are none).
 */
const article = (fields: Record<string, string | null> = {}, body?: string) =>
  articleSource({ topics: '[trade]', ...fields }, body);

/** A PNG header as wide as asked: the site reads only the size, as it does of any photo. */
function pngOfWidth(width: number, height = 800): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.writeUInt8(8, 24);
  header.writeUInt8(2, 25);
  return header;
}

const hero = (
  fields: { src?: string; alt?: string; caption?: string; credit?: string | null } = {},
) => {
  const photo = {
    src: '/images/wide.png',
    alt: 'Terraced pits of an open-cast mine',
    caption: 'A rare earths mine in Inner Mongolia.',
    credit: 'Photo: Broadsheet',
    ...fields,
  };
  return Object.entries(photo)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `\n  ${key}: ${key === 'src' ? value : `"${value}"`}`)
    .join('');
};

type Case = {
  /** Completes "warns about ...". */
  warning: string;
  bad: Record<string, string>;
  good: Record<string, string>;
  /** Every warning line printed for the bad files (the fixture site's own are left out). */
  lines: string[];
};

const CASES: Case[] = [
  {
    warning: 'a link to a heading the body does not have',
    bad: {
      [ARTICLE]: article(
        {},
        'Intro.\n\n[As the ministry put it](#what-beijing-said), spies are at work.\n\n## What the ministry said\n\nText.\n\n## Background\n\nMore.\n',
      ),
    },
    good: {
      [ARTICLE]: article(
        {},
        'Intro.\n\n[As the ministry put it](#what-the-ministry-said), spies are at work[^1].\n\n## What the ministry said\n\nSee [the background](#background).\n\n## Background\n\nMore.\n\n[^1]: A note.\n',
      ),
    },
    lines: [
      'content/articles/rare-earths.md:12: body: link to "#what-beijing-said" goes nowhere: no heading has that id (the body\'s headings are #what-the-ministry-said, #background)',
    ],
  },
  {
    warning: 'a hero photo without a credit',
    bad: { [ARTICLE]: article({ image: hero({ credit: null }) }) },
    good: { [ARTICLE]: article({ image: hero() }) },
    lines: [
      'content/articles/rare-earths.md:9: image.credit: no credit: say who took the photo (e.g. "Photo: Jane Doe/Reuters")',
    ],
  },
  {
    warning: 'a hero caption that repeats the alt text',
    bad: {
      [ARTICLE]: article({ image: hero({ caption: 'Terraced pits of an open-cast mine.' }) }),
    },
    good: {
      [ARTICLE]: article({
        image: hero({ caption: 'Terraced pits at Bayan Obo, the largest rare earths mine.' }),
      }),
    },
    lines: [
      'content/articles/rare-earths.md:11: image.caption: repeats the alt text: say what the photo adds to the story (who, where, when), and keep the alt text for what it shows',
    ],
  },
  {
    warning: 'a hero photo narrower than 1,200 px',
    bad: { [ARTICLE]: article({ image: hero({ src: '/images/hero.jpg' }) }) },
    good: { [ARTICLE]: article({ image: hero({ src: '/images/wide.png' }) }) },
    lines: [
      'content/articles/rare-earths.md:9: image.src: "/images/hero.jpg" is 160 px wide: use a photo at least 1,200 px wide, which Google Discover and large link previews need',
    ],
  },
  {
    warning: 'a body photo without a credit',
    bad: {
      [ARTICLE]: article(
        {},
        'Intro.\n\n![Magnets on a line](/images/inline.jpg "Magnets bound for export.")\n',
      ),
    },
    good: {
      [ARTICLE]: article(
        {},
        'Intro.\n\n![Magnets on a line](/images/inline.jpg "Magnets bound for export. Photo: Broadsheet")\n',
      ),
    },
    lines: [
      'content/articles/rare-earths.md:12: body: photo "/images/inline.jpg" has no credit: end its caption with who took it, e.g. ![Magnets on a line](/images/inline.jpg "Magnets bound for export. Photo: Jane Doe/Reuters")',
    ],
  },
  {
    warning: 'a body photo whose caption repeats its alt text',
    bad: {
      [ARTICLE]: article(
        {},
        'Intro.\n\n![Magnets bound for export](/images/inline.jpg "Magnets bound for export. Photo: Broadsheet")\n',
      ),
    },
    good: {
      [ARTICLE]: article(
        {},
        'Intro.\n\n![Magnets on a line](/images/inline.jpg "Magnets bound for export. Photo: Broadsheet")\n',
      ),
    },
    lines: [
      'content/articles/rare-earths.md:12: body: photo "/images/inline.jpg" has a caption that repeats its alt text: say what the photo adds to the story (who, where, when)',
    ],
  },
  {
    warning: 'a headline over 110 characters',
    bad: { [ARTICLE]: article({ title: `"${'x'.repeat(HEADLINE_MAX_CHARACTERS + 1)}"` }) },
    good: { [ARTICLE]: article({ title: `"${'x'.repeat(HEADLINE_MAX_CHARACTERS)}"` }) },
    lines: [
      'content/articles/rare-earths.md:2: title: is 111 characters long: shorten it to 110 or fewer, or search results and link previews cut it off',
    ],
  },
  {
    warning: 'a summary bullet over 200 characters',
    bad: { [ARTICLE]: article({ summary: `\n  - "One."\n  - "${'x'.repeat(201)}"` }) },
    good: { [ARTICLE]: article({ summary: `\n  - "One."\n  - "${'x'.repeat(200)}"` }) },
    lines: [
      'content/articles/rare-earths.md:5: summary[1]: is 201 characters long: keep a bullet to 200 or fewer, one point a reader takes in at a glance',
    ],
  },
  {
    warning: 'a description over 160 characters',
    bad: { [ARTICLE]: article({ description: `"${'x'.repeat(161)}"` }) },
    good: { [ARTICLE]: article({ description: `"${'x'.repeat(160)}"` }) },
    lines: [
      'content/articles/rare-earths.md:8: description: is 161 characters long: shorten it to 160 or fewer, or search results cut it off',
    ],
  },
  {
    warning: 'a body link to an http: address',
    bad: {
      [ARTICLE]: article({}, 'Intro.\n\nSee [the ministry report](http://example.com/report).\n'),
    },
    good: {
      [ARTICLE]: article({}, 'Intro.\n\nSee [the ministry report](https://example.com/report).\n'),
    },
    lines: [
      'content/articles/rare-earths.md:12: body: link to "http://example.com/report" is not secure: change it to https://example.com/report (check that it opens)',
    ],
  },
  {
    warning: 'link text "click here" and "here"',
    bad: {
      [ARTICLE]: article(
        {},
        'The report is out: [click here](https://example.com/report).\n\nThe data is [here](https://example.com/data).\n',
      ),
    },
    good: { [ARTICLE]: article({}, 'The [ministry report](https://example.com/report) is out.\n') },
    lines: [
      `content/articles/rare-earths.md:10: body: link text "click here" says nothing out of context: link the words that say where it goes, e.g. [the ministry's statement](https://example.com/report)`,
      `content/articles/rare-earths.md:12: body: link text "here" says nothing out of context: link the words that say where it goes, e.g. [the ministry's statement](https://example.com/data)`,
    ],
  },
  {
    warning: 'a bare address as link text',
    bad: {
      [ARTICLE]: article(
        {},
        'Read it at https://example.com/report or <https://example.com/data>.\n',
      ),
    },
    good: {
      [ARTICLE]: article(
        {},
        'Read [the report](https://example.com/report) or email <desk@example.com>.\n',
      ),
    },
    lines: [
      `content/articles/rare-earths.md:10: body: link text is a bare address, "https://example.com/report": write what it links to instead, e.g. [the ministry's statement](https://example.com/report)`,
      `content/articles/rare-earths.md:10: body: link text is a bare address, "https://example.com/data": write what it links to instead, e.g. [the ministry's statement](https://example.com/data)`,
    ],
  },
  {
    warning: 'an article without topics',
    bad: { [ARTICLE]: article({ topics: null }) },
    good: { [ARTICLE]: article({ topics: '[trade]' }) },
    lines: [
      'content/articles/rare-earths.md: topics: no topics: add one or two (e.g. topics: [trade, shipping]) so the story is listed on topic pages and in related stories',
    ],
  },
  {
    warning: 'an empty list of topics, on its line',
    bad: { [ARTICLE]: article({ topics: '[]' }) },
    good: { [ARTICLE]: article({ topics: '[rare earths]' }) },
    lines: [
      'content/articles/rare-earths.md:7: topics: no topics: add one or two (e.g. topics: [trade, shipping]) so the story is listed on topic pages and in related stories',
    ],
  },
  {
    warning: 'two published articles with the same headline, on each',
    bad: {
      [ARTICLE]: article({ title: '"China tightens rare earths exports"' }),
      [OTHER]: article({ title: '"China tightens rare-earths exports."' }),
    },
    good: {
      [ARTICLE]: article({ title: '"China tightens rare earths exports"' }),
      [OTHER]: article({ title: '"China tightens rare earths exports"', draft: 'true' }),
    },
    lines: [
      'content/articles/2027/rare-earths-again.md:2: title: same headline as content/articles/rare-earths.md: give each story its own headline, so readers and search engines can tell them apart',
      'content/articles/rare-earths.md:2: title: same headline as content/articles/2027/rare-earths-again.md: give each story its own headline, so readers and search engines can tell them apart',
    ],
  },
  {
    warning: 'the summary placeholder left by npm run new',
    bad: { [ARTICLE]: article({ summary: `["${SUMMARY_PLACEHOLDER}"]` }) },
    good: {
      [ARTICLE]: article({ summary: '["China produces most of the world\'s rare earths."]' }),
    },
    lines: [
      'content/articles/rare-earths.md:3: summary[0]: still the placeholder from npm run new: write the first point a reader should take away',
    ],
  },
];

let workspace: Workspace | undefined;

afterEach(async () => {
  await workspace?.dispose();
  workspace = undefined;
});

/** A copy of the fixture site with these files and a 1,200 px photo at /images/wide.png. */
async function siteWith(
  files: Record<string, string>,
  options: { empty?: boolean } = {},
): Promise<Workspace> {
  workspace = await createWorkspace(files, options);
  await workspace.write('public/images/.keep', '');
  await writeFile(path.join(workspace.root, 'public/images/wide.png'), pngOfWidth(1200));
  return workspace;
}

/** Every warning line the whole-site check prints for the files a test wrote, and its problems. */
async function warningsFor(site: Workspace, files: readonly string[]) {
  const outlines = recordingOutlines(createRenderCache(undefined));
  const caches = { render: outlines.cache, records: createRecordCache(undefined) };
  const { content, issues } = await checkContent(site.location(), caches);
  const sources = {
    projectRoot: site.root,
    record: (file: string) => caches.records.latest(file),
    outlineOf: outlines.outlineOf,
  };
  const warnings = collectWarnings(content.articles, sources);
  return {
    problems: issues.map(formatIssue),
    lines: warnings.filter((warning) => files.includes(warning.file)).map(formatIssue),
  };
}

describe('warnings', () => {
  it.each(CASES)('warns about $warning', async ({ bad, lines }) => {
    const site = await siteWith(bad);
    expect(await warningsFor(site, Object.keys(bad))).toEqual({ problems: [], lines });
  });

  it.each(CASES)('does not warn without $warning', async ({ good }) => {
    const site = await siteWith(good);
    expect(await warningsFor(site, Object.keys(good))).toEqual({ problems: [], lines: [] });
  });

  it('does not ask for the credit of a photo that is missing, which is a problem already', async () => {
    const site = await siteWith({
      [ARTICLE]: article({}, 'Intro.\n\n![Magnets on a line](/images/missing.jpg "Magnets bound for export.")\n'),
    });
    expect(await warningsFor(site, [ARTICLE])).toEqual({
      problems: ['content/articles/rare-earths.md:12: body: image "/images/missing.jpg" not found in public/images/'],
      lines: [],
    });
  });

  it('warns about a bare www. address once, not also about the http: it is read as', () => {
    const subject: WarningSubject = {
      file: ARTICLE,
      title: 'A headline',
      summary: ['One.'],
      topics: ['trade'],
      draft: false,
      body: {
        startLine: 10,
        links: [{ url: 'http://www.example.com', text: 'www.example.com', line: 1 }],
        images: [],
        anchors: [],
      },
      lineOf: () => undefined,
    };
    expect(bodyLinks(subject).map((found) => found.rule)).toEqual(['vague-link-text']);
    expect(articleWarnings(subject)).toHaveLength(1);
  });

  it('checks links to places in the body: footnotes that exist, the top of the page, and lists five headings at most', () => {
    const subject = (url: string, anchors: string[]): WarningSubject => ({
      file: ARTICLE,
      title: 'A headline',
      summary: ['One.'],
      topics: ['trade'],
      draft: false,
      body: { startLine: 10, links: [{ url, text: 'the part', line: 1 }], images: [], anchors },
      lineOf: () => undefined,
    });
    const footnotes = ['user-content-fn-1', 'user-content-fnref-1'];
    expect(bodyAnchors(subject('#user-content-fn-1', footnotes))).toEqual([]);
    expect(bodyAnchors(subject('#', []))).toEqual([]);
    expect(bodyAnchors(subject('#top', []))).toEqual([]);
    expect(bodyAnchors(subject('#user-content-fn-9', footnotes)).map((found) => found.message)).toEqual([
      'link to "#user-content-fn-9" goes nowhere: no heading has that id (the body has no headings to link to)',
    ]);
    const headings = ['one', 'two', 'three', 'four', 'five', 'background', 'six', 'seven'];
    expect(bodyAnchors(subject('#backgrund', headings)).map((found) => found.message)).toEqual([
      'link to "#backgrund" goes nowhere: no heading has that id (the body\'s headings are #background, #one, #two, #three, #four and 3 more)',
    ]);
  });

  it('compares headlines only among published articles, naming every other file', () => {
    const subject = (file: string, draft = false): WarningSubject => ({
      file,
      title: 'Same headline',
      summary: ['One.'],
      topics: ['trade'],
      draft,
      lineOf: () => 2,
    });
    const all = [subject('a.md'), subject('b.md'), subject('c.md', true), subject('d.md')];
    const found = duplicateHeadlines(all, all);
    expect(found.map(formatIssue)).toEqual([
      'a.md:2: title: same headline as b.md, d.md: give each story its own headline, so readers and search engines can tell them apart',
      'b.md:2: title: same headline as a.md, d.md: give each story its own headline, so readers and search engines can tell them apart',
      'd.md:2: title: same headline as a.md, b.md: give each story its own headline, so readers and search engines can tell them apart',
    ]);
    expect(found.every((warning) => warning.severity === 'warning')).toBe(true);
  });

  it('sees the same headline typed with composed and with decomposed accents', () => {
    const subject = (file: string, title: string): WarningSubject => ({
      file,
      title,
      summary: ['One.'],
      topics: ['trade'],
      draft: false,
      lineOf: () => 2,
    });
    const all = [subject('a.md', 'Caf\u00e9 prices rise'), subject('b.md', 'Cafe\u0301 prices rise')];
    expect(duplicateHeadlines(all, all)).toHaveLength(2);
  });
});

/** `npm run content:check` on a workspace, as an editor or the build runs it. */
function runCheck(site: Workspace, args: string[] = []) {
  // Not a build: no render cache, nothing kept.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_CONTENT_ROOT: site.root,
    BROADSHEET_NOW: '2028-11-29T00:00:00Z',
  };
  delete env.BROADSHEET_RENDER_CACHE;
  const result = spawnSync(process.execPath, [TSX, '--conditions=react-server', SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  return {
    status: result.status,
    stdout: result.stdout.trim().split('\n'),
    stderr: result.stderr.trim().split('\n'),
  };
}

/** A site with one author, one section and the given articles, and nothing else. */
const SMALL_SITE = {
  'content/authors/jane-doe.md': '---\nname: Jane Doe\n---\n',
  'content/sections/china.md': '---\nname: China\n---\n',
};

describe('npm run content:check', () => {
  it('prints warnings after the problems-free summary and exits 0; --strict exits 1', async () => {
    const site = await siteWith(
      { ...SMALL_SITE, [ARTICLE]: article({ topics: null }) },
      { empty: true },
    );
    const relaxed = runCheck(site);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stderr).toEqual([
      'content/articles/rare-earths.md: topics: no topics: add one or two (e.g. topics: [trade, shipping]) so the story is listed on topic pages and in related stories',
    ]);
    expect(relaxed.stdout).toEqual([
      'content/ is valid: 1 article (0 draft, 0 scheduled), 1 author, 1 section, 0 pages — 0 errors, 1 warning.',
    ]);
    const strict = runCheck(site, ['--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr.at(-1)).toBe(
      'content/ is valid: 1 article (0 draft, 0 scheduled), 1 author, 1 section, 0 pages — 0 errors, 1 warning. --strict: warnings fail the check.',
    );
  }, 60_000);

  it('exits 0 with --strict when there is no warning', async () => {
    const site = await siteWith({ ...SMALL_SITE, [ARTICLE]: article() }, { empty: true });
    const strict = runCheck(site, ['--strict']);
    expect(strict).toMatchObject({ status: 0, stderr: [''] });
    expect(strict.stdout).toEqual([
      'content/ is valid: 1 article (0 draft, 0 scheduled), 1 author, 1 section, 0 pages — 0 errors, 0 warnings.',
    ]);
  }, 60_000);

  it('prints problems first, then warnings, then one line counting both, and exits 1', async () => {
    const site = await siteWith(
      {
        ...SMALL_SITE,
        [ARTICLE]: article({ topics: null }),
        [OTHER]: article({ section: 'chna' }),
      },
      { empty: true },
    );
    const result = runCheck(site);
    expect(result.status).toBe(1);
    expect(result.stderr).toEqual([
      'content/articles/2027/rare-earths-again.md:5: section: unknown section "chna" (known: china)',
      'content/articles/rare-earths.md: topics: no topics: add one or two (e.g. topics: [trade, shipping]) so the story is listed on topic pages and in related stories',
      '',
      '1 problem in content/; nothing was published. 1 warning.',
    ]);
  }, 60_000);

  describe('with files named', () => {
    it('checks only those files: another broken file is not reported', async () => {
      const site = await siteWith({
        [ARTICLE]: article({ topics: null }),
        [OTHER]: article({ title: '"A broken story"', section: 'chna', titel: '"typo"' }),
      });
      const result = runCheck(site, [ARTICLE]);
      expect(result.status).toBe(0);
      expect(result.stderr).toEqual([
        'content/articles/rare-earths.md: topics: no topics: add one or two (e.g. topics: [trade, shipping]) so the story is listed on topic pages and in related stories',
      ]);
      expect(result.stdout).toEqual(['Checked 1 article — 0 errors, 1 warning.']);
      const other = runCheck(site, [OTHER, '--strict']);
      expect(other.status).toBe(1);
      expect(other.stderr).toEqual([
        'content/articles/2027/rare-earths-again.md:8: titel: unknown field (did you mean "title"?)',
        'content/articles/2027/rare-earths-again.md:5: section: unknown section "chna" (known: china, world)',
        '',
        '2 problems in the 1 article checked. 0 warnings.',
      ]);
    }, 60_000);

    it('still finds a slug and a headline used by an article it does not check', async () => {
      const site = await siteWith({
        [ARTICLE]: article({ title: '"China tightens rare earths exports"' }),
        'content/articles/2027/rare-earths.md': article({ title: '"Another story"' }),
        'content/articles/2028/exports.md': article({
          title: '"China tightens rare-earths exports."',
        }),
      });
      const result = runCheck(site, [ARTICLE]);
      expect(result.status).toBe(1);
      expect(result.stderr).toEqual([
        'content/articles/rare-earths.md: slug "rare-earths" is already used by content/articles/2027/rare-earths.md; slugs must be unique across all folders',
        'content/articles/rare-earths.md:2: title: same headline as content/articles/2028/exports.md: give each story its own headline, so readers and search engines can tell them apart',
        '',
        '1 problem in the 1 article checked. 1 warning.',
      ]);
    }, 60_000);

    it("prints the lines of an author or section the article cannot use until that file's problems are fixed", async () => {
      const site = await siteWith({
        'content/authors/new-writer.md': '---\nnam: New Writer\n---\n',
        'content/sections/sport.md': '---\nname: Sport\norder: first\n---\n',
        [ARTICLE]: article({ author: 'new-writer', section: 'sport' }),
        [OTHER]: article({ author: 'new-writer' }),
      });
      const result = runCheck(site, [ARTICLE]);
      expect(result.status).toBe(1);
      expect(result.stderr).toEqual([
        'content/authors/new-writer.md: name: missing (required)',
        'content/authors/new-writer.md:2: nam: unknown field (did you mean "name"?)',
        `content/articles/rare-earths.md:4: author: author "new-writer" cannot be used until its own file's problems are fixed`,
        'content/sections/sport.md:3: order: expected a whole number, got "first"',
        `content/articles/rare-earths.md:5: section: section "sport" cannot be used until its own file's problems are fixed`,
        '',
        '2 problems in the 1 article checked, 3 in the files it uses. 0 warnings.',
      ]);
    }, 60_000);

    it('refuses a file outside content/articles/, or one that does not exist, in one line each', async () => {
      const site = await siteWith({});
      const result = runCheck(site, ['content/authors/jane-doe.md', 'content/articles/missing.md']);
      expect(result.status).toBe(2);
      expect(result.stderr).toEqual([
        'content/authors/jane-doe.md: not an article: name a file under content/articles/',
        'content/articles/missing.md: no such file',
      ]);
    }, 60_000);
  });
});

describe('docs/content-format.md', () => {
  it('shows every warning line above word for word', async () => {
    const doc = await readFile(DOC, 'utf8');
    const lines = CASES.flatMap((entry) => entry.lines);
    expect(lines.filter((line) => !doc.includes(`\`${line}\``))).toEqual([]);
  });
});
