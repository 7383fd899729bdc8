import { z } from 'zod';
import type { ContentIssue } from './errors';
import { loadArticleFile } from './loadFile';
import type { LoadContext, LoadedArticle } from './loadFile';
import type { ContentFile } from './readContentFiles';
import { resolveAuthors, resolvePhoto, resolveSection } from './resolveReferences';
import type { References } from './resolveReferences';
import { AuthorIdSchema, RawArticleSchema, TopicSchema } from './schemas';
import { topicKey, topicSlug } from './topicSlugs';
import type { Article } from './types';

/**
 * An article validated and cross-referenced, before the site-wide enhancement steps
 * (`enhanceArticles.ts`) give it topic addresses, reading time and ad slots.
 */
export type ResolvedArticle = Omit<Article, 'topics'> & {
  /** Its topics as written, one spelling per topic. */
  topicNames: string[];
};

/**
 * The fields checked against other files (authors, sections, images) or the whole site
 * (topics). Each is taken on its own when it is valid, so an editor sees these problems in the
 * same run as a mistake in another field, not only after fixing it.
 */
const CheckableFields = z.object({
  author: z.union([AuthorIdSchema, itemsInPlace(AuthorIdSchema)]).optional().catch(undefined),
  section: RawArticleSchema.shape.section.optional().catch(undefined),
  topics: itemsInPlace(TopicSchema).optional().catch(undefined),
  image: RawArticleSchema.shape.image.catch(undefined),
});

/**
 * A list whose valid items are kept at their places and the others left out as undefined (the
 * schema names them): one bad author id does not hide an unknown one beside it.
 */
function itemsInPlace<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((items) =>
    items.map((value) => {
      const parsed = item.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    }),
  );
}

type Checkable = z.infer<typeof CheckableFields>;

/** `content/articles/**.md` → articles; a file with any problem is left out (and reported). */
export function buildArticles(
  files: readonly ContentFile[],
  references: References,
  context: LoadContext,
): ResolvedArticle[] {
  const firstFileBySlug = new Map<string, string>();
  const articles: ResolvedArticle[] = [];
  for (const file of files) {
    const earlier = firstFileBySlug.get(file.id);
    if (earlier) {
      context.issues.push(duplicateSlug(file, earlier));
      continue;
    }
    firstFileBySlug.set(file.id, file.file);
    const loaded = loadArticleFile(file, context);
    const article = loaded && resolveArticle(loaded, references, context);
    if (article) articles.push(article);
  }
  return articles;
}

/** Resolves one loaded article's references, topics and photo; undefined when anything fails. */
function resolveArticle(
  loaded: LoadedArticle,
  references: References,
  context: LoadContext,
): ResolvedArticle | undefined {
  const { file, value } = loaded;
  if (!value) {
    const partial = CheckableFields.safeParse(loaded.frontMatter.data);
    if (partial.success) resolveParts(loaded, partial.data, references, context, context.issues);
    return undefined;
  }
  const issues: ContentIssue[] = [];
  const { authors, section, topicNames, image } = resolveParts(loaded, value, references, context, issues);
  context.issues.push(...issues);
  if (issues.length > 0 || !section) return undefined;
  return {
    slug: file.id,
    sourceFile: file.file,
    title: value.title,
    summary: value.summary,
    authors,
    location: value.location,
    section,
    topicNames,
    publishedAt: value.publishedAt,
    updatedAt: value.updatedAt,
    image,
    description: value.description ?? value.summary[0] ?? value.title,
    ads: value.ads,
    draft: value.draft,
    corrections: value.corrections ?? [],
  };
}

/** Authors, section, topics and photo, each checked when it is there; problems go to `issues`. */
function resolveParts(
  loaded: LoadedArticle,
  fields: Checkable,
  references: References,
  context: LoadContext,
  issues: ContentIssue[],
) {
  return {
    authors: fields.author ? resolveAuthors(loaded, fields.author, references, issues) : [],
    section: fields.section ? resolveSection(loaded, fields.section, references, issues) : undefined,
    topicNames: distinctTopics(loaded, fields.topics ?? [], issues),
    image: fields.image ? resolvePhoto(loaded, fields.image, ['image', 'src'], context.imageSize, issues) : undefined,
  };
}

/** Topics without repeats (case and spacing variants are one topic); one with no letters is a problem. */
function distinctTopics(loaded: LoadedArticle, names: readonly (string | undefined)[], issues: ContentIssue[]): string[] {
  const kept: string[] = [];
  names.forEach((name, index) => {
    if (name === undefined) return; // not a topic at all: the schema has named it
    if (!topicSlug(name)) {
      issues.push({
        kind: 'field',
        file: loaded.file.file,
        line: loaded.frontMatter.lineOf(['topics', index]),
        field: `topics[${index}]`,
        message: `topic "${name}" has no letters or digits`,
      });
    } else if (!kept.some((known) => topicKey(known) === topicKey(name))) {
      kept.push(name.replace(/\s+/g, ' ')); // shown as one word space, however it was typed
    }
  });
  return kept;
}

function duplicateSlug(file: ContentFile, earlier: string): ContentIssue {
  return {
    kind: 'duplicate',
    file: file.file,
    message: `slug "${file.id}" is already used by ${earlier}; slugs must be unique across all folders`,
  };
}
