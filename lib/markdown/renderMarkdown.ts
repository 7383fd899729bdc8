import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Image, Nodes as MdastNodes, Paragraph, Parents as MdastParents, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Node as UnistNode } from 'unist';
import { visit } from 'unist-util-visit';
import { IMAGE_PATH } from '../images/imagePath';
import { optimizedPhoto } from '../images/optimizedPhoto';
import type { ImageSizeLookup } from '../images/imagePath';
import type { BlockKind, BodyBlock, BodyImage, BodyLink, BodyOutline, BodyProblem, RenderedMarkdown } from './bodyBlock';

export type RenderOptions = {
  /** Width and height of a site image, or undefined when `public/` has no such file. */
  imageSize: ImageSizeLookup;
};

/**
 * GitHub's sanitizer schema, narrowed: links keep only http, https, mailto, tel and site-relative
 * targets; images only site paths; figures are allowed for photos. Footnote ids are prefixed
 * by remark-rehype (`user-content-`), so the sanitizer must not prefix them a second time or
 * the footnote links would point nowhere.
 */
const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'].filter(
    (tag) => tag !== 'input',
  ),
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: [], cite: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    img: ['alt', 'src', 'srcSet', 'sizes', 'width', 'height', 'loading', 'decoding'],
    figure: [['className', 'article-photo']],
    div: [['className', 'table-scroll'], 'tabIndex', 'role', 'ariaLabel'],
    pre: [...(defaultSchema.attributes?.pre ?? []), 'tabIndex', 'role', 'ariaLabel'],
  },
};

const BLOCK_KIND_BY_TAG: Record<string, BlockKind> = {
  p: 'paragraph',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  figure: 'figure',
  table: 'table',
  div: 'table',
  ul: 'list',
  ol: 'list',
  blockquote: 'quote',
  pre: 'code',
  hr: 'rule',
  section: 'footnotes',
};

/** remark's CommonMark parser with GitHub's extensions; rendering goes through the tree below. */
const MARKDOWN_PARSER = remark().use(remarkGfm).freeze();

/** A body's Markdown syntax tree, parsed exactly as the site renders it. */
export function parseMarkdown(markdown: string): MdastRoot {
  return MARKDOWN_PARSER.parse(markdown);
}

const HTML_TRANSFORMER = unified()
  .use(remarkRehype, { footnoteLabel: 'Notes', footnoteBackLabel: backLabel })
  .use(wrapTables)
  .use(scrollableCode)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .freeze();

function isMdastRoot(node: UnistNode): node is MdastRoot {
  return node.type === 'root';
}

function isHastRoot(node: UnistNode): node is HastRoot {
  return node.type === 'root';
}

/**
 * Body Markdown to sanitized HTML blocks: CommonMark + GFM (tables, strikethrough, autolinks,
 * footnotes). Raw HTML is dropped (remark-rehype without `allowDangerousHtml`), then
 * rehype-sanitize removes anything unsafe that Markdown itself can express.
 */
export function renderMarkdown(markdown: string, options: RenderOptions): RenderedMarkdown {
  const tooDeep = findExcessiveNesting(markdown);
  if (tooDeep) return { blocks: [], wordCount: 0, problems: [tooDeep], outline: EMPTY_OUTLINE };
  try {
    return render(markdown, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      blocks: [],
      wordCount: 0,
      problems: [{ field: 'body', message: 'too deeply nested to render' }],
      outline: EMPTY_OUTLINE,
    };
  }
}

/** How deep quotes and lists may nest. Real articles stay under five; the parser slows sharply past ~100. */
const MAX_NESTING = 32;

/**
 * Finds the first line nested deeper than `MAX_NESTING` quotes or list levels, before the
 * parser sees it: deep nesting is how a hostile file makes Markdown parsers recurse or crawl.
 */
function findExcessiveNesting(markdown: string): BodyProblem | undefined {
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const prefix = /^[\s>*+\-\d.)]*/.exec(lines[index] ?? '')?.[0] ?? '';
    const quotes = prefix.split('>').length - 1;
    const indent = /^[ \t]*/.exec(prefix)?.[0].replace(/\t/g, '    ').length ?? 0;
    const indentLevels = Math.floor(indent / 4);
    const markers = (prefix.match(/(?:^|\s)(?:[*+-]|\d{1,9}[.)])(?=\s|$)/g) ?? []).length;
    const depth = quotes + Math.max(indentLevels, markers);
    if (depth > MAX_NESTING) {
      return {
        line: index + 1,
        field: 'body',
        message: `quotes or lists nested ${depth} levels deep; the limit is ${MAX_NESTING}`,
      };
    }
  }
  return undefined;
}

