import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SectionStories } from '@/components/listings/SectionStories';
import { countPrerendered, getSection, getSectionArticles, getSections } from '@/lib/content/queries';
import { extraPageNumbers, parsePageSegment } from '@/lib/lists/paginate';
import { sectionMetadata } from '@/lib/seo/listMetadata';

export async function generateStaticParams() {
  const sections = await getSections();
  const params = await Promise.all(
    sections.map(async (section) =>
      extraPageNumbers(await countPrerendered(await getSectionArticles(section.id))).map((page) => ({ id: section.id, page: String(page) })),
    ),
  );
  return params.flat();
}

export async function generateMetadata({ params }: PageProps<'/section/[id]/page/[page]'>): Promise<Metadata> {
  const { id, page } = await params;
  const section = await getSection(id);
  const number = parsePageSegment(page);
  return section && number ? sectionMetadata(section, number) : {};
}

export default async function SectionPageN({ params }: PageProps<'/section/[id]/page/[page]'>) {
  const { id, page } = await params;
  const number = parsePageSegment(page);
  if (number === undefined) notFound();
  return <SectionStories id={id} page={number} />;
}
