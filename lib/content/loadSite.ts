import 'server-only';
import path from 'node:path';
import { buildSite } from './buildSite';
import type { BuildResult } from './buildSite';
import { ContentValidationError } from './errors';
import { imageSizeReader } from './imageSizes';
import { readCollection } from './readContentFiles';
import type { SiteContent } from './types';

export type ContentLocation = {
  /** Error lines name files relative to this folder. */
  projectRoot: string;
  contentDir: string;
  publicDir: string;
};

/**
 * Where `content/` and `public/` are: the project root, unless `BROADSHEET_CONTENT_ROOT` names
 * another folder holding both (the browser tests build the hostile fixture site this way).
 */
export function defaultLocation(projectRoot = process.cwd()): ContentLocation {
  const root = process.env.BROADSHEET_CONTENT_ROOT ? path.resolve(projectRoot, process.env.BROADSHEET_CONTENT_ROOT) : projectRoot;
  return {
    projectRoot: root,
    contentDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
  };
}

/** Reads and validates all of `content/`, returning the content and every problem found. */
export async function checkContent(location: ContentLocation = defaultLocation()): Promise<BuildResult> {
  const read = (collection: 'articles' | 'authors' | 'sections' | 'pages') =>
    readCollection(location.projectRoot, location.contentDir, collection);
  const [articles, authors, sections, pages] = await Promise.all([
    read('articles'),
    read('authors'),
    read('sections'),
    read('pages'),
  ]);
  const built = buildSite(
    { articles: articles.files, authors: authors.files, sections: sections.files, pages: pages.files },
    imageSizeReader(location.publicDir),
  );
  return {
    content: built.content,
    issues: [...articles.issues, ...authors.issues, ...sections.issues, ...pages.issues, ...built.issues],
  };
}

let cached: Promise<SiteContent> | undefined;

/**
 * The site's content, validated. Throws `ContentValidationError` (listing every problem) when
 * anything in `content/` is wrong, so no page is ever built from bad content. Read once per
 * production process; re-read on every request in development so Markdown edits show on reload.
 */
export function loadSiteContent(): Promise<SiteContent> {
  if (process.env.NODE_ENV === 'development') return loadValidated();
  cached ??= loadValidated();
  return cached;
}

async function loadValidated(): Promise<SiteContent> {
  const { content, issues } = await checkContent();
  if (issues.length > 0) throw new ContentValidationError(issues);
  return content;
}
