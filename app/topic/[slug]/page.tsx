import type { Metadata } from 'next';
import { TopicStories } from '@/components/listings/TopicStories';
import { getTopic, getTopics } from '@/lib/content/queries';
import { topicMetadata } from '@/lib/seo/listMetadata';
import { routeSegment } from '@/lib/urls';

export async function generateStaticParams() {
  return (await getTopics()).map((topic) => ({ slug: topic.slug }));
}

export async function generateMetadata({ params }: PageProps<'/topic/[slug]'>): Promise<Metadata> {
  const topic = await getTopic(routeSegment((await params).slug));
  return topic ? topicMetadata(topic, 1) : {};
}

export default async function TopicPage({ params }: PageProps<'/topic/[slug]'>) {
  return <TopicStories slug={routeSegment((await params).slug)} page={1} />;
}
