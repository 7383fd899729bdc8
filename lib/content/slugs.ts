/**
 * The one slug rule. File names (article slugs, author, section and page ids) are ASCII slugs:
 * lowercase letters, digits and single hyphens. Topic addresses follow the same rule but keep
 * letters and digits of every script, so a Chinese topic gets a Chinese address.
 */

/** What a file name or an id must look like: `rare-earths-explained`, `mei-lin-zhou`. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/**
 * Text made into a slug: lowercase, every run of other characters one hyphen, none at either
 * end. `ascii` drops accents first and keeps only a-z and 0-9 (file names); otherwise letters,
 * digits and combining marks of any script stay (topic addresses). Returns '' when nothing is
 * left.
 */
export function slugify(text: string, { ascii }: { ascii: boolean }): string {
  const lower = text.normalize(ascii ? 'NFKD' : 'NFKC').toLocaleLowerCase('en');
  const kept = ascii ? lower.replace(/\p{M}/gu, '') : lower;
  return kept
    .replace(/['’]/g, '')
    .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Letters that Unicode does not decompose into a Latin letter and a mark, so NFKD alone
 * would drop them: `Straße` would become `strae`, `Łódź` `odz`.
 */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  œ: 'oe',
  ı: 'i',
};

/** Apostrophes and quotation marks: dropped, so `China's` gives `chinas`, not `china-s`. */
const QUOTES = /['"‘’‚‛“”„‟′″ʼ`´«»‹›]/g;

/** Latin text without accents or quotes: `Straße über Łódź` → `strasse uber lodz`. */
export function transliterate(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .replace(/[ßæøłđðþœı]/g, (letter) => LATIN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(QUOTES, '');
}
