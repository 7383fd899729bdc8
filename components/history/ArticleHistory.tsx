import type { Article } from '@/lib/content/types';
import { formatDateTime } from '@/lib/format/formatDateTime';
import type { ArticleHistory as History, PublicRevision } from '@/lib/history/articleHistory';
import { articlePath } from '@/lib/urls';
import { RevisionDiff } from './RevisionDiff';

type Props = {
  article: Pick<Article, 'slug' | 'title'>;
  history: History | 'unavailable';
  timeZone: string;
};

/** An article's public revisions, newest first: when each was made and what it changed. */
export function ArticleHistory({ article, history, timeZone }: Props) {
  return (
    <article className="article-history">
      <header className="article-history__header">
        <h1>How this article changed</h1>
        <p className="article-history__story">
          <a href={articlePath(article.slug)}>{article.title}</a>
        </p>
      </header>
      {history === 'unavailable' ? (
        <p className="article-history__note">
          This article&rsquo;s revision history is not available on this server.
        </p>
      ) : history.revisions.length === 0 ? (
        <p className="article-history__note">
          No public revisions of this article are recorded yet.
        </p>
      ) : (
        <>
          <p className="article-history__note">
            Newest first. Words removed in a revision are <del>struck through</del>; words added are{' '}
            <ins>underlined</ins>.
          </p>
          <ol className="article-history__revisions">
            {history.revisions.map((revision) => (
              <Revision key={revision.commit} revision={revision} timeZone={timeZone} />
            ))}
          </ol>
        </>
      )}
    </article>
  );
}

function Revision({ revision, timeZone }: { revision: PublicRevision; timeZone: string }) {
  return (
    <li className={`revision revision--${revision.kind}`}>
      <h2 className="revision__heading">
        {/* "Revised", not "Updated": the story's own "Updated" time is the one its editor
            gives for a change that matters to readers, and a revision may not be one. */}
        {revision.kind === 'first' ? 'First published' : 'Revised'}{' '}
        <time dateTime={revision.date.iso}>{formatDateTime(revision.date, timeZone)}</time>
      </h2>
      <dl className="revision__fields">
        {revision.fields.map((field) => (
          <div key={field.field} className="revision__field">
            <dt>{field.label}</dt>
            <dd>
              <RevisionDiff parts={field.parts} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
