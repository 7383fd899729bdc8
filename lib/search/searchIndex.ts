import { addPosting, forEachPosting, newPostings, somePosting, trimPostings } from './postings';
import type { Postings } from './postings';
import { terms } from './tokenize';
import { closestTerms, typoVariants } from './spelling';

/**
 * The full-text index: an inverted index of published articles, ranked by BM25 over weighted
 * fields and blended with freshness. It lives in the server's memory, built from the articles
 * and then kept in step with them one article at a time (`siteSearch.ts`).
 *
 * Why our own rather than a library: measured side by side on our corpus (README, "Search"),
 * the libraries either held several times the memory at 100,000 articles or lacked the ranking
 * (BM25 with field weights) and the CJK tokenizing this needs; see bench/results/search-engines.md.
 */

/** An article's text as the index reads it; the headline counts most, then summary and topics. */
export type SearchFields = { title: string; summary: string; topics: string; body: string };

export const FIELD_WEIGHTS: Readonly<Record<keyof SearchFields, number>> = {
  title: 4,
  summary: 2,
  topics: 2,
  body: 1,
};

const SEARCH_FIELDS = ['title', 'summary', 'topics', 'body'] as const;

export type IndexDocument = { key: string; publishedAt: number; section: string; fields: SearchFields };

/** What a query may keep: the search page's filters, and the rule that only the published show. */
export type DocumentFilter = (document: { publishedAt: number; section: string }) => boolean;

export type IndexQuery = {
  /** The query's terms (see `terms`); a document must hold each, or a close spelling of it. */
  terms: string[];
  accept: DocumentFilter;
  /** For freshness: a story this old ranks as if it were this much less relevant. */
  now: number;
  /** How many of the best to return, ranked. */
  limit: number;
};

export type IndexResult = {
  /** The best `limit` documents, best first. */
  ranked: { key: string; score: number }[];
  /** Every document that matched. */
  total: number;
  /** The index terms each query term matched (itself and close spellings), for marking. */
  matchedTerms: Map<string, string[]>;
};

export type SearchIndex = {
  readonly size: number;
  add(document: IndexDocument): void;
  remove(key: string): void;
  has(key: string): boolean;
  search(query: IndexQuery): IndexResult;
  /** The indexed word closest in spelling to this one, if any is within two edits. */
  closestTerm(term: string): string | undefined;
  /** After a bulk load: frees the growth room of every posting list. */
  trim(): void;
  /** What the index holds, for `npm run search -- --stats`. */
  stats(): { documents: number; removed: number; words: number; postingBytes: number };
};

const K1 = 1.2;
const B = 0.75;
/** Freshness: today's story scores half again its relevance; the boost halves every 30 days. */
const FRESHNESS_BOOST = 0.5;
const FRESHNESS_HALF_LIFE_DAYS = 30;
/** A word spelled one edit away from the query's counts this much of an exact match. */
const TYPO_WEIGHT = 0.7;

type State = {
  dictionary: Map<string, Postings>;
  keys: (string | undefined)[];
  byKey: Map<string, number>;
  lengths: number[];
  publishedAt: number[];
  sections: string[];
  totalLength: number;
  live: number;
  /** Vocabulary by word length, for typos: made on first need after the dictionary grew. */
  byLength?: Map<number, string[]>;
};

export function createSearchIndex(): SearchIndex {
  const state: State = {
    dictionary: new Map(),
    keys: [],
    byKey: new Map(),
    lengths: [],
    publishedAt: [],
    sections: [],
    totalLength: 0,
    live: 0,
  };
  return {
    get size() {
      return state.live;
    },
    add: (document) => addDocument(state, document),
    remove: (key) => removeDocument(state, key),
    has: (key) => state.byKey.has(key),
    search: (query) => search(state, query),
    closestTerm: (term) => closestTerms(term, vocabulary(state), (word) => liveCount(state, word))[0],
    trim() {
      for (const postings of state.dictionary.values()) trimPostings(postings);
    },
    stats() {
      let postingBytes = 0;
      for (const postings of state.dictionary.values()) postingBytes += postings.bytes.length;
      return { documents: state.live, removed: state.keys.length - state.live, words: state.dictionary.size, postingBytes };
    },
  };
}