function render(markdown: string, options: RenderOptions): RenderedMarkdown {
  const problems: BodyProblem[] = [];
  const mdast = MARKDOWN_PARSER.runSync(MARKDOWN_PARSER.parse(markdown));
  if (!isMdastRoot(mdast)) throw new Error('remark returned no document');

  checkHeadings(mdast, problems);
  normalizeFragmentLinks(mdast);
  keepLineBreaks(mdast);
  const anchors = [...addHeadingIds(mdast), ...footnoteIds(mdast)];
  // Before the photos are marked: that turns a photo's title into its caption element.
  const outline = { ...outlineBody(mdast, options.imageSize), anchors };
  markPhotos(mdast, options, problems);

  const hast = HTML_TRANSFORMER.runSync(mdast);
  if (!isHastRoot(hast)) throw new Error('rehype returned no document');

  const blocks: BodyBlock[] = [];
  for (const node of hast.children) {
    if (node.type !== 'element') continue;
    const words = countWords(node);
    blocks.push({ kind: BLOCK_KIND_BY_TAG[node.tagName] ?? 'other', html: toHtml(node), words });
  }
  const wordCount = blocks.reduce((sum, block) => sum + block.words, 0);
  return { blocks, wordCount, problems, outline };
}

function backLabel(referenceIndex: number, rereferenceIndex: number): string {
  return `Back to reference ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`;
}

/**
 * A level-1 heading in the body is a problem for the editor, and is shown as a level-2 one: a
 * body the build did not check (an archive story, rendered when its page is first asked for)
 * still gives its page one h1, the headline.
 */
function checkHeadings(tree: MdastRoot, problems: BodyProblem[]): void {
  visit(tree, 'heading', (heading) => {
    if (heading.depth === 1) {
      problems.push({
        line: heading.position?.start.line,
        field: 'body',
        message: 'a level-1 heading ("# ...") in the body; the headline is the only h1, start at "##"',
      });
      heading.depth = 2;
    }
  });
}

/** The body's text column: at most 40rem (`--measure`), the screen's width on a phone. */
const BODY_PHOTO_SIZES = '(min-width: 40rem) 40rem, 100vw';

/**
 * Every image must be a site image with a known size (so it reserves its space). An image
 * alone in its paragraph is a photo: it becomes a `<figure>` whose caption is its title.
 */
function markPhotos(tree: MdastRoot, options: RenderOptions, problems: BodyProblem[]): void {
  const unusable = new Set<Image>();
  visit(tree, 'image', (image, _index, parent) => {
    const line = image.position?.start.line;
    if (!IMAGE_PATH.test(image.url)) {
      problems.push({
        line,
        field: 'body',
        message: `image "${image.url}" is not a site image path (/images/<file>.jpg|png|webp|avif|gif)`,
      });
      unusable.add(image);
      return;
    }
    const size = options.imageSize(image.url);
    if (!size) {
      problems.push({ line, field: 'body', message: `image "${image.url}" not found in public/images/` });
      unusable.add(image);
      return;
    }
    if (!image.alt?.trim()) {
      problems.push({ line, field: 'body', message: `image "${image.url}" needs alt text: ![what it shows](${image.url})` });
    }
    const standalone = parent?.type === 'paragraph' && isOnlyImage(parent);
    image.data = {
      ...image.data,
      hProperties: {
        // Through the image optimizer at the width the text column shows: a phone gets a WebP
        // of about 800 pixels, not the original photo.
        ...optimizedPhoto(image.url, size.width),
        sizes: BODY_PHOTO_SIZES,
        width: size.width,
        height: size.height,
        loading: 'lazy',
        decoding: 'async',
      },
    };
    if (standalone && parent.type === 'paragraph') turnIntoFigure(parent, image);
  });
  if (unusable.size > 0) removeImages(tree, unusable);
}

/**
 * Takes out images that cannot be shown (reported as problems), and a paragraph they leave
 * empty, so a body the build did not check shows no broken image.
 */
function removeImages(tree: MdastRoot, images: ReadonlySet<Image>): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent: MdastParents = node;
    const kept = parent.children.filter((child: MdastNodes) => !(child.type === 'image' && images.has(child)));
    if (kept.length !== parent.children.length) parent.children = kept;
  });
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent: MdastParents = node;
    parent.children = parent.children.filter(
      (child: MdastNodes) => !(child.type === 'paragraph' && child.children.every((inner) => inner.type === 'text' && !inner.value.trim())),
    );
  });
}

const EMPTY_OUTLINE: BodyOutline = { links: [], images: [], anchors: [] };

/**
 * Ids a body heading never takes: the ones the page around the body uses (the skip link's
 * target, the headings of its share row, topics, related stories and the body's notes),
 * where a link would then go to the wrong place, and `googletag`, a global the ad library
 * reads, which an element with that id would stand in for (DOM clobbering).
 */
const RESERVED_IDS = new Set(['main', 'share-heading', 'topics-heading', 'related-heading', 'footnote-label', 'googletag']);

/**
 * Gives each heading an id made from its text, much as GitHub does, so that a link can point to
 * it: `## What the ministry said` is `#what-the-ministry-said`. Letters and digits in any
 * script are kept, lower-cased; spaces become hyphens; everything else is dropped (so no id
 * can be one of Next's `__next` globals). A repeated id gets `-1`, `-2`, …; a heading with no
 * letters or digits gets none. Returns the ids in order.
 */
