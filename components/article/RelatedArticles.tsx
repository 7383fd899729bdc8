import { StoryList } from '@/components/story/StoryList';
import type { Article } from '@/lib/content/types';

type Props = { articles: readonly Article[] };

/** "More on this story" at the foot of an article. */
export function RelatedArticles({ articles }: Props) {
  if (articles.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="block-heading">
        More on this story
      </h2>
      <StoryList articles={articles} headingLevel={3} />
    </section>
  );
}
