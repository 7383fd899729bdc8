import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSearchIndex, freshness } from '@/lib/search/searchIndex';
import type { DocumentFilter, IndexDocument } from '@/lib/search/searchIndex';
import { bestPassage, bodySentences, markText } from '@/lib/search/passage';
import { markdownToPlainText } from '@/lib/search/plainText';
import { cutQuery, parseQuery, parseSearchRequest } from '@/lib/search/searchRequest';
import { editDistance, withinOneEdit } from '@/lib/search/spelling';
import { terms } from '@/lib/search/tokenize';
import type { MarkedText } from '@/lib/search/types';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';
import { freshLoader } from '../support/freshLoader';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;

function doc(key: string, fields: Partial<IndexDocument['fields']>, options: { daysOld?: number; section?: string } = {}): IndexDocument {
  return {
    key,
    publishedAt: NOW - (options.daysOld ?? 1) * DAY,
    section: options.section ?? 'world',
    fields: { title: '', summary: '', topics: '', body: '', ...fields },
  };
}

function keysFor(documents: IndexDocument[], query: string, accept: DocumentFilter = () => true): string[] {
  const index = createSearchIndex();
  for (const document of documents) index.add(document);
  return index.search({ terms: parseQuery(query).terms, accept, now: NOW, limit: 20 }).ranked.map((hit) => hit.key);
}

const marked = (text: MarkedText) => text.filter((part) => part.marked).map((part) => part.text);

describe('tokenizing', () => {
  it('reduces English plurals and possessives, and folds case', () => {
    expect(terms("Magnets, the magnet's MAGNET and batteries")).toEqual(['magnet', 'the', 'magnet', 'magnet', 'and', 'battery']);
    expect(terms('news analysis series')).toEqual(['news', 'analysis', 'series']);
  });

  it('folds accents and special letters: Zürich finds Zurich', () => {
    expect(terms('Zürich Straße São Paulo Łódź')).toEqual(['zurich', 'strasse', 'sao', 'paulo', 'lodz']);
    expect(terms('Zurich')).toEqual(terms('ZÜRICH'));
  });

  it('cuts Chinese and Japanese into words with a dictionary segmenter, keeping kana voicing', () => {
    expect(terms('中国限制稀土出口')).toContain('稀土');
    expect(terms('日本の磁石工場')).toContain('磁石');
    expect(terms('が')).not.toEqual(terms('か'));
    expect(terms('한국 반도체 수출')).toEqual(['한국', '반도체', '수출']);
  });

  it('keeps where each word was, so a passage can mark it', () => {
    expect(marked(markText('Rare earths: Zürich’s magnets', new Set(['zurich', 'magnet'])))).toEqual(['Zürich’s magnets']);
  });
});

