import type { Article } from '../content/types';

const RELATED_LIMIT = 4;

/**
 * Stories to read next for any article of one published list: those sharing the most topics
 * first, then those from the same section, newest first within each (list order on equal
 * times). Never the article itself; `candidates` must hold published articles only.
 *
 * An archive page must not scan the whole archive (at 100,000 stories that scan was most of a
 * page's first render), so the candidates are indexed once, by topic and section, into plain
 * number arrays; an article's related stories then cost only the stories that share one of its
 * topics, and no object of them is read until the best few are known.
 */
export function relatedFinder(candidates: readonly Article[], limit = RELATED_LIMIT): (article: Article) => Article[] {
  const byTopic = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  const sectionNumbers = new Map<string, number>();
  const sectionOf = new Int32Array(candidates.length);
  const timeOf = new Float64Array(candidates.length);
  const positionOf = new Map<string, number>();
  candidates.forEach((candidate, position) => {
    // A story listing one topic twice counts it twice, as it always has.
    for (const topic of candidate.topics) push(byTopic, topic.slug, position);
    push(bySection, candidate.section.id, position);
    sectionOf[position] = numberFor(sectionNumbers, candidate.section.id);
    timeOf[position] = candidate.publishedAt.epochMs;
    if (!positionOf.has(candidate.slug)) positionOf.set(candidate.slug, position);
  });
  const shared = new Uint16Array(candidates.length);

  return (article) => {
    const self = positionOf.get(article.slug);
    const section = sectionNumbers.get(article.section.id) ?? -1;
    const best = new TopFew(limit, (a, b) => {
      const [sharedA, sharedB] = [shared[a] ?? 0, shared[b] ?? 0];
      if (sharedA !== sharedB) return sharedA > sharedB;
      const [sameA, sameB] = [sectionOf[a] === section, sectionOf[b] === section];
      if (sameA !== sameB) return sameA;
      const gap = (timeOf[a] ?? 0) - (timeOf[b] ?? 0);
      return gap !== 0 ? gap > 0 : a < b;
    });
    const touched: number[] = [];
    for (const slug of new Set(article.topics.map((topic) => topic.slug))) {
      for (const position of byTopic.get(slug) ?? []) {
        const count = shared[position] ?? 0;
        if (count === 0) touched.push(position);
        shared[position] = count + 1;
      }
    }
    for (const position of touched) if (position !== self) best.consider(position);
    // Stories sharing no topic rank below every one that shares one: only needed to fill up.
    if (best.size() < limit) {
      for (const position of bySection.get(article.section.id) ?? []) {
        if (shared[position] === 0 && position !== self) best.consider(position);
      }
    }
    const found = best.items();
    for (const position of touched) shared[position] = 0;
    return found.flatMap((position) => candidates[position] ?? []);
  };
}

/** The `limit` best of the numbers considered, best first, by `ranksAbove`. */
class TopFew {
  private readonly kept: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly ranksAbove: (a: number, b: number) => boolean,
  ) {}

  consider(item: number): void {
    const { kept, limit, ranksAbove } = this;
    const last = kept[kept.length - 1];
    if (kept.length === limit && last !== undefined && !ranksAbove(item, last)) return;
    let index = kept.length;
    while (index > 0 && ranksAbove(item, kept[index - 1] ?? item)) index--;
    kept.splice(index, 0, item);
    if (kept.length > limit) kept.pop();
  }

  size(): number {
    return this.kept.length;
  }

  items(): number[] {
    return [...this.kept];
  }
}

function push(groups: Map<string, number[]>, key: string, position: number): void {
  const group = groups.get(key);
  if (group) group.push(position);
  else groups.set(key, [position]);
}

function numberFor(numbers: Map<string, number>, key: string): number {
  let value = numbers.get(key);
  if (value === undefined) numbers.set(key, (value = numbers.size));
  return value;
}
