import { describe, expect, it } from 'vitest';
import { collapseUnchanged } from '@/lib/history/collapseUnchanged';
import { MAX_WORD_CELLS, tokenize, wordDiff } from '@/lib/history/wordDiff';
import type { DiffPart } from '@/lib/history/wordDiff';

const side = (parts: DiffPart[], kind: 'del' | 'ins') =>
  parts
    .filter((part) => part.kind === 'same' || part.kind === kind)
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it.each([
    [
      'identical texts',
      'The port reopened.',
      'The port reopened.',
      [{ kind: 'same', text: 'The port reopened.' }],
    ],
    [
      'an inserted word',
      'The port reopened.',
      'The main port reopened.',
      [
        { kind: 'same', text: 'The ' },
        { kind: 'ins', text: 'main ' },
        { kind: 'same', text: 'port reopened.' },
      ],
    ],
    [
      'a replaced word',
      'Talks end on Monday.',
      'Talks end on Tuesday.',
      [
        { kind: 'same', text: 'Talks end on ' },
        { kind: 'del', text: 'Monday' },
        { kind: 'ins', text: 'Tuesday' },
        { kind: 'same', text: '.' },
      ],
    ],
    [
      'a replaced phrase, as one change',
      'a b c d',
      'a x y d',
      [
        { kind: 'same', text: 'a ' },
        { kind: 'del', text: 'b c' },
        { kind: 'ins', text: 'x y' },
        { kind: 'same', text: ' d' },
      ],
    ],
    ['everything removed', 'Gone now', '', [{ kind: 'del', text: 'Gone now' }]],
    ['everything new', '', 'Fresh text', [{ kind: 'ins', text: 'Fresh text' }]],
  ] as const)('diffs %s', (_, before, after, expected) => {
    expect(wordDiff(before, after)).toEqual(expected);
  });

  it('gives back both texts exactly, whitespace included', () => {
    const before = 'One  two\n\nthree four, five.';
    const after = 'One two\n\nthree 4, five and six.';
    const parts = wordDiff(before, after);
    expect(side(parts, 'del')).toBe(before);
    expect(side(parts, 'ins')).toBe(after);
  });

  it('splits Chinese text into words rather than treating a sentence as one word', () => {
    expect(tokenize('中国的稀土出口下降').length).toBeGreaterThan(2);
    const parts = wordDiff('稀土出口下降了', '稀土出口上升了');
    expect(parts[0]).toEqual({ kind: 'same', text: '稀土出口' });
    expect(
      parts
        .filter((part) => part.kind !== 'same')
        .map((part) => part.text)
        .join(''),
    ).not.toContain('稀土');
    expect(side(parts, 'ins')).toBe('稀土出口上升了');
  });

  it('falls back to a paragraph diff for very large inputs, and stays fast', () => {
    const paragraph = (n: number) =>
      Array.from({ length: 400 }, (_, i) => (i === 0 ? `start${n}` : `word${(i * n) % 997}`)).join(
        ' ',
      );
    const before = Array.from({ length: 30 }, (_, i) => paragraph(i + 1)).join('\n\n');
    // Changes 25 paragraphs apart: 20,000 words between them on each side.
    const after = before
      .replace(paragraph(3), paragraph(500))
      .replace(paragraph(28), paragraph(600));
    const started = performance.now();
    const parts = wordDiff(before, after);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parts.filter((part) => part.kind === 'del').map((part) => part.text.trim())).toEqual([
      paragraph(3),
      paragraph(28),
    ]);
    expect(parts.filter((part) => part.kind === 'ins').map((part) => part.text.trim())).toEqual([
      paragraph(500),
      paragraph(600),
    ]);
    expect(side(parts, 'ins')).toBe(after);
  });

  it('diffs by word one small change in a text too large to compare whole', () => {
    const paragraph = (n: number) =>
      Array.from({ length: 400 }, (_, i) => (i === 0 ? `start${n}` : `word${(i * n) % 997}`)).join(
        ' ',
      );
    const before = Array.from({ length: 30 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const tokens = before.split(/\b/).length;
    expect(tokens * tokens, 'too large to compare whole').toBeGreaterThan(MAX_WORD_CELLS);
    const after = before.replace(`${paragraph(12)}`, `${paragraph(12)},`);
    const parts = wordDiff(before, after);
    expect(parts.filter((part) => part.kind !== 'same')).toEqual([{ kind: 'ins', text: ',' }]);
    expect(side(parts, 'del')).toBe(before);
    expect(side(parts, 'ins')).toBe(after);
  });

  it('replaces the whole text when even paragraphs are too many to compare', () => {
    expect(wordDiff('a\n\nb', 'c\n\nd', 1)).toEqual([
      { kind: 'del', text: 'a\n\nb' },
      { kind: 'ins', text: 'c\n\nd' },
    ]);
  });
});

describe('collapseUnchanged', () => {
  const story = (count: number, changed?: number) =>
    Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} says ${i === changed ? 'more' : 'something'}.`).join('\n\n');

  it('shows a change with its paragraph and one on each side, and counts what it leaves out', () => {
    const shown = collapseUnchanged(wordDiff(story(12), story(12, 5)));
    expect(shown).toEqual([
      { kind: 'skipped', paragraphs: 4 },
      { kind: 'same', text: 'Paragraph 5 says something.\n\nParagraph 6 says ' },
      { kind: 'del', text: 'something' },
      { kind: 'ins', text: 'more' },
      { kind: 'same', text: '.\n\nParagraph 7 says something.\n\n' },
      { kind: 'skipped', paragraphs: 5 },
    ]);
  });

  it('keeps short stretches and a text without changes whole', () => {
    const near = wordDiff(story(4), story(4, 1));
    expect(collapseUnchanged(near)).toEqual(near);
    expect(collapseUnchanged([{ kind: 'same', text: story(30) }])).toEqual([{ kind: 'same', text: story(30) }]);
  });
});
