import { bodyHtml, loadFile } from './loadFile';
import type { LoadContext } from './loadFile';
import type { ContentFile } from './readContentFiles';
import { RawSectionSchema } from './schemas';
import type { Section } from './types';

/** `content/sections/*.md` → sections in navigation order (`order`, then name). */
export function buildSections(files: readonly ContentFile[], context: LoadContext): Section[] {
  const sections: Section[] = [];
  for (const file of files) {
    const loaded = loadFile(file, RawSectionSchema, context);
    if (!loaded?.value) continue;
    sections.push({
      id: file.id,
      name: loaded.value.name,
      order: loaded.value.order ?? Number.MAX_SAFE_INTEGER,
      descriptionHtml: bodyHtml(loaded.body),
    });
  }
  return sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
