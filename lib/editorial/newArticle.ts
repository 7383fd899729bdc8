import { stringify } from 'yaml';
import { RawArticleSchema } from '../content/schemas';
import { slugify, transliterate } from '../content/slugs';
import { SUMMARY_PLACEHOLDER } from './placeholders';

/**
 * What `npm run new` writes, worked out without touching the disk: the slug a headline gets,
 * the file it goes in and the draft's text. `scripts/newArticle.ts` asks for the values,
 * reads what already exists and writes the file.
 */

/** The longest slug `npm run new` makes: long enough for a headline, short enough to share. */
export const MAX_SLUG_LENGTH = 80;

/** The longest headline the content format accepts (`title`: 1–200 characters). */
export const MAX_HEADLINE_LENGTH = 200;

/** What an editor gives for a new story. */
export type StoryRequest = { headline: string; section: string; author: string };

/** A wall-clock time in one time zone, with that zone's offset from UTC at that instant. */
export type LocalTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC: 480 for Hong Kong, -300 for New York in winter. */
  offsetMinutes: number;
};

/** The draft to write: its slug, its path from the project root, and its text. */
export type PlannedArticle = { slug: string; file: string; source: string };


/** A headline as one line: runs of spaces, tabs and line breaks become one space. */
export function normalizeHeadline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}


/**
 * A slug of at most `max` characters, cut after a whole word when there is a hyphen to cut
 * at (a single word longer than `max` is cut where it must be).
 */
export function shortenSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const wordEnd = slug.lastIndexOf('-', max);
  const cut = wordEnd > 0 ? slug.slice(0, wordEnd) : slug.slice(0, max);
  return cut.replace(/-+$/, '');
}

/**
 * The slug a headline gives: ASCII letters and digits, at most 80 characters. A headline
 * with none (`稀土出口`) gets `story-<yyyy>-<mm>-<dd>` from the local date.
 */
export function slugFromHeadline(headline: string, date: LocalTime): string {
  const slug = shortenSlug(slugify(transliterate(headline), { ascii: true }));
  return slug || `story-${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * `base`, or `base-2`, `base-3`, ... : the first that no existing article uses. Slugs are
 * unique across every folder under `content/articles/`, so `taken` holds them all. The
 * number is kept within the length limit by cutting `base` first.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${shortenSlug(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The wall-clock time in `timeZone` at `epochMs`, to the second, with the zone's offset. */
export function localTime(epochMs: number, timeZone: string): LocalTime {
  const instant = Math.floor(epochMs / 1000) * 1000;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  const [hour, minute, second] = [part('hour'), part('minute'), part('second')];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    offsetMinutes: Math.round((wallClock - instant) / 60_000),
  };
}

/** `2026-11-29T14:05:00+08:00`: the form `publishedAt` takes (docs/content-format.md). */
export function isoWithOffset(time: LocalTime): string {
  const offset = Math.abs(time.offsetMinutes);
  const zone = `${time.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
  const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  return `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${zone}`;
}

/** `content/articles/2026/11/<slug>.md`: filed by the local month it was started in. */
export function articleFile(slug: string, date: LocalTime): string {
  return `content/articles/${pad(date.year, 4)}/${pad(date.month)}/${slug}.md`;
}

/** One YAML value on one line; `quoted` always in double quotes, as the format advises for text. */
function yamlValue(value: string, quoted = false): string {
  return stringify(value, {
    defaultStringType: quoted ? 'QUOTE_DOUBLE' : 'PLAIN',
    lineWidth: 0,
  }).trimEnd();
}

/**
 * The new draft's text: valid front matter (`draft: true`, the summary placeholder the
 * content check warns about) and a body that tells the editor what to write.
 */
export function articleSource(story: StoryRequest, publishedAt: string): string {
  return [
    '---',
    `title: ${yamlValue(story.headline, true)}`,
    'summary:',
    `  - ${yamlValue(SUMMARY_PLACEHOLDER, true)}`,
    `author: ${yamlValue(story.author)}`,
    `section: ${yamlValue(story.section)}`,
    `publishedAt: ${yamlValue(publishedAt, true)}`,
    'draft: true',
    '---',
    '',
    'Write the story here: the news first, in one paragraph, then what it means. Start each',
    'subheading with "##". See docs/content-format.md for every field and rule.',
    '',
  ].join('\n');
}

/**
 * Everything `npm run new` writes for a story started at `epochMs`: the slug (unique among
 * `takenSlugs`), the file (by the newsroom's local month) and its text, with `publishedAt`
 * the same local time written with its offset.
 */
export function planArticle(
  story: StoryRequest,
  {
    epochMs,
    timeZone,
    takenSlugs,
  }: { epochMs: number; timeZone: string; takenSlugs: ReadonlySet<string> },
): PlannedArticle {
  const time = localTime(epochMs, timeZone);
  const slug = uniqueSlug(slugFromHeadline(story.headline, time), takenSlugs);
  return { slug, file: articleFile(slug, time), source: articleSource(story, isoWithOffset(time)) };
}

/** Why a headline cannot be used, or undefined when it can. */
export function headlineProblem(headline: string): string | undefined {
  if (headline === '') return 'the headline is empty';
  if (headline.length > MAX_HEADLINE_LENGTH) {
    return `the headline is ${headline.length} characters long; the limit is ${MAX_HEADLINE_LENGTH}`;
  }
  // Everything else the content check would refuse (invisible or control characters), so that
  // `npm run new` never writes a file that fails the check.
  const refused = RawArticleSchema.shape.title.safeParse(headline);
  return refused.success ? undefined : `the headline ${refused.error.issues[0]?.message ?? 'cannot be used'}`;
}

/** `unknown section "sport" (known: china, economy, world)`, or undefined for a known id. */
export function unknownIdProblem(
  kind: 'section' | 'author',
  id: string,
  known: readonly string[],
): string | undefined {
  if (known.includes(id)) return undefined;
  const list = known.length > 0 ? [...known].sort().join(', ') : 'none';
  return `unknown ${kind} "${id}" (known: ${list})`;
}

/**
 * Where to see the draft: the preview route when `PREVIEW_SECRET` is set (it shows drafts on
 * any server), otherwise the article's address on the development server.
 */
export function previewAddress(
  slug: string,
  settings: { previewSecret?: string; port?: string },
): string {
  const port = settings.port && /^\d+$/.test(settings.port) ? settings.port : '3000';
  const origin = `http://localhost:${port}`;
  if (settings.previewSecret) {
    const query = new URLSearchParams({ secret: settings.previewSecret, slug });
    return `${origin}/api/preview?${query.toString()}`;
  }
  return `${origin}/article/${slug}`;
}
