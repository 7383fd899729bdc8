import { HistoryLink } from '@/components/history/HistoryLink';
import { PhotoFigure } from '@/components/media/PhotoFigure';
import { absoluteUrl, site } from '@/lib/config/site';
import type { Article, ArticleBody as ArticleBodyData } from '@/lib/content/types';
import { articlePath } from '@/lib/urls';
import { ArticleBody } from './ArticleBody';
import { ArticleDates } from './ArticleDates';
import { Corrections } from './Corrections';
import { Byline } from './Byline';
import { ReadingTime } from './ReadingTime';
import { SectionLabel } from './SectionLabel';
import { ShareLinks } from './ShareLinks';
import { Summary } from './Summary';
import { TopicLinks } from './TopicLinks';
import { TrustLink } from './TrustLink';

type Props = {
  article: Article;
  /** The article's body (`getArticleBody`). */
  body: ArticleBodyData;
  /** Ads switched off site-wide (`NEXT_PUBLIC_ADS=off`) or for this page. */
  adsEnabled: boolean;
  /** Whether the article has more than one public revision, so its history is worth a link. */
  hasHistory?: boolean;
};

/** A full article, top to bottom, in the shape of a major newspaper's article page. */
export function ArticleView({ article, body, adsEnabled, hasHistory = false }: Props) {
  const adSlotsAfter = adsEnabled ? body.adSlotsAfter : [];
  const url = absoluteUrl(articlePath(article.slug));
  return (
    <article className="article">
      <header className="article__header">
        <SectionLabel section={article.section} />
        <h1 className="article__headline">{article.title}</h1>
        <Summary points={article.summary} />
      </header>
      <div className="article__meta">
        <Byline authors={article.authors} location={article.location} />
        <ArticleDates
          publishedAt={article.publishedAt}
          updatedAt={article.updatedAt}
          timeZone={site.timeZone}
        />
        <HistoryLink slug={article.slug} show={hasHistory} />
        <ReadingTime minutes={body.readingTimeMinutes} />
        <TrustLink siteName={site.name} standardsPath={site.standardsPath} />
        <ShareLinks title={article.title} url={url} />
      </div>
      {article.image && (
        <PhotoFigure photo={article.image} isHero sizes="(min-width: 1000px) 960px, 100vw" />
      )}
      <ArticleBody blocks={body.blocks} adSlotsAfter={adSlotsAfter} />
      <Corrections corrections={article.corrections} timeZone={site.timeZone} />
      <footer className="article__footer">
        <TopicLinks topics={article.topics} />
        {/* Shown only in print (article.css), where it says where the story lives. */}
        <p className="article__address">Read online: {url}</p>
      </footer>
    </article>
  );
}
