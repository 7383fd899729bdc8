#!/usr/bin/env node
/**
 * Makes one placeholder photo for a new sample article: a soft gradient with a few blurred
 * shapes, coloured from a seed (the file name unless --seed is given), so the same command
 * always draws the same picture. It never overwrites a file.
 *
 *   node scripts/makePlaceholderPhoto.mjs public/images/<name>.jpg [--width 1600 --height 900] [--seed text]
 *
 * Hero photos are 1600×900, inline photos 1200×800, author portraits 400×400.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { seededRandom } from './seededRandom.mjs';

const USAGE =
  'usage: node scripts/makePlaceholderPhoto.mjs public/images/<name>.jpg [--width 1600 --height 900] [--seed text]';

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

function parseSize(value, name) {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 16 || size > 4000)
    fail(`--${name} must be a whole number of pixels from 16 to 4000, got "${value}"`);
  return size;
}

/** Random numbers seeded from a SHA-256 of the text: the same seed text, the same photo. */
function seededFromText(text) {
  return seededRandom(createHash('sha256').update(text).digest().readUInt32LE(0));
}

const hsl = (hue, saturation, lightness) =>
  `hsl(${Math.round(hue % 360)}, ${Math.round(saturation)}%, ${Math.round(lightness)}%)`;

function placeholderSvg(width, height, random) {
  const hue = random() * 360;
  const shapes = Array.from({ length: 5 + Math.floor(random() * 4) }, () => {
    const radius = (0.08 + random() * 0.25) * Math.min(width, height);
    const colour = hsl(hue + (random() - 0.5) * 80, 25 + random() * 30, 35 + random() * 40);
    return `<circle cx="${Math.round(random() * width)}" cy="${Math.round(height * (0.3 + random() * 0.7))}" r="${Math.round(radius)}" fill="${colour}" fill-opacity="${(0.25 + random() * 0.4).toFixed(2)}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 35, 78)}"/>
      <stop offset="1" stop-color="${hsl(hue + 30, 30, 42)}"/>
    </linearGradient>
    <filter id="soft"><feGaussianBlur stdDeviation="${Math.round(Math.min(width, height) / 60)}"/></filter>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  <g filter="url(#soft)">${shapes.join('')}</g>
  <rect y="${Math.round(height * 0.72)}" width="${width}" height="${Math.round(height * 0.28)}" fill="${hsl(hue + 200, 20, 30)}" fill-opacity="0.35"/>
</svg>`;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    width: { type: 'string', default: '1600' },
    height: { type: 'string', default: '900' },
    seed: { type: 'string' },
  },
});
const [target] = positionals;
if (!target || positionals.length > 1) fail('give exactly one output file');
if (!/\.jpe?g$/i.test(target)) fail(`the output must be a .jpg file, got "${target}"`);
if (existsSync(target)) fail(`${target} already exists; choose another name or delete it first`);
const width = parseSize(values.width, 'width');
const height = parseSize(values.height, 'height');

const svg = placeholderSvg(width, height, seededFromText(values.seed ?? path.basename(target)));
await mkdir(path.dirname(target), { recursive: true });
// 'wx' refuses to replace a file that appeared since the check above.
await writeFile(
  target,
  await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
  { flag: 'wx' },
);

const publicPath = path.relative('public', target).split(path.sep).join('/');
const src = publicPath.startsWith('..') ? `/images/${path.basename(target)}` : `/${publicPath}`;
console.log(`Wrote ${target} (${width}×${height})

Front matter to paste (write alt text that describes the real photo):
image:
  src: ${src}
  alt: "Describe what the photo shows"
  caption: "What the reader should know about the photo."
  credit: "Photo: Broadsheet"`);
