import type { z } from 'zod';
import type { ImageSizeLookup } from '../images/imagePath';
import type { BodyProblem, RenderedMarkdown } from '../markdown/bodyBlock';
import type { RenderCache } from '../markdown/renderCache';
import type { ContentIssue } from './errors';
import type { FrontMatterFile } from './frontMatter';
import type { ContentFile } from './readContentFiles';
import type { SplitCache } from './splitCache';
import { validateFrontMatter } from './validateFrontMatter';

/** What one load can reuse from the last: renderings and parsed front matter, by content hash. */
export type LoadCaches = { render: RenderCache; split: SplitCache };

/** What every stage of one load shares: image sizes, the caches, and the problems found so far. */
export type LoadContext = {
  imageSize: ImageSizeLookup;
  caches: LoadCaches;
  /** Every stage adds its problems here; a load with any problem publishes nothing. */
  issues: ContentIssue[];
};

/** One file split, validated and rendered. `value` is undefined when its front matter fails its schema. */
export type LoadedFile<T> = {
  file: ContentFile;
  frontMatter: FrontMatterFile;
  body: RenderedMarkdown;
  value: T | undefined;
};

/**
 * The split → validate → render stages for one file of any collection. Returns undefined when
 * the file cannot even be split; every problem goes to `context.issues`.
 */
export function loadFile<S extends z.ZodType>(
  file: ContentFile,
  schema: S,
  context: LoadContext,
): LoadedFile<z.output<S>> | undefined {
  const split = context.caches.split.split(file.text, file.file);
  if (!split.ok) {
    context.issues.push(...split.issues);
    return undefined;
  }
  const frontMatter = split.file;
  const validated = validateFrontMatter(schema, frontMatter, file.file);
  const body = renderBody(file, frontMatter, context);
  if (!validated.ok) context.issues.push(...validated.issues);
  return { file, frontMatter, body, value: validated.ok ? validated.value : undefined };
}

/** The body's Markdown to HTML blocks; its problems are reported at their line in the file. */
function renderBody(file: ContentFile, frontMatter: FrontMatterFile, context: LoadContext): RenderedMarkdown {
  const rendered = context.caches.render.render(frontMatter.body, context.imageSize);
  for (const problem of rendered.problems) context.issues.push(bodyIssue(file, frontMatter, problem));
  return rendered;
}

function bodyIssue(file: ContentFile, frontMatter: FrontMatterFile, problem: BodyProblem): ContentIssue {
  return {
    kind: 'body',
    file: file.file,
    line: problem.line === undefined ? undefined : frontMatter.bodyStartLine + problem.line - 1,
    field: problem.field,
    message: problem.message,
  };
}

/** A rendered body as one HTML string (section descriptions, author biographies). */
export function bodyHtml(body: RenderedMarkdown): string {
  return body.blocks.map((block) => block.html).join('\n');
}