describe('ranking', () => {
  it('ranks a headline match above a body match of the same age', () => {
    const documents = [
      doc('body', { title: 'Ports reopen', body: 'A magnet plant reopened near the port.' }),
      doc('headline', { title: 'Magnet plant reopens', body: 'The factory reopened near the port.' }),
    ];
    expect(keysFor(documents, 'magnet')).toEqual(['headline', 'body']);
  });

  it("blends in freshness: today's story beats a five-year-old one of equal relevance", () => {
    const documents = [
      doc('old', { title: 'Rare earth magnets' }, { daysOld: 5 * 365 }),
      doc('new', { title: 'Rare earth magnets' }, { daysOld: 0 }),
    ];
    expect(keysFor(documents, 'rare earth magnets')).toEqual(['new', 'old']);
    expect(freshness(NOW, NOW)).toBe(1.5);
    expect(freshness(NOW - 30 * DAY, NOW)).toBeCloseTo(1.25);
    expect(freshness(NOW - 365 * DAY, NOW)).toBeLessThan(1.001);
  });

  it('keeps a much more relevant old story above a barely relevant new one', () => {
    const documents = [
      doc('new', { body: 'Shipping news. Among much else, a magnet.' + ' Trade talks continued.'.repeat(40) }, { daysOld: 0 }),
      doc('old', { title: 'Magnet makers', summary: 'Magnet prices rose.' }, { daysOld: 400 }),
    ];
    expect(keysFor(documents, 'magnet')).toEqual(['old', 'new']);
  });

  it('requires every word of the query', () => {
    const documents = [doc('both', { title: 'Magnet plant' }), doc('one', { title: 'Magnet exports' })];
    expect(keysFor(documents, 'magnet plant')).toEqual(['both']);
  });

  it('finds a word with one typo in five letters or more, but not in shorter words', () => {
    const documents = [doc('magnet', { title: 'Magnet plant' }), doc('port', { title: 'Port reopens' })];
    expect(keysFor(documents, 'magnte')).toEqual(['magnet']); // swapped letters
    expect(keysFor(documents, 'magnat')).toEqual(['magnet']); // changed
    expect(keysFor(documents, 'mgnet')).toEqual(['magnet']); // dropped
    expect(keysFor(documents, 'pott')).toEqual([]);
  });

  it('applies the filter it is given (section, time, published)', () => {
    const documents = [doc('world', { title: 'Magnet' }), doc('china', { title: 'Magnet' }, { section: 'china' })];
    expect(keysFor(documents, 'magnet', ({ section }) => section === 'china')).toEqual(['china']);
  });

  it('forgets a removed or replaced document, words and all', () => {
    const index = createSearchIndex();
    index.add(doc('a', { title: 'Embargoed cobalt deal' }));
    index.add(doc('b', { title: 'Port reopens' }));
    index.remove('a');
    const search = (query: string) =>
      index.search({ terms: terms(query), accept: () => true, now: NOW, limit: 20 }).ranked.map((hit) => hit.key);
    expect(search('cobalt')).toEqual([]);
    expect(index.closestTerm('cobal')).toBeUndefined();
    index.add(doc('b', { title: 'Harbour reopens' }));
    expect(search('port')).toEqual([]);
    expect(search('harbour')).toEqual(['b']);
    expect(index.size).toBe(1);
  });

  it('compacts after many removals and still finds what is left', () => {
    const index = createSearchIndex();
    for (let n = 0; n < 3000; n++) index.add(doc(`d${n}`, { title: n % 2 ? 'odd story' : 'even story' }));
    for (let n = 0; n < 3000; n += 2) index.remove(`d${n}`);
    const result = index.search({ terms: ['story'], accept: () => true, now: NOW, limit: 5 });
    expect(result.total).toBe(1500);
    expect(index.search({ terms: ['even'], accept: () => true, now: NOW, limit: 5 }).total).toBe(0);
  });
});

describe('spelling', () => {
  it('measures edits, a swap counting as one', () => {
    expect(editDistance('magnet', 'magnte', 2)).toBe(1);
    expect(editDistance('magnet', 'manget', 2)).toBe(1);
    expect(editDistance('magnet', 'magnetic', 2)).toBe(2);
    expect(editDistance('magnet', 'port', 2)).toBe(3);
    expect(withinOneEdit('magnet', 'magnets')).toBe(true);
    expect(withinOneEdit('magnet', 'magnet')).toBe(false);
    expect(withinOneEdit('magnet', 'mangte')).toBe(false);
  });
});

describe('queries', () => {
  it('honours quoted phrases, straight or curly', () => {
    expect(parseQuery('"rare earths" exports')).toEqual({
      terms: ['rare', 'earth', 'export'],
      alternatives: [['rare', 'earth', 'export']],
      phrases: [['rare', 'earth']],
      excluded: [],
    });
    expect(parseQuery('“rare earths”').phrases).toEqual([['rare', 'earth']]);
  });

  it('reads -word and NOT word as words to leave out, OR as either side, and AND as nothing', () => {
    expect(parseQuery('oil -opec')).toMatchObject({ alternatives: [['oil']], excluded: [['opec']] });
    expect(parseQuery('rare earths NOT China')).toMatchObject({ alternatives: [['rare', 'earth']], excluded: [['china']] });
    expect(parseQuery('magnets -rare-earth').excluded).toEqual([['rare', 'earth']]);
    expect(parseQuery('rare earths OR oil prices')).toMatchObject({
      terms: ['rare', 'earth', 'oil', 'price'],
      alternatives: [['rare', 'earth'], ['oil', 'price']],
      excluded: [],
    });
    expect(parseQuery('oil AND gas').alternatives).toEqual([['oil', 'gas']]);
    // Inside words and quotes, and in small letters, they are words.
    expect(parseQuery('rare-earth exports')).toMatchObject({ alternatives: [['rare', 'earth', 'export']], excluded: [] });
    expect(parseQuery('"war OR peace" - not or and')).toMatchObject({
      alternatives: [['war', 'or', 'peace', 'not', 'and']],
      phrases: [['war', 'or', 'peace']],
      excluded: [],
    });
    expect(parseQuery('-china').alternatives).toEqual([]);
  });

  it('cuts a query over 200 characters or 20 words, with a note', () => {
    const long = cutQuery('internationalisation '.repeat(15));
    expect([...long.query].length).toBeLessThanOrEqual(200);
    expect(long.cut).toMatch(/first 200 characters/);
    const wordy = cutQuery(Array.from({ length: 30 }, (_, n) => `w${n}`).join(' '));
    expect(wordy.query.split(' ')).toHaveLength(20);
    expect(wordy.cut).toMatch(/first 20 words/);
    expect(cutQuery('rare earths').cut).toBeUndefined();
  });

  it('reads the address leniently: a bad page, section or window is as if absent', () => {
    expect(parseSearchRequest({ q: ['magnet', 'other'], page: 'x', section: '../etc', within: 'decade' }).request).toEqual({
      q: 'magnet',
      page: 1,
      section: undefined,
      within: undefined,
    });
    expect(parseSearchRequest({ q: 'a\u0000b\u202e c', page: '3', within: 'week' }).request).toEqual({
      q: 'a b c',
      page: 3,
      section: undefined,
      within: 'week',
    });
  });
});