function addHeadingIds(tree: MdastRoot): string[] {
  const taken = new Set(RESERVED_IDS);
  const ids: string[] = [];
  visit(tree, 'heading', (heading) => {
    const base = plainText(heading)
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-');
    if (!/[\p{L}\p{N}]/u.test(base)) return;
    // The footnotes' ids start so (remark-rehype's prefix): a heading never takes one.
    let id = base.startsWith('user-content-') ? `heading-${base}` : base;
    const stem = id;
    for (let suffix = 1; taken.has(id); suffix++) id = `${stem}-${suffix}`;
    taken.add(id);
    ids.push(id);
    heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
  });
  return ids;
}

/**
 * The ids remark-rehype gives the footnotes and their references (`[^1]` is
 * `#user-content-fn-1`, its back link's target `#user-content-fnref-1`), for checking links.
 */
function footnoteIds(tree: MdastRoot): string[] {
  const ids: string[] = [];
  visit(tree, 'footnoteDefinition', (definition) => {
    const label = definition.identifier.toLowerCase();
    ids.push(`user-content-fn-${label}`, `user-content-fnref-${label}`);
  });
  return ids;
}

/** Whether raw HTML in a body is a `<br>` (`<br/>`, `<BR />`), which the site shows as a line break. */
export function isLineBreakHtml(html: string): boolean {
  return /^<br\s*\/?>$/i.test(html.trim());
}

/**
 * Raw HTML is dropped, but `<br>` is how many editors type a line break (in a table cell, an
 * address, a verse): dropped, it ran the words on either side together. It is kept as
 * Markdown's own line break.
 */
function keepLineBreaks(tree: MdastRoot): void {
  visit(tree, 'html', (node, index, parent) => {
    if (index === undefined || !parent || parent.type === 'root' || !isLineBreakHtml(node.value)) return;
    parent.children.splice(index, 1, { type: 'break' });
  });
}

/**
 * A link to a place in the body, written in decomposed Unicode (as macOS often types accents),
 * is written composed, as heading ids are: otherwise the two look the same and do not match.
 */
function normalizeFragmentLinks(tree: MdastRoot): void {
  visit(tree, 'link', (link) => {
    if (!link.url.startsWith('#')) return;
    try {
      link.url = `#${decodeURIComponent(link.url.slice(1)).normalize('NFC')}`;
    } catch {
      // Not valid percent-encoding: left as written (and warned about as going nowhere).
    }
  });
}

/**
 * Every link and image of the body as written, with its line in the body. A reference-style
 * link (`[text][ref]`) gets its definition's address. Plain data: what to make of it is for
 * the caller (the content check's warnings).
 */
function outlineBody(tree: MdastRoot, imageSize: ImageSizeLookup): Omit<BodyOutline, 'anchors'> {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (definition) => {
    if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition.url);
  });
  const links: BodyLink[] = [];
  const images: BodyImage[] = [];
  visit(tree, (node, _index, parent) => {
    const line = node.position?.start.line;
    if (node.type === 'link') links.push({ url: node.url, text: plainText(node), line });
    if (node.type === 'linkReference') {
      const url = definitions.get(node.identifier);
      if (url !== undefined) links.push({ url, text: plainText(node), line });
    }
    if (node.type === 'image') {
      const standalone = parent?.type === 'paragraph' && isOnlyImage(parent);
      const shown = IMAGE_PATH.test(node.url) && imageSize(node.url) !== undefined;
      images.push({ src: node.url, alt: node.alt ?? '', title: node.title ?? undefined, line, standalone, shown });
    }
  });
  return { links, images };
}

/** The text a reader sees in a node: its text, code and image alt text, without markup. */
function plainText(node: MdastNodes | MdastParents): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : '';
}

function isOnlyImage(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === ''),
  );
  return meaningful.length === 1 && meaningful[0]?.type === 'image';
}

function turnIntoFigure(paragraph: Paragraph, image: Image): void {
  paragraph.data = { ...paragraph.data, hName: 'figure', hProperties: { className: ['article-photo'] } };
  const caption = image.title?.trim();
  image.title = null;
  paragraph.children = caption
    ? [
        image,
        {
          type: 'emphasis',
          data: { hName: 'figcaption' },
          children: [{ type: 'text', value: caption }],
        },
      ]
    : [image];
}

/** Wide tables scroll sideways inside a focusable region instead of widening the page. */
function wrapTables() {
  return (tree: HastRoot) => {
    tree.children = tree.children.map((node): RootContent => {
      if (node.type !== 'element' || node.tagName !== 'table') return node;
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table' },
        children: [node],
      };
    });
  };
}

/**
 * A code block keeps its lines and scrolls sideways when they are longer than the column; it is
 * made a focusable region, as a wide table is, so a keyboard can scroll it too.
 */
function scrollableCode() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'pre') return;
      node.properties = { ...node.properties, tabIndex: 0, role: 'region', ariaLabel: 'Code' };
    });
  };
}

function countWords(node: Element | ElementContent): number {
  let count = 0;
  const walk = (current: Element | ElementContent) => {
    if (current.type === 'text') {
      const matches = current.value.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
      count += matches?.length ?? 0;
    } else if (current.type === 'element') {
      current.children.forEach(walk);
    }
  };
  walk(node);
  return count;
}
