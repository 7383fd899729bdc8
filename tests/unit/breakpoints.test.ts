import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_MIN_WIDTH_PX } from '@/lib/ads/inventory';
import { BREAKPOINTS } from '@/lib/config/breakpoints';

const ROOT = path.join(import.meta.dirname, '..', '..');
const STYLE_FOLDERS = ['app', 'components'];
const ALLOWED = Object.values(BREAKPOINTS).map((width) => `${width}px`);

async function cssFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Comments blanked out (line breaks kept, so line numbers still point at the file). */
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}

type MediaWidth = { where: string; query: string; value: string };

/**
 * Every width a `@media` query tests, in both syntaxes: `(min-width: 64rem)` and the range form
 * `(width >= 1024px)` / `(1024px <= width)`.
 */
function mediaWidths(file: string, css: string): MediaWidth[] {
  const text = withoutComments(css);
  const found: MediaWidth[] = [];
  for (const media of text.matchAll(/@media\b([^{]*)\{/g)) {
    const query = (media[1] ?? '').trim().replace(/\s+/g, ' ');
    const line = text.slice(0, media.index).split('\n').length;
    const features = [
      ...query.matchAll(/\b(?:min-|max-)?(?:device-)?width\s*:\s*([^)]*)\)/g),
      ...query.matchAll(/\bwidth\s*[<>]=?\s*([^)\s]+)/g),
      ...query.matchAll(/([^(\s]+)\s*[<>]=?\s*width\b/g),
    ];
    for (const feature of features) found.push({ where: `${file}:${line}`, query, value: (feature[1] ?? '').trim() });
  }
  return found;
}

async function everyMediaWidth(): Promise<MediaWidth[]> {
  const files = (await Promise.all(STYLE_FOLDERS.map(cssFiles))).flat();
  const widths = await Promise.all(
    files.map(async (file) => mediaWidths(file, await readFile(path.join(ROOT, file), 'utf8'))),
  );
  return widths.flat();
}

describe('breakpoints', () => {
  it('are whole pixel widths, narrowest first', () => {
    const widths = Object.values(BREAKPOINTS);
    for (const width of widths) expect(Number.isInteger(width) && width > 0).toBe(true);
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
  });

  it('are the only widths the stylesheets switch layout at, written in px', async () => {
    const widths = await everyMediaWidth();
    // The stylesheets do switch layout: a check over no media queries would prove nothing.
    expect(widths.length).toBeGreaterThan(0);
    const problems = widths
      .filter((width) => !ALLOWED.includes(width.value))
      .map(
        (width) =>
          `${width.where}: @media ${width.query}: ${width.value} is not a breakpoint from lib/config/breakpoints.ts ` +
          `(write one of ${ALLOWED.join(', ')})`,
      );
    expect(problems).toEqual([]);
  });

  it('give ads their desktop height at the width the ad inventory serves desktop sizes from', async () => {
    const files = (await Promise.all(STYLE_FOLDERS.map(cssFiles))).flat();
    const sources = await Promise.all(files.map(async (file) => withoutComments(await readFile(path.join(ROOT, file), 'utf8'))));
    const desktopReserve = sources
      .flatMap((css) => [...css.matchAll(/@media\b([^{]*)\{[^@]*?var\(--ad-desktop\)/g)])
      .map((match) => (match[1] ?? '').trim());
    expect(desktopReserve.length).toBeGreaterThan(0);
    expect(new Set(desktopReserve)).toEqual(new Set([`(min-width: ${DESKTOP_MIN_WIDTH_PX}px)`]));
  });
});
