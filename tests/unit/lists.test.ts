import { describe, expect, it } from 'vitest';
import { assignTopicSlugs, topicKey } from '@/lib/content/topicSlugs';
import { frontPageLayout } from '@/lib/lists/frontPage';
import { extraPageNumbers, paginate, parsePageSegment } from '@/lib/lists/paginate';
import { relatedFinder } from '@/lib/lists/related';
import { collectTopics } from '@/lib/lists/collectTopics';
import { listPagePath } from '@/lib/urls';
import type { Article } from '@/lib/content/types';
import { seededRandom } from '@/scripts/seededRandom.mjs';
import { makeArticle, makeArticles } from '../support/makeArticle';

describe('paginate', () => {
  it.each([
    [0, [1], [0]],
    [1, [1], [1]],
    [20, [1], [20]],
    [21, [1, 2], [20, 1]],
    [40, [1, 2], [20, 20]],
    [41, [1, 2, 3], [20, 20, 1]],
  ])('splits %i articles into pages %j of sizes %j', (count, pages, sizes) => {
    const articles = makeArticles(count);
    const built = pages.map((page) => paginate(articles, page));
    expect(built.map((page) => page?.items.length)).toEqual(sizes);
    expect(built.every((page) => page?.totalPages === pages.length)).toBe(true);
    expect(paginate(articles, pages.length + 1)).toBeUndefined();
    expect(extraPageNumbers(count)).toEqual(pages.slice(1));
  });

  it('keeps the order and never repeats or drops a story across pages', () => {
    const articles = makeArticles(45);
    const seen = [1, 2, 3].flatMap((page) => paginate(articles, page)?.items ?? []);
    expect(seen).toEqual(articles);
  });

  it.each([0, -1, 1.5, Number.NaN])('has no page %d', (page) => {
    expect(paginate(makeArticles(5), page)).toBeUndefined();
  });

  it.each([
    ['2', 2],
    ['21', 21],
    ['1', undefined],
    ['0', undefined],
    ['02', undefined],
    ['-2', undefined],
    ['2.0', undefined],
    ['two', undefined],
    ['99999999', undefined],
  ])('reads the page segment "%s" as %s', (segment, expected) => {
    expect(parsePageSegment(segment)).toBe(expected);
  });

  it.each([
    ['/section/china', 1, '/section/china'],
    ['/section/china', 2, '/section/china/page/2'],
    ['/', 3, '/page/3'],
  ])('addresses page %s %i as %s', (list, page, path) => {
    expect(listPagePath(list, page)).toBe(path);
  });
});

describe('topic addresses', () => {
  it('treats spellings that differ only in case or spacing as one topic', () => {
    const slugs = assignTopicSlugs(['Rare Earths', 'rare  earths', ' RARE EARTHS ']);
    expect([...slugs]).toEqual([['rare earths', 'rare-earths']]);
    expect(topicKey('Rare  Earths')).toBe(topicKey('rare earths'));
  });

  it('gives a non-ASCII topic a readable address of its own', () => {
    const slugs = assignTopicSlugs(['稀土', '一带一路', 'Café']);
    expect(slugs.get('稀土')).toBe('稀土');
    expect(slugs.get('一带一路')).toBe('一带一路');
    expect(slugs.get('café')).toBe('café');
  });

  it('keeps distinct topics apart when their readable forms collide', () => {
    const slugs = assignTopicSlugs(['C', 'C++', 'c#']);
    expect(slugs.get('c')).toBe('c');
    const others = [slugs.get('c++'), slugs.get('c#')];
    expect(new Set([...slugs.values()]).size).toBe(3);
    for (const slug of others) expect(slug).toMatch(/^c-[0-9a-z]{6}$/);
  });

  it('suffixes a colliding topic the same way whichever topics it collides with', () => {
    const alone = assignTopicSlugs(['C++']).get('c++');
    const crowded = assignTopicSlugs(['trade', 'C++', 'c#', 'climate']).get('c++');
    expect(alone).toBe('c');
    expect(crowded).toMatch(/^c-[0-9a-z]{6}$/);
    expect(assignTopicSlugs(['C++', 'C#']).get('c++')).toBe(crowded);
  });

  it('names a topic page after the spelling most articles use', () => {
    const articles = [
      makeArticle('a', { topics: ['Interest Rates'] }),
      makeArticle('b', { topics: ['interest rates'] }),
      makeArticle('c', { topics: ['interest rates'] }),
    ].map((article) => ({ ...article, topics: article.topics.map((t) => ({ ...t, slug: 'interest-rates' })) }));
    const [topic] = collectTopics(articles);
    expect(topic?.name).toBe('interest rates');
    expect(topic?.articles.map((article) => article.slug)).toEqual(['a', 'b', 'c']);
  });
});

