import 'server-only';
import type { Node as UnistNode } from 'unist';
import { splitFrontMatter } from '../content/frontMatter';
import { RawArticleSchema } from '../content/schemas';
import type { RawArticle } from '../content/schemas';
import type { Timestamp } from '../content/timestamp';
import { correctionLabel } from '../format/correctionLabel';
import { isLineBreakHtml, parseMarkdown } from '../markdown/renderMarkdown';
import type { BlobReader } from './blobReader';
import type { FileCommit } from './gitLog';

/** What a reader sees of one revision, field by field, as plain text. */
export type ReaderText = {
  headline: string;
  summary: string;
  byline: string;
  body: string;
  photo: string;
  /** Corrections and clarifications, one a line, as printed under the story. */
  corrections: string;
};

/** One revision of an article file that parses and validates, with the commit that made it. */
export type LoadedRevision = {
  commit: string;
  date: Timestamp;
  raw: RawArticle;
  body: string;
};

/** An author id → the name shown in bylines, when the author is still known. */
export type AuthorNames = (id: string) => string | undefined;

/**
 * The file as it was in `fileCommit`, parsed with the site's own splitter and schema; undefined
 * when it does not parse or validate (such a revision was never published).
 */
export async function loadRevision(
  blobs: BlobReader,
  fileCommit: FileCommit,
): Promise<LoadedRevision | undefined> {
  const text = await blobs.read(fileCommit.commit, fileCommit.path);
  if (text === undefined) return undefined;
  const split = splitFrontMatter(text, fileCommit.path);
  if (!split.ok) return undefined;
  const raw = RawArticleSchema.safeParse(split.file.data);
  if (!raw.success) return undefined;
  return { commit: fileCommit.commit, date: fileCommit.date, raw: raw.data, body: split.file.body };
}

/**
 * The revisions readers saw, oldest first, each dated when readers first saw it. A revision
 * that is not a draft goes public at its commit or at its `publishedAt`, whichever is later; one
 * replaced by a later commit before that moment (an edit made under embargo) was never seen and
 * is left out, with everything it contained, as is anything not public by `now`. The first
 * public revision is dated at its `publishedAt`, the time the article itself shows.
 */
export function publicTimeline(revisions: readonly LoadedRevision[], now: number): LoadedRevision[] {
  const shown: LoadedRevision[] = [];
  revisions.forEach((revision, index) => {
    if (revision.raw.draft) return;
    const publishedAt = revision.raw.publishedAt;
    const goesPublic = Math.max(revision.date.epochMs, publishedAt.epochMs);
    const next = revisions[index + 1];
    if (goesPublic > now || (next && next.date.epochMs <= goesPublic)) return;
    const date = shown.length === 0 || goesPublic === publishedAt.epochMs ? publishedAt : revision.date;
    shown.push({ ...revision, date });
  });
  return shown;
}

/**
 * The reader-visible text of a revision. `bodyText` reads the body's Markdown; a caller that
 * only compares revisions may pass a quicker one than the parser the page shows.
 */
export function readerText(
  revision: LoadedRevision,
  authorNames: AuthorNames,
  bodyText: (markdown: string) => string = markdownText,
): ReaderText {
  const { raw } = revision;
  const ids = typeof raw.author === 'string' ? [raw.author] : raw.author;
  const names = ids.map((id) => authorNames(id) ?? id);
  const people =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
      : (names[0] ?? '');
  const photo = raw.image
    ? [raw.image.caption, raw.image.credit, `Image description: ${raw.image.alt}`]
        .filter(Boolean)
        .join('\n')
    : '';
  return {
    headline: raw.title,
    summary: raw.summary.join('\n'),
    byline: `By ${people}${raw.location ? `, ${raw.location}` : ''}`,
    body: bodyText(revision.body),
    photo,
    corrections: (raw.corrections ?? [])
      .map((item) => `${correctionLabel(item.kind)}: ${item.text}`)
      .join('\n'),
  };
}

/** Body Markdown as the words a reader sees: blocks separated by blank lines, raw HTML dropped. */
export function markdownText(markdown: string): string {
  const tree = parseMarkdown(markdown);
  return tree.children
    .map((node) => nodeText(node).trim())
    .filter((text) => text.length > 0)
    .join('\n\n');
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'listItem',
  'list',
  'blockquote',
  'tableRow',
  'code',
  'footnoteDefinition',
]);

function nodeText(node: UnistNode): string {
  const value = 'value' in node && typeof node.value === 'string' ? node.value : undefined;
  // Raw HTML is not shown, but `<br>` is a line break on the page (lib/markdown/renderMarkdown.ts).
  if (node.type === 'html') return isLineBreakHtml(value ?? '') ? '\n' : '';
  // A line break inside a paragraph is a space on the page: re-wrapping the lines is no change.
  if (value !== undefined) return node.type === 'text' ? value.replace(/[ \t]*\n[ \t]*/g, ' ') : value;
  if (node.type === 'image') return imageText(node);
  if (node.type === 'break') return '\n';
  if (!('children' in node) || !Array.isArray(node.children)) return '';
  const children: UnistNode[] = node.children.filter(isNode);
  const blocky = children.some((child) => BLOCK_TYPES.has(child.type));
  return children.map(nodeText).join(blocky ? '\n' : node.type === 'tableRow' ? ' | ' : '');
}

/**
 * A photo in the body as a reader meets it: its caption (the title), then its description for
 * readers who cannot see it, labelled as the hero photo's is, so it does not read as story text.
 */
function imageText(node: UnistNode): string {
  const caption = 'title' in node && typeof node.title === 'string' ? node.title.trim() : '';
  const alt = 'alt' in node && typeof node.alt === 'string' ? node.alt.trim() : '';
  return [caption, alt ? `Image description: ${alt}` : ''].filter(Boolean).join('\n');
}

function isNode(value: unknown): value is UnistNode {
  return (
    typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
  );
}
