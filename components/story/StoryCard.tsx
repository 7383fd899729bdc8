import { SiteImage } from '@/components/media/SiteImage';
import { PreviewLabel } from '@/components/preview/PreviewLabel';
import { BREAKPOINTS } from '@/lib/config/breakpoints';
import { site } from '@/lib/config/site';
import type { Article } from '@/lib/content/types';
import { formatDateTime } from '@/lib/format/formatDateTime';
import { articlePath, sectionPath } from '@/lib/urls';

type Props = {
  article: Article;
  /**
   * `lead` is the front page's top story: a large photo and the full summary. `top` is one of
   * the two stories under it, side by side from the tablet width. `compact` has no photo and
   * no standfirst.
   */
  variant?: 'lead' | 'top' | 'standard' | 'compact';
  /** The heading level that fits the page's outline. */
  headingLevel?: 2 | 3;
};

/** The width each variant's photo is shown at, for the browser to choose from the srcset. */
const IMAGE_SIZES = {
  // Two thirds of the page's width less the gap, from 640 px at the desktop width to 811 px at 1,280 px and over.
  lead: `(min-width: ${BREAKPOINTS.desktop}px) min(calc(66.67vw - 2rem), 811px), 100vw`,
  // Half the lead's column: up to 390 px on a desktop, half the screen on a tablet.
  top: `(min-width: ${BREAKPOINTS.desktop}px) min(calc(33.33vw - 2rem), 390px), (min-width: ${BREAKPOINTS.tablet}px) calc(50vw - 2rem), 100vw`,
  standard: `(min-width: ${BREAKPOINTS.tablet}px) 320px, 100vw`,
  compact: undefined,
} as const;

/** One story in a list: section, headline, standfirst, time and a thumbnail where there is a photo. */
export function StoryCard({ article, variant = 'standard', headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isLead = variant === 'lead';
  return (
    <article className={`story-card story-card--${variant}`}>
      {article.image && variant !== 'compact' && (
        <SiteImage
          className="story-card__image"
          src={article.image.src}
          alt={article.image.alt}
          width={article.image.width}
          height={article.image.height}
          sizes={IMAGE_SIZES[variant]}
          preload={isLead}
        />
      )}
      <div className="story-card__text">
        <PreviewLabel article={article} />
        <p className="story-card__section">
          <a href={sectionPath(article.section.id)}>
            {article.section.name}
          </a>
        </p>
        <Heading className="story-card__headline">
          <a href={articlePath(article.slug)}>
            {article.title}
          </a>
        </Heading>
        {isLead ? (
          <ul className="story-card__summary">
            {article.summary.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        ) : (
          variant !== 'compact' && <p className="story-card__standfirst">{article.description}</p>
        )}
        <p className="story-card__time">
          <time dateTime={article.publishedAt.iso}>
            {formatDateTime(article.publishedAt, site.timeZone)}
          </time>
        </p>
      </div>
    </article>
  );
}
