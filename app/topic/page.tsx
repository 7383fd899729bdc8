import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { PageFrame } from '@/components/site/PageFrame';
import { site } from '@/lib/config/site';
import { getSections, getTopics } from '@/lib/content/queries';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { topicPath, topicsPath } from '@/lib/urls';

export const metadata: Metadata = pageMetadata({
  title: 'Topics',
  description: `Every topic ${site.name} covers, A to Z.`,
  path: topicsPath,
});

/** Every topic with published stories, A to Z. */
export default async function TopicsIndexPage() {
  const [sections, topics] = await Promise.all([getSections(), getTopics()]);
  const sorted = [...topics].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return (
    <PageFrame sections={sections}>
      <div className="list-page">
        <Breadcrumbs
          trail={[
            { name: 'Home', href: '/' },
            { name: 'Topics', href: topicsPath },
          ]}
        />
        <h1 className="list-page__title">Topics</h1>
        <ul className="topic-index">
          {sorted.map((topic) => (
            <li key={topic.slug}>
              <a href={topicPath(topic.slug)}>{topic.name}</a>{' '}
              <span className="topic-index__count">
                ({topic.articles.length} {topic.articles.length === 1 ? 'story' : 'stories'})
              </span>
            </li>
          ))}
        </ul>
      </div>
    </PageFrame>
  );
}
