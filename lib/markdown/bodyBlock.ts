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

export const RenderedMarkdownSchema = z.object({
  blocks: z.array(BodyBlockSchema),
  wordCount: z.number(),
  problems: z.array(BodyProblemSchema),
});

export type BlockKind = (typeof BLOCK_KINDS)[number];
export type BodyBlock = z.infer<typeof BodyBlockSchema>;
export type BodyProblem = z.infer<typeof BodyProblemSchema>;
export type RenderedMarkdown = z.infer<typeof RenderedMarkdownSchema>;
