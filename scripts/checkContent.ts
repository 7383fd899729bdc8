/**
 * `npm run content:check`: validates all of content/ and prints every problem, one line each.
 * Exit code 1 on any problem; 0 with a one-line summary when clean.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { now as clockNow } from '../lib/config/clock';
import { env } from '../lib/config/env';
import { defaultLocation } from '../lib/content/contentLocation';
import { formatIssue } from '../lib/content/errors';
import { CONTENT_SIGNATURE_FILE, checkContent } from '../lib/content/loadSite';

// `--newest-bodies` (the build): render and check only the newest articles' bodies, and the
// unpublished ones; an archive article's body is checked when its page is rendered.
const bodies = process.argv.includes('--newest-bodies') ? 'newest' : 'read';
const { content, issues, signature } = await checkContent(defaultLocation(process.cwd()), undefined, bodies);
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} in content/; nothing was published.`);
  process.exit(1);
}
// In a build: what the build's pages are made from, for the server started on it (loadSite.ts).
if (env.BROADSHEET_RENDER_CACHE) {
  mkdirSync(env.BROADSHEET_RENDER_CACHE, { recursive: true });
  writeFileSync(path.join(env.BROADSHEET_RENDER_CACHE, CONTENT_SIGNATURE_FILE), signature);
}
const now = clockNow();
const drafts = content.articles.filter((article) => article.draft).length;
const scheduled = content.articles.filter((article) => !article.draft && article.publishedAt.epochMs > now).length;
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
console.log(
  `content/ is valid: ${count(content.articles.length, 'article')} (${drafts} draft, ${scheduled} scheduled), ` +
    `${count(content.authors.length, 'author')}, ${count(content.sections.length, 'section')}, ${count(content.pages.length, 'page')}.`,
);
