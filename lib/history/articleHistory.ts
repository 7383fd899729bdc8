import 'server-only';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { now as clockNow } from '../config/clock';
import { defaultLocation } from '../content/contentLocation';
import type { Timestamp } from '../content/timestamp';
import type { Article } from '../content/types';
import { markdownToPlainText } from '../search/plainText';
import { createBlobReader } from './blobReader';
import type { BlobReader } from './blobReader';
import { GitUnavailableError, indexLog, readFolderLog, readHead, readTopLevel } from './gitLog';
import type { FileCommit, LogIndex } from './gitLog';
import { loadRevision, publicTimeline, readerText } from './revisions';
import type { AuthorNames, LoadedRevision, ReaderText } from './revisions';
import { wordDiff } from './wordDiff';
import { collapseUnchanged } from './collapseUnchanged';
import type { ShownPart } from './collapseUnchanged';

/** One reader-visible field of a revision: its text (first publication) or what changed. */
export type FieldChange = { field: keyof ReaderText; label: string; parts: ShownPart[] };

/** A revision readers could see: the first publication, or an update with what it changed. */
export type PublicRevision = {
  commit: string;
  date: Timestamp;
  kind: 'first' | 'update';
  /** First publication: every non-empty field. Update: only the fields that changed. */
  fields: FieldChange[];
};

/** An article's public revisions, newest first. */
export type ArticleHistory = { revisions: PublicRevision[] };

export type HistoryOptions = {
  /** The folder holding `content/` (the site's content root); the article's `sourceFile` is relative to it. */
  root?: string;
  /** The clock: commits dated later are not shown. */
  now?: number;
  /** Author id → byline name; defaults to the article's current authors. */
  authorNames?: AuthorNames;
  /** How long a HEAD lookup is trusted, so a build does not run git once per article. */
  headTtlMs?: number;
};

const FIELD_LABELS: Record<keyof ReaderText, string> = {
  headline: 'Headline',
  summary: 'Summary',
  byline: 'Byline',
  body: 'Story',
  photo: 'Photo caption',
  corrections: 'Corrections',
};
const FIELDS = ['headline', 'summary', 'byline', 'body', 'photo', 'corrections'] as const;

type RepoState = {
  head: string;
  topLevel: string;
  /** The content root's path inside the repository, with `/` separators ('' at the top). */
  rootInRepo: string;
  index: LogIndex;
  /** Reads past revisions; one git process per HEAD commit. */
  blobs: BlobReader;
  revisions: Map<string, Promise<LoadedRevision | undefined>>;
};

type CacheEntry = { checkedAt: number; state: Promise<RepoState | 'unavailable'> };

const cache = new Map<string, CacheEntry>();
const DEFAULT_HEAD_TTL_MS = 1000;

/** The repository state for `root`, rebuilt when HEAD moves (checked at most once per TTL). */
function repoState(root: string, ttlMs: number): Promise<RepoState | 'unavailable'> {
  const cached = cache.get(root);
  const time = Date.now();
  if (cached && time - cached.checkedAt < ttlMs) return cached.state;
  const previous = cached?.state;
  const state = (async () => {
    const head = await readHead(root).catch(() => undefined);
    if (head === undefined) return 'unavailable' as const;
    const old = await previous?.catch(() => undefined);
    if (old && old !== 'unavailable' && old.head === head) return old;
    if (old && old !== 'unavailable') old.blobs.close();
    return openRepo(root, head);
  })().catch((error: unknown) => {
    if (error instanceof GitUnavailableError) return 'unavailable' as const;
    throw error;
  });
  cache.set(root, { checkedAt: time, state });
  return state;
}

async function openRepo(root: string, head: string): Promise<RepoState> {
  const topLevel = await readTopLevel(root);
  const [realTop, realRoot] = await Promise.all([realpath(topLevel), realpath(root)]);
  const rootInRepo = path.relative(realTop, realRoot).split(path.sep).join('/');
  const articlesFolder = [rootInRepo, 'content', 'articles'].filter(Boolean).join('/');
  const index = indexLog(await readFolderLog(topLevel, articlesFolder));
  return {
    head,
    topLevel,
    rootInRepo,
    index,
    blobs: createBlobReader(topLevel),
    revisions: new Map(),
  };
}

/** The repository state the options point at (the site's content root by default). */
function stateFor(options: HistoryOptions): Promise<RepoState | 'unavailable'> {
  return repoState(
    options.root ?? defaultLocation().projectRoot,
    options.headTtlMs ?? DEFAULT_HEAD_TTL_MS,
  );
}

