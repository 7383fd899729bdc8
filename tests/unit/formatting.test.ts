import { describe, expect, it } from 'vitest';
import { readingTimeMinutes } from '@/lib/article/readingTime';
import { parseTimestamp } from '@/lib/content/timestamp';
import { topicSlug } from '@/lib/content/topicSlugs';
import { formatDateTime } from '@/lib/format/formatDateTime';

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-26T09:30:00+08:00', Date.UTC(2026, 10, 26, 1, 30)],
    ['2026-11-26T01:30:00Z', Date.UTC(2026, 10, 26, 1, 30)],
    ['2026-11-26T09:30+08:00', Date.UTC(2026, 10, 26, 1, 30)],
    ['2026-11-25T20:30:00.500-05:00', Date.UTC(2026, 10, 26, 1, 30, 0, 500)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2026-11-26T09:30:00+14:00', Date.UTC(2026, 10, 25, 19, 30)],
    // The year as written: Date.UTC would read it as 1926.
    ['0026-11-20T09:30:00Z', new Date('0026-11-20T09:30:00Z').getTime()],
  ])('reads %s', (text, epochMs) => {
    expect(parseTimestamp(text)).toEqual({ iso: text, epochMs });
  });

  it.each([
    '2026-11-26T09:30:00',
    '2026-11-26',
    '26/11/2026',
    '2025-02-29T00:00:00Z',
    '2025-13-45T00:00:00Z',
    '2026-11-26T24:00:00Z',
    '2026-11-26T09:30:00+25:00',
    '2026-11-26T09:30:00+14:59',
    '2026-11-26 09:30:00+08:00',
  ])('refuses %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2026-11-27T09:30:00+08:00', 'Asia/Hong_Kong', '27 Nov 2026, 9:30am GMT+8'],
    ['2026-11-27T01:30:00Z', 'Asia/Hong_Kong', '27 Nov 2026, 9:30am GMT+8'],
    ['2026-11-27T00:05:00+08:00', 'Asia/Hong_Kong', '27 Nov 2026, 12:05am GMT+8'],
    ['2026-11-27T12:45:00+08:00', 'Asia/Hong_Kong', '27 Nov 2026, 12:45pm GMT+8'],
    ['2026-11-27T09:30:00+08:00', 'Asia/Kolkata', '27 Nov 2026, 7:00am GMT+5:30'],
    ['2026-07-01T09:30:00+08:00', 'Europe/London', '1 Jul 2026, 2:30am GMT+1'],
  ])('shows %s in %s as "%s"', (iso, zone, expected) => {
    const timestamp = parseTimestamp(iso);
    if (!timestamp) throw new Error('bad fixture');
    expect(formatDateTime(timestamp, zone)).toBe(expected);
  });
});

describe('readingTimeMinutes', () => {
  it.each([
    [0, 1],
    [100, 1],
    [400, 2],
    [460, 2],
    [700, 3],
    [2300, 10],
  ])('gives %i words %i minute(s)', (words, minutes) => {
    expect(readingTimeMinutes(words)).toBe(minutes);
  });
});

describe('topicSlug', () => {
  it.each([
    ['rare earths', 'rare-earths'],
    ['Rare  Earths', 'rare-earths'],
    [' national security ', 'national-security'],
    ['US-China trade', 'us-china-trade'],
    ["Xi's visit", 'xis-visit'],
    ['稀土', '稀土'],
    ['Café société', 'café-société'],
    ['COP31 / climate', 'cop31-climate'],
    ['!!!', ''],
  ])('derives "%s" → "%s"', (name, slug) => {
    expect(topicSlug(name)).toBe(slug);
  });
});
