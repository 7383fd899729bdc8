import type { BlockKind } from '../markdown/bodyBlock';

/** The rules for in-article ad slots, in one place so editors and tests can read them. */
export type InArticleAdRules = {
  /** A slot never comes before this many paragraphs. */
  minParagraphsBefore: number;
  /** Top-level blocks between two slots, at least. */
  minBlocksBetween: number;
  /** Words of body between two slots (and before the first), at least. */
  minWordsBetween: number;
  /** No more slots than this in one article. */
  maxSlots: number;
  /** Shorter articles carry no slot at all. */
  minArticleWords: number;
};

const IN_ARTICLE_AD_RULES: InArticleAdRules = {
  minParagraphsBefore: 2,
  minBlocksBetween: 3,
  minWordsBetween: 250,
  maxSlots: 5,
  minArticleWords: 350,
};

/** Lists (section, topic, author, latest pages) carry an in-list slot after every this many stories. */
export const STORIES_BETWEEN_LIST_ADS = 8;

/** The front page carries an in-list slot after every this many section blocks. */
export const SECTIONS_BETWEEN_FRONT_ADS = 2;

/**
 * Where the site places in-article ad slots: the indexes of the blocks each slot follows.
 * Deterministic and server-side. A slot sits only between two paragraphs (so never next to a
 * photo, table, list, heading or another slot), never before the second paragraph, never last.
 */
export function placeAdSlots(
  blocks: readonly { kind: BlockKind; words: number }[],
  rules: InArticleAdRules = IN_ARTICLE_AD_RULES,
): number[] {
  const totalWords = blocks.reduce((sum, block) => sum + block.words, 0);
  if (totalWords < rules.minArticleWords) return [];

  const slots: number[] = [];
  let paragraphs = 0;
  let wordsSinceSlot = 0;
  let blocksSinceSlot = 0;
  for (let index = 0; index < blocks.length - 1; index++) {
    const block = blocks[index];
    const next = blocks[index + 1];
    if (!block || !next) break;
    if (block.kind === 'paragraph') paragraphs++;
    wordsSinceSlot += block.words;
    blocksSinceSlot++;
    if (slots.length >= rules.maxSlots) break;
    if (
      block.kind === 'paragraph' &&
      next.kind === 'paragraph' &&
      paragraphs >= rules.minParagraphsBefore &&
      wordsSinceSlot >= rules.minWordsBetween &&
      blocksSinceSlot >= (slots.length === 0 ? rules.minParagraphsBefore : rules.minBlocksBetween)
    ) {
      slots.push(index);
      wordsSinceSlot = 0;
      blocksSinceSlot = 0;
    }
  }
  return slots;
}
