import type { Topic } from '@/lib/content/types';
import { topicPath } from '@/lib/urls';

type Props = { topics: readonly Topic[] };

/** The article's topics, each linking to its topic page. */
export function TopicLinks({ topics }: Props) {
  if (topics.length === 0) return null;
  return (
    <nav className="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading" className="topics__heading">
        Topics
      </h2>
      <ul className="topics__list">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <a href={topicPath(topic.slug)} rel="tag">
              {topic.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
