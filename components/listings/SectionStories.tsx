import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/site/PageFrame';
import { ArticleListPage } from '@/components/story/ArticleListPage';
import { getSection, getSectionArticles, getSections } from '@/lib/content/queries';
import { paginate } from '@/lib/lists/paginate';
import { sectionPath } from '@/lib/urls';

type Props = { id: string; page: number };

/** A section's front: its description and its stories, newest first, 20 a page. */
export async function SectionStories({ id, page }: Props) {
  const [sections, section, articles] = await Promise.all([getSections(), getSection(id), getSectionArticles(id)]);
  const current = section ? paginate(articles, page) : undefined;
  if (!section || !current) notFound();
  return (
    <PageFrame sections={sections} currentSectionId={section.id}>
      <ArticleListPage
        title={section.name}
        intro={<div className="list-page__intro" dangerouslySetInnerHTML={{ __html: section.descriptionHtml }} />}
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
