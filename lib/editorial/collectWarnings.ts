import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord } from '../content/fileRecords';
import { splitFrontMatter } from '../content/frontMatter';
import type { FrontMatterFile } from '../content/frontMatter';
import { RawArticleSchema } from '../content/schemas';
import type { Article } from '../content/types';
import type { BodyOutline } from '../markdown/bodyBlock';
import type { RenderCache } from '../markdown/renderCache';
import { articleWarnings, duplicateHeadlines } from './warnings';
import type { ContentWarning, HeadlineEntry, WarningSubject } from './warnings';

/**
 * Feeding the warning rules (`warnings.ts`) from a content check: each loaded article with its
 * fields as written (from its record), its body's links and photos (from the rendering this
 * check made), and the lines of its front matter (the file is split again only when a warning
 * needs a line).
 */

/** The body outlines of every body a load renders, kept by the hash its record notes. */
export type OutlineRecorder = {
  cache: RenderCache;
  outlineOf: (hash: string) => BodyOutline | undefined;
};

/**
 * The render cache with every rendering's outline noted on the way. A load keeps only a
 * summary of each body (`fileRecords.ts`) and at most 500 renderings in memory, so the outlines
 * are noted as the bodies are rendered, not looked up afterwards.
 */
export function recordingOutlines(cache: RenderCache): OutlineRecorder {
  const outlines = new Map<string, BodyOutline>();
  return {
    cache: {
      ...cache,
      render(markdown, imageSize) {
        const rendered = cache.render(markdown, imageSize);
        outlines.set(rendered.hash, rendered.outline);
        return rendered;
      },
    },
    outlineOf: (hash) => outlines.get(hash),
  };
}

/** What the rules need beyond the article: its record, the outlines, where files are. */
export type WarningSources = {
  projectRoot: string;
  record: (file: string) => ArticleRecord | undefined;
  outlineOf: (hash: string) => BodyOutline | undefined;
};

/** One article as the rules see it. */
export function warningSubject(article: Article, sources: WarningSources): WarningSubject {
  const record = sources.record(article.sourceFile);
  const outline = record?.body && sources.outlineOf(record.body.hash);
  return {
    file: article.sourceFile,
    title: article.title,
    summary: article.summary,
    description: writtenDescription(record?.data),
    topics: article.topics.map((topic) => topic.name),
    draft: article.draft,
    image: article.image,
    body: record && outline ? { startLine: record.bodyStartLine, ...outline } : undefined,
    lineOf: lazyLineOf(sources.projectRoot, article.sourceFile),
  };
}

/**
 * Every warning for `articles`, file by file, in line order. Duplicate headlines are looked
 * for among `headlines` (every article on the site), or among `articles` when not given.
 */
export function collectWarnings(
  articles: readonly Article[],
  sources: WarningSources,
  headlines?: readonly HeadlineEntry[],
): ContentWarning[] {
  const subjects = articles
    .map((article) => warningSubject(article, sources))
    .sort((a, b) => a.file.localeCompare(b.file));
  const duplicates = duplicateHeadlines(subjects, headlines ?? subjects);
  return subjects.flatMap((subject) =>
    [
      ...articleWarnings(subject),
      ...duplicates.filter((found) => found.file === subject.file),
    ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  );
}

/** `description` as the editor wrote it (trimmed); the article's own falls back to the first bullet. */
function writtenDescription(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('description' in data)) return undefined;
  const parsed = RawArticleSchema.shape.description.safeParse(data.description);
  return parsed.success ? parsed.data : undefined;
}

/** Front-matter lines, worked out only when a warning asks for one. */
function lazyLineOf(projectRoot: string, file: string): WarningSubject['lineOf'] {
  let split: FrontMatterFile | null | undefined;
  return (fieldPath) => {
    if (split === undefined) {
      try {
        const result = splitFrontMatter(readFileSync(path.join(projectRoot, file), 'utf8'), file);
        split = result.ok ? result.file : null;
      } catch {
        split = null; // Moved or deleted since it was loaded: the warning has no line.
      }
    }
    return split?.lineOf(fieldPath);
  };
}
