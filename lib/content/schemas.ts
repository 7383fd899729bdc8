import { z } from 'zod';
import { now } from '../config/clock';
import { IMAGE_PATH } from '../images/imagePath';
import { SLUG_PATTERN } from './slugs';
import { parseTimestamp } from './timestamp';

/**
 * The raw shapes editors write, one zod schema per file kind, documented for editors in
 * `docs/content-format.md` (a test keeps the two in step). These are the only source of truth
 * for front matter; the domain types pages render (`Article`, `Author`, ...) are built from
 * them in `buildSite.ts`.
 *
 * Every message here ends up in an editor's error line (`file:line: field: message`), so each
 * says in plain words what is wrong: a field that is absent is always `missing (required)`.
 */

const text = (what: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: 'must not be empty' })
    .refine((value) => value === '' || VISIBLE_CHARACTER.test(value), { error: 'has no visible characters (only spaces or invisible formatting characters)' })
    .refine((value) => !CONTROL_CHARACTER.test(value), { error: (issue) => controlCharacter(issue.input) });

/** Anything but spaces, control and invisible formatting characters (zero-width spaces, joiners, marks). */
const VISIBLE_CHARACTER = /[^\s\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * Control characters other than tab and line breaks (C0, DEL and C1). Pasting from a PDF or a
 * wire system brings them in; an editor cannot see them, XML feeds may not contain them, and
 * browsers show some as boxes.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** `contains an invisible control character (U+0007) after "China warns": delete it`. */
function controlCharacter(input: unknown): string {
  const value = typeof input === 'string' ? input : '';
  const index = value.search(CONTROL_CHARACTER);
  const code = (value.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  // On one line, as every problem is: line breaks and tabs in the words before show as spaces.
  const before = value.slice(Math.max(0, index - 24), index).replace(/\s+/g, ' ').trimStart();
  return `contains an invisible control character (U+${code}) ${before ? `after "${before}"` : 'at the start'}: delete it`;
}

/** The error for a value of the wrong kind, or for a required field that is not there at all. */
function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'missing (required)' : `expected ${what}, got ${describeValue(issue.input)}`;
}

/** `is 201 characters long; the limit is 200`: how far over a length limit a text is. */
function tooLong(issue: { input?: unknown; maximum?: unknown }) {
  const length = typeof issue.input === 'string' ? `is ${issue.input.length} characters long; ` : '';
  return `${length}the limit is ${String(issue.maximum)} characters`;
}

/** How a YAML value reads back to an editor: `number 1984`, `an empty value`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

const id = (what: string) =>
  z
    .string({ error: expected(`${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} id`) })
    .regex(SLUG_PATTERN, { error: (issue) => `not a valid ${what} id: "${String(issue.input)}" (lowercase letters, digits and single hyphens)` });

const timestamp = z
  .string({ error: expected('a date-time with offset such as "2026-11-26T09:30:00+08:00"') })
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

const imagePath = z
  .string({ error: expected('an image path such as "/images/photo.jpg"') })
  .regex(IMAGE_PATH, {
    error: (issue) =>
      `not a site image path: "${String(issue.input)}" (must be /images/<file>.jpg|png|webp|avif|gif, no scheme and no "..")`,
  });

/** `true` or `false`, unquoted: YAML 1.2 reads `yes`, `no` and `"true"` as text. */
const flag = () =>
  z.boolean({
    error: (issue) =>
      expected('true or false')(issue) +
      (typeof issue.input === 'string' && /^(?:true|false)$/i.test(issue.input.trim()) ? ' (write it without quotes)' : ''),
  });

const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, { error: expected(`a list of ${what}`) });

/** `has 5 bullets; the limit is 4`. */
const tooMany = (what: string) => (issue: { input?: unknown; maximum?: unknown }) =>
  `${Array.isArray(issue.input) ? `has ${issue.input.length} ${what}; ` : ''}the limit is ${String(issue.maximum)}`;

export const RawPhotoSchema = z.strictObject(
  {
    src: imagePath,
    alt: text('alt text describing the photo'),
    caption: text('a caption').optional(),
    credit: text('a credit such as "Photo: Reuters"').optional(),
  },
  { error: expected('a photo (src and alt, optionally caption and credit, on indented lines below)') },
);

