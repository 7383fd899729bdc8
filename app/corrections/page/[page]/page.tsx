import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CorrectionsColumn } from '@/components/listings/CorrectionsColumn';
import { getCorrections } from '@/lib/content/queries';
import { extraPageNumbers, parsePageSegment } from '@/lib/lists/paginate';
import { correctionsMetadata } from '@/lib/seo/listMetadata';

export async function generateStaticParams() {
  return extraPageNumbers((await getCorrections()).length).map((page) => ({ page: String(page) }));
}

export async function generateMetadata({
  params,
}: PageProps<'/corrections/page/[page]'>): Promise<Metadata> {
  const number = parsePageSegment((await params).page);
  return number ? correctionsMetadata(number) : {};
}

export default async function CorrectionsPageN({ params }: PageProps<'/corrections/page/[page]'>) {
  const number = parsePageSegment((await params).page);
  if (number === undefined) notFound();
  return <CorrectionsColumn page={number} />;
}
