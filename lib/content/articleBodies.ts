import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readingTimeMinutes } from '../article/readingTime';
import type { ImageSizeLookup } from '../images/imagePath';
import type { BodyBlock } from '../markdown/bodyBlock';
import type { ContentLocation } from './contentLocation';
import type { ContentIssue } from './errors';
import type { BodySummary } from './fileRecords';
import { splitFrontMatter } from './frontMatter';
import { renderedBody, reportBodyProblems } from './loadFile';
import type { LoadCaches } from './loadFile';
import { isPublished } from './publishedIndex';
import type { Article, ArticleBody } from './types';

/**
 * Article bodies, apart from the articles. A load validates every article's front matter but
 * renders only the bodies of the files it reads (all of them for `content:check`, the changed
 * ones for a running server) or, in the build, of the newest articles: parsing Markdown is
 * most of the cost of loading, and a 100,000-story archive's bodies would take the build
 * minutes and the server a gigabyte. An archive article's body is rendered when its page is.
 */

export type BodyContext = { location: ContentLocation; caches: LoadCaches; imageSize: ImageSizeLookup };

/**
 * An article's body and its problems: from its record and the render cache when it was
 * rendered before, else read and rendered now (and noted in its record, as rendered for a
 * reader's page or for the build's check).
 */
export function articleBody(
  article: Article,
  context: BodyContext,
  purpose: 'page' | 'check',
): { body: ArticleBody; issues: ContentIssue[] } {
  const record = context.caches.records.latest(article.sourceFile);
  const known = record?.body;
  const cachedBlocks = known && context.caches.render.blocks(known.hash);
  const found =
    known && cachedBlocks
      ? { summary: known, blocks: cachedBlocks, bodyStartLine: record.bodyStartLine }
      : renderFromFile(article.sourceFile, context, purpose);
  const issues: ContentIssue[] = [];
  if ('issues' in found) return { body: emptyBody(), issues: found.issues };
  reportBodyProblems(article.sourceFile, found.bodyStartLine, found.summary.problems, issues);
  return { body: bodyFrom(found.summary, found.blocks, article.ads), issues };
}

/**
 * The build's body check (`checkContent` with `bodies: 'newest'`): the newest published
 * articles, the ones the build renders ahead, and every draft and scheduled one (they are
 * next), each rendered if its record has no body yet.
 */
export function checkNewestBodies(articles: readonly Article[], count: number, now: number, context: BodyContext): ContentIssue[] {
  const unpublished = articles.filter((article) => !isPublished(article, now));
  const newest = articles.filter((article) => isPublished(article, now)).slice(0, count);
  return [...newest, ...unpublished]
    .filter((article) => !context.caches.records.latest(article.sourceFile)?.body)
    .flatMap((article) => articleBody(article, context, 'check').issues);
}

function bodyFrom(summary: BodySummary, blocks: BodyBlock[], ads: boolean): ArticleBody {
  return {
    blocks,
    wordCount: summary.wordCount,
    readingTimeMinutes: readingTimeMinutes(summary.wordCount),
    adSlotsAfter: ads ? summary.adSlots : [],
  };
}

function emptyBody(): ArticleBody {
  return { blocks: [], wordCount: 0, readingTimeMinutes: 0, adSlotsAfter: [] };
}

type Rendered = { summary: BodySummary; blocks: BodyBlock[]; bodyStartLine: number } | { issues: ContentIssue[] };

/**
 * An article's file as it is now: its text and its stamp (size and modification time, the key
 * of its record). Undefined when it cannot be read (moved or deleted since it was loaded).
 */
export function readArticleFile(projectRoot: string, sourceFile: string): { text: string; stamp: string } | undefined {
  const absolute = path.join(projectRoot, sourceFile);
  try {
    const stats = statSync(/*turbopackIgnore: true*/ absolute);
    return { stamp: `${stats.size}:${stats.mtimeMs}`, text: readFileSync(/*turbopackIgnore: true*/ absolute, 'utf8') };
  } catch {
    return undefined;
  }
}

function renderFromFile(sourceFile: string, context: BodyContext, purpose: 'page' | 'check'): Rendered {
  const file = readArticleFile(context.location.projectRoot, sourceFile);
  if (!file) return { issues: [{ kind: 'read', file: sourceFile, message: 'cannot read file (it was moved or deleted)' }] };
  const { text, stamp } = file;
  const split = splitFrontMatter(text, sourceFile);
  if (!split.ok) return { issues: split.issues };
  const { summary, blocks } = renderedBody(split.file.body, context);
  const record = context.caches.records.latest(sourceFile);
  // Noted only in a record made from this same version of the file.
  if (record?.stamp === stamp) context.caches.records.set(sourceFile, { ...record, body: summary, bodyFromPage: purpose === 'page' });
  return { summary, blocks, bodyStartLine: split.file.bodyStartLine };
}