describe('relatedFinder', () => {
  const article = makeArticle('main', { section: 'china', topics: ['rare earths', 'trade'] });
  const candidates = [
    makeArticle('main', { section: 'china', topics: ['rare earths', 'trade'] }),
    makeArticle('same-section-new', { section: 'china', publishedAt: '2026-11-20T00:00:00Z' }),
    makeArticle('one-topic-old', { section: 'world', topics: ['trade'], publishedAt: '2026-10-01T00:00:00Z' }),
    makeArticle('two-topics', { section: 'world', topics: ['Trade', 'rare earths'], publishedAt: '2026-09-01T00:00:00Z' }),
    makeArticle('one-topic-new', { section: 'world', topics: ['rare earths'], publishedAt: '2026-11-10T00:00:00Z' }),
    makeArticle('unrelated', { section: 'science', topics: ['climate'], publishedAt: '2026-11-27T00:00:00Z' }),
    makeArticle('same-section-old', { section: 'china', publishedAt: '2026-01-01T00:00:00Z' }),
  ];

  it('chooses by shared topics, then section, newest first, never the article itself', () => {
    expect(relatedFinder(candidates)(article).map((related) => related.slug)).toEqual([
      'two-topics',
      'one-topic-new',
      'one-topic-old',
      'same-section-new',
    ]);
  });

  it('offers nothing unrelated', () => {
    const lonely = makeArticle('lonely', { section: 'sport', topics: ['cricket'] });
    expect(relatedFinder(candidates)(lonely)).toEqual([]);
  });

  /** The rule read plainly: every candidate scored, sorted, the first four taken. */
  function everyCandidateSorted(article: Article, all: readonly Article[]): string[] {
    const topics = new Set(article.topics.map((topic) => topic.slug));
    return all
      .map((candidate, position) => ({
        candidate,
        position,
        shared: candidate.topics.filter((topic) => topics.has(topic.slug)).length,
        same: candidate.section.id === article.section.id ? 1 : 0,
      }))
      .filter(({ candidate, shared, same }) => candidate.slug !== article.slug && shared + same > 0)
      .sort(
        (a, b) =>
          b.shared - a.shared ||
          b.same - a.same ||
          b.candidate.publishedAt.epochMs - a.candidate.publishedAt.epochMs ||
          a.position - b.position,
      )
      .slice(0, 4)
      .map(({ candidate }) => candidate.slug);
  }

  it('agrees with scoring every candidate, over archives of shuffled times, shared times and repeated topics', () => {
    const random = seededRandom(7);
    const pick = (items: readonly string[]): string => items[Math.floor(random() * items.length)] ?? '';
    const topicNames = ['trade', 'Trade', 'rare earths', 'shipping', 'climate', 'energy', 'chips'];
    for (let round = 0; round < 20; round++) {
      const all = Array.from({ length: 300 }, (_, index) =>
        makeArticle(`story-${index}`, {
          section: pick(['world', 'china', 'business', 'science']),
          topics: Array.from({ length: Math.floor(random() * 4) }, () => pick(topicNames)),
          // Few distinct times, out of order: ties and an unsorted list both happen.
          publishedAt: `2026-11-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}T00:00:00Z`,
        }),
      );
      const related = relatedFinder(all);
      for (const article of [...all.slice(0, 40), makeArticle('outsider', { section: 'china', topics: ['trade'] })]) {
        expect(related(article).map((found) => found.slug)).toEqual(everyCandidateSorted(article, all));
      }
    }
  });
});

describe('frontPageLayout', () => {
  it('leads with the newest story that has a photo and does not repeat it below', () => {
    const articles = makeArticles(12, { section: 'world' });
    const withPhoto = { ...articles[2]!, image: { src: '/images/a.jpg', alt: 'A', width: 16, height: 9, bytes: 100 } };
    articles[2] = withPhoto;
    const layout = frontPageLayout(articles, [withPhoto.section]);
    expect(layout.lead?.slug).toBe('story-3');
    expect(layout.topStories.map((a) => a.slug)).toEqual(['story-1', 'story-2']);
    expect(layout.latest.map((a) => a.slug)).toEqual(['story-4', 'story-5', 'story-6', 'story-7', 'story-8', 'story-9', 'story-10', 'story-11']);
    expect(layout.sectionBlocks[0]?.articles.map((a) => a.slug)).toEqual(['story-4', 'story-5', 'story-6', 'story-7']);
  });

  it('shows a story once at the top, however few there are', () => {
    const articles = makeArticles(3, { section: 'world' });
    const layout = frontPageLayout(articles, [articles[0]!.section]);
    expect([layout.lead, ...layout.topStories].map((a) => a?.slug)).toEqual(['story-1', 'story-2', 'story-3']);
    expect(layout.latest).toEqual([]);
    expect(layout.sectionBlocks).toEqual([]);
  });

  it('has no lead and no blocks when nothing is published', () => {
    expect(frontPageLayout([], [])).toEqual({ lead: undefined, topStories: [], latest: [], sectionBlocks: [] });
  });
});
