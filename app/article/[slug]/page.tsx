import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/ArticleView';
import { RelatedArticles } from '@/components/article/RelatedArticles';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { PageFrame } from '@/components/site/PageFrame';
import { site } from '@/lib/config/site';
import { getArticle, getPublishedArticles, getSections } from '@/lib/content/queries';
import { relatedArticles } from '@/lib/lists/related';
import { articlePath, sectionPath } from '@/lib/urls';

/** Only the slugs built here exist: any other address is a 404, never a file-system lookup. */
export const dynamicParams = false;

export async function generateStaticParams() {
  const articles = await getPublishedArticles();
  return articles.map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: PageProps<'/article/[slug]'>): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.description,
    authors: article.authors.map((author) => ({ name: author.name })),
  };
}

export default async function ArticlePage({ params }: PageProps<'/article/[slug]'>) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const [sections, published] = await Promise.all([getSections(), getPublishedArticles()]);
  return (
    <PageFrame sections={sections} currentSectionId={article.section.id}>
      <div className="article-page">
        <Breadcrumbs
          trail={[
            { name: 'Home', href: '/' },
            { name: article.section.name, href: sectionPath(article.section.id) },
            { name: article.title, href: articlePath(article.slug) },
          ]}
        />
        <ArticleView article={article} adsEnabled={site.adsEnabled} />
        <RelatedArticles articles={relatedArticles(article, published)} />
      </div>
    </PageFrame>
  );
}
