import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/site/PageFrame';
import { ArticleListPage } from '@/components/story/ArticleListPage';
import { getSection, getSectionArticlesFor, getSections } from '@/lib/content/queries';
import { audienceOf, previewMode } from '@/lib/preview/audience';
import { paginate } from '@/lib/lists/paginate';
import { sectionPath } from '@/lib/urls';

type Props = { id: string; page: number };

/**
 * A section's front: its description and its stories, newest first, 20 a page (with drafts and
 * scheduled stories, marked, for an editor previewing).
 */
export async function SectionStories({ id, page }: Props) {
  const mode = await previewMode();
  const [sections, section, articles] = await Promise.all([
    getSections(),
    getSection(id),
    getSectionArticlesFor(id, audienceOf(mode)),
  ]);
  const current = section ? paginate(articles, page) : undefined;
  if (!section || !current) notFound();
  return (
    <PageFrame sections={sections} currentSectionId={section.id} preview={{ mode }}>
      <ArticleListPage
        title={section.name}
        intro={
          <div
            className="list-page__intro"
            dangerouslySetInnerHTML={{ __html: section.descriptionHtml }}
          />
        }
        breadcrumbs={[
          { name: 'Home', href: '/' },
          { name: section.name, href: sectionPath(section.id) },
        ]}
        listPath={sectionPath(section.id)}
        page={current}
      />
    </PageFrame>
  );
}
