import { bodyHtml, loadFile } from './loadFile';
import type { LoadContext } from './loadFile';
import type { ContentFile } from './readContentFiles';
import { resolvePhoto } from './resolveReferences';
import { RawAuthorSchema } from './schemas';
import type { Author } from './types';

/** `content/authors/*.md` → authors, with their portrait's size and their biography rendered. */
export function buildAuthors(files: readonly ContentFile[], context: LoadContext): Author[] {
  const authors: Author[] = [];
  for (const file of files) {
    const loaded = loadFile(file, RawAuthorSchema, context);
    if (!loaded?.value) continue;
    const { avatar: src, ...rest } = loaded.value;
    const avatar = src
      ? resolvePhoto(loaded, { src, alt: `Portrait of ${rest.name}` }, ['avatar'], context.imageSize, context.issues)
      : undefined;
    authors.push({ id: file.id, ...rest, avatar, bioHtml: bodyHtml(loaded.body) });
  }
  return authors;
}