function addDocument(state: State, document: IndexDocument): void {
  removeDocument(state, document.key);
  const frequencies = new Map<string, number>();
  let length = 0;
  for (const field of SEARCH_FIELDS) {
    const weight = FIELD_WEIGHTS[field];
    for (const term of terms(document.fields[field])) {
      frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
      length += weight;
    }
  }
  const doc = state.keys.length;
  state.keys.push(document.key);
  state.byKey.set(document.key, doc);
  state.lengths.push(length);
  state.publishedAt.push(document.publishedAt);
  state.sections.push(document.section);
  state.totalLength += length;
  state.live += 1;
  for (const [term, frequency] of frequencies) {
    let postings = state.dictionary.get(term);
    if (!postings) {
      state.dictionary.set(term, (postings = newPostings()));
      state.byLength = undefined;
    }
    addPosting(postings, doc, frequency);
  }
}

function removeDocument(state: State, key: string): void {
  const doc = state.byKey.get(key);
  if (doc === undefined) return;
  state.byKey.delete(key);
  state.keys[doc] = undefined;
  state.totalLength -= state.lengths[doc] ?? 0;
  state.live -= 1;
  if (state.keys.length - state.live > Math.max(1000, state.live / 4)) compact(state);
}

/** Drops removed documents from every posting list and numbers the rest afresh. */
function compact(state: State): void {
  const renumbered = new Int32Array(state.keys.length).fill(-1);
  const keep = state.keys.flatMap((key, doc) => (key === undefined ? [] : [doc]));
  keep.forEach((doc, index) => (renumbered[doc] = index));
  const pick = <T>(values: T[], missing: T) => keep.map((doc) => values[doc] ?? missing);
  state.keys = pick(state.keys, undefined);
  state.lengths = pick(state.lengths, 0);
  state.publishedAt = pick(state.publishedAt, 0);
  state.sections = pick(state.sections, '');
  state.byKey = new Map(state.keys.map((key, doc) => [key ?? '', doc]));
  for (const [term, postings] of state.dictionary) {
    const kept = newPostings();
    forEachPosting(postings, (doc, frequency) => {
      const now = renumbered[doc] ?? -1;
      if (now >= 0) addPosting(kept, now, frequency);
    });
    if (kept.count === 0) state.dictionary.delete(term);
    else {
      trimPostings(kept);
      state.dictionary.set(term, kept);
    }
  }
  state.byLength = undefined;
}

/**
 * How many documents hold the term, removed ones included, or 0 when none of them is still
 * in the index: a removed article's words are never matched or suggested.
 */
function liveCount(state: State, term: string): number {
  const postings = state.dictionary.get(term);
  if (!postings) return 0;
  return somePosting(postings, (doc) => state.keys[doc] !== undefined) ? postings.count : 0;
}

function vocabulary(state: State): Map<number, string[]> {
  if (state.byLength) return state.byLength;
  const byLength = new Map<number, string[]>();
  for (const term of state.dictionary.keys()) {
    const list = byLength.get(term.length);
    if (list) list.push(term);
    else byLength.set(term.length, [term]);
  }
  return (state.byLength = byLength);
}

/** Each query term and the index terms it matches: itself, or, when unknown, its close spellings. */
function expand(state: State, queryTerms: readonly string[]): Map<string, string[]> {
  const matched = new Map<string, string[]>();
  for (const term of queryTerms) {
    if (matched.has(term)) continue;
    if (liveCount(state, term) > 0) matched.set(term, [term]);
    else matched.set(term, typoVariants(term, vocabulary(state)).filter((word) => liveCount(state, word) > 0));
  }
  return matched;
}

