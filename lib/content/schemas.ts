import { z } from 'zod';
import { parseTimestamp } from './timestamp';

/**
 * The raw shapes editors write, one zod schema per file kind, exactly as in
 * `shared/content-format.md`. These are the only source of truth for front matter; the domain
 * types pages render (`Article`, `Author`, ...) are built from them in `buildSite.ts`.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = (what: string) =>
  z.string({ error: expectedText(what) }).trim().min(1, { error: 'must not be empty' });

function expectedText(what: string) {
  return (issue: { input: unknown }) =>
    issue.input === undefined ? 'missing (required)' : `expected ${what}, got ${describeValue(issue.input)}`;
}

/** How a YAML value reads back to an editor: `number 1984`, `an empty value`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

const id = (what: string) =>
  z
    .string({ error: expectedText(`${what} id`) })
    .regex(SLUG_PATTERN, { error: (issue) => `not a valid ${what} id: "${String(issue.input)}" (lowercase letters, digits and single hyphens)` });

const timestamp = z
  .string({ error: expectedText('a date-time with offset such as "2026-11-26T09:30:00+08:00"') })
  .transform((value, ctx) => {
    const parsed = parseTimestamp(value.trim());
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: `not a date-time with offset: "${value}" (write e.g. "2026-11-26T09:30:00+08:00")`,
      });
      return z.NEVER;
    }
    return parsed;
  });

/** Site images live in `public/images/` and are referenced as `/images/<file>`. */
export const IMAGE_PATH = /^\/images\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:jpe?g|png|webp|avif|gif)$/;

const imagePath = z
  .string({ error: expectedText('an image path such as "/images/photo.jpg"') })
  .regex(IMAGE_PATH, {
    error: (issue) =>
      `not a site image path: "${String(issue.input)}" (must be /images/<file>.jpg|png|webp|avif|gif, no scheme and no "..")`,
  });

const flag = (what: string) =>
  z.boolean({
    error: (issue) =>
      issue.input === undefined
        ? 'missing'
        : `expected true or false (${what}), got ${describeValue(issue.input)}`,
  });

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: (issue) => `expected a list of ${what}, got ${describeValue(issue.input)}` });

export const RawPhotoSchema = z.strictObject(
  {
    src: imagePath,
    alt: text('alt text describing the photo'),
    caption: text('a caption').optional(),
    credit: text('a credit such as "Photo: Reuters"').optional(),
  },
  { error: (issue) => `expected a mapping with src, alt, caption and credit, got ${describeValue(issue.input)}` },
);

export const RawArticleSchema = z
  .strictObject({
    title: text('a headline').max(200, { error: 'must be at most 200 characters' }),
    summary: list(text('a summary bullet'), 'summary bullets')
      .min(1, { error: 'needs at least 1 bullet' })
      .max(4, { error: 'at most 4 bullets' }),
    author: z.union([id('author'), list(id('author'), 'author ids').min(1, { error: 'needs at least 1 author' })], {
      error: (issue) => `expected an author id or a list of author ids, got ${describeValue(issue.input)}`,
    }),
    location: text('a dateline city').optional(),
    section: id('section'),
    topics: list(text('a topic'), 'topics').optional(),
    publishedAt: timestamp,
    updatedAt: timestamp.optional(),
    image: RawPhotoSchema.optional(),
    description: text('a description').max(300, { error: 'must be at most 300 characters' }).optional(),
    ads: flag('show ad slots').default(true),
    draft: flag('draft').default(false),
  })
  .superRefine((article, ctx) => {
    if (article.updatedAt && article.updatedAt.epochMs < article.publishedAt.epochMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['updatedAt'],
        message: `is earlier than publishedAt (${article.publishedAt.iso})`,
      });
    }
  });

export const RawAuthorSchema = z.strictObject({
  name: text('the name shown in bylines'),
  role: text('a role such as "China correspondent"').optional(),
  avatar: imagePath.optional(),
});

export const RawSectionSchema = z.strictObject({
  name: text('the name shown in navigation'),
  order: z
    .number({ error: (issue) => `expected a whole number, got ${describeValue(issue.input)}` })
    .int({ error: 'must be a whole number' })
    .optional(),
});

/** A standalone page such as `/about/standards`: `content/pages/<id>.md`. */
export const RawPageSchema = z.strictObject({
  title: text('a page title').max(200, { error: 'must be at most 200 characters' }),
  description: text('a description').max(300, { error: 'must be at most 300 characters' }).optional(),
});

export type RawArticle = z.infer<typeof RawArticleSchema>;
export type RawAuthor = z.infer<typeof RawAuthorSchema>;
export type RawSection = z.infer<typeof RawSectionSchema>;
export type RawPage = z.infer<typeof RawPageSchema>;
export type RawPhoto = z.infer<typeof RawPhotoSchema>;
