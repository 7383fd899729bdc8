import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTimestamp } from '@/lib/content/timestamp';
import type { Article } from '@/lib/content/types';
import { getArticleHistory, hasPublicHistory } from '@/lib/history/articleHistory';
import type { ArticleHistory } from '@/lib/history/articleHistory';
import { markdownText } from '@/lib/history/revisions';

const NOW = Date.parse('2026-06-01T00:00:00Z');
let repo: string;
let notRepo: string;

function git(args: string[], date?: string) {
  const env = date
    ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
    : process.env;
  return execFileSync('git', ['-c', 'user.name=x', '-c', 'user.email=x@example.com', ...args], {
    cwd: repo,
    env,
    encoding: 'utf8',
  });
}

type Fields = {
  title: string;
  body: string;
  publishedAt: string;
  draft?: boolean;
  caption?: string;
  extra?: string;
};

function articleText({
  title,
  body,
  publishedAt,
  draft = false,
  caption,
  extra = '',
}: Fields): string {
  const image = caption
    ? `image:\n  src: /images/x.jpg\n  alt: A harbour\n  caption: ${JSON.stringify(caption)}\n`
    : '';
  return `---\ntitle: ${JSON.stringify(title)}\nsummary:\n  - "A bullet"\nauthor: jane-doe\nsection: world\npublishedAt: "${publishedAt}"\ndraft: ${draft}\n${image}${extra}---\n\n${body}\n`;
}

function commitFile(file: string, text: string, date: string) {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
  git(['add', '--', file]);
  git(['commit', '-q', '-m', `internal message ${date}`], date);
}

function article(sourceFile: string): Article {
  const publishedAt = parseTimestamp('2026-01-01T00:00:00Z') ?? { iso: '', epochMs: 0 };
  return {
    slug: path.basename(sourceFile, '.md'),
    sourceFile,
    title: 'Current title',
    summary: ['A bullet'],
    authors: [{ id: 'jane-doe', name: 'Jane Doe', bioHtml: '' }],
    section: { id: 'world', name: 'World', order: 1, descriptionHtml: '' },
    topics: [],
    publishedAt,
    description: '',
    ads: true,
    draft: false,
    corrections: [],
  };
}

const DRAFT_FIRST = 'content/articles/2026/01/draft-first.md';
const SCHEDULED = 'content/articles/2026/01/scheduled.md';
const RENAMED_FROM = 'content/articles/2026/01/old-name.md';
const RENAMED_TO = 'content/articles/2026/01/new-name.md';
const options = () => ({ root: repo, now: NOW, headTtlMs: 0 });

async function historyOf(file: string): Promise<ArticleHistory> {
  const history = await getArticleHistory(article(file), options());
  if (history === 'unavailable') throw new Error('history unavailable');
  return history;
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'history-repo-'));
  notRepo = mkdtempSync(path.join(tmpdir(), 'history-plain-'));
  git(['init', '-q']);
  const published = '2026-01-05T08:00:00+08:00';
  commitFile(
    DRAFT_FIRST,
    articleText({
      title: 'EMBARGOED headline draft',
      body: 'Secret EMBARGOEDBODY words.',
      publishedAt: published,
      draft: true,
    }),
    '2026-01-01T10:00:00+08:00',
  );
  commitFile(
    SCHEDULED,
    articleText({
      title: 'Scheduled SCHEDULEDSECRET',
      body: 'Early SCHEDULEDSECRET text.',
      publishedAt: '2026-01-03T09:00:00+08:00',
    }),
    '2026-01-02T10:00:00+08:00',
  );
  commitFile(
    SCHEDULED,
    articleText({
      title: 'Scheduled story',
      body: 'Launch text.',
      publishedAt: '2026-01-03T09:00:00+08:00',
    }),
    '2026-01-02T10:30:00+08:00',
  );
  commitFile(
    RENAMED_FROM,
    articleText({
      title: 'Port reopens',
      body: 'Ships return.',
      publishedAt: '2026-01-02T09:00:00+08:00',
    }),
    '2026-01-02T11:00:00+08:00',
  );
  commitFile(
    DRAFT_FIRST,
    articleText({
      title: 'Council backs budget',
      body: 'The council met on Monday.\n\nIt voted 7 to 2.',
      publishedAt: published,
      caption: 'The hall',
    }),
    '2026-01-05T09:00:00+08:00',
  );
  commitFile(
    DRAFT_FIRST,
    '---\ntitle: [broken\n---\nINVALIDREVISION\n',
    '2026-01-05T10:00:00+08:00',
  );
  commitFile(
    SCHEDULED,
    articleText({
      title: 'Scheduled story is out',
      body: 'Final text.',
      publishedAt: '2026-01-03T09:00:00+08:00',
    }),
    '2026-01-04T10:00:00+08:00',
  );
  git(['mv', RENAMED_FROM, RENAMED_TO]);
  git(['commit', '-q', '-m', 'rename'], '2026-01-04T11:00:00+08:00');
  commitFile(
    DRAFT_FIRST,
    articleText({
      title: 'Council backs <script>alert(1)</script> budget plan',
      body: 'The council met on Tuesday.\n\nIt voted 7 to 2.',
      publishedAt: published,
      caption: 'The town hall',
    }),
    '2026-01-06T09:00:00+08:00',
  );
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(notRepo, { recursive: true, force: true });
});

