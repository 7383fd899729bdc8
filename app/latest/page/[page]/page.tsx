import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LatestStories } from '@/components/listings/LatestStories';
import { countPrerendered, getPublishedArticles } from '@/lib/content/queries';
import { extraPageNumbers, parsePageSegment } from '@/lib/lists/paginate';
import { latestMetadata } from '@/lib/seo/listMetadata';

export async function generateStaticParams() {
  return extraPageNumbers(await countPrerendered(await getPublishedArticles())).map((page) => ({ page: String(page) }));
}

export async function generateMetadata({ params }: PageProps<'/latest/page/[page]'>): Promise<Metadata> {
  const number = parsePageSegment((await params).page);
  return number ? latestMetadata(number) : {};
}

export default async function LatestPageN({ params }: PageProps<'/latest/page/[page]'>) {
  const number = parsePageSegment((await params).page);
  if (number === undefined) notFound();
  return <LatestStories page={number} />;
}
