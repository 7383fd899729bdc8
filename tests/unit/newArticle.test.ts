import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_SLUG_LENGTH,
  articleFile,
  isoWithOffset,
  localTime,
  planArticle,
  previewAddress,
  slugFromHeadline,
  uniqueSlug,
} from '@/lib/editorial/newArticle';
import type { LocalTime } from '@/lib/editorial/newArticle';
import { SUMMARY_PLACEHOLDER } from '@/lib/editorial/placeholders';
import { createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'newArticle.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const USAGE = 'usage: npm run new -- "Headline of the story" --section <id> --author <id>';

/** 29 November 2026, 14:05 in Hong Kong. */
const NOW = Date.UTC(2026, 10, 29, 6, 5);
const DAY: LocalTime = {
  year: 2026,
  month: 11,
  day: 29,
  hour: 14,
  minute: 5,
  second: 0,
  offsetMinutes: 480,
};

describe('the slug a headline gives', () => {
  it.each([
    ['Headline of the story', 'headline-of-the-story'],
    ["China's rare earths: what's next?", 'chinas-rare-earths-whats-next'],
    ['“Quoted” words and ‘single’ ones', 'quoted-words-and-single-ones'],
    ['Straße über Köln', 'strasse-uber-koln'],
    ['STRASSE ẞ', 'strasse-ss'],
    ['Łódź and Gdańsk', 'lodz-and-gdansk'],
    ['Ærø, Øresund, Þingvellir', 'aero-oresund-thingvellir'],
    ['Œuvre of a Đà Nẵng chef', 'oeuvre-of-a-da-nang-chef'],
    ['Işık in İstanbul', 'isik-in-istanbul'],
    ['São Paulo’s ﬁnance chief', 'sao-paulos-finance-chief'],
    ['稀土 exports fall 5%', 'exports-fall-5'],
    ['--- #1 ---', '1'],
  ])('%s → %s', (headline, slug) => {
    expect(slugFromHeadline(headline, DAY)).toBe(slug);
  });

  it.each(['稀土出口下降', 'Путин в Пекине', '!!!'])(
    'falls back to story-<yyyy>-<mm>-<dd> when "%s" has nothing in ASCII',
    (headline) => {
      expect(slugFromHeadline(headline, DAY)).toBe('story-2026-11-29');
    },
  );

  it('cuts a long headline after a whole word, at most 80 characters', () => {
    const headline =
      'Central bank holds rates steady for a third month as inflation cools and exporters warn of a slowdown';
    const slug = slugFromHeadline(headline, DAY);
    expect(slug).toBe('central-bank-holds-rates-steady-for-a-third-month-as-inflation-cools-and');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('cuts a single word longer than 80 characters at 80', () => {
    expect(slugFromHeadline('a'.repeat(120), DAY)).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });
});

describe('a unique slug', () => {
  it('is the slug itself when no article uses it', () => {
    expect(uniqueSlug('rare-earths', new Set(['other']))).toBe('rare-earths');
  });

  it('gets -2, -3, ... when articles use it', () => {
    expect(uniqueSlug('rare-earths', new Set(['rare-earths']))).toBe('rare-earths-2');
    expect(
      uniqueSlug('rare-earths', new Set(['rare-earths', 'rare-earths-2', 'rare-earths-3'])),
    ).toBe('rare-earths-4');
  });

  it('stays within 80 characters with the number added', () => {
    const base = slugFromHeadline('word '.repeat(16), DAY);
    expect(base.length).toBe(79);
    const next = uniqueSlug(base, new Set([base]));
    expect(next).toBe(`${'word-'.repeat(15)}2`);
    expect(next.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(uniqueSlug('a'.repeat(80), new Set(['a'.repeat(80)]))).toBe(`${'a'.repeat(78)}-2`);
  });

  it('numbers the date fallback too', () => {
    expect(uniqueSlug(slugFromHeadline('稀土', DAY), new Set(['story-2026-11-29']))).toBe(
      'story-2026-11-29-2',
    );
  });
});

describe('publishedAt and the folder', () => {
  it.each([
    [
      Date.UTC(2026, 10, 29, 6, 5, 30, 999),
      'Asia/Hong_Kong',
      '2026-11-29T14:05:30+08:00',
      'content/articles/2026/11/s.md',
    ],
    [
      Date.UTC(2026, 10, 30, 20, 0),
      'Asia/Hong_Kong',
      '2026-12-01T04:00:00+08:00',
      'content/articles/2026/12/s.md',
    ],
    [
      Date.UTC(2027, 0, 1, 3, 0),
      'America/New_York',
      '2026-12-31T22:00:00-05:00',
      'content/articles/2026/12/s.md',
    ],
    [
      Date.UTC(2026, 6, 1, 12, 0),
      'America/New_York',
      '2026-07-01T08:00:00-04:00',
      'content/articles/2026/07/s.md',
    ],
    [
      Date.UTC(2026, 6, 1, 12, 0),
      'Asia/Kathmandu',
      '2026-07-01T17:45:00+05:45',
      'content/articles/2026/07/s.md',
    ],
    [
      Date.UTC(2026, 0, 5, 0, 0),
      'America/St_Johns',
      '2026-01-04T20:30:00-03:30',
      'content/articles/2026/01/s.md',
    ],
    [
      Date.UTC(2026, 0, 5, 0, 0),
      'UTC',
      '2026-01-05T00:00:00+00:00',
      'content/articles/2026/01/s.md',
    ],
  ])('%d in %s is %s, filed in %s', (epochMs, zone, iso, file) => {
    const time = localTime(epochMs, zone);
    expect(isoWithOffset(time)).toBe(iso);
    expect(articleFile('s', time)).toBe(file);
  });
});

describe('the preview address', () => {
  it('is the article on the development server without PREVIEW_SECRET', () => {
    expect(previewAddress('rare-earths', {})).toBe('http://localhost:3000/article/rare-earths');
    expect(previewAddress('rare-earths', { port: '4000' })).toBe(
      'http://localhost:4000/article/rare-earths',
    );
  });

  it('is the preview route with PREVIEW_SECRET, the secret escaped', () => {
    expect(previewAddress('rare-earths', { previewSecret: 's3cr&t=1', port: '3100' })).toBe(
      'http://localhost:3100/api/preview?secret=s3cr%26t%3D1&slug=rare-earths',
    );
  });
});

describe('a new article in the fixture site', () => {
  let workspace: Workspace;

  beforeAll(async () => {
    workspace = await createWorkspace();
  });

  afterAll(async () => {
    await workspace.dispose();
  });

  const NASTY_HEADLINES = [
    'Reference shape',
    'Two authors, no image',
    'Breaking: rates "hold" # for now',
    "It's 'quoted' -- and [bracketed] {braced} & *starred* !bang %pct @at `tick`",
    '- starts like a list item',
    '1984',
    'true',
    '~',
    'null: yes',
    '---',
    'Back\\slash and 稀土 and emoji 📈',
    '稀土出口下降',
  ];

  it('passes the content check, whatever the headline, each under a slug of its own', async () => {
    const taken = new Set((await workspace.content()).articles.map((article) => article.slug));
    const written: { slug: string; headline: string }[] = [];
    for (const headline of NASTY_HEADLINES) {
      const planned = planArticle(
        { headline, section: 'china', author: 'jane-doe' },
        { epochMs: NOW, timeZone: 'Asia/Hong_Kong', takenSlugs: taken },
      );
      expect(planned.file).toBe(`content/articles/2026/11/${planned.slug}.md`);
      await workspace.write(planned.file, planned.source);
      taken.add(planned.slug);
      written.push({ slug: planned.slug, headline });
    }
    // Only the summary placeholder may be flagged (a warning, written elsewhere); nothing else.
    const problems = (await workspace.problems()).filter(
      (line) => !/summary\[0\]|placeholder/i.test(line),
    );
    expect(problems).toEqual([]);
    const articles = (await workspace.content()).articles;
    for (const { slug, headline } of written) {
      const article = articles.find((candidate) => candidate.slug === slug);
      expect(article).toMatchObject({
        title: headline,
        draft: true,
        summary: [SUMMARY_PLACEHOLDER],
      });
      expect(article?.publishedAt.iso).toBe('2026-11-29T14:05:00+08:00');
    }
    expect(written.slice(0, 2).map(({ slug }) => slug)).toEqual([
      'reference-shape-2',
      'two-authors-no-image-2',
    ]);
    const fallbacks = written.filter(({ headline }) =>
      ['~', '---', '稀土出口下降'].includes(headline),
    );
    expect(fallbacks.map(({ slug }) => slug)).toEqual([
      'story-2026-11-29',
      'story-2026-11-29-2',
      'story-2026-11-29-3',
    ]);
  });
});

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs `npm run new` as an editor would, with stdin not a terminal. */
function runNew(root: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_CONTENT_ROOT: root,
    BROADSHEET_NOW: '2026-11-29T06:05:00Z',
    SITE_TIMEZONE: 'Asia/Hong_Kong',
    ...extraEnv,
  };
  if (!('PREVIEW_SECRET' in extraEnv)) delete env.PREVIEW_SECRET;
  if (!('PORT' in extraEnv)) delete env.PORT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, '--conditions=react-server', SCRIPT, ...args], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end();
  });
}

