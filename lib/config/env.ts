import { z } from 'zod';

/**
 * Every environment variable Broadsheet reads, validated here and nowhere else, each with one
 * default. `.env.example` lists them with a line each. A bad value stops the process at
 * startup with one line per variable naming it and the problem (`ConfigError`), before any
 * page is built from a wrong setting.
 *
 * An empty value counts as unset, so `SITE_URL= npm run build` means the default.
 */

/** A relative folder name inside the project: no `..`, no absolute path. */
const PROJECT_FOLDER = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]+$/;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Where `npm start` serves the sample site; a real deployment sets `SITE_URL`. */
export const DEFAULT_SITE_URL = 'http://localhost:3000';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
    /** The public address: canonical URLs, Open Graph, JSON-LD, feeds and sitemaps use it. */
    SITE_URL: z
      .url({ protocol: /^https?$/, error: 'not an http(s) URL such as https://news.example.com' })
      .default(DEFAULT_SITE_URL)
      .transform((url) => url.replace(/\/+$/, '')),
    /** The newsroom's IANA time zone: every date on the site is shown in it. */
    SITE_TIMEZONE: z
      .string()
      .refine(isTimeZone, { error: 'not an IANA time zone such as Asia/Hong_Kong' })
      .default('Asia/Hong_Kong'),
    /** `off` removes every ad slot from the site. */
    NEXT_PUBLIC_ADS: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
    /** Who fills ad slots: the house ads, or Google Publisher Tag. */
    NEXT_PUBLIC_AD_PROVIDER: z
      .enum(['house', 'gpt'], { error: 'expected house or gpt' })
      .default('house'),
    /** The GPT ad unit, `/<network code>/<unit>[/<unit>...]`; required with the gpt provider. */
    NEXT_PUBLIC_GPT_AD_UNIT_PATH: z
      .string()
      .regex(/^\/\d+(?:\/[A-Za-z0-9_.-]+)+$/, {
        error: 'not an ad unit path such as /1234567/broadsheet/article',
      })
      .optional(),
    /** A folder holding `content/` and `public/` to build instead of the project's own. */
    BROADSHEET_CONTENT_ROOT: z.string().default('.'),
    /** The build folder (Next's `distDir`), relative to the project. */
    BROADSHEET_DIST_DIR: z
      .string()
      .regex(PROJECT_FOLDER, {
        error: 'not a folder name inside the project (no "..", not absolute)',
      })
      .default('.next'),
    /**
     * How many of the newest published articles the build renders ahead. Older ones are
     * rendered on their first request and cached from then on, so the build's cost does not
     * grow with the archive.
     */
    BROADSHEET_PRERENDER_ARTICLES: z.coerce
      .number({ error: 'expected a whole number of articles, such as 1000' })
      .int({ error: 'expected a whole number of articles, such as 1000' })
      .min(0, { error: 'expected a whole number of articles, such as 1000' })
      .default(1000),
    /**
     * Turns on editors' preview (`/api/preview?secret=...&slug=...`): drafts and scheduled
     * stories shown to the browser that opened that address. Unset, the preview routes are 404.
     * At least 32 characters, so it cannot be guessed.
     */
    PREVIEW_SECRET: z
      .string()
      .min(32, {
        error: 'too short: at least 32 characters, e.g. the output of `openssl rand -hex 32`',
      })
      .optional(),
    /** A folder for rendered Markdown shared by the processes of one build (set by `npm run build`). */
    BROADSHEET_RENDER_CACHE: z.string().optional(),
    /**
     * Tests only: the instant `now()` returns, e.g. `2028-11-29T00:00:00Z`. Refused when
     * NODE_ENV is production, so a forgotten setting can never freeze a live site's clock.
     */
    BROADSHEET_NOW: z.iso
      .datetime({ offset: true, error: 'not a date-time with offset such as 2028-11-29T00:00:00Z' })
      .transform((iso) => Date.parse(iso))
      .optional(),
    /** Browser tests: the port of the test server (the fixture site gets the next one). */
    BROWSER_TEST_PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int({ error: 'expected a port number' })
      .min(1024, { error: 'expected a port from 1024 to 65534' })
      .max(65534, { error: 'expected a port from 1024 to 65534' })
      .default(3100),
    /** Browser tests: the Chromium to drive. */
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    /** Set by CI services: browser tests then always start their own servers. */
    CI: z
      .string()
      .optional()
      .transform((value) => value !== undefined && value !== 'false' && value !== '0'),
  })
  .superRefine((env, ctx) => {
    if (env.NEXT_PUBLIC_AD_PROVIDER === 'gpt' && !env.NEXT_PUBLIC_GPT_AD_UNIT_PATH) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXT_PUBLIC_GPT_AD_UNIT_PATH'],
        message: 'missing: NEXT_PUBLIC_AD_PROVIDER=gpt needs the ad unit path',
      });
    }
    if (env.BROADSHEET_NOW !== undefined && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['BROADSHEET_NOW'],
        message: 'sets the clock for tests and is refused in production; unset it',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

/** The names `.env.example` must list: every variable in the schema. */
export const ENV_NAMES = Object.keys(EnvSchema.shape);

/** A bad environment variable: the message has one line per variable, naming it. */
export class ConfigError extends Error {
  readonly kind = 'config';

  constructor(readonly lines: readonly string[]) {
    super(`Bad environment settings:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws `ConfigError` naming every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const values = Object.fromEntries(ENV_NAMES.map((name) => [name, source[name] || undefined]));
  const parsed = EnvSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = values[name];
      // A secret is never echoed back, not even a bad one.
      const shown =
        value === undefined
          ? ''
          : name === 'PREVIEW_SECRET'
            ? ` (got ${value.length} characters)`
            : ` (got "${value}")`;
      return `${name}: ${issue.message}${shown}`;
    }),
  );
}

/**
 * The environment of this process, read once at startup. A bad value ends a command-line run
 * (the content check, the build, the server) with just its lines, no stack trace; under the
 * test runner it throws, so tests can assert the message.
 */
function startupEnv(): Env {
  try {
    return readEnv();
  } catch (error) {
    if (!(error instanceof ConfigError) || process.env.VITEST) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const env: Env = startupEnv();

const OriginSchema = z
  .url({ protocol: /^https?$/ })
  .optional()
  .catch(undefined);

/**
 * The address `next start` listens on, which it records in `__NEXT_PRIVATE_ORIGIN` once it is
 * listening (so it is read when asked, not at startup). Undefined outside a running server:
 * in the build, the content check and the tests. `localhost` becomes 127.0.0.1, the address a
 * server listening on all interfaces answers on whatever `localhost` resolves to.
 */
export function runningServerOrigin(
  source: Record<string, string | undefined> = process.env,
): string | undefined {
  const origin = OriginSchema.parse(source.__NEXT_PRIVATE_ORIGIN);
  if (!origin) return undefined;
  const url = new URL(origin);
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.origin;
}
