/**
 * Part of `npm run build`: renders every `count`-th Markdown body of content/, starting at
 * `shard`, into the build's render cache (`BROADSHEET_RENDER_CACHE`). The build runs one of
 * these per core before the content check, so the costly Markdown stage uses every core and
 * the check and Next's workers then find every body already rendered. Problems are not
 * reported here: the content check that follows reports each one once.
 *
 *   tsx scripts/prerenderMarkdown.ts <shard> <count>
 */
import { env } from '../lib/config/env';
import { splitFrontMatter } from '../lib/content/frontMatter';
import { imageSizeReader } from '../lib/images/imageSizes';
import { defaultLocation } from '../lib/content/loadSite';
import { COLLECTIONS, readCollection } from '../lib/content/readContentFiles';
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
const cache = createRenderCache(env.BROADSHEET_RENDER_CACHE);
const imageSize = imageSizeReader(location.publicDir);
const collections = await Promise.all(
  COLLECTIONS.map((collection) =>
    readCollection(location.projectRoot, location.contentDir, collection),
  ),
);
const files = collections.flatMap((collection) => collection.files);
for (let index = shard; index < files.length; index += count) {
  const file = files[index];
  if (!file) continue;
  const split = splitFrontMatter(file.text, file.file);
  if (split.ok) cache.render(split.file.body, imageSize);
}
