import type { Correction } from '@/lib/content/types';
import { formatDateTime } from '@/lib/format/formatDateTime';
import { correctionLabel } from '@/lib/format/correctionLabel';

type Props = {
  /** Oldest first, as the article holds them. */
  corrections: readonly Correction[];
  timeZone: string;
};

/**
 * The article's corrections and clarifications, each labelled and dated, at the foot of the
 * story where newspapers print them. The text is plain text, never HTML.
 */
export function Corrections({ corrections, timeZone }: Props) {
  if (corrections.length === 0) return null;
  return (
    <section className="corrections" aria-label="Corrections and clarifications">
      <ul className="corrections__list">
        {corrections.map((correction, index) => (
          <li
            key={`${correction.date.epochMs}-${index}`}
            className={`correction correction--${correction.kind}`}
          >
            <p className="correction__heading">
              <strong className="correction__kind">{correctionLabel(correction.kind)}</strong>{' '}
              <time className="correction__date" dateTime={correction.date.iso}>
                {formatDateTime(correction.date, timeZone)}
              </time>
            </p>
            <p className="correction__text">{correction.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
