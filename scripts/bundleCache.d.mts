/** Types for scripts/bundleCache.mjs, which tests import. */
export const BUNDLE_CACHE: string;
export function bundleName(entry: string): string;
export function bundleManifest(entry: string): string;
