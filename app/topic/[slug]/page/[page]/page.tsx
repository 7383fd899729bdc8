import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TopicStories } from '@/components/listings/TopicStories';
import { countPrerendered, getTopic, getTopicsToPrerender } from '@/lib/content/queries';
import { extraPageNumbers, parsePageSegment } from '@/lib/lists/paginate';
import { topicMetadata } from '@/lib/seo/listMetadata';
import { routeSegment } from '@/lib/urls';

export async function generateStaticParams() {
  const topics = await getTopicsToPrerender();
  const params = await Promise.all(
    topics.map(async (topic) =>
      extraPageNumbers(await countPrerendered(topic.articles)).map((page) => ({ slug: topic.slug, page: String(page) })),
    ),
  );
  return params.flat();
}

export async function generateMetadata({ params }: PageProps<'/topic/[slug]/page/[page]'>): Promise<Metadata> {
  const { slug, page } = await params;
  const topic = await getTopic(routeSegment(slug));
  const number = parsePageSegment(page);
  return topic && number ? topicMetadata(topic, number) : {};
}

export default async function TopicPageN({ params }: PageProps<'/topic/[slug]/page/[page]'>) {
  const { slug, page } = await params;
  const number = parsePageSegment(page);
  if (number === undefined) notFound();
  return <TopicStories slug={routeSegment(slug)} page={number} />;
}