describe('article history from Git', () => {
  it('starts a story first committed as a draft at its publication, never showing the draft', async () => {
    const history = await historyOf(DRAFT_FIRST);
    expect(history.revisions.map((revision) => [revision.kind, revision.date.iso])).toEqual([
      ['update', '2026-01-06T09:00:00+08:00'],
      ['first', '2026-01-05T08:00:00+08:00'],
    ]);
    const first = history.revisions[1];
    expect(first?.fields.find((field) => field.field === 'headline')?.parts).toEqual([
      { kind: 'same', text: 'Council backs budget' },
    ]);
    expect(first?.fields.find((field) => field.field === 'byline')?.parts).toEqual([
      { kind: 'same', text: 'By Jane Doe' },
    ]);
    const serialized = JSON.stringify(history);
    for (const secret of ['EMBARGOED', 'INVALIDREVISION', 'internal message', 'x@example.com'])
      expect(serialized).not.toContain(secret);
  });

  it('shows an edit after publication as a word diff of what changed', async () => {
    const update = (await historyOf(DRAFT_FIRST)).revisions[0];
    const field = (name: string) => update?.fields.find((change) => change.field === name)?.parts;
    expect(field('headline')).toEqual([
      { kind: 'same', text: 'Council backs ' },
      { kind: 'ins', text: '<script>alert(1)</script> ' },
      { kind: 'same', text: 'budget' },
      { kind: 'ins', text: ' plan' },
    ]);
    expect(field('body')).toEqual([
      { kind: 'same', text: 'The council met on ' },
      { kind: 'del', text: 'Monday' },
      { kind: 'ins', text: 'Tuesday' },
      { kind: 'same', text: '.\n\nIt voted 7 to 2.' },
    ]);
    expect(field('photo')?.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'ins', text: 'town ' },
    ]);
    expect(field('summary')).toBeUndefined();
  });

  it('starts a scheduled story with the version live at its time, never an edit made before it', async () => {
    const history = await historyOf(SCHEDULED);
    expect(history.revisions.map((revision) => [revision.kind, revision.date.iso])).toEqual([
      ['update', '2026-01-04T10:00:00+08:00'],
      ['first', '2026-01-03T09:00:00+08:00'],
    ]);
    expect(JSON.stringify(history)).toContain('Launch text.');
    expect(JSON.stringify(history)).not.toContain('SCHEDULEDSECRET');
    expect(await hasPublicHistory(article(SCHEDULED), options())).toBe(true);
  });

  it('shows nothing of a scheduled story before its time', async () => {
    const before = await getArticleHistory(article(SCHEDULED), { ...options(), now: Date.parse('2026-01-03T00:00:00Z') });
    expect(before).toEqual({ revisions: [] });
  });

  it('follows a renamed file back to its first publication, and does not count the move as a revision', async () => {
    const history = await historyOf(RENAMED_TO);
    // The rename changed nothing readers see: one revision, and no history link yet.
    expect(history.revisions.map((revision) => revision.kind)).toEqual(['first']);
    expect(history.revisions[0]?.fields.map((field) => field.field)).toContain('headline');
    expect(await hasPublicHistory(article(RENAMED_TO), options())).toBe(false);
  });

  it('says history is unavailable where the site is not a Git checkout', async () => {
    expect(await getArticleHistory(article(DRAFT_FIRST), { root: notRepo, now: NOW })).toBe(
      'unavailable',
    );
    expect(await hasPublicHistory(article(DRAFT_FIRST), { root: notRepo, now: NOW })).toBe(false);
  });

  it('shows commits that arrive after the first request, once HEAD moves', async () => {
    expect((await historyOf(RENAMED_TO)).revisions).toHaveLength(1);
    commitFile(
      RENAMED_TO,
      articleText({
        title: 'Port reopens fully',
        body: 'Ships return.',
        publishedAt: '2026-01-02T09:00:00+08:00',
      }),
      '2026-01-07T09:00:00+08:00',
    );
    const history = await historyOf(RENAMED_TO);
    expect(history.revisions).toHaveLength(2);
    expect(history.revisions[0]?.fields.map((field) => field.field)).toEqual(['headline']);
    expect(await hasPublicHistory(article(RENAMED_TO), options())).toBe(true);
  });

  it('shows a correction added to the story as added text', async () => {
    const extra =
      'corrections:\n  - date: "2026-01-08T09:00:00+08:00"\n    text: "An earlier version misspelt the port."\n';
    const fields = {
      title: 'Port reopens fully',
      body: 'Ships return.',
      publishedAt: '2026-01-02T09:00:00+08:00',
      extra,
    };
    commitFile(RENAMED_TO, articleText(fields), '2026-01-08T09:00:00+08:00');
    const update = (await historyOf(RENAMED_TO)).revisions[0];
    expect(update?.fields).toEqual([
      {
        field: 'corrections',
        label: 'Corrections',
        parts: [{ kind: 'ins', text: 'Correction: An earlier version misspelt the port.' }],
      },
    ]);
  });

  it('lists a revision, and links to the history, only when what readers see changed', async () => {
    const file = 'content/articles/2026/01/quiet-edits.md';
    const text = (body: string, topics = '') =>
      articleText({ title: 'Quiet edits', body, publishedAt: '2026-01-02T09:00:00+08:00', extra: topics });
    commitFile(file, text('Ships [return](https://a.example) to\nthe port.'), '2026-01-03T09:00:00+08:00');
    // Re-wrapped lines, another link address, a topic: nothing a reader sees.
    commitFile(file, text('Ships [return](https://b.example)\nto the port.', 'topics: [ports]\n'), '2026-01-04T09:00:00+08:00');
    expect((await historyOf(file)).revisions.map((revision) => revision.kind)).toEqual(['first']);
    expect(await hasPublicHistory(article(file), options())).toBe(false);
    commitFile(file, text('Ships return to the old port.'), '2026-01-05T09:00:00+08:00');
    const history = await historyOf(file);
    expect(history.revisions.map((revision) => revision.kind)).toEqual(['update', 'first']);
    expect(history.revisions[0]?.fields[0]?.parts).toEqual([
      { kind: 'same', text: 'Ships return to the ' },
      { kind: 'ins', text: 'old ' },
      { kind: 'same', text: 'port.' },
    ]);
    expect(await hasPublicHistory(article(file), options())).toBe(true);
  });

  it('does not show a commit dated after now', async () => {
    const history = await getArticleHistory(article(DRAFT_FIRST), {
      root: repo,
      now: Date.parse('2026-01-05T12:00:00+08:00'),
      headTtlMs: 0,
    });
    expect(history !== 'unavailable' && history.revisions.map((revision) => revision.kind)).toEqual(
      ['first'],
    );
  });
});

describe('the words a reader sees in a revision', () => {
  it('shows a body photo as its caption and its labelled description, not as a line of story text', () => {
    expect(markdownText('Before.\n\n![Rows of magnet blocks](/images/m.jpg "Magnets bound for export. Photo: Broadsheet")\n\nAfter.')).toBe(
      'Before.\n\nMagnets bound for export. Photo: Broadsheet\nImage description: Rows of magnet blocks\n\nAfter.',
    );
  });

  it('reads a paragraph re-wrapped onto other lines as the same words', () => {
    expect(markdownText('Ships return\nto the port.')).toBe(markdownText('Ships return to\n  the port.'));
    expect(markdownText('Ships return\nto the port.')).toBe('Ships return to the port.');
  });

  it('keeps a <br> as the line break the page shows, and drops other HTML', () => {
    expect(markdownText('Term<br>break <span>and</span> more')).toBe('Term\nbreak and more');
  });
});

