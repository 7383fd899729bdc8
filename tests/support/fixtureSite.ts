import path from 'node:path';
import { checkContent } from '@/lib/content/loadSite';
import type { Article, SiteContent } from '@/lib/content/types';

const FIXTURE_SITE = path.join(import.meta.dirname, '..', 'fixtures', 'site');

/** The fixture site's content, built by the real pipeline (read, validate, render). */
export async function fixtureContent(): Promise<SiteContent> {
  const { content, issues } = await checkContent({
    projectRoot: FIXTURE_SITE,
    contentDir: path.join(FIXTURE_SITE, 'content'),
    publicDir: path.join(FIXTURE_SITE, 'public'),
  });
  if (issues.length > 0) throw new Error(`fixture site is invalid: ${JSON.stringify(issues)}`);
  return content;
}

/** One article of the fixture site. */
export async function fixtureArticle(slug: string): Promise<Article> {
  const content = await fixtureContent();
  const article = content.articles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`no fixture article ${slug}`);
  return article;
}
