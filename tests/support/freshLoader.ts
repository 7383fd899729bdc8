import { vi } from 'vitest';

/**
 * The content loader keeps what it loaded once per process, on `globalThis` (every route's
 * bundle shares it: see `lib/content/loadSite.ts`). A test that changes the environment the
 * loader reads forgets that state (and the search index built from it) and the modules, so its next import starts afresh.
 */
export function freshLoader(): void {
  const loader = globalThis.broadsheetLoader;
  clearTimeout(loader?.scheduled.timer);
  globalThis.broadsheetLoader = undefined;
  globalThis.broadsheetIndexes = undefined;
  globalThis.broadsheetEditorIndexes = undefined;
  globalThis.broadsheetSearch = undefined;
  vi.resetModules();
}
