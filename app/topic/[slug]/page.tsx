import type { Metadata } from 'next';
import { TopicStories } from '@/components/listings/TopicStories';
import { getTopic, getTopicsToPrerender } from '@/lib/content/queries';
import { topicMetadata } from '@/lib/seo/listMetadata';
import { routeSegment } from '@/lib/urls';

/** The topics of the newest articles are built ahead; any other is rendered on its first request. */
export async function generateStaticParams() {
  return (await getTopicsToPrerender()).map((topic) => ({ slug: topic.slug }));
}

export async function generateMetadata({ params }: PageProps<'/topic/[slug]'>): Promise<Metadata> {
  const topic = await getTopic(routeSegment((await params).slug));
  return topic ? topicMetadata(topic, 1) : {};
}

export default async function TopicPage({ params }: PageProps<'/topic/[slug]'>) {
  return <TopicStories slug={routeSegment((await params).slug)} page={1} />;
}
