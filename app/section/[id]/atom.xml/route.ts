import { getSections } from '@/lib/content/queries';
import { sectionFeedResponse } from '@/lib/seo/feedResponses';

export const dynamic = 'force-static';
/** Regenerated at most once a second, like the pages (see app/layout.tsx). */
export const revalidate = 1;

export async function generateStaticParams() {
  return (await getSections()).map((section) => ({ id: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/section/[id]/atom.xml'>) {
  return sectionFeedResponse('atom', (await params).id);
}
