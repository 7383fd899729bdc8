import { StoryCard } from '@/components/story/StoryCard';
import { site } from '@/lib/config/site';
import { getPublishedArticles } from '@/lib/content/queries';

export default async function FrontPage() {
  const articles = await getPublishedArticles();
  return (
    <div className="front">
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      <ol className="story-list">
        {articles.map((article) => (
          <li key={article.slug}>
            <StoryCard article={article} />
          </li>
        ))}
      </ol>
    </div>
  );
}
