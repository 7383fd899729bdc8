import { z } from 'zod';
import { readingTimeMinutes } from '../article/readingTime';
import type { ImageSize } from '../markdown/renderMarkdown';
import type { ContentIssue } from './errors';
import type { FrontMatterFile } from './frontMatter';
import { createRenderCache } from './renderCache';
import type { RenderCache } from './renderCache';
import { createSplitCache } from './splitCache';
import type { SplitCache } from './splitCache';
import type { ContentFile } from './readContentFiles';
import type { RawPhoto } from './schemas';
import { RawArticleSchema, RawAuthorSchema, RawPageSchema, RawSectionSchema } from './schemas';
import { assignTopicSlugs, topicKey, topicSlug } from './topics';
import type { Article, Author, Page, Photo, Section, SiteContent, Topic } from './types';
import { closest } from './validateFrontMatter';
import { validateFrontMatter } from './validateFrontMatter';

/** The fields that refer to other files, checked even when the rest of the front matter fails. */
const ArticleReferences = z.object({
  author: RawArticleSchema.shape.author,
  section: RawArticleSchema.shape.section,
});

export type ContentFiles = {
  articles: ContentFile[];
  authors: ContentFile[];
  sections: ContentFile[];
  pages: ContentFile[];
};

export type BuildResult = { content: SiteContent; issues: ContentIssue[] };

/**
 * The validating, enriching stage of the pipeline: raw files in, domain objects out.
 * Every problem in every file is collected; a file with problems is left out of `content`,
 * and callers refuse to publish when `issues` is not empty.
 */
/** What one load can reuse from the last: renderings and parsed front matter, by content hash. */
export type LoadCaches = { render: RenderCache; split: SplitCache };

