import type { Article, Section } from '../content/types';

export type FrontPageLayout = {
  lead?: Article;
  /** The next newest stories, under the lead. */
  topStories: Article[];
  latest: Article[];
  sectionBlocks: { section: Section; articles: Article[] }[];
};

const TOP_STORY_COUNT = 2;
const LATEST_COUNT = 8;
const SECTION_BLOCK_COUNT = 4;

/**
 * The front page: the newest story with a photo leads (the newest of all when none has one),
 * with the next two newest stories under it, then the latest stories beside them, then a block
 * per section in navigation order with its newest stories. A story shown at the top is not
 * repeated below it; sections with no stories are left out.
 */
export function frontPageLayout(articles: readonly Article[], sections: readonly Section[]): FrontPageLayout {
  const lead = articles.find((article) => article.image) ?? articles[0];
  const rest = articles.filter((article) => article !== lead);
  const topStories = rest.slice(0, TOP_STORY_COUNT);
  const below = rest.slice(TOP_STORY_COUNT);
  return {
    lead,
    topStories,
    latest: below.slice(0, LATEST_COUNT),
    sectionBlocks: sections
      .map((section) => ({
        section,
        articles: below.filter((article) => article.section.id === section.id).slice(0, SECTION_BLOCK_COUNT),
      }))
      .filter((block) => block.articles.length > 0),
  };
}
