import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, ENV_NAMES, readEnv, runningServerOrigin } from '@/lib/config/env';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function problems(source: Record<string, string>): readonly string[] {
  try {
    readEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  return [];
}

describe('the environment', () => {
  it('has one default for every setting', () => {
    expect(readEnv({})).toEqual({
      NODE_ENV: undefined,
      SITE_URL: 'http://localhost:3000',
      SITE_TIMEZONE: 'Asia/Hong_Kong',
      NEXT_PUBLIC_ADS: 'on',
      NEXT_PUBLIC_AD_PROVIDER: 'house',
      NEXT_PUBLIC_GPT_AD_UNIT_PATH: undefined,
      BROADSHEET_CONTENT_ROOT: '.',
      BROADSHEET_DIST_DIR: '.next',
      BROADSHEET_PRERENDER_ARTICLES: 1000,
      BROADSHEET_RENDER_CACHE: undefined,
      BROADSHEET_NOW: undefined,
      BROWSER_TEST_PORT: 3100,
      CHROMIUM_PATH: '/usr/bin/chromium',
      CI: false,
    });
  });

  it('reads good values, treating an empty one as unset', () => {
    const env = readEnv({
      SITE_URL: 'https://news.example.com/',
      SITE_TIMEZONE: 'Europe/Zurich',
      NEXT_PUBLIC_ADS: 'off',
      NEXT_PUBLIC_AD_PROVIDER: 'gpt',
      NEXT_PUBLIC_GPT_AD_UNIT_PATH: '/1234567/broadsheet/article',
      BROADSHEET_DIST_DIR: '',
      BROADSHEET_NOW: '2028-11-29T08:00:00+08:00',
      CI: 'true',
    });
    expect(env).toMatchObject({
      SITE_URL: 'https://news.example.com',
      SITE_TIMEZONE: 'Europe/Zurich',
      NEXT_PUBLIC_ADS: 'off',
      NEXT_PUBLIC_GPT_AD_UNIT_PATH: '/1234567/broadsheet/article',
      BROADSHEET_DIST_DIR: '.next',
      BROADSHEET_NOW: Date.parse('2028-11-29T00:00:00Z'),
      CI: true,
    });
  });

  it('names every bad variable and its problem, one line each', () => {
    expect(
      problems({
        SITE_URL: 'news.example.com',
        SITE_TIMEZONE: 'Mars/Olympus_Mons',
        NEXT_PUBLIC_ADS: 'false',
        NEXT_PUBLIC_AD_PROVIDER: 'gpt',
        BROADSHEET_DIST_DIR: '../elsewhere',
        BROADSHEET_PRERENDER_ARTICLES: 'all',
        BROADSHEET_NOW: 'tomorrow',
        BROWSER_TEST_PORT: '80',
      }),
    ).toEqual([
      'SITE_URL: not an http(s) URL such as https://news.example.com (got "news.example.com")',
      'SITE_TIMEZONE: not an IANA time zone such as Asia/Hong_Kong (got "Mars/Olympus_Mons")',
      'NEXT_PUBLIC_ADS: expected on or off (got "false")',
      'BROADSHEET_DIST_DIR: not a folder name inside the project (no "..", not absolute) (got "../elsewhere")',
      'BROADSHEET_PRERENDER_ARTICLES: expected a whole number of articles, such as 1000 (got "all")',
      'BROADSHEET_NOW: not a date-time with offset such as 2028-11-29T00:00:00Z (got "tomorrow")',
      'BROWSER_TEST_PORT: expected a port from 1024 to 65534 (got "80")',
    ]);
  });

  it('knows the running server by the address next start records, never localhost by name', () => {
    expect(runningServerOrigin({})).toBeUndefined();
    expect(runningServerOrigin({ __NEXT_PRIVATE_ORIGIN: 'not a url' })).toBeUndefined();
    expect(runningServerOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://localhost:3000' })).toBe('http://127.0.0.1:3000');
    expect(runningServerOrigin({ __NEXT_PRIVATE_ORIGIN: 'http://10.0.0.5:8080' })).toBe('http://10.0.0.5:8080');
  });

  it('needs an ad unit path for Google Publisher Tag', () => {
    expect(problems({ NEXT_PUBLIC_AD_PROVIDER: 'gpt' })).toEqual([
      'NEXT_PUBLIC_GPT_AD_UNIT_PATH: missing: NEXT_PUBLIC_AD_PROVIDER=gpt needs the ad unit path',
    ]);
    expect(problems({ NEXT_PUBLIC_AD_PROVIDER: 'gpt', NEXT_PUBLIC_GPT_AD_UNIT_PATH: 'broadsheet' })).toEqual([
      'NEXT_PUBLIC_GPT_AD_UNIT_PATH: not an ad unit path such as /1234567/broadsheet/article (got "broadsheet")',
    ]);
  });

  it('never lets the test clock reach production', () => {
    expect(problems({ NODE_ENV: 'production', BROADSHEET_NOW: '2028-01-01T00:00:00Z' })).toEqual([
      'BROADSHEET_NOW: sets the clock for tests and is refused in production; unset it (got "2028-01-01T00:00:00Z")',
    ]);
    expect(problems({ NODE_ENV: 'test', BROADSHEET_NOW: '2028-01-01T00:00:00Z' })).toEqual([]);
  });

  it('stops the process at startup on a bad value', async () => {
    vi.stubEnv('SITE_TIMEZONE', 'Nowhere/Special');
    vi.resetModules();
    await expect(import('@/lib/config/site')).rejects.toThrow('SITE_TIMEZONE: not an IANA time zone');
  });

  it('is listed in full, a line each, in .env.example', () => {
    const example = readFileSync(path.join(import.meta.dirname, '..', '..', '.env.example'), 'utf8');
    const listed = example
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.slice(0, line.indexOf('=')));
    expect(listed.toSorted()).toEqual(ENV_NAMES.toSorted());
  });
});

describe('the clock', () => {
  it('is the system clock unless a test sets BROADSHEET_NOW', async () => {
    const before = Date.now();
    const { now: systemNow } = await import('@/lib/config/clock');
    expect(systemNow()).toBeGreaterThanOrEqual(before);
    vi.stubEnv('BROADSHEET_NOW', '2031-05-01T12:00:00Z');
    vi.resetModules();
    const { now: testNow } = await import('@/lib/config/clock');
    expect(testNow()).toBe(Date.parse('2031-05-01T12:00:00Z'));
  });
});
