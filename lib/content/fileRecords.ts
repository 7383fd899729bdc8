import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import { BodyProblemSchema } from '../markdown/bodyBlock';
import { RenderedImagesSchema } from '../markdown/renderCache';

/**
 * What loading an article file costs to work out, kept so the next load need not read the
 * file again: its parsed front matter (validated on every load, since validity can depend on
 * other files and on the clock) and, once its body has been rendered, what the site needs of
 * the body without the HTML (word count, problems, ad positions, and the hash under which the
 * render cache keeps the HTML).
 *
 * A record is keyed by the file's name and stamp (size and modification time), so a load
 * `stat`s each file and reads only the ones that changed. A 100,000-article archive then loads
 * in seconds rather than the minutes that reading and parsing every file takes.
 *
 * On disk, records live beside the renderings in the render cache folder: the build's
 * Markdown processes write one file each (`records-<name>.v8`), and every later load in the
 * build, and the server started on it, starts from all of them.
 */

const BodySummarySchema = z.object({
  /** The key of its rendering in the render cache. */
  hash: z.string(),
  wordCount: z.number(),
  problems: z.array(BodyProblemSchema),
  images: RenderedImagesSchema,
  /** Indexes of the body blocks an in-article ad slot would follow (`placeAdSlots`). */
  adSlots: z.array(z.number()),
});

const ArticleRecordSchema = z.object({
  stamp: z.string(),
  /** The front matter as parsed, not yet validated. */
  data: z.unknown(),
  bodyStartLine: z.number(),
  /** Missing until the body is rendered: the build renders only the newest articles' bodies. */
  body: BodySummarySchema.optional(),
  /**
   * True when the body was rendered for a reader's page (an archive story the build did not
   * render), not by a load. Its problems are logged there, and hold up no later load: the build
   * does not check those bodies either, and one old story must not stop new ones going live.
   */
  bodyFromPage: z.boolean().optional(),
});

export type BodySummary = z.infer<typeof BodySummarySchema>;

export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

const RecordFileSchema = z.array(z.tuple([z.string(), ArticleRecordSchema]));

export type RecordCache = {
  /** The record of this file, if it was made from the file as it is now (same stamp). */
  get(file: string, stamp: string): ArticleRecord | undefined;
  /** The record of this file made last, whatever its stamp. */
  latest(file: string): ArticleRecord | undefined;
  set(file: string, record: ArticleRecord): void;
  /** Writes every record to `records-<name>.v8` in the disk folder, if there is one. */
  save(name: string): void;
};

export function createRecordCache(diskFolder: string | undefined): RecordCache {
  let records: Map<string, ArticleRecord> | undefined;
  const all = () => (records ??= readRecords(diskFolder));
  return {
    get(file, stamp) {
      const record = all().get(file);
      return record?.stamp === stamp ? record : undefined;
    },
    latest: (file) => all().get(file),
    set(file, record) {
      all().set(file, record);
    },
    save(name) {
      if (!diskFolder) return;
      mkdirSync(/*turbopackIgnore: true*/ diskFolder, { recursive: true });
      const target = path.join(diskFolder, `records-${name}.v8`);
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(/*turbopackIgnore: true*/ temporary, serialize([...all()]));
      renameSync(/*turbopackIgnore: true*/ temporary, target);
    },
  };
}

/** Every record file in the folder; a missing folder, or a corrupt or outdated file, gives none. */
function readRecords(diskFolder: string | undefined): Map<string, ArticleRecord> {
  const records = new Map<string, ArticleRecord>();
  if (!diskFolder) return records;
  let names: string[];
  try {
    names = readdirSync(/*turbopackIgnore: true*/ diskFolder).filter((name) => /^records-[\w-]+\.v8$/.test(name));
  } catch {
    return records;
  }
  for (const name of names.sort()) {
    try {
      const parsed = RecordFileSchema.safeParse(deserialize(readFileSync(/*turbopackIgnore: true*/ path.join(diskFolder, name))));
      if (parsed.success) for (const [file, record] of parsed.data) records.set(file, record);
    } catch {
      // Unreadable: its files are read and parsed again.
    }
  }
  return records;
}
