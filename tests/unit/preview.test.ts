import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from '@/lib/config/env';
import { buildPublishedIndex } from '@/lib/content/publishedIndex';
import { isPreviewSecret } from '@/lib/preview/previewSecret';
import { previewStatus } from '@/lib/preview/previewStatus';
import { makeArticle } from '../support/makeArticle';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16);

describe('the preview secret', () => {
  it('matches only itself', () => {
    expect(isPreviewSecret(SECRET, SECRET)).toBe(true);
    expect(isPreviewSecret(`${SECRET}x`, SECRET)).toBe(false);
    expect(isPreviewSecret(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(isPreviewSecret('', SECRET)).toBe(false);
    expect(isPreviewSecret(null, SECRET)).toBe(false);
  });

  it('is refused at startup when shorter than 32 characters, without echoing it', () => {
    expect(readEnv({ PREVIEW_SECRET: SECRET }).PREVIEW_SECRET).toBe(SECRET);
    expect(readEnv({ PREVIEW_SECRET: '' }).PREVIEW_SECRET).toBeUndefined();
    let error: unknown;
    try {
      readEnv({ PREVIEW_SECRET: 'hunter2' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toContain('PREVIEW_SECRET: too short: at least 32 characters');
    expect(String(error)).toContain('(got 7 characters)');
    expect(String(error)).not.toContain('hunter2');
  });
});

describe("an editor's view of the content", () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  const published = makeArticle('published', { publishedAt: '2026-11-28T00:00:00Z' });
  const draft = { ...makeArticle('draft', { publishedAt: '2026-11-27T00:00:00Z' }), draft: true };
  const scheduled = makeArticle('scheduled', { publishedAt: '2026-12-25T00:00:00Z' });
  const content = { articles: [scheduled, published, draft], authors: [], sections: [], pages: [] };

  it('holds drafts and scheduled stories in their places for editors, never for readers', () => {
    expect(buildPublishedIndex(content, now).articles.map((article) => article.slug)).toEqual([
      'published',
    ]);
    expect(
      buildPublishedIndex(content, now, 'editors').articles.map((article) => article.slug),
    ).toEqual(['scheduled', 'published', 'draft']);
    expect(buildPublishedIndex(content, now, 'editors').bySlug.get('draft')).toBe(draft);
  });

  it('says where each stands', () => {
    expect(previewStatus(published, now)).toEqual({ kind: 'published' });
    expect(previewStatus(draft, now)).toEqual({ kind: 'draft' });
    expect(previewStatus(scheduled, now)).toEqual({ kind: 'scheduled', at: scheduled.publishedAt });
  });
});
