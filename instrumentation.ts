/**
 * Runs once when a Next server starts. A production server (`next start`) starts watching its
 * content here, before any page is asked for: its pages are served from the cache without
 * running any of our code, so a watch started by the first render could start late or never
 * (see `lib/cache/pageRegeneration.ts`). And its error responses are kept out of shared caches
 * (`lib/http/errorCacheControl.ts`), and each response leaves in one piece, so nginx can pass a
 * request on to another instance if this one dies (`lib/http/wholeResponses.ts`), with a 404 page
 * that has its text in the HTML (`lib/http/notFoundShell.ts`); an address with broken
 * percent-escapes gets a 400, not Next's 500 (`lib/http/badAddresses.ts`). Next's page cache keeps the 404s
 * of made-up addresses in memory only (`lib/cache/pageCache.ts`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  const { runningServerOrigin } = await import('./lib/config/env');
  const origin = runningServerOrigin();
  if (!origin) return; // The build's workers also run this; they serve nothing.
  const { keepErrorsOutOfSharedCaches } = await import('./lib/http/errorCacheControl');
  keepErrorsOutOfSharedCaches();
  const { sendResponsesWhole } = await import('./lib/http/wholeResponses');
  sendResponsesWhole({ notFoundPageFrom: origin });
  const { answerBadAddressesWith400 } = await import('./lib/http/badAddresses');
  answerBadAddressesWith400();
  const { installPageCache } = await import('./lib/cache/pageCache');
  installPageCache();
  const { regenerateOnContentChange } = await import('./lib/content/watchContent');
  regenerateOnContentChange();
  // Load the content now, not on a reader's request, and catch up on changes made while no
  // server was watching. After the server is ready: this is a request to itself.
  const { regenerateAllPages } = await import('./lib/cache/pageRegeneration');
  setTimeout(() => void regenerateAllPages('start'), 0).unref();
}
