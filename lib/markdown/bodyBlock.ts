import { z } from 'zod';

/**
 * What the Markdown stage produces, as zod schemas: the types below come from them, and the
 * render cache (`renderCache.ts`) checks what it reads back from disk against the same schemas.
 */

/** The kinds of top-level block that ad placement and layout care about. */
const BLOCK_KINDS = [
  'paragraph',
  'heading',
  'figure',
  'table',
  'list',
  'quote',
  'code',
  'rule',
  'footnotes',
  'other',
] as const;

/** One top-level block of an article body, already sanitized. */
const BodyBlockSchema = z.object({
  kind: z.enum(BLOCK_KINDS),
  html: z.string(),
  words: z.number(),
});

/** A problem in the body, with its line within the body (1-based). */
export const BodyProblemSchema = z.object({
  line: z.number().optional(),
  field: z.string(),
  message: z.string(),
});

/** A link in the body as written: its target (a reference-style link's definition), its text, its body line. */
const BodyLinkSchema = z.object({
  url: z.string(),
  text: z.string(),
  line: z.number().optional(),
});

/** An image in the body as written; `standalone` when alone in its paragraph (shown as a photo with a caption). */
const BodyImageSchema = z.object({
  src: z.string(),
  alt: z.string(),
  title: z.string().optional(),
  line: z.number().optional(),
  standalone: z.boolean(),
  /** Whether the page can show it: a site image that exists (otherwise it is a problem already). */
  shown: z.boolean(),
});

/** The links, images and heading ids of a body, for checks beyond rendering (see `lib/editorial/warnings.ts`). */
export const BodyOutlineSchema = z.object({
  links: z.array(BodyLinkSchema),
  images: z.array(BodyImageSchema),
  /** The ids the body's headings got, in order: what a `#` link in the body can point to. */
  anchors: z.array(z.string()),
});

export const RenderedMarkdownSchema = z.object({
  blocks: z.array(BodyBlockSchema),
  wordCount: z.number(),
  problems: z.array(BodyProblemSchema),
  outline: BodyOutlineSchema,
});

export type BlockKind = (typeof BLOCK_KINDS)[number];
export type BodyBlock = z.infer<typeof BodyBlockSchema>;
export type BodyProblem = z.infer<typeof BodyProblemSchema>;
export type RenderedMarkdown = z.infer<typeof RenderedMarkdownSchema>;
export type BodyOutline = z.infer<typeof BodyOutlineSchema>;
export type BodyLink = BodyOutline['links'][number];
export type BodyImage = BodyOutline['images'][number];
