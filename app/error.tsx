'use client';


type Props = {
  error: Error & { digest?: string };
  reset: () => void;
};

/** Shown when a page fails at run time: a plain apology and a way to try again. */
export default function ErrorPage({ reset }: Props) {
  return (
    <main id="main" className="page">
      <h1 className="page__title">Something went wrong</h1>
      <p>Sorry, this page could not be shown. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
        {' or '}
        <a href="/">go to the front page</a>.
      </p>
    </main>
  );
}