export function buildSite(
  files: ContentFiles,
  imageSize: (src: string) => ImageSize | undefined,
  caches: LoadCaches = { render: createRenderCache(), split: createSplitCache() },
): BuildResult {
  const issues: ContentIssue[] = [];

  const parse = (file: ContentFile): FrontMatterFile | undefined => {
    const split = caches.split.split(file.text, file.file);
    if (!split.ok) {
      issues.push(...split.issues);
      return undefined;
    }
    return split.file;
  };

  const render = (file: ContentFile, frontMatter: FrontMatterFile) => {
    const rendered = caches.render.render(frontMatter.body, imageSize);
    for (const problem of rendered.problems) {
      issues.push({
        kind: 'body',
        file: file.file,
        line: problem.line === undefined ? undefined : frontMatter.bodyStartLine + problem.line - 1,
        field: problem.field,
        message: problem.message,
      });
    }
    return rendered;
  };

  /**
   * Splits, validates and renders one file. Problems are recorded; `value` is undefined when
   * the front matter fails its schema, and the whole result when it cannot even be split.
   */
  const load = <S extends z.ZodType>(file: ContentFile, schema: S) => {
    const frontMatter = parse(file);
    if (!frontMatter) return undefined;
    const raw = validateFrontMatter(schema, frontMatter, file.file);
    const body = render(file, frontMatter);
    if (!raw.ok) issues.push(...raw.issues);
    return { frontMatter, body, value: raw.ok ? raw.value : undefined };
  };

  const photo = (raw: RawPhoto, file: ContentFile, frontMatter: FrontMatterFile, field: string): Photo | undefined => {
    const size = imageSize(raw.src);
    if (!size) {
      issues.push({
        kind: 'reference',
        file: file.file,
        line: frontMatter.lineOf([field, 'src']),
        field: `${field}.src`,
        message: `image "${raw.src}" not found in public/images/`,
      });
      return undefined;
    }
    return { ...raw, ...size };
  };

  const sections: Section[] = [];
  for (const file of files.sections) {
    const loaded = load(file, RawSectionSchema);
    if (!loaded?.value) continue;
    sections.push({
      id: file.id,
      name: loaded.value.name,
      order: loaded.value.order ?? Number.MAX_SAFE_INTEGER,
      descriptionHtml: html(loaded.body.blocks),
    });
  }
  sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));

  const authors: Author[] = [];
  for (const file of files.authors) {
    const loaded = load(file, RawAuthorSchema);
    if (!loaded?.value) continue;
    const { avatar: avatarSrc, ...rest } = loaded.value;
    const avatar = avatarSrc
      ? photo({ src: avatarSrc, alt: `Portrait of ${rest.name}` }, file, loaded.frontMatter, 'avatar')
      : undefined;
    authors.push({ id: file.id, ...rest, avatar, bioHtml: html(loaded.body.blocks) });
  }

  const pages: Page[] = [];
  for (const file of files.pages) {
    const loaded = load(file, RawPageSchema);
    if (!loaded?.value) continue;
    pages.push({ id: file.id, ...loaded.value, body: loaded.body.blocks });
  }

  const authorsById = new Map(authors.map((author) => [author.id, author]));
  const sectionsById = new Map(sections.map((section) => [section.id, section]));
  const knownAuthorIds = files.authors.map((file) => file.id);
  const knownSectionIds = files.sections.map((file) => file.id);
  const firstFileBySlug = new Map<string, string>();
  const articles: Article[] = [];

  /** Resolves author and section ids, reporting unknown ones; runs even when other fields fail. */
  const checkReferences = (
    file: ContentFile,
    frontMatter: FrontMatterFile,
    value: z.infer<typeof ArticleReferences>,
  ): Author[] => {
    const authorIds = typeof value.author === 'string' ? [value.author] : value.author;
    const resolved: Author[] = [];
    authorIds.forEach((authorId, index) => {
      const author = authorsById.get(authorId);
      if (author) {
        if (!resolved.includes(author)) resolved.push(author);
        return;
      }
      const path = typeof value.author === 'string' ? ['author'] : ['author', index];
      issues.push({
        kind: 'reference',
        file: file.file,
        line: frontMatter.lineOf(path),
        field: 'author',
        message: unknownReference('author', authorId, knownAuthorIds),
      });
    });
    if (!sectionsById.has(value.section)) {
      issues.push({
        kind: 'reference',
        file: file.file,
        line: frontMatter.lineOf(['section']),
        field: 'section',
        message: unknownReference('section', value.section, knownSectionIds),
      });
    }
    return resolved;
  };

  for (const file of files.articles) {
    const earlier = firstFileBySlug.get(file.id);
    if (earlier) {
      issues.push({
        kind: 'duplicate',
        file: file.file,
        message: `slug "${file.id}" is already used by ${earlier}; slugs must be unique across all folders`,
      });
      continue;
    }
    firstFileBySlug.set(file.id, file.file);

    const loaded = load(file, RawArticleSchema);
    if (!loaded) continue;
    const { frontMatter, body, value } = loaded;
    if (!value) {
      const references = ArticleReferences.safeParse(frontMatter.data);
      if (references.success) checkReferences(file, frontMatter, references.data);
      continue;
    }
    const before = issues.length;
    const articleAuthors = checkReferences(file, frontMatter, value);
    const section = sectionsById.get(value.section);

    const topics: Topic[] = [];
    (value.topics ?? []).forEach((name, index) => {
      if (!topicSlug(name)) {
        issues.push({
          kind: 'field',
          file: file.file,
          line: frontMatter.lineOf(['topics', index]),
          field: `topics[${index}]`,
          message: `topic "${name}" has no letters or digits`,
        });
      } else if (!topics.some((topic) => topicKey(topic.name) === topicKey(name))) {
        // The address is assigned below, once every topic on the site is known.
        topics.push({ name, slug: '' });
      }
    });

    const image = value.image ? photo(value.image, file, frontMatter, 'image') : undefined;
    if (issues.length > before || !section) continue;

    articles.push({
      slug: file.id,
      sourceFile: file.file,
      title: value.title,
      summary: value.summary,
      authors: articleAuthors,
      location: value.location,
      section,
      topics,
      publishedAt: value.publishedAt,
      updatedAt: value.updatedAt,
      image,
      description: value.description ?? value.summary[0] ?? value.title,
      ads: value.ads,
      draft: value.draft,
      body: body.blocks,
      wordCount: body.wordCount,
      readingTimeMinutes: readingTimeMinutes(body.wordCount),
    });
  }

  const slugByKey = assignTopicSlugs(articles.flatMap((article) => article.topics.map((topic) => topic.name)));
  for (const article of articles) {
    article.topics = article.topics.map((topic) => ({ ...topic, slug: slugByKey.get(topicKey(topic.name)) ?? '' }));
  }
  articles.sort((a, b) => b.publishedAt.epochMs - a.publishedAt.epochMs || a.slug.localeCompare(b.slug));
  caches.render.sweep();
  caches.split.sweep();
  return { content: { articles, authors, sections, pages }, issues };
}

function html(blocks: readonly { html: string }[]): string {
  return blocks.map((block) => block.html).join('\n');
}

function unknownReference(what: string, id: string, known: readonly string[]): string {
  if (known.includes(id)) return `${what} "${id}" cannot be used until its own file's problems are fixed`;
  const suggestion = closest(id, known);
  const list = suggestion ? [suggestion, ...known.filter((k) => k !== suggestion)] : [...known];
  const shown = list.slice(0, 5).join(', ') + (list.length > 5 ? ', ...' : '');
  return `unknown ${what} "${id}" (known: ${shown || 'none'})`;
}
