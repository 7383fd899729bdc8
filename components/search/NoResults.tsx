import { StoryList } from '@/components/story/StoryList';
import type { Article } from '@/lib/content/types';
import type { SearchRequest } from '@/lib/search/types';
import { searchPath } from '@/lib/urls';
import { SearchSuggestion } from './SearchSuggestion';

type Props = {
  request: SearchRequest;
  /** A corrected query to offer instead. */
  suggestion?: string;
  /** The newest stories, so the page still leads somewhere. */
  latest: readonly Article[];
};

/** What a search that found nothing shows: a spelling to try, ways to widen it, the latest news. */
export function NoResults({ request, suggestion, latest }: Props) {
  const filtered = Boolean(request.section || request.within);
  return (
    <>
      <div className="search-empty">
        {suggestion && <SearchSuggestion request={request} suggestion={suggestion} />}
        <p>You could try:</p>
        <ul>
          <li>checking the spelling</li>
          <li>fewer words, or more general ones</li>
          {filtered && (
            <li>
              <a href={searchPath({ q: request.q })}>
                searching every section, at any time
              </a>
            </li>
          )}
        </ul>
      </div>
      {latest.length > 0 && (
        <section className="search-page__latest" aria-labelledby="search-latest-heading">
          <h2 id="search-latest-heading" className="block-heading">
            Latest stories
          </h2>
          <StoryList articles={latest} headingLevel={3} />
        </section>
      )}
    </>
  );
}
