import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { SearchView } from '@/components/search/SearchView';
import { PageFrame } from '@/components/site/PageFrame';
import { getPublishedArticles, getSections } from '@/lib/content/queries';
import { searchArticles } from '@/lib/search/siteSearch';
import { searchMetadata } from '@/lib/seo/listMetadata';

/** Rendered on each request: every query is its own page, so there is nothing to build ahead. */
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

/** How many of the latest stories a search that found nothing offers instead. */
const LATEST_WHEN_NOTHING_FOUND = 5;

/** The address's search params as one string: the key under which one request searches once. */
function paramsKey(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value ?? []].flat()) query.append(name, item);
  }
  return query.toString();
}

function paramsFromKey(key: string): SearchParams {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(key)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [seen, value].flat();
  }
  return params;
}

/** The metadata and the page both need the results: one search per request. */
const search = cache((key: string) => searchArticles(paramsFromKey(key)));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const results = await search(paramsKey(await searchParams));
  return searchMetadata(results.request);
}

export default async function SearchPage({ searchParams }: Props) {
  const [results, sections, articles] = await Promise.all([
    searchParams.then((params) => search(paramsKey(params))),
    getSections(),
    getPublishedArticles(),
  ]);
  // Past the last page; a search that found nothing has an (empty) page 1, shown as the
  // no-results page.
  if (!results.page) notFound();
  return (
    <PageFrame sections={sections}>
      <SearchView
        results={results}
        sections={sections}
        latest={articles.slice(0, LATEST_WHEN_NOTHING_FOUND)}
      />
    </PageFrame>
  );
}
