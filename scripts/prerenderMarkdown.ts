/**
 * Part of `npm run build`: loads every `count`-th article of content/, starting at `shard`, into
 * the build's render cache (`BROADSHEET_RENDER_CACHE`): its body rendered, and its record (front
 * matter and body summary, `lib/content/fileRecords.ts`) saved as `records-<shard>.v8`. The build
 * runs one of these per core before the content check, so the costly stages (reading, parsing
 * and rendering every file) use every core, and the check and Next's workers then start from
 * records instead of reading the archive again. Problems are not reported here: the content
 * check that follows reports each one once.
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
};
const { files } = await readCollection(location.projectRoot, location.contentDir, 'articles');
for (let index = shard; index < files.length; index += count) {
  const file = files[index];
  if (file) loadArticleFile(file, context);
}
records.save(String(shard));
