/**
 * `npm run content:check`: validates all of content/ and prints every problem, one line each.
 * Exit code 1 on any problem; 0 with a one-line summary when clean.
 */
import { now as clockNow } from '../lib/config/clock';
import { formatIssue } from '../lib/content/errors';
import { defaultLocation } from '../lib/content/contentLocation';
import { checkContent } from '../lib/content/loadSite';

const { content, issues } = await checkContent(defaultLocation(process.cwd()));
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} in content/; nothing was published.`);
  process.exit(1);
}
const now = clockNow();
const drafts = content.articles.filter((article) => article.draft).length;
const scheduled = content.articles.filter((article) => !article.draft && article.publishedAt.epochMs > now).length;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
console.log(
  `content/ is valid: ${count(content.articles.length, 'article')} (${drafts} draft, ${scheduled} scheduled), ` +
    `${count(content.authors.length, 'author')}, ${count(content.sections.length, 'section')}, ${count(content.pages.length, 'page')}.`,
);
