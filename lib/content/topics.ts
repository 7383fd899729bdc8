/**
 * A stable, readable URL segment for a free-text topic: lowercase, words joined by single
 * hyphens. Letters and digits of every script are kept (a Chinese topic gets a Chinese,
 * percent-encoded address), so two topics that differ only in case, spacing or punctuation
 * share one page. Returns '' for a topic with no letters or digits at all.
 */
export function topicSlug(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
