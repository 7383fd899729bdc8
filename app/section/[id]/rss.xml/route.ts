import { notFound } from 'next/navigation';
import { getSection, getSectionArticles, getSections } from '@/lib/content/queries';
import { xmlResponse } from '@/lib/http/responses';
import { rssFeed, sectionFeedChannel } from '@/lib/seo/feeds';

export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getSections()).map((section) => ({ id: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/section/[id]/rss.xml'>) {
  const { id } = await params;
  const section = await getSection(id);
  if (!section) notFound();
  const articles = await getSectionArticles(id);
  return xmlResponse(rssFeed(sectionFeedChannel(section), articles), 'application/rss+xml');
}
