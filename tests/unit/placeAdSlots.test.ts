import { describe, expect, it } from 'vitest';
import { placeAdSlots } from '@/lib/ads/placeAdSlots';
import type { BlockKind } from '@/lib/markdown/renderMarkdown';

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
    ['a short article (4 paragraphs, 240 words)', 'pppp', []],
    ['a five-paragraph article: one slot after the third paragraph', 'ppppp', [2]],
    ['a long article: slots spaced three blocks and 150 words apart', 'pppppppppppp', [2, 5, 8]],
    ['never before the second paragraph, even after a photo', 'fpppppp', [3]],
    ['never next to a photo', 'pppfpppp', [4]],
    ['never next to a table', 'ppptppp', [4]],
    ['never next to a heading', 'ppphpppp', [4]],
    ['never next to a list or a quote', 'pppplpqppp', [2, 7]],
    ['never as the last block', 'pppp' + 'p', [2]],
    ['never before the footnotes', 'ppppppn', [2]],
    ['at most four slots', 'p'.repeat(40), [2, 5, 8, 11]],
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
