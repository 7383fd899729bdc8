// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleHistory } from '@/components/history/ArticleHistory';
import { collapseUnchanged } from '@/lib/history/collapseUnchanged';
import { wordDiff } from '@/lib/history/wordDiff';
import { parseTimestamp } from '@/lib/content/timestamp';

afterEach(cleanup);

const story = (changed?: number) =>
  Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} is ${i === changed ? 'fixed' : 'wrong'}.`).join('\n\n');

function at(iso: string) {
  const date = parseTimestamp(iso);
  if (!date) throw new Error(`bad date in test: ${iso}`);
  return date;
}

describe('ArticleHistory', () => {
  it('shows a revision as its change in context, saying how many unchanged paragraphs it leaves out', () => {
    render(
      <ArticleHistory
        article={{ slug: 'long-read', title: 'A long read' }}
        timeZone="Asia/Hong_Kong"
        history={{
          revisions: [
            {
              commit: 'b',
              date: at('2026-11-30T10:00:00+08:00'),
              kind: 'update',
              fields: [{ field: 'body', label: 'Story', parts: collapseUnchanged(wordDiff(story(), story(9))) }],
            },
          ],
        }}
      />,
    );
    const revision = screen.getByRole('listitem');
    expect(within(revision).getByRole('heading', { level: 2 }).textContent).toMatch(/^Revised 30 Nov 2026/);
    expect(revision.querySelector('del')?.textContent).toBe('wrong');
    expect(revision.querySelector('ins')?.textContent).toBe('fixed');
    expect(within(revision).getByText('[8 unchanged paragraphs]')).toBeTruthy();
    expect(within(revision).getByText('[9 unchanged paragraphs]')).toBeTruthy();
    expect(revision.textContent).toContain('Paragraph 9 is wrong.');
    expect(revision.textContent).not.toContain('Paragraph 1 is');
    expect(revision.textContent).not.toContain('Paragraph 20 is');
  });
});
