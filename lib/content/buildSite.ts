import type { ImageSizeLookup } from '../images/imagePath';
import { createRenderCache } from '../markdown/renderCache';
import { buildArticles } from './buildArticles';
import { buildAuthors } from './buildAuthors';
import { buildPages } from './buildPages';
import { buildSections } from './buildSections';
import { enhanceArticles } from './enhanceArticles';
import type { ContentIssue } from './errors';
import type { LoadCaches, LoadContext } from './loadFile';
import type { ContentFile } from './readContentFiles';
import type { References } from './resolveReferences';
import { createRecordCache } from './fileRecords';
import type { SiteContent } from './types';

export type ContentFiles = {
  articles: ContentFile[];
  authors: ContentFile[];
  sections: ContentFile[];
  pages: ContentFile[];
};

export type BuildResult = { content: SiteContent; issues: ContentIssue[] };

/**
 * The validating, enriching part of the pipeline: files read from `content/` in, the site's
 * domain objects out. Each file goes split → validate → render (`loadFile`); articles then
 * resolve their authors, section and photos (`buildArticles`) and are enhanced with topic
 * addresses, reading time and ad slots (`enhanceArticles`). Every problem in every file is
 * collected; a file with problems is left out of `content`, and callers refuse to publish
 * when `issues` is not empty.
 */
export function buildSite(
  files: ContentFiles,
  imageSize: ImageSizeLookup,
  caches: LoadCaches = { render: createRenderCache(undefined), records: createRecordCache(undefined) },
  renderArticleBodies = true,
): BuildResult {
  const context: LoadContext = { imageSize, caches, issues: [], renderArticleBodies };
  const sections = buildSections(files.sections, context);
  const authors = buildAuthors(files.authors, context);
  const pages = buildPages(files.pages, context);
  const references: References = {
    authorsById: new Map(authors.map((author) => [author.id, author])),
    sectionsById: new Map(sections.map((section) => [section.id, section])),
    authorFiles: new Map(files.authors.map((file) => [file.id, file.file])),
    sectionFiles: new Map(files.sections.map((file) => [file.id, file.file])),
  };
  const articles = enhanceArticles(buildArticles(files.articles, references, context));
  return { content: { articles, authors, sections, pages }, issues: context.issues };
}
