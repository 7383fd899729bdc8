import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { AdSlot } from '@/components/ads/AdSlot';
import { STORIES_BETWEEN_LIST_ADS } from '@/lib/ads/placeAdSlots';
import { site } from '@/lib/config/site';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { Pagination } from '@/components/navigation/Pagination';
import type { Article } from '@/lib/content/types';
import type { PageOf } from '@/lib/lists/paginate';
import type { Crumb } from '@/lib/seo/jsonLd';
import { StoryList } from './StoryList';

type Props = {
  title: string;
  /** Shown under the title on the first page only: a section's description, an author's bio. */
  intro?: ReactNode;
  breadcrumbs?: readonly Crumb[];
  listPath: string;
  page: PageOf<Article>;
};

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Any paginated list of stories: section, topic, author and latest-news pages. */
export function ArticleListPage({ title, intro, breadcrumbs, listPath, page }: Props) {
  return (
    <div className="list-page">
      {breadcrumbs && <Breadcrumbs trail={breadcrumbs} />}
      <header className="list-page__header">
        <h1 className="list-page__title">
          {title}
          {page.page > 1 && <span className="list-page__page">, page {page.page}</span>}
        </h1>
        {page.page === 1 && intro}
      </header>
      {page.items.length > 0 ? (
        chunk(page.items, STORIES_BETWEEN_LIST_ADS).map((stories, index) => (
          <Fragment key={stories[0]?.slug ?? index}>
            {index > 0 && site.adsEnabled && <AdSlot kind="in-list" position={index} />}
            <StoryList articles={stories} />
          </Fragment>
        ))
      ) : (
        <p className="list-page__empty">No stories yet.</p>
      )}
      <Pagination listPath={listPath} page={page.page} totalPages={page.totalPages} />
    </div>
  );
}
