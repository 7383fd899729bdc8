import { latestPath, searchPath } from '@/lib/urls';

/**
 * The boundary a route's `notFound()` (an unknown article, topic or author) leaves in the React
 * payload of every page. Readers are served the whole not-found page instead
 * (app/global-not-found.tsx, put in on the server by `lib/http/notFoundShell.ts`); this is what
 * shows only if that fails, so it is kept to a heading and three links.
 */
export default function NotFound() {
  return (
    <main id="main" className="page page--not-found">
      <h1 className="page__title">We couldn’t find that story</h1>
      <p>
        Try <a href={searchPath()}>searching for it</a>, or go to <a href="/">the front page</a> or{' '}
        <a href={latestPath}>the latest news</a>.
      </p>
    </main>
  );
}