/** The two kinds of published fix: a correction (something was wrong) or a clarification. */
export const CORRECTION_KINDS = ['correction', 'clarification'] as const;

/** One dated correction or clarification, shown under the story and on `/corrections`. */
export const RawCorrectionSchema = z.strictObject(
  {
    date: timestamp,
    text: text('the text of the correction').max(600, { error: tooLong }),
    kind: z.enum(CORRECTION_KINDS, { error: expected('correction or clarification') }).default('correction'),
  },
  { error: expected('a correction (date and text, optionally kind, on indented lines below)') },
);

/** One author id in an article's `author` field; one topic in its `topics`. */
export const AuthorIdSchema = id('author');
export const TopicSchema = text('a topic');

/** A timestamp as parsed, or not there yet (the field failed); the date-order checks need both. */
const ParsedTimestamp = z.object({ iso: z.string(), epochMs: z.number() });
const DatesSoFar = z.object({
  publishedAt: ParsedTimestamp,
  updatedAt: ParsedTimestamp.optional().catch(undefined),
  corrections: z.array(z.object({ date: ParsedTimestamp }).nullable().catch(null)).optional().catch(undefined),
});

/**
 * `updatedAt` and each correction's date against `publishedAt`. Run even when another field of
 * the article is wrong (`when`), on the dates that did parse, so an editor sees these problems
 * in the same run as the others.
 */
function checkDateOrder(article: unknown, ctx: z.RefinementCtx): void {
  const dates = DatesSoFar.safeParse(article);
  if (!dates.success) return;
  const { publishedAt, updatedAt, corrections } = dates.data;
  if (updatedAt && updatedAt.epochMs < publishedAt.epochMs) {
    ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: `is earlier than publishedAt (${publishedAt.iso})` });
  }
  (corrections ?? []).forEach((correction, index) => {
    if (!correction) return;
    const path = ['corrections', index, 'date'];
    if (correction.date.epochMs <= publishedAt.epochMs) {
      ctx.addIssue({ code: 'custom', path, message: `must be after publishedAt (${publishedAt.iso})` });
    } else if (correction.date.epochMs > now()) {
      ctx.addIssue({ code: 'custom', path, message: 'is in the future; date a correction when it is published' });
    }
  });
}

export const RawArticleSchema = z
  .strictObject({
    title: text('a headline').max(200, { error: tooLong }),
    summary: list(text('a summary bullet'), 'summary bullets')
      .min(1, { error: 'needs at least 1 bullet' })
      .max(4, { error: tooMany('bullets') }),
    author: z.union([AuthorIdSchema, list(AuthorIdSchema, 'author ids').min(1, { error: 'needs at least 1 author' })], {
      error: expected('an author id or a list of author ids'),
    }),
    location: text('a dateline city').optional(),
    section: id('section'),
    topics: list(TopicSchema, 'topics').optional(),
    publishedAt: timestamp,
    updatedAt: timestamp.optional(),
    image: RawPhotoSchema.optional(),
    description: text('a description').max(300, { error: tooLong }).optional(),
    ads: flag().default(true),
    draft: flag().default(false),
    corrections: list(RawCorrectionSchema, 'corrections').optional(),
  })
  .superRefine(checkDateOrder, { when: () => true });

export const RawAuthorSchema = z.strictObject({
  name: text('the name shown in bylines'),
  role: text('a role such as "China correspondent"').optional(),
  avatar: imagePath.optional(),
});

export const RawSectionSchema = z.strictObject({
  name: text('the name shown in navigation'),
  order: z
    .number({ error: expected('a whole number') })
    .int({
      error: (issue) =>
        Number.isInteger(issue.input)
          ? `${String(issue.input)} is out of range; use a small whole number such as 1, 2 or 3`
          : `expected a whole number, got ${describeValue(issue.input)}`,
    })
    .optional(),
});

/** A standalone page such as `/about/standards`: `content/pages/<id>.md`. */
export const RawPageSchema = z.strictObject({
  title: text('a page title').max(200, { error: tooLong }),
  description: text('a description').max(300, { error: tooLong }).optional(),
});

export type RawArticle = z.infer<typeof RawArticleSchema>;
export type RawPhoto = z.infer<typeof RawPhotoSchema>;
export type RawCorrection = z.infer<typeof RawCorrectionSchema>;
