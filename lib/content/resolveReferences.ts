import type { ImageSizeLookup } from '../images/imagePath';
import type { ContentIssue } from './errors';
import type { LoadedFile } from './loadFile';
import type { RawPhoto } from './schemas';
import type { Author, Photo, Section } from './types';
import { closest, fieldName } from './validateFrontMatter';

/** What articles may refer to: the authors and sections that loaded, and every id that exists. */
export type References = {
  authorsById: ReadonlyMap<string, Author>;
  sectionsById: ReadonlyMap<string, Section>;
  /** Every author and section file by its id, including files that have problems of their own. */
  authorFiles: ReadonlyMap<string, string>;
  sectionFiles: ReadonlyMap<string, string>;
};

type Loaded = LoadedFile<unknown, unknown>;

/** The article's authors, in order and without repeats; each unknown id is one problem. */
export function resolveAuthors(
  loaded: Loaded,
  /** As written; an id that is not valid is undefined here (its problem is reported apart). */
  author: string | readonly (string | undefined)[],
  references: References,
  issues: ContentIssue[],
): Author[] {
  const ids = typeof author === 'string' ? [author] : author;
  const resolved: Author[] = [];
  ids.forEach((id, index) => {
    if (id === undefined) return;
    const found = references.authorsById.get(id);
    if (found) {
      if (!resolved.includes(found)) resolved.push(found);
      return;
    }
    const path = typeof author === 'string' ? ['author'] : ['author', index];
    issues.push(referenceIssue(loaded, path, 'author', unknownReference('author', id, references.authorFiles)));
  });
  return resolved;
}

/** The article's section, or undefined with one problem when there is no such section. */
export function resolveSection(
  loaded: Loaded,
  id: string,
  references: References,
  issues: ContentIssue[],
): Section | undefined {
  const section = references.sectionsById.get(id);
  if (!section) {
    issues.push(referenceIssue(loaded, ['section'], 'section', unknownReference('section', id, references.sectionFiles)));
  }
  return section;
}

/**
 * A photo with its pixel size, or undefined with one problem when the image file is missing.
 * `path` is where the editor wrote its `src`: `['image', 'src']`, or `['avatar']`.
 */
export function resolvePhoto(
  loaded: Loaded,
  raw: RawPhoto,
  path: readonly string[],
  imageSize: ImageSizeLookup,
  issues: ContentIssue[],
): Photo | undefined {
  const size = imageSize(raw.src);
  if (size) return { ...raw, ...size };
  issues.push(referenceIssue(loaded, path, fieldName(path), { message: `image "${raw.src}" not found in public/images/` }));
  return undefined;
}

type Problem = Pick<ContentIssue, 'message' | 'blockedBy'>;

function referenceIssue(loaded: Loaded, path: readonly PropertyKey[], field: string, problem: Problem): ContentIssue {
  return { kind: 'reference', file: loaded.file.file, line: loaded.frontMatter.lineOf(path), field, ...problem };
}

function unknownReference(what: string, id: string, files: ReadonlyMap<string, string>): Problem {
  const blockedBy = files.get(id);
  if (blockedBy !== undefined)
    return { message: `${what} "${id}" cannot be used until its own file's problems are fixed`, blockedBy };
  const known = [...files.keys()];
  const suggestion = closest(id, known);
  const list = suggestion ? [suggestion, ...known.filter((k) => k !== suggestion)] : known;
  const shown = list.slice(0, 5).join(', ') + (list.length > 5 ? ', ...' : '');
  return { message: `unknown ${what} "${id}" (known: ${shown || 'none'})` };
}
