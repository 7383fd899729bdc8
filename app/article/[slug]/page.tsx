import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdSlot } from '@/components/ads/AdSlot';
import { ArticleView } from '@/components/article/ArticleView';
import { RelatedArticles } from '@/components/article/RelatedArticles';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { JsonLd } from '@/components/seo/JsonLd';
import { PageFrame } from '@/components/site/PageFrame';
import { site } from '@/lib/config/site';
import {
  getArticleBody,
  getArticleFor,
  getArticlesToPrerender,
  getRelatedArticles,
  getSections,
} from '@/lib/content/queries';
import { audienceOf, previewMode } from '@/lib/preview/audience';
import { hasPublicHistory } from '@/lib/history/articleHistory';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/jsonLd';
import { articleMetadata } from '@/lib/seo/pageMetadata';
import { articlePath, sectionPath } from '@/lib/urls';

/**
 * The newest articles are built ahead (`getArticlesToPrerender`); any other is rendered on its
 * first request and cached from then on. A slug is only ever looked up in the loaded content,
 * never on the file system, so an unknown one is a 404.
 */
export async function generateStaticParams() {
  const articles = await getArticlesToPrerender();
  return articles.map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({
  params,
}: PageProps<'/article/[slug]'>): Promise<Metadata> {
  const mode = await previewMode();
  const article = await getArticleFor((await params).slug, audienceOf(mode));
  if (!article) return {};
  const metadata = articleMetadata(article);
  return mode === 'off' ? metadata : { ...metadata, robots: { index: false, follow: false } };
}

/**
 * A published article for readers. An editor previewing (see `previewMode`) also gets a
 * draft or scheduled one, as it will look, under the preview banner.
 */
export default async function ArticlePage({ params }: PageProps<'/article/[slug]'>) {
  const mode = await previewMode();
  const article = await getArticleFor((await params).slug, audienceOf(mode));
  if (!article) notFound();
  const [sections, related, hasHistory, body] = await Promise.all([
    getSections(),
    getRelatedArticles(article),
    hasPublicHistory(article),
    getArticleBody(article),
  ]);
  const trail = [
    { name: 'Home', href: '/' },
    { name: article.section.name, href: sectionPath(article.section.id) },
    { name: article.title, href: articlePath(article.slug) },
  ];
  return (
    <PageFrame
      sections={sections}
      currentSectionId={article.section.id}
      ads={article.ads}
      preview={{ mode, article }}
    >
      <JsonLd data={[newsArticleJsonLd(article, body), breadcrumbJsonLd(trail)]} />
      <div className="article-page">
        <Breadcrumbs trail={trail} />
        <div className="article-page__columns">
          <ArticleView
            article={article}
            body={body}
            adsEnabled={site.adsEnabled}
            hasHistory={hasHistory}
          />
          {site.adsEnabled && article.ads && (
            <div className="article-page__rail">
              <AdSlot kind="sidebar" position={1} />
            </div>
          )}
        </div>
        <RelatedArticles articles={related} />
      </div>
    </PageFrame>
  );
}
