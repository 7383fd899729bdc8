/** Words a minute for an adult reading news on screen. */
const WORDS_PER_MINUTE = 230;

/** Whole minutes to read `words` words: never less than one. */
export function readingTimeMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