describe('passages', () => {
  it('shows the sentence holding most of the query, with the words marked', () => {
    const body = 'Trade talks continued. The magnet plant in Baotou doubled output. Ports were busy.';
    const passage = bestPassage(['Exports rose.'], () => bodySentences(body), new Set(['magnet', 'plant']));
    expect(passage.map((part) => part.text).join('')).toContain('The magnet plant in Baotou doubled output.');
    expect(marked(passage)).toEqual(['magnet plant']);
  });

  it('cuts a long sentence around its first match', () => {
    const body = `${'Trade talks went on. '.repeat(1)}${'Words before it '.repeat(30)}then the magnet plant ${'and more words after '.repeat(20)}end.`;
    const text = bestPassage([], () => bodySentences(body), new Set(['magnet'])).map((part) => part.text).join('');
    expect(text).toMatch(/^….*magnet plant.*…$/);
    expect(text.length).toBeLessThanOrEqual(242);
  });

  it('prefers a summary point that holds the words', () => {
    const passage = bestPassage(['Magnet exports rose.'], () => bodySentences('A magnet.'), new Set(['magnet', 'export']));
    expect(passage.map((part) => part.text).join('')).toBe('Magnet exports rose.');
    // A point holding every word the query matched is shown without reading the body.
    const unread = () => {
      throw new Error('the body was read');
    };
    const shown = bestPassage(['Magnet exports rose.'], unread, new Set(['magnet', 'export']), 2);
    expect(shown.map((part) => part.text).join('')).toBe('Magnet exports rose.');
  });

  it('does not run a heading or a table into the sentence it shows', () => {
    const body = markdownToPlainText(
      [
        'The ministry wants to protect national security.',
        '## Building alternatives',
        '| Product | Use |\n|---|---|\n| AI accelerators | paired with memory |\n| 3D stacking | chips stacked vertically |',
        'Memory makers are adding plants.',
      ].join('\n\n'),
    );
    const shown = (word: string) =>
      bestPassage([], () => bodySentences(body), new Set([word]))
        .map((part) => part.text)
        .join('');
    expect(shown('ministry')).toBe('The ministry wants to protect national security.');
    expect(shown('accelerator')).toBe('AI accelerators · paired with memory');
    expect(shown('vertically')).toBe('3D stacking · chips stacked vertically');
  });

  it('reads Markdown as the words a reader sees', () => {
    const text = markdownToPlainText('## Heading\n\nSee [the report](https://example.com/x?y=1) <b>now</b>.\n\n![Magnets on a line](/images/a.jpg "Bound for export")\n');
    expect(terms(text)).toEqual(['heading', 'see', 'the', 'report', 'now', 'magnet', 'on', 'a', 'line', 'bound', 'for', 'export']);
  });
});

