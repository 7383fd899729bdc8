import { slugify } from './slugs';

/**
 * Topics are free text in front matter. Two spellings that differ only in case or spacing are
 * the same topic (`topicKey`), and each topic gets a stable, readable URL segment
 * (`assignTopicSlugs`).
 */

/**
 * Keys and slugs by spelling, worked out once: a 100,000-story archive names its few thousand
 * topics several hundred thousand times, on every load.
 */
const keys = new Map<string, string>();
const slugs = new Map<string, string>();
/** A bound on the memos, far above any newsroom's number of topic spellings. */
const MEMO_LIMIT = 100_000;

function memo(cache: Map<string, string>, name: string, work: (name: string) => string): string {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const value = work(name);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(name, value);
  return value;
}

/** The identity of a topic: Unicode-normalized, lowercase, single spaces. */
export function topicKey(name: string): string {
  return memo(keys, name, (spelling) => spelling.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim());
}

/**
 * A readable URL segment for a topic: lowercase, words joined by single hyphens. Letters and
 * digits of every script are kept (a Chinese topic gets a Chinese, percent-encoded address).
 * Returns '' for a topic with no letters or digits at all.
 */
export function topicSlug(name: string): string {
  return memo(slugs, name, (spelling) => slugify(topicKey(spelling), { ascii: false }));
}

/**
 * Gives every distinct topic its own address. Distinct topics whose readable slugs collide
 * ("C++" and "C", say) are told apart: the one whose words are exactly the slug's keeps it,
 * the others get a short, stable suffix derived from their own spelling.
 */
export function assignTopicSlugs(names: Iterable<string>): Map<string, string> {
  const keysBySlug = new Map<string, Set<string>>();
  for (const name of names) {
    const slug = topicSlug(name);
    if (!slug) continue;
    const keys = keysBySlug.get(slug) ?? new Set<string>();
    keys.add(topicKey(name));
    keysBySlug.set(slug, keys);
  }
  const slugByKey = new Map<string, string>();
  for (const [slug, keySet] of keysBySlug) {
    const keys = [...keySet].sort();
    const plain = keys.find((key) => key.replace(/ /g, '-') === slug) ?? keys[0];
    for (const key of keys) slugByKey.set(key, key === plain ? slug : `${slug}-${shortHash(key)}`);
  }
  return slugByKey;
}

/** FNV-1a, 32 bits, base 36: six characters that depend only on the text. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}
