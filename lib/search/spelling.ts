/**
 * Near spellings, for typos: the index's words within one edit of a query word (found even
 * when misspelled), and the closest within two (the "Did you mean" suggestion). An edit is a
 * letter added, dropped, changed, or two neighbours swapped.
 */

/** Words shorter than this are matched exactly: one edit turns most short words into others. */
export const TYPO_MIN_LENGTH = 5;
const LETTERS_ONLY = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]+$/u;

/** The indexed words one edit from `term`, for a word long enough to carry a typo. */
export function typoVariants(term: string, vocabulary: ReadonlyMap<number, readonly string[]>): string[] {
  if (term.length < TYPO_MIN_LENGTH || !LETTERS_ONLY.test(term)) return [];
  const near: string[] = [];
  for (let length = term.length - 1; length <= term.length + 1; length++) {
    for (const word of vocabulary.get(length) ?? []) {
      if (withinOneEdit(term, word)) near.push(word);
    }
  }
  return near;
}

/** Whether two different words are one edit apart: a quick check, run over much of the vocabulary. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true; // one letter added, dropped or changed
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start]; // swapped
}

/**
 * The indexed words nearest `term` in spelling (two edits at most, one for short words), the
 * nearest first and, at the same distance, the most used; `uses` is 0 for a word no longer in
 * any article.
 */
export function closestTerms(
  term: string,
  vocabulary: ReadonlyMap<number, readonly string[]>,
  uses: (word: string) => number,
): string[] {
  if (term.length < 3 || !LETTERS_ONLY.test(term)) return [];
  const limit = term.length < TYPO_MIN_LENGTH ? 1 : 2;
  const found: { word: string; distance: number; uses: number }[] = [];
  for (let length = term.length - limit; length <= term.length + limit; length++) {
    for (const word of vocabulary.get(length) ?? []) {
      if (withinOneEdit(term, word)) found.push({ word, distance: 1, uses: 0 });
      // Two edits cost a full comparison: only for words that keep the first or last letter
      // (a real vocabulary has tens of thousands of words of about the same length).
      else if (limit === 2 && (word[0] === term[0] || word.at(-1) === term.at(-1)) && editDistance(term, word, 2) === 2) {
        found.push({ word, distance: 2, uses: 0 });
      }
    }
  }
  for (const entry of found) entry.uses = uses(entry.word);
  return found
    .filter((entry) => entry.uses > 0)
    .sort((a, b) => a.distance - b.distance || b.uses - a.uses || a.word.localeCompare(b.word))
    .map((entry) => entry.word);
}

/**
 * Optimal-string-alignment distance between two words, or `max + 1` as soon as it must exceed
 * `max` (most of a vocabulary is far from any word, and is ruled out in a few letters).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > max) return max + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length] ?? max + 1;
}
