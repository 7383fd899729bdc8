#!/usr/bin/env node
/**
 * Writes a realistic, deterministic corpus of N articles into a folder shaped like a project's
 * `content/` and `public/images/`, for the benchmarks: 500–900 words each, subheadings, lists,
 * a table now and then, a hero photo on about a third. Sections and authors reuse the sample
 * content's ids, so the corpus validates against the real schema.
 *
 *   node bench/generateCorpus.mjs <count> <output folder>
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../scripts/seededRandom.mjs';
import { ROOT } from './server.mjs';

const SECTIONS = ['china', 'world', 'economy', 'technology', 'science'];
const AUTHORS = [
  'mei-lin-zhou',
  'daniel-okafor',
  'priya-raman',
  'tomas-lindqvist',
  'hana-sato',
  'rafael-mendes',
];
const CITIES = [
  'Shanghai',
  'Hong Kong',
  'Singapore',
  'Tokyo',
  'Brussels',
  'Jakarta',
  'Seoul',
  'Sydney',
];
const TOPICS = [
  'trade',
  'interest rates',
  'rare earths',
  'semiconductors',
  'shipping',
  'climate',
  'inflation',
  'energy',
  'national security',
  'supply chains',
];
const HEROES = [
  '/images/china-rare-earths-spy-warning.jpg',
  '/images/container-freight-rates-ease.jpg',
  '/images/asian-central-banks-hold-rates.jpg',
];
const WORDS = (
  'officials said the ministry would review exports and prices across the region as demand for ' +
  'components rose while factories reported new orders and analysts expected growth to slow next ' +
  'year because higher costs weighed on households companies and governments that depend on trade ' +
  'data published on monday showed shipments climbed in october after a weak summer according to'
).split(' ');

function article(index) {
  const random = seededRandom(index + 1);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = (min, max) => {
    const length = min + Math.floor(random() * (max - min));
    const words = Array.from({ length }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraph = () =>
    Array.from({ length: 3 + Math.floor(random() * 3) }, () => sentence(10, 22)).join(' ');
  const target = 500 + Math.floor(random() * 400);
  const blocks = [];
  let words = 0;
  while (words < target) {
    const roll = random();
    if (blocks.length > 2 && roll < 0.08) blocks.push(`## ${sentence(3, 7).slice(0, -1)}`);
    else if (roll < 0.13)
      blocks.push(Array.from({ length: 3 }, () => `- ${sentence(5, 10)}`).join('\n'));
    else if (roll < 0.15)
      blocks.push(
        '| Measure | Value | Change |\n|---|---|---|\n| Exports | 4.2% | +0.3 |\n| Imports | 1.9% | -0.2 |',
      );
    else blocks.push(paragraph());
    words = blocks.join(' ').split(/\s+/).length;
  }
  // Every six hours going back from 27 November 2026: all published, newest first.
  const published = `${new Date(Date.UTC(2026, 10, 27) - index * 6 * 3_600_000).toISOString().slice(0, 19)}Z`;
  const topics = [...new Set([pick(TOPICS), pick(TOPICS)])];
  const hero =
    random() < 0.33
      ? `image:\n  src: ${pick(HEROES)}\n  alt: "A photo illustrating story ${index}"\n  caption: "A caption for story ${index}."\n  credit: "Photo: Broadsheet"\n`
      : '';
  return (
    `---\ntitle: "${sentence(6, 12).slice(0, -1)} (${index})"\nsummary:\n  - "${sentence(10, 18)}"\n  - "${sentence(10, 18)}"\n` +
    `author: ${pick(AUTHORS)}\nlocation: ${pick(CITIES)}\nsection: ${pick(SECTIONS)}\ntopics: [${topics.join(', ')}]\n` +
    `publishedAt: "${published}"\n${hero}---\n\n${blocks.join('\n\n')}\n`
  );
}

export function generateCorpus(count, outputDir) {
  for (const folder of ['authors', 'sections', 'pages']) {
    cpSync(path.join(ROOT, 'content', folder), path.join(outputDir, 'content', folder), {
      recursive: true,
    });
  }
  cpSync(path.join(ROOT, 'public'), path.join(outputDir, 'public'), { recursive: true });
  const articlesDir = path.join(outputDir, 'content', 'articles');
  mkdirSync(articlesDir, { recursive: true });
  for (let index = 0; index < count; index++) {
    writeFileSync(
      path.join(articlesDir, `story-${String(index).padStart(6, '0')}.md`),
      article(index),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, output] = process.argv.slice(2);
  if (!count || !output) {
    console.error('usage: node bench/generateCorpus.mjs <count> <output folder>');
    process.exit(2);
  }
  generateCorpus(Number(count), path.resolve(output));
  console.log(`Wrote ${count} articles to ${path.resolve(output)}/content/articles`);
}
