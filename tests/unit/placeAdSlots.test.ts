import { describe, expect, it } from 'vitest';
import { placeAdSlots } from '@/lib/ads/placeAdSlots';
import type { BlockKind } from '@/lib/markdown/bodyBlock';

/** `p` paragraph (60 words), `h` heading, `f` figure, `t` table, `l` list, `q` quote, `n` footnotes. */
function shape(code: string): { kind: BlockKind; words: number }[] {
  const kinds: Record<string, BlockKind> = {
    p: 'paragraph',
    h: 'heading',
    f: 'figure',
    t: 'table',
    l: 'list',
    q: 'quote',
    n: 'footnotes',
  };
  return [...code].map((letter) => {
    const kind = kinds[letter];
    if (!kind) throw new Error(`unknown block letter ${letter}`);
    return { kind, words: kind === 'paragraph' ? 60 : 5 };
  });
}

describe('placeAdSlots', () => {
  it.each([
    ['a short article (5 paragraphs, 300 words): none', 'ppppp', []],
    ['a six-paragraph article: one slot, once 250 words are behind it', 'pppppp', [4]],
    ['a long article: slots at least 250 words apart', 'pppppppppppp', [4, 9]],
    ['never before the second paragraph, even after a photo', 'fpppppppp', [5]],
    ['never next to a photo', 'pppfpppppp', [5]],
    ['never next to a table', 'pppptpppp', [5]],
    ['never next to a heading', 'pppphppppp', [5]],
    ['never next to a list or a quote', 'pppplpqpppp', [7]],
    ['never as the last block', 'ppppp' + 'p', [4]],
    ['never before the footnotes', 'ppppppn', [4]],
    ['at most five slots', 'p'.repeat(40), [4, 9, 14, 19, 24]],
    ['none in an article of only headings and photos', 'hfhfhfhfhf', []],
  ])('%s', (_case, code, expected) => {
    expect(placeAdSlots(shape(code))).toEqual(expected);
  });

  it('places no slot before the second paragraph', () => {
    for (let length = 1; length < 30; length++) {
      const blocks = shape('p'.repeat(length));
      for (const index of placeAdSlots(blocks)) expect(index).toBeGreaterThanOrEqual(1);
    }
  });

  it('never puts two slots next to each other', () => {
    const slots = placeAdSlots(shape('p'.repeat(30)));
    slots.slice(1).forEach((slot, i) => expect(slot - (slots[i] ?? 0)).toBeGreaterThan(1));
  });
});
