import { defineConfig, devices } from '@playwright/test';
import { env } from './lib/config/env';

const PORT = env.BROWSER_TEST_PORT;
/** A second build, of tests/fixtures/site (one article per variant, a hostile one among them). */
export const FIXTURE_SITE_PORT = PORT + 1;
/** The main test server's preview secret (tests/browser/preview.spec.ts); the fixture site has none. */
export const PREVIEW_SECRET = 'browser-tests-preview-secret-0123456789';

/** Debian's Chromium (scripts/ensureTestTools.sh installs it); Playwright cannot download browsers here. */
const chromium = {
  executablePath: env.CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'phone',
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 390, height: 844 },
        browserName: 'chromium',
      },
    },
    {
      name: 'desktop',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        browserName: 'chromium',
      },
    },
  ],
  webServer: [
    {
      command: `npm run build && PREVIEW_SECRET=${PREVIEW_SECRET} npx next start --port ${PORT} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 300_000,
      reuseExistingServer: !env.CI,
      stdout: 'pipe',
    },
    {
      // Built after the main site (the wait keeps two builds off the two cores at once), by the
      // same build script: content check, render cache and all.
      command:
        `node scripts/waitForServer.mjs http://127.0.0.1:${PORT}/ && ` +
        // Only the two newest articles are built ahead, so the others are rendered on request
        // (tests/browser/archive.spec.ts).
        `BROADSHEET_CONTENT_ROOT=tests/fixtures/site BROADSHEET_DIST_DIR=.next-fixture BROADSHEET_PRERENDER_ARTICLES=2 npm run build && ` +
        `BROADSHEET_CONTENT_ROOT=tests/fixtures/site BROADSHEET_DIST_DIR=.next-fixture npx next start --port ${FIXTURE_SITE_PORT} --hostname 127.0.0.1`,
      url: `http://127.0.0.1:${FIXTURE_SITE_PORT}/`,
      timeout: 600_000,
      reuseExistingServer: !env.CI,
      stdout: 'pipe',
    },
  ],
});
