import type { BodyBlock } from '../markdown/bodyBlock';
import type { RawCorrection } from './schemas';
import type { Timestamp } from './timestamp';

/**
 * The domain types that pages render. They are built from the validated raw front matter
 * (`schemas.ts`) by the stages `buildSite.ts` runs: references resolved, defaults applied,
 * Markdown rendered, then enhanced (`enhanceArticles.ts`).
 */

export type Photo = {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width: number;
  height: number;
  /** File size, for feed enclosures. */
  bytes: number;
};

export type Author = {
  id: string;
  name: string;
  role?: string;
  avatar?: Photo;
  /** Sanitized HTML of the biography. */
  bioHtml: string;
};

export type Section = {
  id: string;
  name: string;
  order: number;
  /** Sanitized HTML of the one-paragraph description. */
  descriptionHtml: string;
};

export type Topic = {
  name: string;
  /** URL segment derived from the name: see `topicSlug`. */
  slug: string;
};

/** A dated correction or clarification published under an article. */
export type Correction = {
  kind: RawCorrection['kind'];
  date: Timestamp;
  /** Plain text, rendered as text. */
  text: string;
};

export type Article = {
  slug: string;
  /** Path relative to the project root, for error messages and tools. */
  sourceFile: string;
  title: string;
  summary: string[];
  authors: Author[];
  location?: string;
  section: Section;
  topics: Topic[];
  publishedAt: Timestamp;
  /** The last update: `updatedAt` as written, or the newest correction's date when that is later. */
  updatedAt?: Timestamp;
  image?: Photo;
  description: string;
  ads: boolean;
  draft: boolean;
  /** Corrections and clarifications, oldest first. */
  corrections: Correction[];
};

/**
 * An article's body as its page shows it. Not part of `Article`: a 100,000-story archive's
 * bodies are not held in memory, nor rendered by every load. The page asks for it
 * (`getArticleBody`), and it comes from the render cache or is rendered then.
 */
export type ArticleBody = {
  blocks: BodyBlock[];
  wordCount: number;
  readingTimeMinutes: number;
  /** Indexes of the blocks an in-article ad slot follows; empty with `ads: false`. */
  adSlotsAfter: number[];
};

/** A standalone page such as the standards page: `content/pages/<id>.md`. */
export type Page = {
  id: string;
  title: string;
  description?: string;
  body: BodyBlock[];
};

/** Everything in `content/`, validated and cross-referenced. */
export type SiteContent = {
  /** Every article, drafts and scheduled ones included, newest first. */
  articles: Article[];
  authors: Author[];
  /** In navigation order. */
  sections: Section[];
  pages: Page[];
};
