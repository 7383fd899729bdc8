import { loadFile } from './loadFile';
import type { LoadContext } from './loadFile';
import type { ContentFile } from './readContentFiles';
import { RawPageSchema } from './schemas';
import type { Page } from './types';

/** `content/pages/*.md` → standalone pages such as the standards page. */
export function buildPages(files: readonly ContentFile[], context: LoadContext): Page[] {
  const pages: Page[] = [];
  for (const file of files) {
    const loaded = loadFile(file, RawPageSchema, context);
    if (loaded?.value) pages.push({ id: file.id, ...loaded.value, body: loaded.body.blocks });
  }
  return pages;
}
