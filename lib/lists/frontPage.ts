import type { Article, Section } from '../content/types';

export type FrontPageLayout = {
  lead?: Article;
  latest: Article[];
  sectionBlocks: { section: Section; articles: Article[] }[];
};

const LATEST_COUNT = 8;
const SECTION_BLOCK_COUNT = 4;

/**
 * The front page: the newest story with a photo leads (the newest of all when none has one),
 * then the latest stories, then a block per section in navigation order with its newest
 * stories. The lead is not repeated below; sections with no stories are left out.
 */
export function frontPageLayout(articles: readonly Article[], sections: readonly Section[]): FrontPageLayout {
  const lead = articles.find((article) => article.image) ?? articles[0];
  const rest = articles.filter((article) => article !== lead);
  return {
    lead,
    latest: rest.slice(0, LATEST_COUNT),
    sectionBlocks: sections
      .map((section) => ({
        section,
        articles: rest.filter((article) => article.section.id === section.id).slice(0, SECTION_BLOCK_COUNT),
      }))
      .filter((block) => block.articles.length > 0),
  };
}
