import { notFound } from 'next/navigation';
import { getSection, getSectionArticles, getSections } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { atomFeed, sectionFeedChannel } from '@/lib/seo/feeds';

export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getSections()).map((section) => ({ id: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/section/[id]/atom.xml'>) {
  const { id } = await params;
  const section = await getSection(id);
  if (!section) notFound();
  const articles = await getSectionArticles(id);
  return xmlResponse(atomFeed(sectionFeedChannel(section), articles), 'application/atom+xml');
}
