// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleView } from '@/components/article/ArticleView';
import { Corrections } from '@/components/article/Corrections';
import { parseTimestamp } from '@/lib/content/timestamp';
import type { Correction } from '@/lib/content/types';
import { makeArticle } from '../support/makeArticle';

afterEach(cleanup);

const ZONE = 'Asia/Hong_Kong';
const HOSTILE =
  '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> was wrong';

function correction(kind: Correction['kind'], iso: string, text: string): Correction {
  const date = parseTimestamp(iso);
  if (!date) throw new Error(`bad date in test: ${iso}`);
  return { kind, date, text };
}

const CORRECTIONS = [
  correction(
    'correction',
    '2026-11-21T10:00:00+08:00',
    'The licence rules took effect in April, not May.',
  ),
  correction(
    'clarification',
    '2026-11-22T02:30:00Z',
    'The figures cover magnets only, not oxides.',
  ),
];

function region() {
  return screen.getByRole('region', { name: 'Corrections and clarifications' });
}

describe('Corrections', () => {
  it('labels each entry as a correction or a clarification, oldest first', () => {
    render(<Corrections corrections={CORRECTIONS} timeZone={ZONE} />);
    const entries = within(region()).getAllByRole('listitem');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'Correction 21 Nov 2026, 10:00am GMT+8The licence rules took effect in April, not May.',
      'Clarification 22 Nov 2026, 10:30am GMT+8The figures cover magnets only, not oxides.',
    ]);
    expect(
      within(entries[0] ?? document.body).getByText('Correction', { exact: true }),
    ).toBeTruthy();
    expect(
      within(entries[1] ?? document.body).getByText('Clarification', { exact: true }),
    ).toBeTruthy();
  });

  it('dates each entry in a machine-readable <time>, shown in the newsroom zone like the other dates', () => {
    const { container } = render(<Corrections corrections={CORRECTIONS} timeZone={ZONE} />);
    expect(
      [...container.querySelectorAll('time')].map((time) => [
        time.getAttribute('datetime'),
        time.textContent,
      ]),
    ).toEqual([
      ['2026-11-21T10:00:00+08:00', '21 Nov 2026, 10:00am GMT+8'],
      ['2026-11-22T02:30:00Z', '22 Nov 2026, 10:30am GMT+8'],
    ]);
  });

  it('shows HTML in the text as harmless text', () => {
    const { container } = render(
      <Corrections
        corrections={[correction('correction', '2026-11-21T10:00:00+08:00', HOSTILE)]}
        timeZone={ZONE}
      />,
    );
    expect(screen.getByText(HOSTILE)).toBeTruthy();
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(Reflect.get(window, '__pwned')).toBeUndefined();
  });

  it('renders nothing for an article without corrections', () => {
    const { container } = render(<Corrections corrections={[]} timeZone={ZONE} />);
    expect(container.innerHTML).toBe('');
  });

  it('sits at the end of the story, after the body and before the topics', () => {
    const article = { ...makeArticle('corrected', { topics: ['trade'] }), corrections: CORRECTIONS };
    const blocks = [{ kind: 'paragraph' as const, html: '<p>Last paragraph of the story.</p>', words: 5 }];
    const body = { blocks, wordCount: 5, readingTimeMinutes: 1, adSlotsAfter: [] };
    render(<ArticleView article={article} body={body} adsEnabled={false} />);
    const follows = (before: Node, after: Node) =>
      Boolean(before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(screen.getByText('Last paragraph of the story.'), region())).toBe(true);
    expect(follows(region(), screen.getByRole('navigation', { name: 'Topics' }))).toBe(true);
    expect(region().closest('article')).toBe(screen.getByRole('article'));
  });

  it('adds nothing to an article page without corrections', () => {
    render(
      <ArticleView
        article={makeArticle('uncorrected', { topics: ['trade'] })}
        body={{ blocks: [], wordCount: 0, readingTimeMinutes: 1, adSlotsAfter: [] }}
        adsEnabled={false}
      />,
    );
    expect(screen.queryByRole('region', { name: 'Corrections and clarifications' })).toBeNull();
    expect(screen.queryByText(/^(Correction|Clarification)$/)).toBeNull();
  });
});
