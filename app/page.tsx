import type { Metadata } from 'next';
import { Fragment } from 'react';
import { AdSlot } from '@/components/ads/AdSlot';
import { JsonLd } from '@/components/seo/JsonLd';
import { PageFrame } from '@/components/site/PageFrame';
import { StoryCard } from '@/components/story/StoryCard';
import { StoryList } from '@/components/story/StoryList';
import { site } from '@/lib/config/site';
import { getArticlesFor, getSections } from '@/lib/content/queries';
import { audienceOf, previewMode } from '@/lib/preview/audience';
import { SECTIONS_BETWEEN_FRONT_ADS } from '@/lib/ads/placeAdSlots';
import { frontPageLayout } from '@/lib/lists/frontPage';
import { webSiteJsonLd } from '@/lib/seo/jsonLd';
import { pageMetadata } from '@/lib/seo/pageMetadata';
import { latestPath, sectionPath } from '@/lib/urls';

export const metadata: Metadata = pageMetadata({
  title: `${site.name}: ${site.tagline}`,
  absoluteTitle: true,
  description: `The latest news from ${site.name}: China, the world, the economy, technology and science.`,
  path: '/',
});

export default async function FrontPage() {
  // Published stories; an editor previewing sees drafts and scheduled ones in place too.
  const mode = await previewMode();
  const [sections, articles] = await Promise.all([getSections(), getArticlesFor(audienceOf(mode))]);
  const { lead, topStories, latest, sectionBlocks } = frontPageLayout(articles, sections);
  return (
    <PageFrame sections={sections} preview={{ mode }}>
      <div className="front">
        <JsonLd data={webSiteJsonLd()} />
        <h1 className="visually-hidden">{site.name}: the latest news</h1>
        {lead ? (
          <div className="front__top">
            <div className="front__main">
              <section className="front__lead" aria-label="Top story">
                <StoryCard article={lead} variant="lead" />
              </section>
              {topStories.length > 0 && (
                <section className="front__more" aria-label="More top stories">
                  <StoryList articles={topStories} variant="top" />
                </section>
              )}
            </div>
            {latest.length > 0 && (
              <section className="front__latest" aria-labelledby="latest-heading">
                <h2 id="latest-heading" className="block-heading">
                  <a href={latestPath}>Latest</a>
                </h2>
                <StoryList articles={latest} headingLevel={3} variant="compact" />
                <p className="block-more">
                  <a href={latestPath}>All the latest news</a>
                </p>
              </section>
            )}
          </div>
        ) : (
          <p>No stories have been published yet.</p>
        )}
        {sectionBlocks.map(({ section, articles: sectionArticles }, index) => (
          <Fragment key={section.id}>
            {site.adsEnabled && index > 0 && index % SECTIONS_BETWEEN_FRONT_ADS === 0 && (
              <AdSlot kind="in-list" position={index / SECTIONS_BETWEEN_FRONT_ADS} />
            )}
            <section className="front__section" aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`} className="block-heading">
                <a href={sectionPath(section.id)}>{section.name}</a>
              </h2>
              <StoryList articles={sectionArticles} headingLevel={3} />
            </section>
          </Fragment>
        ))}
      </div>
    </PageFrame>
  );
}