async function articleFiles(root: string): Promise<string[]> {
  const folder = path.join(root, 'content', 'articles');
  return (await readdir(folder, { recursive: true })).sort();
}

describe('npm run new', () => {
  let workspace: Workspace;

  beforeAll(async () => {
    workspace = await createWorkspace();
  });

  afterAll(async () => {
    await workspace.dispose();
  });

  it('writes a draft, prints its path and preview address, and never reuses a slug', async () => {
    const args = [
      'China warns: "spies" target #rare earths',
      '--section',
      'china',
      '--author',
      'li-wei',
    ];
    const first = await runNew(workspace.root, args);
    expect(first.stderr).toBe('');
    expect(first.stdout.split('\n')).toEqual([
      'Wrote content/articles/2026/11/china-warns-spies-target-rare-earths.md',
      'Preview: http://localhost:3000/article/china-warns-spies-target-rare-earths (drafts show there while `npm run dev` is running)',
      'When it is ready: set draft: false (or delete the line) and commit.',
      '',
    ]);
    expect(first.status).toBe(0);
    const text = await readFile(
      path.join(workspace.root, 'content/articles/2026/11/china-warns-spies-target-rare-earths.md'),
      'utf8',
    );
    expect(text).toContain('title: "China warns: \\"spies\\" target #rare earths"\n');
    expect(text).toContain('publishedAt: "2026-11-29T14:05:00+08:00"\ndraft: true\n');

    const secret = 'a'.repeat(40);
    const second = await runNew(workspace.root, args, { PREVIEW_SECRET: secret, PORT: '3100' });
    expect(second.stdout.split('\n').slice(0, 2)).toEqual([
      'Wrote content/articles/2026/11/china-warns-spies-target-rare-earths-2.md',
      `Preview: http://localhost:3100/api/preview?secret=${secret}&slug=china-warns-spies-target-rare-earths-2`,
    ]);
    expect(second.status).toBe(0);
  }, 60_000);

  it.each([
    [
      'an unknown section',
      ['A story', '--section', 'sport', '--author', 'jane-doe'],
      ['npm run new: unknown section "sport" (known: china, world)'],
    ],
    [
      'an unknown author',
      ['A story', '--section', 'china', '--author', 'mei-lan-zhou'],
      ['npm run new: unknown author "mei-lan-zhou" (known: jane-doe, li-wei)'],
    ],
    [
      'both unknown',
      ['A story', '--section=sport', '--author=nobody'],
      [
        'npm run new: unknown section "sport" (known: china, world)',
        'npm run new: unknown author "nobody" (known: jane-doe, li-wei)',
      ],
    ],
    ['no arguments', [], ['npm run new: missing the headline, --section and --author', USAGE]],
    ['no section or author', ['A story'], ['npm run new: missing --section and --author', USAGE]],
    [
      'a missing headline and an unknown author',
      ['--section', 'china', '--author', 'nobody'],
      [
        'npm run new: missing the headline',
        'npm run new: unknown author "nobody" (known: jane-doe, li-wei)',
        USAGE,
      ],
    ],
    [
      'a headline over 200 characters',
      ['x'.repeat(201), '--section', 'china', '--author', 'jane-doe'],
      ['npm run new: the headline is 201 characters long; the limit is 200'],
    ],
    [
      'an unknown option',
      ['A story', '--sectoin', 'china'],
      ["npm run new: Unknown option '--sectoin'", USAGE],
    ],
    [
      'a headline starting with "-", saying where it goes instead',
      ['-5% growth', '--section', 'china', '--author', 'jane-doe'],
      [
        'npm run new: Unknown option \'-5\' (a headline that starts with "-" goes last, after --: npm run new -- --section <id> --author <id> -- "-5% growth")',
        USAGE,
      ],
    ],
    [
      'a headline with a control character the content check would refuse',
      ['Bell\u0007 here', '--section', 'china', '--author', 'jane-doe'],
      ['npm run new: the headline contains an invisible control character (U+0007) after "Bell": delete it'],
    ],
    [
      'a headline of zero-width spaces only',
      ['\u200b\u200b', '--section', 'china', '--author', 'jane-doe'],
      ['npm run new: the headline has no visible characters (only spaces or invisible formatting characters)'],
    ],
  ])(
    'refuses %s with exit code 2 and writes nothing',
    async (_case, args, lines) => {
      const before = await articleFiles(workspace.root);
      const run = await runNew(workspace.root, args);
      expect(run.stderr.split('\n')).toEqual([...lines, '']);
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
      expect(await articleFiles(workspace.root)).toEqual(before);
    },
    30_000,
  );
});
