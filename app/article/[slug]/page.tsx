import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/ArticleView';
import { site } from '@/lib/config/site';
import { getArticle, getPublishedArticles } from '@/lib/content/queries';

/** Only the slugs built here exist: any other address is a 404, never a file-system lookup. */
export const dynamicParams = false;

export async function generateStaticParams() {
  const articles = await getPublishedArticles();
  return articles.map((article) => ({ slug: article.slug }));
}

export async function generateMetadata({ params }: PageProps<'/article/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.description,
    authors: article.authors.map((author) => ({ name: author.name })),
  };
}

export default async function ArticlePage({ params }: PageProps<'/article/[slug]'>) {
  const { slug } = await params;
  const article = await getArticle(slug);
  if (!article) notFound();
  return <ArticleView article={article} adsEnabled={site.adsEnabled} />;
}
