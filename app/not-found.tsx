import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page page--not-found">
      <h1 className="page__title">We couldn’t find that story</h1>
      <p>The page may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
