import { getSections } from '@/lib/content/queries';
import { sectionFeedResponse } from '@/lib/seo/feedResponses';

export const dynamic = 'force-static';

export async function generateStaticParams() {
  return (await getSections()).map((section) => ({ id: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/section/[id]/atom.xml'>) {
  return sectionFeedResponse('atom', (await params).id);
}
