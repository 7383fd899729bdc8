import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/navigation/Breadcrumbs';
import { Pagination } from '@/components/navigation/Pagination';
import { PageFrame } from '@/components/site/PageFrame';
import { site } from '@/lib/config/site';
import { getCorrections, getSections } from '@/lib/content/queries';
import { formatDateTime } from '@/lib/format/formatDateTime';
import { paginate } from '@/lib/lists/paginate';
import { correctionLabel } from '@/lib/format/correctionLabel';
import { articlePath, correctionsPath } from '@/lib/urls';

type Props = { page: number };

const TITLE = 'Corrections and clarifications';

/** Every correction and clarification on a published story, newest first, 20 a page. */
export async function CorrectionsColumn({ page }: Props) {
  const [sections, corrections] = await Promise.all([getSections(), getCorrections()]);
  const current = paginate(corrections, page);
  if (!current) notFound();
  return (
    <PageFrame sections={sections}>
      <div className="list-page">
        <Breadcrumbs
          trail={[
            { name: 'Home', href: '/' },
            { name: TITLE, href: correctionsPath },
          ]}
        />
        <header className="list-page__header">
          <h1 className="list-page__title">
            {TITLE}
            {current.page > 1 && <span className="list-page__page">, page {current.page}</span>}
          </h1>
          <p className="list-page__intro">
            When we get something wrong we correct it, and say so under the story. This page
            collects those notes, newest first.{' '}
            <a href={site.standardsPath}>
              Read how we handle corrections in our editorial standards
            </a>
            .
          </p>
        </header>
        {current.items.length > 0 ? (
          <ol className="corrections-list">
            {current.items.map(({ article, correction }, index) => (
              <li
                key={`${article.slug}-${correction.date.epochMs}-${index}`}
                className={`correction correction--${correction.kind}`}
              >
                <p className="correction__heading">
                  <strong className="correction__kind">{correctionLabel(correction.kind)}</strong>{' '}
                  <time className="correction__date" dateTime={correction.date.iso}>
                    {formatDateTime(correction.date, site.timeZone)}
                  </time>
                </p>
                <h2 className="corrections-list__headline">
                  <a href={articlePath(article.slug)}>{article.title}</a>
                </h2>
                <p className="correction__text">{correction.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="list-page__empty">No corrections yet.</p>
        )}
        <Pagination
          listPath={correctionsPath}
          page={current.page}
          totalPages={current.totalPages}
          items="corrections"
        />
      </div>
    </PageFrame>
  );
}
