import { splitFrontMatter } from './frontMatter';
import type { SplitResult } from './frontMatter';
import { createSweepingMap } from '../cache/sweepingMap';
import { contentHash } from '../cache/contentHash';

export type SplitCache = {
  /** The file split and its front matter parsed, from the cache when its text is unchanged. */
  split(text: string, file: string): SplitResult;
  /** Forgets files not split since the last sweep. */
  sweep(): void;
};

/**
 * Parsing YAML front matter is the second cost of loading content, after Markdown. A server
 * re-reading a 10,000-article `content/` after one file changed should parse that one file:
 * results are kept by file name and a hash of the text (the name is part of every error line).
 */
export function createSplitCache(): SplitCache {
  const entries = createSweepingMap<SplitResult>();
  return {
    split(text, file) {
      const key = `${file}\0${contentHash(text)}`;
      const known = entries.get(key);
      if (known) return known;
      const result = splitFrontMatter(text, file);
      entries.set(key, result);
      return result;
    },
    sweep: entries.sweep,
  };
}
