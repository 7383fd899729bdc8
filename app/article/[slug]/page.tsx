import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdSlot } from '@/components/ads/AdSlot';
import { ArticleView } from '@/components/article/ArticleView';
import { RelatedArticles } from '@/components/article/RelatedArticles';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { JsonLd } from '@/components/seo/JsonLd';
import { PageFrame } from '@/components/site/PageFrame';
import { site } from '@/lib/config/site';
import { getArticle, getPublishedArticles, getRelatedArticles, getSections } from '@/lib/content/queries';
import { hasPublicHistory } from '@/lib/history/articleHistory';
import { breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/jsonLd';
import { articleMetadata } from '@/lib/seo/pageMetadata';
import { articlePath, sectionPath } from '@/lib/urls';

/**
 * Every published article is built ahead. One added after the build is rendered on its first
 * request; a slug is only ever looked up in the loaded content, never on the file system.
 */
export async function generateStaticParams() {
  const articles = await getPublishedArticles();
  return articles.map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: PageProps<'/article/[slug]'>): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  return article ? articleMetadata(article) : {};
}

export default async function ArticlePage({ params }: PageProps<'/article/[slug]'>) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const [sections, related, hasHistory] = await Promise.all([
    getSections(),
    getRelatedArticles(article),
    hasPublicHistory(article),
  ]);
  const trail = [
    { name: 'Home', href: '/' },
    { name: article.section.name, href: sectionPath(article.section.id) },
    { name: article.title, href: articlePath(article.slug) },
  ];
  return (
    <PageFrame sections={sections} currentSectionId={article.section.id} ads={article.ads}>
      <JsonLd data={[newsArticleJsonLd(article), breadcrumbJsonLd(trail)]} />
      <div className="article-page">
        <Breadcrumbs trail={trail} />
        <div className="article-page__columns">
          <ArticleView article={article} adsEnabled={site.adsEnabled} hasHistory={hasHistory} />
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
