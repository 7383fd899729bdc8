import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshLoader } from '../support/freshLoader';

/**
 * The suite must not break with the calendar. This runs every content query the pages (and so
 * the browser tests) use, on the sample content and on the fixture site, with the site's clock
 * (`BROADSHEET_NOW`) at today and at two years from today, and checks that every article a
 * browser test names is in the same state (published, or not) at both times.
 */

const ROOT = path.join(import.meta.dirname, '..', '..');
const SITES = { sample: '.', fixture: 'tests/fixtures/site' } as const;
const TWO_YEARS_MS = 2 * 365.25 * 24 * 3600 * 1000;

afterEach(() => {
  vi.unstubAllEnvs();
  freshLoader();
});

/** Every `/article/<slug>` address written in the browser tests. */
function articlesNamedByBrowserTests(): string[] {
  const folder = path.join(ROOT, 'tests', 'browser');
  const slugs = new Set<string>();
  for (const name of readdirSync(folder)) {
    for (const match of readFileSync(path.join(folder, name), 'utf8').matchAll(/\/article\/([a-z0-9-]+)/g)) {
      if (match[1]) slugs.add(match[1]);
    }
  }
  return [...slugs].sort();
}

/** The site's content as the pages see it, with the clock at `now`. */
async function queriesAt(site: string, now: number) {
  freshLoader();
  vi.stubEnv('BROADSHEET_CONTENT_ROOT', site);
  vi.stubEnv('BROADSHEET_NOW', new Date(now).toISOString());
  const queries = await import('@/lib/content/queries');
  const { loadSiteContent } = await import('@/lib/content/loadSite');
  return { ...queries, all: (await loadSiteContent()).articles };
}

/** Runs every query and returns the slugs published at that time. */
async function publishedAt(site: string, now: number): Promise<Set<string>> {
  const q = await queriesAt(site, now);
  const published = await q.getPublishedArticles();
  for (const article of published) {
    expect(article.publishedAt.epochMs).toBeLessThanOrEqual(now);
    expect(await q.getArticle(article.slug)).toBe(article);
    for (const related of await q.getRelatedArticles(article)) expect(published).toContain(related);
  }
  for (const section of await q.getSections()) {
    for (const article of await q.getSectionArticles(section.id)) expect(published).toContain(article);
  }
  for (const author of await q.getAuthors()) {
    for (const article of await q.getAuthorArticles(author.id)) expect(published).toContain(article);
  }
  for (const topic of await q.getTopics()) {
    expect(await q.getTopic(topic.slug)).toBe(topic);
    for (const article of topic.articles) expect(published).toContain(article);
  }
  for (const page of await q.getPages()) expect(await q.getPage(page.id)).toBe(page);
  const unpublished = q.all.filter((article) => !published.includes(article));
  for (const article of unpublished) expect(await q.getArticle(article.slug)).toBeUndefined();
  return new Set(published.map((article) => article.slug));
}

describe('two years from today', () => {
  const today = Date.now();
  const later = today + TWO_YEARS_MS;

  it.each(Object.entries(SITES))('the %s site answers every query, and browser-tested articles keep their state', async (_, site) => {
    const [now, then] = [await publishedAt(site, today), await publishedAt(site, later)];
    const { all } = await queriesAt(site, today);
    const slugs = new Set(all.map((article) => article.slug));
    const named = articlesNamedByBrowserTests().filter((slug) => slugs.has(slug));
    expect(named.length).toBeGreaterThan(0);
    for (const slug of named) expect({ slug, published: then.has(slug) }).toEqual({ slug, published: now.has(slug) });
  }, 30_000); // it loads the whole site three times, every body rendered: seconds on a busy machine

  it('still finds a scheduled story in the sample content (its date is far enough ahead)', async () => {
    const q = await queriesAt(SITES.sample, later);
    const published = new Set(await q.getPublishedArticles());
    const scheduled = q.all.filter((article) => !article.draft && !published.has(article));
    expect(scheduled.map((article) => article.slug)).not.toEqual([]);
  });
});
