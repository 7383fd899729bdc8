import path from 'node:path';
import { checkContent } from '@/lib/content/loadSite';
import type { Article } from '@/lib/content/types';

const FIXTURE_SITE = path.join(import.meta.dirname, '..', 'fixtures', 'site');

/** An article from the fixture site, built by the real pipeline (read, validate, render). */
export async function fixtureArticle(slug: string): Promise<Article> {
  const { content, issues } = await checkContent({
    projectRoot: FIXTURE_SITE,
    contentDir: path.join(FIXTURE_SITE, 'content'),
    publicDir: path.join(FIXTURE_SITE, 'public'),
  });
  if (issues.length > 0) throw new Error(`fixture site is invalid: ${JSON.stringify(issues)}`);
  const article = content.articles.find((candidate) => candidate.slug === slug);
  if (!article) throw new Error(`no fixture article ${slug}`);
  return article;
}
