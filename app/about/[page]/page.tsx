import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/ArticleBody';
import { PageFrame } from '@/components/site/PageFrame';
import { getPage, getPages, getSections } from '@/lib/content/queries';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { pagePath } from '@/lib/urls';

export async function generateStaticParams() {
  const pages = await getPages();
  return pages.map((page) => ({ page: page.id }));
}

export async function generateMetadata({ params }: PageProps<'/about/[page]'>): Promise<Metadata> {
  const page = await getPage((await params).page);
  return page
    ? pageMetadata({ title: page.title, description: page.description ?? page.title, path: pagePath(page.id) })
    : {};
}

export default async function AboutPage({ params }: PageProps<'/about/[page]'>) {
  const page = await getPage((await params).page);
  if (!page) notFound();
  return (
    <PageFrame sections={await getSections()}>
      <article className="page">
        <h1 className="page__title">{page.title}</h1>
        <ArticleBody blocks={page.body} adSlotsAfter={[]} />
      </article>
    </PageFrame>
  );
}
