import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentIssue } from './errors';
import { SLUG_PATTERN } from './schemas';

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
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const absolute = path.join(dir, name);
      const file = display(absolute);
      const stats = await lstat(absolute);
      if (stats.isSymbolicLink()) {
        issues.push({ kind: 'file-name', file, message: 'is a symbolic link; content must be real files inside content/' });
        continue;
      }
      if (stats.isDirectory()) {
        if (collection === 'articles') await walk(absolute);
        else issues.push({ kind: 'file-name', file, message: `sub-folders are only allowed under content/articles/` });
        continue;
      }
      if (!name.endsWith('.md')) {
        issues.push({ kind: 'file-name', file, message: 'not a Markdown file; content files end in .md' });
        continue;
      }
      const id = name.slice(0, -'.md'.length);
      if (!SLUG_PATTERN.test(id)) {
        issues.push({
          kind: 'file-name',
          file,
          message: `file name "${id}" is not a valid slug (lowercase letters, digits and single hyphens, e.g. "${suggestSlug(id)}")`,
        });
        continue;
      }
      if (stats.size > MAX_FILE_BYTES) {
        issues.push({ kind: 'read', file, message: `is ${stats.size} bytes; the limit is ${MAX_FILE_BYTES} bytes` });
        continue;
      }
      const bytes = await readFile(absolute);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
        issues.push({ kind: 'read', file, message: 'is not valid UTF-8 text' });
        continue;
      }
      files.push({ id, file, text });
    }
  };
  await walk(root);
  return { files, issues };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function suggestSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'my-article'
  );
}
