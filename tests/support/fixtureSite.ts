import path from 'node:path';
import type { ContentLocation } from '@/lib/content/contentLocation';
import { createRecordCache } from '@/lib/content/fileRecords';
import { checkContent } from '@/lib/content/loadSite';
import { articleBody } from '@/lib/content/articleBodies';
import type { Article, ArticleBody, SiteContent } from '@/lib/content/types';
import { imageSizeReader } from '@/lib/images/imageSizes';
import { createRenderCache } from '@/lib/markdown/renderCache';

const FIXTURE_SITE = path.join(import.meta.dirname, '..', 'fixtures', 'site');

const FIXTURE_LOCATION: ContentLocation = {
  projectRoot: FIXTURE_SITE,
  contentDir: path.join(FIXTURE_SITE, 'content'),
  publicDir: path.join(FIXTURE_SITE, 'public'),
};

/**
 * A site loaded by the real pipeline, with its own render cache, so a test can have each
 * article's body as its page gets it.
 */
export async function loadWithBodies(location: ContentLocation = FIXTURE_LOCATION) {
  const caches = { render: createRenderCache(undefined), records: createRecordCache(undefined) };
  const { content, issues } = await checkContent(location, caches);
  const body = (article: Article): ArticleBody => {
    const found = articleBody(article, { location, caches, imageSize: imageSizeReader(location.publicDir) }, 'page');
    if (found.issues.length > 0) throw new Error(`body of ${article.slug}: ${JSON.stringify(found.issues)}`);
    return found.body;
  };
  return { content, issues, body };
}

/** The fixture site's content, built by the real pipeline (read, validate, render). */
export async function fixtureContent(): Promise<SiteContent> {
  const { content, issues } = await checkContent(FIXTURE_LOCATION);
  if (issues.length > 0) throw new Error(`fixture site is invalid: ${JSON.stringify(issues)}`);
  return content;
}

/** One article of the fixture site with its body. */
export async function fixtureArticleWithBody(slug: string): Promise<{ article: Article; body: ArticleBody }> {
  const { content, issues, body } = await loadWithBodies();
  if (issues.length > 0) throw new Error(`fixture site is invalid: ${JSON.stringify(issues)}`);
  const article = content.articles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`no fixture article ${slug}`);
  return { article, body: body(article) };
}

/** One article of the fixture site. */
export async function fixtureArticle(slug: string): Promise<Article> {
  const content = await fixtureContent();
  const article = content.articles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`no fixture article ${slug}`);
  return article;
}
