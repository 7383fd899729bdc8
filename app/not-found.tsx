import type { Metadata } from 'next';
import Link from 'next/link';
import { PageFrame } from '@/components/site/PageFrame';
import { StoryList } from '@/components/story/StoryList';
import { getPublishedArticles, getSections } from '@/lib/content/queries';

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
};

/** Served with status 404 for every address the site does not have. */
export default async function NotFound() {
  const [sections, articles] = await Promise.all([getSections(), getPublishedArticles()]);
  return (
    <PageFrame sections={sections}>
      <div className="page page--not-found">
        <h1 className="page__title">We couldn’t find that story</h1>
        <p>The page may have moved, or the address may be mistyped.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </div>
      <section className="not-found__latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="block-heading">
          Latest stories
        </h2>
        <StoryList articles={articles.slice(0, 6)} headingLevel={3} />
      </section>
    </PageFrame>
  );
}
