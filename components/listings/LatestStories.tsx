import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/site/PageFrame';
import { ArticleListPage } from '@/components/story/ArticleListPage';
import { getPublishedArticles, getSections } from '@/lib/content/queries';
import { paginate } from '@/lib/lists/paginate';
import { latestPath } from '@/lib/urls';

type Props = { page: number };

/** Every published story, newest first, 20 a page: the archive behind the front page. */
export async function LatestStories({ page }: Props) {
  const [sections, articles] = await Promise.all([getSections(), getPublishedArticles()]);
  const current = paginate(articles, page);
  if (!current) notFound();
  return (
    <PageFrame sections={sections}>
      <ArticleListPage
        title="Latest news"
        breadcrumbs={[
          { name: 'Home', href: '/' },
          { name: 'Latest news', href: latestPath },
        ]}
        listPath={latestPath}
        page={current}
      />
    </PageFrame>
  );
}
