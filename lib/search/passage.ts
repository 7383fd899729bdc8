import { terms, tokenize } from './tokenize';
import type { MarkedText } from './types';

/** About two lines of a result: long enough for context, short enough to scan. */
const PASSAGE_CHARACTERS = 240;
/** A sentence's last mark, perhaps inside closing quotes or a bracket. */
const ENDS_SENTENCE = /[.!?。！？…]["'”’)\]]*$/u;

/** Marks the words of `text` whose terms are among `matched`. */
export function markText(text: string, matched: ReadonlySet<string>): MarkedText {
  const parts: MarkedText = [];
  let at = 0;
  for (const token of tokenize(text)) {
    if (!matched.has(token.term)) continue;
    const last = parts[parts.length - 1];
    const between = text.slice(at, token.start);
    // Neighbouring matches ("rare earths") make one mark.
    if (last?.marked && at > 0 && /^\s+$/.test(between)) last.text += between + text.slice(token.start, token.end);
    else {
      if (between) parts.push({ text: between, marked: false });
      parts.push({ text: text.slice(token.start, token.end), marked: true });
    }
    at = token.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** How many different matched terms a text holds. */
function coverage(text: string, matched: ReadonlySet<string>): number {
  return new Set(tokenize(text).filter((token) => matched.has(token.term)).map((token) => token.term)).size;
}

/** A sentence of a body (with its whitespace made single spaces) and the terms it holds. */
export type BodySentence = { text: string; terms: readonly string[] };

/**
 * A body's plain text as sentences, each with its different terms: what choosing a passage
 * reads, worked out once per body and kept by the caller (see `siteSearch.ts`), since the
 * same stories answer many searches.
 */
export function bodySentences(plainText: string): BodySentence[] {
  return plainText
    .split(/(?<=[.!?。！？])\s+|\n{2,}/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0)
    .map((text) => ({ text, terms: [...new Set(terms(text))] }));
}

/**
 * The passage that best shows why an article matched: a summary point holding as many of the
 * query's words as any sentence of the body does, else the body's best sentence with its
 * neighbours up to about two lines, else the first summary point. Matched words marked.
 *
 * `wanted` is how many different words the query matched; a summary point holding that many
 * is shown without reading the body at all (a results page asks for twenty passages).
 */
export function bestPassage(
  summary: readonly string[],
  readBody: () => readonly BodySentence[],
  matched: ReadonlySet<string>,
  wanted: number = Number.POSITIVE_INFINITY,
): MarkedText {
  const point = summary
    .map((text) => ({ text, score: coverage(text, matched) }))
    .sort((a, b) => b.score - a.score)[0];
  if (point && point.score > 0 && point.score >= wanted) return markText(point.text, matched);
  const sentences = readBody();
  let best = { index: -1, score: 0 };
  sentences.forEach((sentence, index) => {
    const score = sentence.terms.reduce((count, term) => count + (matched.has(term) ? 1 : 0), 0);
    if (score > best.score) best = { index, score };
  });
  if (point && (point.score >= best.score || best.index < 0)) return markText(point.text, matched);
  let passage = sentences[best.index]?.text ?? '';
  // Followed by the sentences after it, while both are sentences: a heading, a table row or a
  // caption after a sentence would read as if it went on.
  for (let next = best.index + 1; passage.length < PASSAGE_CHARACTERS / 2 && next < sentences.length; next++) {
    const following = sentences[next]?.text ?? '';
    if (!ENDS_SENTENCE.test(passage) || !ENDS_SENTENCE.test(following)) break;
    passage = `${passage} ${following}`;
  }
  return markText(shorten(passage, matched), matched);
}

/**
 * Cut at words, with ellipses, when longer than a passage may be; starting a little before the
 * first matched word when that lies beyond the first half.
 */
function shorten(text: string, matched: ReadonlySet<string>): string {
  if (text.length <= PASSAGE_CHARACTERS) return text;
  const first = tokenize(text).find((token) => matched.has(token.term))?.start ?? 0;
  let start = first > PASSAGE_CHARACTERS / 2 ? text.lastIndexOf(' ', first - 40) + 1 : 0;
  if (start < 0) start = 0;
  const cut = text.slice(start, start + PASSAGE_CHARACTERS).replace(/\s+\S*$/, '');
  return `${start > 0 ? '…' : ''}${cut}${start + cut.length < text.length ? '…' : ''}`;
}

/** Whether the terms of a text hold the phrase's terms in a row. */
export function holdsPhrase(textTerms: readonly string[], phrase: readonly string[]): boolean {
  const [head] = phrase;
  for (let start = textTerms.indexOf(head ?? ''); start >= 0; start = textTerms.indexOf(head ?? '', start + 1)) {
    if (phrase.every((term, offset) => textTerms[start + offset] === term)) return true;
  }
  return false;
}
