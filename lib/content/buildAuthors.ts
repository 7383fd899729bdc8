import { z } from 'zod';
import { bodyHtml, loadFile } from './loadFile';
import type { LoadContext } from './loadFile';
import type { ContentFile } from './readContentFiles';
import { resolvePhoto } from './resolveReferences';
import { RawAuthorSchema } from './schemas';
import type { Author } from './types';

/** An author file's portrait on its own, when the rest of the file fails its schema. */
const AvatarAlone = z.object({ avatar: RawAuthorSchema.shape.avatar.catch(undefined) }).catch({ avatar: undefined });

/** `content/authors/*.md` → authors, with their portrait's size and their biography rendered. */
export function buildAuthors(files: readonly ContentFile[], context: LoadContext): Author[] {
  const authors: Author[] = [];
  for (const file of files) {
    const loaded = loadFile(file, RawAuthorSchema, context);
    if (!loaded) continue;
    if (!loaded.value) {
      // Its other problems are reported already; a missing portrait is reported with them.
      const avatar = AvatarAlone.parse(loaded.frontMatter.data).avatar;
      if (avatar) resolvePhoto(loaded, { src: avatar, alt: '' }, ['avatar'], context.imageSize, context.issues);
      continue;
    }
    const { avatar: src, ...rest } = loaded.value;
    const avatar = src
      ? resolvePhoto(loaded, { src, alt: `Portrait of ${rest.name}` }, ['avatar'], context.imageSize, context.issues)
      : undefined;
    authors.push({ id: file.id, ...rest, avatar, bioHtml: bodyHtml(loaded.body) });
  }
  return authors;
}
