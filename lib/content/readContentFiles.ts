import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentIssue } from './errors';
import { isSlug, slugify } from './slugs';

/** One Markdown file of a content collection, read but not yet parsed. */
export type ContentFile = {
  /** The slug or id: the file name without `.md`. */
  id: string;
  /** Path relative to the project root, as shown to editors. */
  file: string;
  text: string;
};

export type Collection = 'articles' | 'authors' | 'sections' | 'pages';

/**
 * Past this, a file is refused before parsing. A 5,000-word long read is about 35 KB; the
 * limit leaves ten times that, and keeps one hostile file from stalling a build.
 */
export const MAX_FILE_BYTES = 512 * 1024;

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
  const files: ContentFile[] = [];
  const issues: ContentIssue[] = [];
  const root = path.join(contentDir, collection);
  const display = (absolute: string) => path.relative(projectRoot, absolute).split(path.sep).join('/');

  const walk = async (dir: string): Promise<void> => {
    let entries: string[];
    try {
      entries = (await readdir(dir)).sort();
    } catch (error) {
      if (dir === root && isMissing(error)) return;
      issues.push({ kind: 'read', file: display(dir), message: `cannot read folder: ${String(error)}` });
      return;
    }
    // Files are read many at a time (a 10,000-article archive is read in well under a second
    // instead of several), and their results kept in name order so every run reports alike.
    const results = await mapInBatches(
      entries.filter((name) => !name.startsWith('.')),
      READ_BATCH,
      (name) => readEntry(dir, name),
    );
    for (const result of results) {
      if (result.kind === 'file') files.push(result.file);
      else if (result.kind === 'issue') issues.push(result.issue);
      else await walk(result.folder);
    }
  };

  type EntryResult =
    | { kind: 'file'; file: ContentFile }
    | { kind: 'issue'; issue: ContentIssue }
    | { kind: 'folder'; folder: string };

  const readEntry = async (dir: string, name: string): Promise<EntryResult> => {
    const absolute = path.join(dir, name);
    const file = display(absolute);
    const issue = (kind: ContentIssue['kind'], message: string): EntryResult => ({ kind: 'issue', issue: { kind, file, message } });
    const stats = await lstat(absolute);
    if (stats.isSymbolicLink()) {
      return issue('file-name', 'is a symbolic link; content must be real files inside content/');
    }
    if (stats.isDirectory()) {
      if (collection === 'articles') return { kind: 'folder', folder: absolute };
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
    const bytes = await readFile(absolute);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) return issue('read', 'is not valid UTF-8 text');
    return { kind: 'file', file: { id, file, text } };
  };
  await walk(root);
  return { files, issues };
}

/** How many files are read at once: enough to keep the disk busy, well under the open-file limit. */
const READ_BATCH = 64;

async function mapInBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function suggestSlug(name: string): string {
  return slugify(name, { ascii: true }) || 'my-article';
}
