#!/usr/bin/env node
/**
 * Renders the site's own images from SVG with sharp: the publisher logo that structured data
 * points to (600×60, Google's size for news publishers), the default share image used when an
 * article has no photo (1200×630), and the favicon. The outputs are committed; run this again
 * only when the brand changes: `node scripts/generate-brand-images.mjs`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'Broadsheet';
const SERIF = "Georgia, 'DejaVu Serif', serif";

const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60">
  <rect width="600" height="60" fill="#ffffff"/>
  <text x="300" y="45" text-anchor="middle" font-family="${SERIF}" font-weight="700" font-size="46" fill="#121212">${NAME}</text>
</svg>`;

const share = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <rect width="1200" height="630" fill="#f5f2ec"/>
  <rect x="0" y="0" width="1200" height="14" fill="#a3122a"/>
  <line x1="120" y1="330" x2="1080" y2="330" stroke="#121212" stroke-width="3"/>
  <line x1="120" y1="338" x2="1080" y2="338" stroke="#121212" stroke-width="3"/>
  <text x="600" y="300" text-anchor="middle" font-family="${SERIF}" font-weight="700" font-size="130" fill="#121212">${NAME}</text>
  <text x="600" y="410" text-anchor="middle" font-family="${SERIF}" font-size="40" fill="#505050">News from a newsroom that publishes from Git</text>
</svg>`;

const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="8" fill="#121212"/>
  <text x="32" y="48" text-anchor="middle" font-family="${SERIF}" font-weight="700" font-size="46" fill="#ffffff">B</text>
</svg>`;

await mkdir(path.join(ROOT, 'public/images/brand'), { recursive: true });
await sharp(Buffer.from(logo)).png({ compressionLevel: 9 }).toFile(path.join(ROOT, 'public/images/brand/logo.png'));
await sharp(Buffer.from(share)).jpeg({ quality: 82, mozjpeg: true }).toFile(path.join(ROOT, 'public/images/brand/share-default.jpg'));
await writeFile(path.join(ROOT, 'app/icon.svg'), icon);
await sharp(Buffer.from(icon)).resize(180, 180).png().toFile(path.join(ROOT, 'app/apple-icon.png'));
console.log('Wrote public/images/brand/logo.png, public/images/brand/share-default.jpg, app/icon.svg, app/apple-icon.png');
