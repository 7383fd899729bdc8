import { absoluteUrl, brandImages, site } from '../config/site';
import type { Article, ArticleBody, Author, Correction } from '../content/types';
import { authorPath, articlePath, searchPath } from '../urls';
import { toRfc3339 } from './dates';
import { correctionLabel } from '../format/correctionLabel';

export type JsonLdObject = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLdObject | JsonLdValue[];

export type Crumb = { name: string; href: string };

/** schema.org NewsArticle for an article page, as Google Search documents it for publishers. */
export function newsArticleJsonLd(article: Article, body?: Pick<ArticleBody, 'wordCount'>): JsonLdObject {
  const url = absoluteUrl(articlePath(article.slug));
  const image = article.image;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    // Only the story's own photo: Google asks that the image represent the article, so a story
    // without one gives none here (its link previews still show the site's image).
    ...(image
      ? { image: [{ '@type': 'ImageObject', url: absoluteUrl(image.src), width: image.width, height: image.height }] }
      : {}),
    datePublished: toRfc3339(article.publishedAt),
    dateModified: toRfc3339(article.updatedAt ?? article.publishedAt),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(authorPath(author.id)),
      ...(author.role ? { jobTitle: author.role } : {}),
    })),
    publisher: publisherJsonLd(),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: article.section.name,
    keywords: article.topics.map((topic) => topic.name),
    ...(article.location ? { dateline: article.location } : {}),
    publishingPrinciples: absoluteUrl(site.standardsPath),
    isAccessibleForFree: true,
    inLanguage: site.language,
    ...(body ? { wordCount: body.wordCount } : {}),
    ...(article.corrections.length > 0
      ? { correction: article.corrections.map(correctionJsonLd) }
      : {}),
  };
}

/**
 * A published correction or clarification as schema.org's CorrectionComment; `name` says
 * which, since schema.org has no separate type for a clarification.
 */
function correctionJsonLd(correction: Correction): JsonLdObject {
  return {
    '@type': 'CorrectionComment',
    name: correctionLabel(correction.kind),
    text: correction.text,
    datePublished: toRfc3339(correction.date),
  };
}

/**
 * schema.org ProfilePage for an author's page, as Google documents it for author profiles: the
 * person, their role and portrait, and the newsroom they write for.
 */
export function profilePageJsonLd(author: Author): JsonLdObject {
  const url = absoluteUrl(authorPath(author.id));
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      url,
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(author.avatar
        ? { image: { '@type': 'ImageObject', url: absoluteUrl(author.avatar.src), width: author.avatar.width, height: author.avatar.height } }
        : {}),
      worksFor: publisherJsonLd(),
    },
  };
}

function publisherJsonLd(): JsonLdObject {
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl('/'),
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(brandImages.logo.src),
      width: brandImages.logo.width,
      height: brandImages.logo.height,
    },
    publishingPrinciples: absoluteUrl(site.standardsPath),
  };
}

/**
 * schema.org WebSite for the front page, with the SearchAction that lets a search engine offer
 * the site's own search (`/search?q=...`) beside its result.
 */
export function webSiteJsonLd(): JsonLdObject {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: absoluteUrl('/'),
    inLanguage: site.language,
    publisher: publisherJsonLd(),
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        // Built by hand: `searchPath` would percent-encode the braces of the placeholder.
        urlTemplate: absoluteUrl(`${searchPath()}?q={search_term_string}`),
      },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** schema.org BreadcrumbList matching the visible breadcrumbs. */
export function breadcrumbJsonLd(trail: readonly Crumb[]): JsonLdObject {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.href),
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` become `\u003c`-style
 * escapes, so a headline containing `</script>` or `<!--` cannot end or confuse the element,
 * while the parsed JSON still holds the text exactly as written. U+2028/2029 are escaped too.
 */
export function serializeJsonLd(data: JsonLdObject | JsonLdObject[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
