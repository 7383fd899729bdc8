/**
 * Text to search terms, the same way for articles and for queries, so that what a reader types
 * meets what an editor wrote:
 *
 * - words are runs of letters and digits; Chinese, Japanese, Korean and Thai runs, written
 *   without spaces, are cut into words by ICU's dictionary segmenter (`Intl.Segmenter`), so
 *   `稀土` is a word of `中国限制稀土出口`;
 * - case and accents fold (`Zürich`, `ZURICH` and `zurich` are one term), as do ligatures and
 *   letters such as `ß` and `ø`; kana voicing marks are kept, as they change the word;
 * - English plurals and possessives reduce to the singular (`magnets`, `magnet's` → `magnet`).
 *
 * Each token keeps where it was in the text, so matched words can be marked in a passage.
 */

export type Token = {
  term: string;
  /** UTF-16 offsets of the word in the text it came from. */
  start: number;
  end: number;
};

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const SEGMENTED_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LATIN_LIKE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}'’]+$/u;
const MARKS = /\p{M}/gu;
/** Letters NFKD does not take apart. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const FOLDABLE = /[ßæœøłđðþı]/g;

let segmenter: Intl.Segmenter | undefined;

/** The search terms of a text, in order, with their places in it. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (SEGMENTED_SCRIPTS.test(match[0])) segmentRun(match[0], start, tokens);
    else pushToken(tokens, match[0], start);
  }
  return tokens;
}

/** Just the terms: what the index stores and a query looks up. */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

function segmentRun(run: string, offset: number, tokens: Token[]): void {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  for (const part of segmenter.segment(run)) {
    if (part.isWordLike) pushToken(tokens, part.segment, offset + part.index);
  }
}

/** Words seen before: most of a text is words it has used already. Emptied when it grows large. */
const normalized = new Map<string, string>();
const REMEMBERED_WORDS = 200_000;

function pushToken(tokens: Token[], word: string, start: number): void {
  let term = normalized.get(word);
  if (term === undefined) {
    if (normalized.size >= REMEMBERED_WORDS) normalized.clear();
    normalized.set(word, (term = normalizeWord(word)));
  }
  if (term) tokens.push({ term, start, end: start + word.length });
}

/** One word as the index keeps it. */
export function normalizeWord(word: string): string {
  if (SEGMENTED_SCRIPTS.test(word)) return word.normalize('NFKC').toLowerCase();
  const folded = word
    .toLowerCase()
    .replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter)
    .normalize('NFKD')
    .replace(MARKS, '');
  return LATIN_LIKE.test(folded) ? stem(folded.replace(/’/g, "'")) : folded;
}

/**
 * A light English stemmer: possessives and regular plurals only. Stronger stemming (Porter)
 * merges words readers keep apart (`news`/`new`, `general`/`generate`); this is the part that
 * matters for a query like `magnets`.
 */
export function stem(word: string): string {
  let w = word.replace(/'s?$/, '');
  if (w.includes("'")) return w;
  if (w.length > 4 && w.endsWith('ies') && !/(?:[aeiou]|ser|spec)ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ics|news|ies)$/.test(w)) w = w.slice(0, -1);
  return w;
}
