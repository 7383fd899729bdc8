import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/site/PageFrame';
import { ArticleListPage } from '@/components/story/ArticleListPage';
import { getSections, getTopic } from '@/lib/content/queries';
import { paginate } from '@/lib/lists/paginate';
import { topicPath, topicsPath } from '@/lib/urls';

type Props = { slug: string; page: number };

/** Every published story tagged with a topic, newest first, 20 a page. */
export async function TopicStories({ slug, page }: Props) {
  const [sections, topic] = await Promise.all([getSections(), getTopic(slug)]);
  const current = topic ? paginate(topic.articles, page) : undefined;
  if (!topic || !current) notFound();
  return (
    <PageFrame sections={sections}>
      <ArticleListPage
        title={topic.name}
        intro={<p className="list-page__intro">Every story we have published on this topic, newest first.</p>}
        breadcrumbs={[
          { name: 'Home', href: '/' },
          { name: 'Topics', href: topicsPath },
          { name: topic.name, href: topicPath(topic.slug) },
        ]}
        listPath={topicPath(topic.slug)}
        page={current}
      />
    </PageFrame>
  );
}
