import type { z } from 'zod';
import { placeAdSlots } from '../ads/placeAdSlots';
import type { ImageSizeLookup } from '../images/imagePath';
import type { BodyProblem, RenderedMarkdown } from '../markdown/bodyBlock';
import type { RenderCache } from '../markdown/renderCache';
import type { ContentIssue } from './errors';
import type { ArticleRecord, BodySummary, RecordCache } from './fileRecords';
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
  /**
   * Whether an article file this load reads is also rendered (and its body checked). True but
   * in the build's first pass, which renders only the newest articles' bodies (`articleBodies.ts`).
   */
  renderArticleBodies?: boolean;
};

/** One file split, validated and rendered. `value` is undefined when its front matter fails its schema. */
export type LoadedFile<T, Body = RenderedMarkdown> = {
  file: ContentFile;
  frontMatter: FrontMatterFile;
  body: Body;
  value: T | undefined;
};

/** An article file loaded: its front matter validated; its body is the page's business. */
export type LoadedArticle = LoadedFile<RawArticle, undefined>;

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
  reportBodyProblems(file.file, frontMatter.bodyStartLine, body.problems, context.issues);
  if (!validated.ok) context.issues.push(...validated.issues);
  return { file, frontMatter, body, value: validated.ok ? validated.value : undefined };
}

/**
 * The same stages for an article. When the file is read, its body is rendered, checked and
 * summed up in its record (`renderedBody`), unless the load says not to; the HTML stays in the
 * render cache until the article's page asks for it (`articleBodies.ts`). An article whose file
 * has not changed since the last load (same stamp, same photos) is not read again: its record
 * is reused, and so are its body's problems, unless its body was rendered for a page
 * (`ArticleRecord.bodyFromPage`).
 */
export function loadArticleFile(file: ContentFile, context: LoadContext): LoadedArticle | undefined {
  const known = file.stamp === undefined ? undefined : context.caches.records.get(file.file, file.stamp);
  const photosSame = !known?.body || context.caches.render.stillValid(known.body.images, context.imageSize);
  const reusable = known && photosSame ? known : undefined;
  const loaded = reusable ? { record: reusable, frontMatter: recordedFrontMatter(file, reusable) } : recordArticle(file, context);
  if (!loaded) return undefined;
  const { record, frontMatter } = loaded;
  const validated = validateArticle(record, frontMatter, file.file);
  if (record.body && !record.bodyFromPage) reportBodyProblems(file.file, record.bodyStartLine, record.body.problems, context.issues);
  if (!validated.ok) {
    context.issues.push(...validated.issues);
    // The build's first pass leaves bodies unrendered, and a file that fails its schema never
    // reaches the pass that renders them: its body is checked here, so the build lists every
    // problem of the file, as content:check does.
    if (!record.body) reportBodyProblems(file.file, record.bodyStartLine, renderedBody(frontMatter.body, context).summary.problems, context.issues);
  }
  return { file, frontMatter, body: undefined, value: validated.ok ? validated.value : undefined };
}

/** Reads and splits an article file (and renders it, unless told not to), and keeps a record of it. */
function recordArticle(file: ContentFile, context: LoadContext): { record: ArticleRecord; frontMatter: FrontMatterFile } | undefined {
  const frontMatter = readAndSplit(file, context);
  if (!frontMatter) return undefined;
  const record: ArticleRecord = {
    stamp: file.stamp ?? '',
    data: frontMatter.data,
    bodyStartLine: frontMatter.bodyStartLine,
    body: context.renderArticleBodies === false ? undefined : renderedBody(frontMatter.body, context).summary,
  };
  if (file.stamp !== undefined) context.caches.records.set(file.file, record);
  return { record, frontMatter };
}

/** An article with nothing below its front matter would be a page of a headline and a summary. */
const EMPTY_BODY: BodyProblem = { field: 'body', message: 'is empty: write the story below the closing "---" line' };

/** An article's body rendered (from the render cache when it can be), and summed up for its record. */
export function renderedBody(markdown: string, context: Pick<LoadContext, 'caches' | 'imageSize'>) {
  const { hash, wordCount, problems: rendering, images, blocks } = context.caches.render.render(markdown, context.imageSize);
  const problems = blocks.length === 0 && rendering.length === 0 ? [EMPTY_BODY] : rendering;
  const summary: BodySummary = { hash, wordCount, problems, images, adSlots: placeAdSlots(blocks) };
  return { summary, blocks };
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
    // YAML that does not parse says nothing about the body after it: its problems are listed
    // in the same run, not only once the front matter is fixed.
    if (split.body) {
      const { problems } = context.caches.render.render(split.body.markdown, context.imageSize);
      reportBodyProblems(file.file, split.body.startLine, problems, context.issues);
    }
    return undefined;
  }
  return split.file;
}

/** Body problems are reported at their line in the file. */
export function reportBodyProblems(file: string, bodyStartLine: number, problems: readonly BodyProblem[], issues: ContentIssue[]): void {
  for (const problem of problems) issues.push(bodyIssue(file, bodyStartLine, problem));
}

function bodyIssue(file: string, bodyStartLine: number, problem: BodyProblem): ContentIssue {
  return {
    kind: 'body',
    file,
    line: problem.line === undefined ? undefined : bodyStartLine + problem.line - 1,
    field: problem.field,
    message: problem.message,
  };
}

/** A rendered body as one HTML string (section descriptions, author biographies). */
export function bodyHtml(body: RenderedMarkdown): string {
  return body.blocks.map((block) => block.html).join('\n');
}
