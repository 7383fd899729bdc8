import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/site/PageFrame';
import { ArticleListPage } from '@/components/story/ArticleListPage';
import { getArticlesFor, getSections } from '@/lib/content/queries';
import { audienceOf, previewMode } from '@/lib/preview/audience';
import { paginate } from '@/lib/lists/paginate';
import { latestPath } from '@/lib/urls';

type Props = { page: number };

/**
 * Every published story, newest first, 20 a page: the archive behind the front page (with
 * drafts and scheduled stories, marked, for an editor previewing).
 */
export async function LatestStories({ page }: Props) {
  const mode = await previewMode();
  const [sections, articles] = await Promise.all([getSections(), getArticlesFor(audienceOf(mode))]);
  const current = paginate(articles, page);
  if (!current) notFound();
  return (
    <PageFrame sections={sections} preview={{ mode }}>
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