describe('search on a running site', () => {
  let workspace: Workspace;
  afterEach(async () => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    freshLoader();
    await workspace?.dispose();
  });

  async function site(files: Record<string, string> = {}) {
    workspace = await createWorkspace(files);
    vi.stubEnv('BROADSHEET_CONTENT_ROOT', workspace.root);
    freshLoader();
    const { searchArticles } = await import('@/lib/search/siteSearch');
    const { reloadSiteContent } = await import('@/lib/content/loadSite');
    const slugs = async (params: Record<string, string>) =>
      (await searchArticles(params)).page?.items.map((hit) => hit.article.slug) ?? [];
    return { searchArticles, reloadSiteContent, slugs };
  }

  it('never finds a draft or a scheduled story, nor suggests their words; a scheduled one appears at its time', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { searchArticles, slugs } = await site();
    expect(await slugs({ q: 'draft must never appear' })).toEqual([]);
    expect(await slugs({ q: 'scheduled story future' })).toEqual([]);
    expect(await slugs({ q: 'capsules' })).toEqual([]);
    expect((await searchArticles({ q: 'capsulse' })).suggestion).toBeUndefined();
    vi.setSystemTime(Date.parse('2099-01-01T08:00:01Z'));
    expect(await slugs({ q: 'scheduled story future' })).toEqual(['scheduled-story']);
  });

  it('finds a new or edited article after the reload, forgets a deleted one, and keeps the index when content breaks', async () => {
    const { reloadSiteContent, slugs } = await site();
    expect(await slugs({ q: 'spies' })).toEqual(['reference-shape']);
    await workspace.write('content/articles/magnet-plant.md', articleSource({ title: '"Magnet plant reopens in Baotou"' }));
    await rm(path.join(workspace.root, 'content/articles/reference-shape.md'));
    expect(await reloadSiteContent()).toBe(true);
    expect(await slugs({ q: 'magnet plant' })).toEqual(['magnet-plant']);
    expect(await slugs({ q: 'spies' })).toEqual([]);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await workspace.write('content/articles/magnet-plant.md', articleSource({ title: '"Renamed"', section: 'no-such-section' }));
    expect(await reloadSiteContent()).toBe(false);
    errors.mockRestore();
    expect(await slugs({ q: 'magnet plant' })).toEqual(['magnet-plant']);
  });

  it('leaves out stories holding a word after - or NOT, and finds either side of OR', async () => {
    const { searchArticles, slugs } = await site({
      'content/articles/ytterbium-ships.md': articleSource({ title: '"Ytterbium ships leave Tianjin"' }),
      'content/articles/ytterbium-mines.md': articleSource({ title: '"Ytterbium mines reopen"' }),
      'content/articles/lutetium-mines.md': articleSource({ title: '"Lutetium mines close"' }),
    });
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    expect((await slugs({ q: 'ytterbium' })).sort()).toEqual(['ytterbium-mines', 'ytterbium-ships']);
    expect(await slugs({ q: 'ytterbium -mines' })).toEqual(['ytterbium-ships']);
    expect(await slugs({ q: 'ytterbium NOT tianjin' })).toEqual(['ytterbium-mines']);
    expect((await slugs({ q: 'ytterbium ships OR lutetium' })).sort()).toEqual(['lutetium-mines', 'ytterbium-ships']);
    const either = await searchArticles({ q: 'ytterbium OR lutetium' });
    expect(either.total).toBe(3);
    expect(either.suggestion).toBeUndefined();
  });

  it('filters by section and time window, and honours phrases word for word', async () => {
    const { slugs } = await site({
      'content/articles/magnet-old.md': articleSource({ title: '"Ytterbium consignments slow"', section: 'world', publishedAt: '"2026-01-05T09:00:00Z"' }),
      'content/articles/magnet-new.md': articleSource({ title: '"Consignments of ytterbium slow"', publishedAt: '"2026-11-28T09:00:00Z"' }),
    });
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    expect(await slugs({ q: 'ytterbium consignment' })).toEqual(['magnet-new', 'magnet-old']);
    expect(await slugs({ q: 'ytterbium consignment', section: 'world' })).toEqual(['magnet-old']);
    expect(await slugs({ q: 'ytterbium consignment', within: 'week' })).toEqual(['magnet-new']);
    expect(await slugs({ q: '"ytterbium consignments"' })).toEqual(['magnet-old']);
  });

  it('suggests the closest spelling when nothing matches, and marks the words it found', async () => {
    const { searchArticles } = await site();
    const typo = await searchArticles({ q: 'foriegn spies' });
    expect(typo.suggestion).toBe('foreign spies');
    expect(typo.page?.items[0]?.article.slug).toBe('reference-shape');
    const none = await searchArticles({ q: 'xylophones' });
    expect(none.total).toBe(0);
    const results = await searchArticles({ q: 'spies' });
    expect(marked(results.page?.items[0]?.title ?? [])).toEqual(['spies']);
  });

  it('treats a hostile query as words, and a cut one with a note', async () => {
    const { searchArticles } = await site();
    const hostile = await searchArticles({ q: '<script>alert(1)</script>' });
    expect(hostile.request.q).toBe('<script>alert(1)</script>');
    // Its words are searched like any others: the fixture's hostile article has them in its headline.
    expect(hostile.page?.items.map((hit) => hit.article.slug)).toEqual(['hostile-everything']);
    const long = await searchArticles({ q: 'spies '.repeat(50) });
    expect(long.cut).toMatch(/shortened/);
    expect(long.page?.items.map((hit) => hit.article.slug)).toEqual(['reference-shape']);
  });
});
