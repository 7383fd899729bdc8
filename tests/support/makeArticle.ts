import { parseTimestamp } from '@/lib/content/timestamp';
import type { Article, Section } from '@/lib/content/types';

const sections: Record<string, Section> = {};

function section(id: string): Section {
  sections[id] ??= { id, name: id.toUpperCase(), order: 1, descriptionHtml: '' };
  return sections[id];
}

/** A plain `Article` value for list-building tests: slug, section, topics and time are what vary. */
export function makeArticle(
  slug: string,
  options: { section?: string; topics?: string[]; publishedAt?: string } = {},
): Article {
  const publishedAt = parseTimestamp(options.publishedAt ?? '2026-11-01T00:00:00Z');
  if (!publishedAt) throw new Error(`bad date in test: ${options.publishedAt}`);
  return {
    slug,
    sourceFile: `content/articles/${slug}.md`,
    title: `Headline ${slug}`,
    summary: [`Summary of ${slug}`],
    authors: [],
    section: section(options.section ?? 'world'),
    topics: (options.topics ?? []).map((name) => ({ name, slug: name.toLowerCase().replace(/\s+/g, '-') })),
    publishedAt,
    description: `Summary of ${slug}`,
    ads: true,
    draft: false,
    corrections: [],
  };
}

/** `count` articles, newest first, one hour apart. */
export function makeArticles(count: number, options: { section?: string } = {}): Article[] {
  return Array.from({ length: count }, (_, index) =>
    makeArticle(`story-${index + 1}`, {
      ...options,
      publishedAt: new Date(Date.UTC(2026, 10, 28) - index * 3_600_000).toISOString().replace('.000', ''),
    }),
  );
}