function search(state: State, query: IndexQuery): IndexResult {
  const matchedTerms = expand(state, query.terms);
  const groups = [...matchedTerms.entries()].slice(0, 30);
  const scores = new Float64Array(state.keys.length);
  const groupsOf = new Int32Array(state.keys.length);
  const touched: number[] = [];
  const average = state.live > 0 ? state.totalLength / state.live : 1;
  groups.forEach(([term, words], group) => {
    for (const word of words) {
      const postings = state.dictionary.get(word);
      if (!postings) continue;
      const weight = (word === term ? 1 : TYPO_WEIGHT) * idf(state.live, postings.count);
      forEachPosting(postings, (doc, frequency) => {
        if (state.keys[doc] === undefined) return;
        const lengthNorm = 1 - B + (B * (state.lengths[doc] ?? 0)) / average;
        if (groupsOf[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] ?? 0) + (weight * frequency * (K1 + 1)) / (frequency + K1 * lengthNorm);
        groupsOf[doc] = (groupsOf[doc] ?? 0) | (1 << group);
      });
    }
  });
  const everyGroup = (2 ** groups.length - 1) | 0;
  const best = new TopList(query.limit);
  let total = 0;
  for (const doc of touched) {
    if (groupsOf[doc] !== everyGroup) continue;
    const publishedAt = state.publishedAt[doc] ?? 0;
    if (!query.accept({ publishedAt, section: state.sections[doc] ?? '' })) continue;
    total += 1;
    best.offer(doc, (scores[doc] ?? 0) * freshness(publishedAt, query.now), publishedAt);
  }
  const ranked = best.sorted().map(({ doc, score }) => ({ key: state.keys[doc] ?? '', score }));
  return { ranked, total, matchedTerms };
}

/** BM25's inverse document frequency: rare words count for more. */
function idf(documents: number, holding: number): number {
  return Math.log(1 + (documents - holding + 0.5) / (holding + 0.5));
}

/** How much a story's age adds to its relevance: 1.5 today, 1.25 at a month, about 1 at a year. */
export function freshness(publishedAt: number, now: number): number {
  const ageDays = Math.max(0, now - publishedAt) / 86_400_000;
  return 1 + FRESHNESS_BOOST * 2 ** (-ageDays / FRESHNESS_HALF_LIFE_DAYS);
}

type Ranked = { doc: number; score: number; publishedAt: number };

/** The best `limit` offered, kept in a min-heap: a page of results from 100,000 matches. */
class TopList {
  private readonly heap: Ranked[] = [];
  constructor(private readonly limit: number) {}

  offer(doc: number, score: number, publishedAt: number): void {
    if (this.limit <= 0) return;
    const item = { doc, score, publishedAt };
    if (this.heap.length < this.limit) {
      this.heap.push(item);
      this.up(this.heap.length - 1);
    } else if (this.heap[0] && worse(this.heap[0], item)) {
      this.heap[0] = item;
      this.down(0);
    }
  }

  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  }

  private up(index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const [child, above] = [heap[index], heap[parent]];
      if (!child || !above || !worse(child, above)) return;
      [heap[index], heap[parent]] = [above, child];
      index = parent;
    }
  }

  private down(index: number): void {
    const heap = this.heap;
    for (;;) {
      let smallest = index;
      for (const child of [2 * index + 1, 2 * index + 2]) {
        const [candidate, current] = [heap[child], heap[smallest]];
        if (candidate && current && worse(candidate, current)) smallest = child;
      }
      if (smallest === index) return;
      const [a, b] = [heap[index], heap[smallest]];
      if (!a || !b) return;
      [heap[index], heap[smallest]] = [b, a];
      index = smallest;
    }
  }
}

/** Lower score ranks lower; at equal scores, the older story. */
function worse(a: Ranked, b: Ranked): boolean {
  return a.score < b.score || (a.score === b.score && a.publishedAt < b.publishedAt);
}
