/**
 * Part of `npm run build`: reads and parses every `count`-th article of content/, starting at
 * `shard`, and saves their records (front matter, `lib/content/fileRecords.ts`) in the build's
 * render cache folder (`BROADSHEET_RENDER_CACHE`) as `records-<shard>.v8`. The build runs one
 * of these per core before the content check, so reading and parsing a large archive uses every
 * core, and the check and Next's workers then start from records instead of reading the archive
 * again. Bodies are not rendered here (see `lib/content/articleBodies.ts`). Problems are not
 * reported here: the content check that follows reports each one once.
 *
 *   tsx scripts/prerenderMarkdown.ts <shard> <count>
 */
import { env } from '../lib/config/env';
import { defaultLocation } from '../lib/content/contentLocation';
import { createRecordCache } from '../lib/content/fileRecords';
import { loadArticleFile } from '../lib/content/loadFile';
import type { LoadContext } from '../lib/content/loadFile';
import { readCollection } from '../lib/content/readContentFiles';
import { imageSizeReader } from '../lib/images/imageSizes';
import { createRenderCache } from '../lib/markdown/renderCache';

const [shard, count] = process.argv.slice(2).map(Number);
if (shard === undefined || count === undefined || !(shard >= 0 && count > shard)) {
  console.error('usage: tsx scripts/prerenderMarkdown.ts <shard> <count>');
  process.exit(2);
}
if (!env.BROADSHEET_RENDER_CACHE) {
  console.error('BROADSHEET_RENDER_CACHE must name the folder to render into');
  process.exit(2);
}

const location = defaultLocation(process.cwd());
const folder = env.BROADSHEET_RENDER_CACHE;
const records = createRecordCache(folder);
const context: LoadContext = {
  imageSize: imageSizeReader(location.publicDir),
  caches: { render: createRenderCache(folder), records },
  issues: [],
  // Front matter only: the content check renders the newest articles' bodies, pages the rest.
  renderArticleBodies: false,
};
const { files } = await readCollection(location.projectRoot, location.contentDir, 'articles');
for (let index = shard; index < files.length; index += count) {
  const file = files[index];
  if (file) loadArticleFile(file, context);
}
records.save(String(shard));
