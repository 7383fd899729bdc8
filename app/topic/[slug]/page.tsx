import type { Metadata } from 'next';
import { TopicStories } from '@/components/listings/TopicStories';
import { getTopic, getTopics } from '@/lib/content/queries';
import { routeSegment } from '@/lib/urls';

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getTopics()).map((topic) => ({ slug: topic.slug }));
}

export async function generateMetadata({ params }: PageProps<'/topic/[slug]'>): Promise<Metadata> {
  const topic = await getTopic(routeSegment((await params).slug));
  return topic ? { title: `${topic.name}: latest news` } : {};
}

export default async function TopicPage({ params }: PageProps<'/topic/[slug]'>) {
  return <TopicStories slug={routeSegment((await params).slug)} page={1} />;
}
