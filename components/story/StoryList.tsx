import type { Article } from '@/lib/content/types';
import { StoryCard } from './StoryCard';

type Props = {
  articles: readonly Article[];
  headingLevel?: 2 | 3;
  variant?: 'top' | 'standard' | 'compact';
};

/** A grid of story cards, in the order given. */
export function StoryList({ articles, headingLevel = 2, variant = 'standard' }: Props) {
  return (
    <ol className={`story-list story-list--${variant}`}>
      {articles.map((article) => (
        <li key={article.slug}>
          <StoryCard article={article} headingLevel={headingLevel} variant={variant} />
        </li>
      ))}
    </ol>
  );
}
