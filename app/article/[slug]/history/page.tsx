import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleHistory } from '@/components/history/ArticleHistory';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { PageFrame } from '@/components/site/PageFrame';
import { site } from '@/lib/config/site';
import { getArticle, getAuthors, getSections } from '@/lib/content/queries';
import { getArticleHistory } from '@/lib/history/articleHistory';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { articleHistoryPath, articlePath, sectionPath } from '@/lib/urls';

/**
 * Rendered on each request: the history comes from the Git repository the site is served from
 * and is cached by its HEAD commit, so commits pulled onto a running server show at once.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  return pageMetadata({
    title: `How this article changed: ${article.title}`,
    description: `Every public revision of “${article.title}”, newest first, with what changed.`,
    path: articleHistoryPath(article.slug),
    section: article.section,
    // Every revision's text, so near-duplicates of the story: search engines should list the
    // story itself, not this page.
    noindex: true,
  });
}

export default async function ArticleHistoryPage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const [sections, authors] = await Promise.all([getSections(), getAuthors()]);
  const names = new Map(authors.map((author) => [author.id, author.name]));
  const history = await getArticleHistory(article, { authorNames: (id) => names.get(id) });
  const trail = [
    { name: 'Home', href: '/' },
    { name: article.section.name, href: sectionPath(article.section.id) },
    { name: article.title, href: articlePath(article.slug) },
    { name: 'How it changed', href: articleHistoryPath(article.slug) },
  ];
  return (
    <PageFrame sections={sections} currentSectionId={article.section.id} ads={false}>
      <div className="article-page">
        <Breadcrumbs trail={trail} />
        <ArticleHistory article={article} history={history} timeZone={site.timeZone} />
      </div>
    </PageFrame>
  );
}
