import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildSite } from '../content/buildSite';
import type { BuildResult } from '../content/buildSite';
import type { ContentLocation } from '../content/contentLocation';
import type { ContentIssue } from '../content/errors';
import { splitFrontMatter } from '../content/frontMatter';
import type { LoadCaches } from '../content/loadFile';
import { readCollection } from '../content/readContentFiles';
import type { ContentFile } from '../content/readContentFiles';
import { imageSizeReader } from '../images/imageSizes';
import { normalizeText } from './warnings';
import type { HeadlineEntry } from './warnings';

/**
 * `npm run content:check -- <files...>`: the named articles checked as the whole-site check
 * would (front matter, authors, section, photos, body), without loading the rest of the
 * archive. Authors and sections are small and read in full; of the other articles only the
 * names are looked at (a slug used twice), and their front matter is read only as far as the
 * duplicate-headline warning needs (see `headlinesLike`).
 */

/** A file argument that cannot be checked: printed as one line, `<argument>: <why>`. */
export type RefusedArgument = { argument: string; message: string };

export type FileCheck = BuildResult & {
  /** Every article of the site whose headline could match a checked one (for `duplicateHeadlines`). */
  headlines: HeadlineEntry[];
  refused: RefusedArgument[];
  /** The article files checked, as their problems name them. */
  checkedFiles: ReadonlySet<string>;
};

/** Which of `requested` are article files, as the check names files (relative to the project root). */
function articlePaths(location: ContentLocation, requested: readonly string[]) {
  const articlesDir = path.join(location.contentDir, 'articles');
  const wanted: string[] = [];
  const refused: RefusedArgument[] = [];
  for (const argument of requested) {
    const absolute = path.resolve(location.projectRoot, argument);
    if (!absolute.startsWith(articlesDir + path.sep)) {
      refused.push({
        argument,
        message: `not an article: name a file under ${displayPath(location, articlesDir)}/`,
      });
    } else if (!existsSync(absolute)) {
      refused.push({ argument, message: 'no such file' });
    } else if (statSync(absolute).isDirectory()) {
      refused.push({ argument, message: 'is a folder: name the article files in it' });
    } else {
      wanted.push(displayPath(location, absolute));
    }
  }
  return { wanted: [...new Set(wanted)], refused };
}

function displayPath(location: ContentLocation, absolute: string): string {
  return path.relative(location.projectRoot, absolute).split(path.sep).join('/');
}

/** Checks only the named article files; every line printed is about one of them. */
export async function checkArticleFiles(
  location: ContentLocation,
  requested: readonly string[],
  caches: LoadCaches,
): Promise<FileCheck> {
  const { wanted, refused } = articlePaths(location, requested);
  const read = (collection: 'articles' | 'authors' | 'sections') =>
    readCollection(location.projectRoot, location.contentDir, collection);
  const [articles, authors, sections] = await Promise.all([
    read('articles'),
    read('authors'),
    read('sections'),
  ]);
  const named = new Set(wanted);
  const checked = articles.files.filter((file) => named.has(file.file));
  const built = buildSite(
    { articles: checked, authors: authors.files, sections: sections.files, pages: [] },
    imageSizeReader(location.publicDir),
    caches,
  );
  const issues = withBlockingFiles(
    [
      ...articles.issues.filter((issue) => named.has(issue.file)),
      ...built.issues.filter((issue) => named.has(issue.file)),
      ...slugsUsedElsewhere(checked, articles.files),
    ],
    [...authors.issues, ...sections.issues, ...built.issues],
  );
  const found = new Set([
    ...checked.map((file) => file.file),
    ...issues.map((issue) => issue.file),
  ]);
  for (const file of wanted) {
    if (!found.has(file))
      refused.push({
        argument: file,
        message: 'not checked: not a Markdown file the site reads (content files end in .md)',
      });
  }
  const others = articles.files.filter((file) => !named.has(file.file));
  const headlines = [
    ...built.content.articles.map((article) => ({
      file: article.sourceFile,
      title: article.title,
      draft: article.draft,
    })),
    ...headlinesLike(
      built.content.articles.map((article) => article.title),
      others,
      location.projectRoot,
    ),
  ];
  return { content: built.content, issues: unique(issues), headlines, refused, checkedFiles: named };
}

