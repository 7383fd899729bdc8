import { closest } from '../content/validateFrontMatter';
import type { ContentIssue } from '../content/errors';
import type { BodyImage, BodyLink } from '../markdown/bodyBlock';
import { SUMMARY_PLACEHOLDER } from './placeholders';

/**
 * Editorial warnings: what `npm run content:check` points out without refusing to publish.
 * Each rule is a small pure function of one article (or, for duplicate headlines, of all of
 * them) and returns lines in the errors' `file:line: field: problem` form, each saying what to
 * do. The thresholds, and why each is where it is:
 */

/** Google's guidance for Article structured data kept headlines to 110 characters; past that, search results and link previews cut them. */
export const HEADLINE_MAX_CHARACTERS = 110;

/** A summary bullet is one point taken in at a glance: about two lines on a phone. */
export const SUMMARY_BULLET_MAX_CHARACTERS = 200;

/** Search engines cut a description in their results at about 155–160 characters. */
export const DESCRIPTION_MAX_CHARACTERS = 160;

/** Google Discover shows a story's large image only when it is at least 1,200 px wide; large link previews want the same. */
export const HERO_MIN_WIDTH_PX = 1200;

/** Link text that says nothing out of context: screen readers list a page's links by their text alone. */
export const VAGUE_LINK_TEXTS: readonly string[] = [
  'here',
  'click here',
  'click',
  'this',
  'this link',
  'link',
  'read more',
  'more',
];

/**
 * How a credit starts inside a body photo's caption ("Photo: Jane Doe/Reuters", "Photograph by
 * ...", "Courtesy of ...", "© ..."). A body photo has no credit field, so its caption carries it.
 */
export const CREDIT_IN_CAPTION =
  /\b(?:photo(?:graph)?s?|pictures?|image|illustration|graphic|video|credit)\s*(?::|by\b)|\bcourtesy\b|©/i;

/** A link text that is itself a web address. */
const BARE_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;

/** Which rule a warning comes from: tests and tools can pick warnings out by it. */
export type WarningRule =
  | 'photo-credit'
  | 'caption-repeats-alt'
  | 'hero-width'
  | 'headline-length'
  | 'summary-length'
  | 'description-length'
  | 'insecure-link'
  | 'vague-link-text'
  | 'missing-anchor'
  | 'no-topics'
  | 'duplicate-headline'
  | 'summary-placeholder';

/**
 * A warning is printed like a problem (`formatIssue`) but never stops a build; `--strict`
 * makes the check fail on it. `kind` says where it is (a field, the body, across articles).
 */
export type ContentWarning = ContentIssue & { severity: 'warning'; rule: WarningRule };

/** What the rules look at in one article: its fields as written, its hero photo's width, its body's links and photos. */
export type WarningSubject = {
  /** Path relative to the project root, as in every error line. */
  file: string;
  title: string;
  summary: readonly string[];
  /** As written: undefined when the article has no `description` field. */
  description?: string;
  topics: readonly string[];
  draft: boolean;
  image?: { src: string; alt: string; caption?: string; credit?: string; width: number };
  /** Undefined when this check did not read the body (the build reads only the newest bodies). */
  body?: {
    startLine: number;
    links: readonly BodyLink[];
    images: readonly BodyImage[];
    /** The ids of the body's headings (`lib/markdown/renderMarkdown.ts`). */
    anchors: readonly string[];
  };
  /** The file line of a front-matter field (`frontMatter.lineOf`). */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
};

type Rule = (subject: WarningSubject) => ContentWarning[];

function warning(
  subject: WarningSubject,
  rule: WarningRule,
  where: {
    path?: readonly (string | number)[];
    line?: number;
    field: string;
    kind?: ContentIssue['kind'];
  },
  message: string,
): ContentWarning {
  const line = where.line ?? (where.path ? subject.lineOf(where.path) : undefined);
  return {
    severity: 'warning',
    rule,
    kind: where.kind ?? 'field',
    file: subject.file,
    line,
    field: where.field,
    message,
  };
}

/** The file line of something on body line `line`. */
function bodyLine(subject: WarningSubject, line: number | undefined): number | undefined {
  return subject.body && line !== undefined ? subject.body.startLine + line - 1 : undefined;
}

