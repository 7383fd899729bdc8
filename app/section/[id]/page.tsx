import type { Metadata } from 'next';
import { SectionStories } from '@/components/listings/SectionStories';
import { getSection, getSections } from '@/lib/content/queries';
import { sectionMetadata } from '@/lib/seo/listMetadata';

export async function generateStaticParams() {
  return (await getSections()).map((section) => ({ id: section.id }));
}

export async function generateMetadata({ params }: PageProps<'/section/[id]'>): Promise<Metadata> {
  const section = await getSection((await params).id);
  return section ? sectionMetadata(section, 1) : {};
}

export default async function SectionPage({ params }: PageProps<'/section/[id]'>) {
  return <SectionStories id={(await params).id} page={1} />;
}
