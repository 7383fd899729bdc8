import { lstatSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ContentIssue } from './errors';
import { isSlug, slugify, transliterate } from './slugs';

/** One Markdown file of a content collection, found but not yet read. */
export type ContentFile = {
  /** The slug or id: the file name without `.md`. */
  id: string;
  /** Path relative to the project root, as shown to editors. */
  file: string;
  /** Size and modification time: a load reuses what it knew of a file with the same stamp. */
  stamp?: string;
  /** The file's text, read when asked; throws `UnreadableFileError` when it cannot be read. */
  text: () => string;
};

/** A content file that cannot be read as text: the message says why, for the editor. */
export class UnreadableFileError extends Error {}

/** The folders under `content/`, one per kind of file. */
export const COLLECTIONS = ['articles', 'authors', 'sections', 'pages'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/**
 * Past this, a file is refused before parsing. A 5,000-word long read is about 35 KB; the
 * limit leaves ten times that, and keeps one hostile file from stalling a build.
 */
const MAX_FILE_BYTES = 512 * 1024;

type EntryResult =
  | { kind: 'file'; file: ContentFile }
  | { kind: 'issue'; issue: ContentIssue }
  | { kind: 'folder'; folder: string };

/** What reading one collection needs to know: where it is, and how to name files to editors. */
type Walk = {
  collection: Collection;
  root: string;
  /** A path as editors see it: relative to the project root, with forward slashes. */
  display: (absolute: string) => string;
  files: ContentFile[];
  issues: ContentIssue[];
};

/**
 * Reads every `.md` file of one collection. Only articles may sit in sub-folders. Symbolic
 * links are refused (they could reach outside `content/`), as are names that break the slug
 * rule and files that are not Markdown: an editor's misnamed file is an error, never skipped.
 */
export async function readCollection(
  projectRoot: string,
  contentDir: string,
  collection: Collection,
): Promise<{ files: ContentFile[]; issues: ContentIssue[] }> {
  const walk: Walk = {
    collection,
    root: path.join(contentDir, collection),
    display: (absolute) => displayPath(projectRoot, absolute),
    files: [],
    issues: [],
  };
  await readFolder(walk, walk.root);
  return { files: walk.files, issues: walk.issues };
}

async function readFolder(walk: Walk, dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (error) {
    if (dir === walk.root && isMissing(error)) return;
    walk.issues.push({ kind: 'read', file: walk.display(dir), message: `cannot read folder (${systemError(error)})` });
    return;
  }
  // Each file is only looked at (lstat), in name order so every run reports alike: one at a
  // time without promises, a 100,000-article archive takes well under a second.
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const result = readEntry(walk, dir, name);
    if (result.kind === 'file') walk.files.push(result.file);
    else if (result.kind === 'issue') walk.issues.push(result.issue);
    else await readFolder(walk, result.folder);
  }
}

function readEntry(walk: Walk, dir: string, name: string): EntryResult {
  const absolute = path.join(dir, name);
  const file = walk.display(absolute);
  const issue = (kind: ContentIssue['kind'], message: string): EntryResult => ({ kind: 'issue', issue: { kind, file, message } });
  const stats = lstatSync(absolute);
  if (stats.isSymbolicLink()) {
    return issue('file-name', 'is a symbolic link; content must be real files inside content/');
  }
  if (stats.isDirectory()) {
    if (walk.collection === 'articles') return { kind: 'folder', folder: absolute };
    return issue('file-name', `sub-folders are only allowed under content/articles/`);
  }
  if (!name.endsWith('.md')) return issue('file-name', 'not a Markdown file; content files end in .md');
  const id = name.slice(0, -'.md'.length);
  if (!isSlug(id)) {
    return issue(
      'file-name',
      `file name "${id}" is not a valid slug (lowercase letters, digits and single hyphens, e.g. "${suggestSlug(id)}")`,
    );
  }
  if (stats.size > MAX_FILE_BYTES) return issue('read', `is ${stats.size} bytes; the limit is ${MAX_FILE_BYTES} bytes`);
  const stamp = `${stats.size}:${stats.mtimeMs}`;
  return { kind: 'file', file: { id, file, stamp, text: () => readText(absolute) } };
}

/**
 * Files are read one by one as a load needs them: most loads reuse what they knew of a file
 * (by its stamp) and never read it at all.
 */
function readText(absolute: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    throw new UnreadableFileError(`cannot read file (${systemError(error)})`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) throw new UnreadableFileError('is not valid UTF-8 text');
  return text;
}

/** A path relative to the project root with forward slashes; the common case without `path.relative`. */
function displayPath(projectRoot: string, absolute: string): string {
  const prefix = projectRoot.endsWith(path.sep) ? projectRoot : projectRoot + path.sep;
  const relative = absolute.startsWith(prefix) ? absolute.slice(prefix.length) : path.relative(projectRoot, absolute);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/** `ENOTDIR: not a directory`: the system's code and words, without the absolute path. */
function systemError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.replace(/,\s*\w+\s+'[^']*'$/, '');
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function suggestSlug(name: string): string {
  return slugify(transliterate(name), { ascii: true }) || 'my-article';
}
