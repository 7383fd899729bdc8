import type { z } from 'zod';
import { placeAdSlots } from '../ads/placeAdSlots';
import type { ImageSizeLookup } from '../images/imagePath';
import type { BodyProblem, RenderedMarkdown } from '../markdown/bodyBlock';
import type { RenderCache } from '../markdown/renderCache';
import type { ContentIssue } from './errors';
import type { ArticleRecord, RecordCache } from './fileRecords';
import { splitFrontMatter } from './frontMatter';
import type { FrontMatterFile } from './frontMatter';
import { UnreadableFileError } from './readContentFiles';
import type { ContentFile } from './readContentFiles';
import { RawArticleSchema } from './schemas';
import type { RawArticle } from './schemas';
import { validateFrontMatter } from './validateFrontMatter';
import type { Validated } from './validateFrontMatter';

/** What one load can reuse from the last: renderings by content hash, article records by stamp. */
export type LoadCaches = { render: RenderCache; records: RecordCache };

/** What every stage of one load shares: image sizes, the caches, and the problems found so far. */
export type LoadContext = {
  imageSize: ImageSizeLookup;
  caches: LoadCaches;
  /** Every stage adds its problems here; a load with any problem publishes nothing. */
  issues: ContentIssue[];
};

/** One file split, validated and rendered. `value` is undefined when its front matter fails its schema. */
export type LoadedFile<T, Body = RenderedMarkdown> = {
  file: ContentFile;
  frontMatter: FrontMatterFile;
  body: Body;
  value: T | undefined;
};

/** What an article keeps of its body: the HTML stays in the render cache under `hash`. */
export type ArticleBodySummary = ArticleRecord['body'] & { adSlots: number[] };

/**
 * The read → split → validate → render stages for one file of a small collection (sections,
 * authors, pages), whose rendered HTML is kept. Returns undefined when the file cannot even be
 * read or split; every problem goes to `context.issues`.
 */
export function loadFile<S extends z.ZodType>(
  file: ContentFile,
  schema: S,
  context: LoadContext,
): LoadedFile<z.output<S>> | undefined {
  const frontMatter = readAndSplit(file, context);
  if (!frontMatter) return undefined;
  const validated = validateFrontMatter(schema, frontMatter, file.file);
  const body = context.caches.render.render(frontMatter.body, context.imageSize);
  reportBodyProblems(file, frontMatter.bodyStartLine, body.problems, context);
  if (!validated.ok) context.issues.push(...validated.issues);
  return { file, frontMatter, body, value: validated.ok ? validated.value : undefined };
}

/**
 * The same stages for an article, which keeps only a summary of its body (the HTML is read
 * from the render cache when its page is rendered). An article whose file has not changed
 * since the last load (same stamp, same photos) is not read again: its record is reused.
 */
export function loadArticleFile(file: ContentFile, context: LoadContext): LoadedFile<RawArticle, ArticleBodySummary> | undefined {
  const known = file.stamp === undefined ? undefined : context.caches.records.get(file.file, file.stamp);
  const reusable = known && context.caches.render.stillValid(known.body.images, context.imageSize) ? known : undefined;
  const loaded = reusable ? { record: reusable, frontMatter: recordedFrontMatter(file, reusable) } : recordArticle(file, context);
  if (!loaded) return undefined;
  const { record, frontMatter } = loaded;
  const validated = validateArticle(record, frontMatter, file.file);
  reportBodyProblems(file, record.bodyStartLine, record.body.problems, context);
  if (!validated.ok) context.issues.push(...validated.issues);
  return {
    file,
    frontMatter,
    body: { ...record.body, adSlots: record.adSlots },
    value: validated.ok ? validated.value : undefined,
  };
}

/** Reads, splits and renders an article file, and keeps a record of it for the next load. */
function recordArticle(file: ContentFile, context: LoadContext): { record: ArticleRecord; frontMatter: FrontMatterFile } | undefined {
  const frontMatter = readAndSplit(file, context);
  if (!frontMatter) return undefined;
  const { hash, wordCount, problems, images, blocks } = context.caches.render.render(frontMatter.body, context.imageSize);
  const record: ArticleRecord = {
    stamp: file.stamp ?? '',
    data: frontMatter.data,
    bodyStartLine: frontMatter.bodyStartLine,
    body: { hash, wordCount, problems, images },
    adSlots: placeAdSlots(blocks),
  };
  if (file.stamp !== undefined) context.caches.records.set(file.file, record);
  return { record, frontMatter };
}

/**
 * Validating 100,000 front matters takes seconds, and a reload after one edit should not
 * repeat it: a record that validated stays valid (what can change its verdict is a correction
 * dated in the future, and time only makes that valid). Failures are checked again each load.
 */
declare global {
  // One per process (records are shared by every route's bundle: see `loadSite.ts`).
  var broadsheetValidArticles: WeakMap<ArticleRecord, Validated<RawArticle>> | undefined;
}

const validArticles = (globalThis.broadsheetValidArticles ??= new WeakMap<ArticleRecord, Validated<RawArticle>>());

function validateArticle(record: ArticleRecord, frontMatter: FrontMatterFile, file: string): Validated<RawArticle> {
  const known = validArticles.get(record);
  if (known) return known;
  const validated = validateFrontMatter(RawArticleSchema, frontMatter, file);
  if (validated.ok) validArticles.set(record, validated);
  return validated;
}

/**
 * The front matter of a file known from its record. Line numbers are only needed for an error
 * message, so the file is read and split again only if one is asked for.
 */
function recordedFrontMatter(file: ContentFile, record: ArticleRecord): FrontMatterFile {
  let split: FrontMatterFile | undefined;
  const again = (): FrontMatterFile | undefined => {
    if (split) return split;
    try {
      const result = splitFrontMatter(file.text(), file.file);
      if (result.ok) split = result.file;
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
    }
    return split;
  };
  return {
    data: record.data,
    bodyStartLine: record.bodyStartLine,
    get body() {
      return again()?.body ?? '';
    },
    lineOf: (path) => again()?.lineOf(path),
    sourceOf: (path) => again()?.sourceOf(path),
  };
}

function readAndSplit(file: ContentFile, context: LoadContext): FrontMatterFile | undefined {
  let text: string;
  try {
    text = file.text();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    context.issues.push({ kind: 'read', file: file.file, message: error.message });
    return undefined;
  }
  const split = splitFrontMatter(text, file.file);
  if (!split.ok) {
    context.issues.push(...split.issues);
    return undefined;
  }
  return split.file;
}

/** Body problems are reported at their line in the file. */
function reportBodyProblems(file: ContentFile, bodyStartLine: number, problems: readonly BodyProblem[], context: LoadContext): void {
  for (const problem of problems) context.issues.push(bodyIssue(file, bodyStartLine, problem));
}

function bodyIssue(file: ContentFile, bodyStartLine: number, problem: BodyProblem): ContentIssue {
  return {
    kind: 'body',
    file: file.file,
    line: problem.line === undefined ? undefined : bodyStartLine + problem.line - 1,
    field: problem.field,
    message: problem.message,
  };
}

/** A rendered body as one HTML string (section descriptions, author biographies). */
export function bodyHtml(body: RenderedMarkdown): string {
  return body.blocks.map((block) => block.html).join('\n');
}
