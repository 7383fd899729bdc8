/**
 * `npm run search -- <query>`: the site's search, from the command line, with its workings
 * shown: builds the index from content/ as the server does (published articles only, as of
 * now), then prints the ranked results with their scores and the index words each query word
 * matched. `npm run search -- --stats` prints what the index holds and how long it took.
 */
import { now as clockNow } from '../lib/config/clock';
import { ContentValidationError } from '../lib/content/errors';
import { getArticle } from '../lib/content/queries';
import { currentIndex } from '../lib/search/liveIndex';
import { parseQuery } from '../lib/search/searchRequest';

const args = process.argv.slice(2);
const query = args.filter((arg) => arg !== '--stats').join(' ');
if (!query && !args.includes('--stats')) {
  console.error('usage: npm run search -- <query>   or   npm run search -- --stats');
  process.exit(2);
}
const started = performance.now();
const index = await currentIndex().catch((error: unknown) => {
  if (error instanceof ContentValidationError) {
    console.error(`${error.message}\nFix content/ first (npm run content:check).`);
    process.exit(1);
  }
  throw error;
});
const builtMs = performance.now() - started;
if (args.includes('--stats')) {
  const stats = index.stats();
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `${stats.documents} published articles indexed in ${(builtMs / 1000).toFixed(1)} s: ${stats.words} words, ` +
      `${mb(stats.postingBytes)} MB of postings (${stats.removed} removed, awaiting compaction); heap ${mb(process.memoryUsage().heapUsed)} MB.`,
  );
}
if (query) {
  const now = clockNow();
  const parsed = parseQuery(query);
  const result = index.search({ terms: parsed.terms, accept: ({ publishedAt }) => publishedAt <= now, now, limit: 20 });
  for (const [term, words] of result.matchedTerms) console.log(`${term} → ${words.length > 0 ? words.join(', ') : '(no indexed word)'}`);
  if (parsed.phrases.length > 0) console.log(`phrases, checked word for word on the page: ${parsed.phrases.map((phrase) => `"${phrase.join(' ')}"`).join(', ')}`);
  console.log(`${result.total} matching article${result.total === 1 ? '' : 's'}; the best ${result.ranked.length}:`);
  for (const { key, score } of result.ranked) {
    const article = await getArticle(key);
    console.log(`${score.toFixed(2).padStart(8)}  ${article?.publishedAt.iso.slice(0, 10) ?? ''}  ${key}  ${article?.title ?? ''}`);
  }
}