/** Lowercase letters and digits only, single-spaced: how two texts are compared. */
export function normalizeText(text: string): string {
  return text
    // Composed first: an accent typed as a separate mark (macOS) is the same letter.
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A caption with its credit ("... Photo: Broadsheet") taken off. */
function captionWithoutCredit(caption: string): string {
  const credit = CREDIT_IN_CAPTION.exec(caption);
  return credit ? caption.slice(0, credit.index) : caption;
}

function repeatsAlt(caption: string, alt: string): boolean {
  const said = normalizeText(captionWithoutCredit(caption));
  return said !== '' && said === normalizeText(alt);
}

export const heroPhotoCredit: Rule = (subject) =>
  subject.image && !subject.image.credit
    ? [
        warning(
          subject,
          'photo-credit',
          { path: ['image'], field: 'image.credit' },
          'no credit: say who took the photo (e.g. "Photo: Jane Doe/Reuters")',
        ),
      ]
    : [];

export const heroCaptionRepeatsAlt: Rule = (subject) =>
  subject.image?.caption && repeatsAlt(subject.image.caption, subject.image.alt)
    ? [
        warning(
          subject,
          'caption-repeats-alt',
          { path: ['image', 'caption'], field: 'image.caption' },
          'repeats the alt text: say what the photo adds to the story (who, where, when), and keep the alt text for what it shows',
        ),
      ]
    : [];

export const heroWidth: Rule = (subject) =>
  subject.image && subject.image.width < HERO_MIN_WIDTH_PX
    ? [
        warning(
          subject,
          'hero-width',
          { path: ['image', 'src'], field: 'image.src' },
          `"${subject.image.src}" is ${subject.image.width} px wide: use a photo at least ${HERO_MIN_WIDTH_PX.toLocaleString('en')} px wide, which Google Discover and large link previews need`,
        ),
      ]
    : [];

/** Body photos (an image alone in its paragraph): each needs a credit in its caption, and a caption that is not its alt text. */
export const bodyPhotos: Rule = (subject) =>
  (subject.body?.images ?? [])
    // A photo that cannot be shown is a problem already; its caption is beside the point.
    .filter((image) => image.standalone && image.shown)
    .flatMap((image) => {
      const where = { line: bodyLine(subject, image.line), field: 'body', kind: 'body' as const };
      const caption = image.title ?? '';
      const found: ContentWarning[] = [];
      if (!CREDIT_IN_CAPTION.test(caption)) {
        found.push(
          warning(
            subject,
            'photo-credit',
            where,
            `photo "${image.src}" has no credit: end its caption with who took it, e.g. ![${image.alt}](${image.src} "${captionWithoutCredit(caption).trim() || 'What it shows.'} Photo: Jane Doe/Reuters")`,
          ),
        );
      }
      if (repeatsAlt(caption, image.alt)) {
        found.push(
          warning(
            subject,
            'caption-repeats-alt',
            where,
            `photo "${image.src}" has a caption that repeats its alt text: say what the photo adds to the story (who, where, when)`,
          ),
        );
      }
      return found;
    });

/** Characters as a reader counts them (an emoji is one). */
function length(text: string): number {
  return [...text].length;
}

export const headlineLength: Rule = (subject) =>
  length(subject.title) > HEADLINE_MAX_CHARACTERS
    ? [
        warning(
          subject,
          'headline-length',
          { path: ['title'], field: 'title' },
          `is ${length(subject.title)} characters long: shorten it to ${HEADLINE_MAX_CHARACTERS} or fewer, or search results and link previews cut it off`,
        ),
      ]
    : [];

export const summaryLength: Rule = (subject) =>
  subject.summary.flatMap((bullet, index) =>
    length(bullet) > SUMMARY_BULLET_MAX_CHARACTERS
      ? [
          warning(
            subject,
            'summary-length',
            { path: ['summary', index], field: `summary[${index}]` },
            `is ${length(bullet)} characters long: keep a bullet to ${SUMMARY_BULLET_MAX_CHARACTERS} or fewer, one point a reader takes in at a glance`,
          ),
        ]
      : [],
  );

export const descriptionLength: Rule = (subject) =>
  subject.description !== undefined && length(subject.description) > DESCRIPTION_MAX_CHARACTERS
    ? [
        warning(
          subject,
          'description-length',
          { path: ['description'], field: 'description' },
          `is ${length(subject.description)} characters long: shorten it to ${DESCRIPTION_MAX_CHARACTERS} or fewer, or search results cut it off`,
        ),
      ]
    : [];

export const summaryPlaceholder: Rule = (subject) =>
  subject.summary.flatMap((bullet, index) =>
    bullet.includes(SUMMARY_PLACEHOLDER)
      ? [
          warning(
            subject,
            'summary-placeholder',
            { path: ['summary', index], field: `summary[${index}]` },
            'still the placeholder from npm run new: write the first point a reader should take away',
          ),
        ]
      : [],
  );

export const noTopics: Rule = (subject) =>
  subject.topics.length === 0
    ? [
        warning(
          subject,
          'no-topics',
          { path: ['topics'], field: 'topics' },
          'no topics: add one or two (e.g. topics: [trade, shipping]) so the story is listed on topic pages and in related stories',
        ),
      ]
    : [];

/** A link's problems: an `http:` address, and text that does not say where it goes. */
function linkWarnings(subject: WarningSubject, link: BodyLink): ContentWarning[] {
  const where = { line: bodyLine(subject, link.line), field: 'body', kind: 'body' as const };
  const text = link.text.trim();
  const found: ContentWarning[] = [];
  // `www.example.com` written bare is read as http://; the bare-address warning covers it.
  const writtenHttp = /^http:/i.test(link.url) && !/^www\./i.test(text);
  if (writtenHttp) {
    const secure = link.url.replace(/^http:/i, 'https:');
    found.push(
      warning(
        subject,
        'insecure-link',
        where,
        `link to "${link.url}" is not secure: change it to ${secure} (check that it opens)`,
      ),
    );
  }
  if (BARE_ADDRESS.test(text)) {
    found.push(
      warning(
        subject,
        'vague-link-text',
        where,
        `link text is a bare address, "${text}": write what it links to instead, e.g. [the ministry's statement](${link.url})`,
      ),
    );
  } else if (VAGUE_LINK_TEXTS.includes(normalizeText(text))) {
    found.push(
      warning(
        subject,
        'vague-link-text',
        where,
        `link text "${text}" says nothing out of context: link the words that say where it goes, e.g. [the ministry's statement](${link.url})`,
      ),
    );
  }
  return found;
}

export const bodyLinks: Rule = (subject) =>
  (subject.body?.links ?? []).flatMap((link) => linkWarnings(subject, link));

/** The ids the renderer gives footnotes, which are not headings to list to an editor. */
const FOOTNOTE_ID = /^user-content-fn/;

/** How many of the body's heading ids a warning lists: the closest first. */
const HEADINGS_LISTED = 5;

/** `#what-the-ministry-said, #background, … and 3 more`: the ids an editor may have meant. */
function headingList(target: string, anchors: readonly string[]): string {
  const headings = anchors.filter((anchor) => !FOOTNOTE_ID.test(anchor));
  if (headings.length === 0) return 'the body has no headings to link to';
  const nearest = closest(target, headings);
  const ordered = nearest ? [nearest, ...headings.filter((heading) => heading !== nearest)] : headings;
  const more = ordered.length - HEADINGS_LISTED;
  const listed = ordered.slice(0, HEADINGS_LISTED).map((anchor) => `#${anchor}`).join(', ');
  return `the body's headings are ${listed}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * A link to a place in the body (`[see below](#what-the-ministry-said)`) whose heading is not
 * there: a reader's click goes nowhere. Usually the heading was reworded after the link was
 * written.
 */
export const bodyAnchors: Rule = (subject) => {
  const body = subject.body;
  if (!body) return [];
  return body.links.flatMap((link) => {
    // `#` and `#top` take a reader to the top of the page in every browser.
    if (!link.url.startsWith('#') || link.url === '#' || link.url.toLowerCase() === '#top') return [];
    let target = link.url.slice(1);
    try {
      target = decodeURIComponent(target);
    } catch {
      // Not valid percent-encoding: compared as written, and so not found.
    }
    if (body.anchors.includes(target)) return [];
    const where = { line: bodyLine(subject, link.line), field: 'body', kind: 'body' as const };
    const headings = headingList(target, body.anchors);
    return [warning(subject, 'missing-anchor', where, `link to "${link.url}" goes nowhere: no heading has that id (${headings})`)];
  });
};

/** The rules that look at one article alone, in the order their lines are printed. */
export const ARTICLE_RULES: readonly Rule[] = [
  headlineLength,
  summaryLength,
  summaryPlaceholder,
  noTopics,
  heroPhotoCredit,
  heroCaptionRepeatsAlt,
  heroWidth,
  descriptionLength,
  bodyPhotos,
  bodyLinks,
  bodyAnchors,
];

/** Every single-article warning for one article. */
export function articleWarnings(subject: WarningSubject): ContentWarning[] {
  return ARTICLE_RULES.flatMap((rule) => rule(subject));
}

/** What the duplicate-headline rule needs of any article on the site, checked or not. */
export type HeadlineEntry = { file: string; title: string; draft: boolean };

/**
 * Two published (not draft) articles with the same headline, compared without case, spacing
 * and punctuation: each of `subjects` that shares its headline with another entry of `all` is
 * warned, naming the others. `all` may include the subjects themselves.
 */
export function duplicateHeadlines(
  subjects: readonly WarningSubject[],
  all: readonly HeadlineEntry[],
): ContentWarning[] {
  const filesByHeadline = new Map<string, string[]>();
  for (const entry of all) {
    if (entry.draft) continue;
    const key = normalizeText(entry.title);
    const files = filesByHeadline.get(key) ?? [];
    if (!files.includes(entry.file)) files.push(entry.file);
    filesByHeadline.set(key, files);
  }
  return subjects
    .filter((subject) => !subject.draft)
    .flatMap((subject) => {
      const others = (filesByHeadline.get(normalizeText(subject.title)) ?? []).filter(
        (file) => file !== subject.file,
      );
      if (others.length === 0) return [];
      return [
        warning(
          subject,
          'duplicate-headline',
          { path: ['title'], field: 'title', kind: 'duplicate' },
          `same headline as ${others.join(', ')}: give each story its own headline, so readers and search engines can tell them apart`,
        ),
      ];
    });
}