/** The commits that changed the article's file, oldest first, following renames. */
function fileCommits(state: RepoState, article: Article): FileCommit[] {
  const relative = article.sourceFile.split(path.sep).join('/');
  if (path.posix.isAbsolute(relative) || relative.split('/').includes('..')) return [];
  const repoPath = [state.rootInRepo, relative].filter(Boolean).join('/');
  return state.index.get(repoPath) ?? [];
}

function cachedRevision(
  state: RepoState,
  fileCommit: FileCommit,
): Promise<LoadedRevision | undefined> {
  const key = `${fileCommit.commit}:${fileCommit.path}`;
  let revision = state.revisions.get(key);
  if (!revision) {
    revision = loadRevision(state.blobs, fileCommit);
    state.revisions.set(key, revision);
  }
  return revision;
}

/** Loaded a few at a time: an article with hundreds of commits must not start hundreds of gits. */
async function publicRevisions(
  state: RepoState,
  commits: FileCommit[],
  now: number,
): Promise<LoadedRevision[]> {
  const loaded: (LoadedRevision | undefined)[] = [];
  for (let start = 0; start < commits.length; start += 4) {
    loaded.push(
      ...(await Promise.all(commits.slice(start, start + 4).map((c) => cachedRevision(state, c)))),
    );
  }
  return publicTimeline(
    loaded.filter((revision): revision is LoadedRevision => revision !== undefined),
    now,
  );
}

function describeRevision(before: ReaderText | undefined, after: ReaderText): FieldChange[] {
  return FIELDS.flatMap((field): FieldChange[] => {
    const label = FIELD_LABELS[field];
    if (!before)
      return after[field] ? [{ field, label, parts: [{ kind: 'same', text: after[field] }] }] : [];
    return before[field] === after[field]
      ? []
      : [{ field, label, parts: collapseUnchanged(wordDiff(before[field], after[field])) }];
  });
}

/** A body's words, links and marks left out, spaces collapsed: enough to tell two apart. */
function quickBodyText(markdown: string): string {
  return markdownToPlainText(markdown).replace(/\s+/g, ' ').trim();
}

function namesFrom(article: Article): AuthorNames {
  const names = new Map(article.authors.map((author) => [author.id, author.name]));
  return (id) => names.get(id);
}

/**
 * The article's public revisions, newest first, each with what it changed for readers; or
 * 'unavailable' where the site is not served from a Git checkout.
 */
export async function getArticleHistory(
  article: Article,
  options: HistoryOptions = {},
): Promise<ArticleHistory | 'unavailable'> {
  const state = await stateFor(options);
  if (state === 'unavailable') return 'unavailable';
  const revisions = await publicRevisions(
    state,
    fileCommits(state, article),
    options.now ?? clockNow(),
  );
  const names = options.authorNames ?? namesFrom(article);
  let previous: ReaderText | undefined;
  const described = revisions.map((revision): PublicRevision => {
    const text = readerText(revision, names);
    const fields = describeRevision(previous, text);
    const kind = previous ? 'update' : 'first';
    previous = text;
    return { commit: revision.commit, date: revision.date, kind, fields };
  });
  // A commit that changed nothing readers see (a topic, a photo's file, the front matter's
  // layout) is not a revision to them.
  const visible = described.filter((revision) => revision.kind === 'first' || revision.fields.length > 0);
  return { revisions: visible.reverse() };
}

/** Whether the article has more than one public revision (so a history link is worth showing). */
export async function hasPublicHistory(
  article: Article,
  options: HistoryOptions = {},
): Promise<boolean> {
  const state = await stateFor(options);
  if (state === 'unavailable') return false;
  const commits = fileCommits(state, article);
  if (commits.length < 2) return false;
  const revisions = await publicRevisions(state, commits, options.now ?? clockNow());
  if (revisions.length < 2) return false;
  // As the history page counts them: only revisions that changed what readers see. Every
  // article page asks, so the bodies are compared as quick plain text, not parsed (2-4 ms each).
  const names = options.authorNames ?? namesFrom(article);
  const visible = (revision: LoadedRevision) =>
    JSON.stringify(readerText(revision, names, quickBodyText));
  let previous: string | undefined;
  for (const revision of revisions) {
    const text = visible(revision);
    if (previous !== undefined && text !== previous) return true;
    previous = text;
  }
  return false;
}