/** A checked file whose slug another article file anywhere under content/articles/ has too. */
function slugsUsedElsewhere(
  checked: readonly ContentFile[],
  all: readonly ContentFile[],
): ContentIssue[] {
  return checked.flatMap((file) => {
    const other = all.find((candidate) => candidate.id === file.id && candidate.file !== file.file);
    if (!other) return [];
    return [
      {
        kind: 'duplicate' as const,
        file: file.file,
        message: `slug "${file.id}" is already used by ${other.file}; slugs must be unique across all folders`,
      },
    ];
  });
}

/**
 * The checked files' lines, each reference to an author or section that has problems of its
 * own preceded by that file's lines (once): without them the editor would read "cannot be
 * used until its own file's problems are fixed" and have to run the whole check to learn which.
 */
function withBlockingFiles(
  issues: readonly ContentIssue[],
  everyIssue: readonly ContentIssue[],
): ContentIssue[] {
  const shown = new Set<string>();
  return issues.flatMap((issue) => {
    const blocker = issue.blockedBy;
    if (blocker === undefined || shown.has(blocker)) return [issue];
    shown.add(blocker);
    return [...everyIssue.filter((other) => other.file === blocker), issue];
  });
}

function unique(issues: readonly ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([issue.file, issue.line, issue.field, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How much of a file is read to find its headline: front matter is at the top, and rarely longer. */
const FRONT_MATTER_PEEK_BYTES = 4096;

/**
 * The other articles whose headline matches one of `titles`, without parsing 10,000 front
 * matters: a file is split only when its front matter, reduced to letters and digits as the
 * rule compares headlines, contains one of them. However a headline is quoted or wrapped in
 * YAML, its letters and digits stay in order, so no match is missed. A cheaper test comes
 * first: the front matter must contain the headline's longest word.
 */
export function headlinesLike(
  titles: readonly string[],
  files: readonly ContentFile[],
  projectRoot: string,
): HeadlineEntry[] {
  const wanted = [...new Set(titles.map(normalizeText))]
    .filter(Boolean)
    .map((title) => ({ letters: title.replaceAll(' ', ''), word: longestWord(title) }));
  if (wanted.length === 0) return [];
  const buffer = Buffer.alloc(FRONT_MATTER_PEEK_BYTES);
  const found: HeadlineEntry[] = [];
  for (const file of files) {
    const frontMatter = peekFrontMatter(path.join(projectRoot, file.file), buffer)?.toLowerCase();
    if (frontMatter === undefined) continue; // Unreadable: the whole-site check reports it.
    const candidates = wanted.filter((title) => frontMatter.includes(title.word));
    if (candidates.length === 0) continue;
    const letters = normalizeText(frontMatter).replaceAll(' ', '');
    if (!candidates.some((title) => letters.includes(title.letters))) continue;
    const entry = headlineOf(file);
    if (entry) found.push(entry);
  }
  return found;
}

function longestWord(normalized: string): string {
  return normalized
    .split(' ')
    .reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/** The start of a file up to its closing `---` (the whole peek when it does not close there). */
function peekFrontMatter(absolute: string, buffer: Buffer): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, bytes);
    const end = text.indexOf('\n---', 3);
    if (end !== -1) return text.slice(0, end);
    return bytes < buffer.length ? text : readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What the rule needs of another article; one that does not even have these is not compared. */
const HeadlineFields = z.object({ title: z.string(), draft: z.unknown().optional() });

function headlineOf(file: ContentFile): HeadlineEntry | undefined {
  let text: string;
  try {
    text = file.text();
  } catch {
    return undefined;
  }
  const split = splitFrontMatter(text, file.file);
  const fields = split.ok ? HeadlineFields.safeParse(split.file.data) : undefined;
  if (!fields?.success) return undefined;
  return { file: file.file, title: fields.data.title.trim(), draft: fields.data.draft === true };
}
