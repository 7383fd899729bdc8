import type { Metadata } from 'next';
import { SearchForm } from '@/components/search/SearchForm';
import { PageFrame } from '@/components/site/PageFrame';
import { getSections } from '@/lib/content/queries';
import { latestPath } from '@/lib/urls';

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
};

/**
 * Served with status 404 for every address the site does not have: a way to search for the
 * story, or to the front page and the latest news. Kept small on purpose: Next serializes the
 * root not-found page into the React payload of every page, so whatever it holds every reader
 * downloads with every story.
 */
export default async function NotFound() {
  const sections = await getSections();
  return (
    <PageFrame sections={sections}>
      <div className="page page--not-found">
        <h1 className="page__title">We couldn’t find that story</h1>
        <p>The page may have moved, or the address may be mistyped. Search for it:</p>
        <SearchForm variant="page" />
        <p>
          Or go to <a href="/">the front page</a> or <a href={latestPath}>the latest news</a>.
        </p>
      </div>
    </PageFrame>
  );
}
