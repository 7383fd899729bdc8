import { SiteImage } from '@/components/media/SiteImage';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/JsonLd';
import { PageFrame } from '@/components/site/PageFrame';
import { ArticleListPage } from '@/components/story/ArticleListPage';
import { getAuthor, getAuthorArticles, getSections } from '@/lib/content/queries';
import { paginate } from '@/lib/lists/paginate';
import { profilePageJsonLd } from '@/lib/seo/jsonLd';
import { authorPath } from '@/lib/urls';

type Props = { id: string; page: number };

/** An author's profile (name, role, portrait, biography) and their stories, newest first. */
export async function AuthorStories({ id, page }: Props) {
  const [sections, author, articles] = await Promise.all([getSections(), getAuthor(id), getAuthorArticles(id)]);
  const current = author ? paginate(articles, page) : undefined;
  if (!author || !current) notFound();
  return (
    <PageFrame sections={sections}>
      {/* The profile itself is on the first page; later pages list older stories only. */}
      {page === 1 && <JsonLd data={profilePageJsonLd(author)} />}
      <ArticleListPage
        title={author.name}
        intro={
          <div className="author-profile">
            {author.avatar && (
              <SiteImage
                className="author-profile__portrait"
                src={author.avatar.src}
                alt={author.avatar.alt}
                width={96}
                height={Math.round((96 * author.avatar.height) / author.avatar.width)}
              />
            )}
            <div>
              {author.role && <p className="author-profile__role">{author.role}</p>}
              <div className="author-profile__bio" dangerouslySetInnerHTML={{ __html: author.bioHtml }} />
            </div>
          </div>
        }
        breadcrumbs={[
          { name: 'Home', href: '/' },
          { name: author.name, href: authorPath(author.id) },
        ]}
        listPath={authorPath(author.id)}
        page={current}
      />
    </PageFrame>
  );
}
