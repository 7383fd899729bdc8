/**
 * Where `scripts/runBundled.mjs` keeps its bundles, and the manifest of each: shared with the
 * benchmark and the tests that remove or read a manifest.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLE_CACHE = path.join(ROOT, 'node_modules', '.cache', 'broadsheet');

/** An entry (relative to the project, with `/`) as a file name: `scripts/checkContent.ts` → `scripts-checkContent`. */
export function bundleName(entry) {
  return entry.replace(/\.[cm]?[jt]sx?$/, '').replace(/[^\w.-]+/g, '-');
}

/** The manifest naming the entry's current bundle and the inputs it was made from. */
export function bundleManifest(entry) {
  return path.join(BUNDLE_CACHE, `${bundleName(entry)}.json`);
}
