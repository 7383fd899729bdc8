#!/usr/bin/env node
/**
 * Lighthouse (mobile preset, median of 3 runs) against the production build with the house-ad
 * provider: performance score and the Web Vitals for the long article and the front page.
 * Writes bench/results/lighthouse.md and prints it. Needs a build (`npm run build`) and
 * Debian's Chromium; `npm run bench` provides both.
 *
 *   node bench/lighthouse.mjs [--port 3200] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { option, ROOT, startNextServer, waitForServer } from './server.mjs';

const PORT = Number(option('port', '3200'));
const RUNS = Number(option('runs', '3'));
const LIGHTHOUSE = 'lighthouse@12.2.3';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';
const PAGES = [
  ['Reference article (house ads)', '/article/china-rare-earths-spy-warning'],
  ['Long article (house ads)', '/article/rare-earths-supply-chain-explained'],
  ['Front page', '/'],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Tries before giving up: Lighthouse here now and then fails to record a trace (NO_NAVSTART). */
const ATTEMPTS = 3;

/**
 * One Lighthouse run. `throttling` 'simulate' is Lighthouse's default (Lantern: the page loads
 * unthrottled and the metrics are simulated for a slow phone); 'devtools' loads the page with the
 * phone's network and CPU actually throttled and reports what it measured.
 */
function lighthouse(url, outputFile, throttling = 'simulate') {
  let stderr = '';
  const categories = throttling === 'simulate' ? 'performance,accessibility,best-practices,seo' : 'performance';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const result = spawnSync(
      'npx',
      ['--yes', LIGHTHOUSE, url, '--quiet', '--output=json', `--output-path=${outputFile}`, `--chrome-flags=${CHROME_FLAGS}`, `--only-categories=${categories}`, `--throttling-method=${throttling}`],
      { cwd: ROOT, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
    if (result.status === 0) return JSON.parse(readFileSync(outputFile, 'utf8'));
    stderr = result.stderr;
    console.error(`lighthouse attempt ${attempt} of ${ATTEMPTS} failed for ${url}: ${stderr.trim().split('\n').at(-1)}`);
  }
  throw new Error(`lighthouse failed ${ATTEMPTS} times for ${url}:\n${stderr}`);
}

/** Median of `runs` Lighthouse runs for each [name, path] page of the site at `baseUrl`. */
export function lighthouseRows(baseUrl, pages = PAGES, runs = RUNS) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'broadsheet-lighthouse-'));
  const rows = [];
  try {
    for (const [name, pagePath] of pages) {
      const reports = [];
      for (let run = 0; run < runs; run++) reports.push(lighthouse(`${baseUrl}${pagePath}`, path.join(scratch, `${run}.json`)));
      const score = (category) => median(reports.map((report) => Math.round(report.categories[category].score * 100)));
      const audit = (id) => median(reports.map((report) => report.audits[id].numericValue));
      // The same page loaded with the phone's network and CPU applied, not simulated: Lantern
      // counts every script that finished and ran before the observed paint as in LCP's path,
      // so on an unthrottled local load it charges an article (which paints after Next's
      // scripts have arrived) for all of Next's JavaScript, and the empty page (which paints
      // before) for none.
      const applied = [];
      for (let run = 0; run < runs; run++) applied.push(lighthouse(`${baseUrl}${pagePath}`, path.join(scratch, `applied-${run}.json`), 'devtools'));
      rows.push({
        name,
        path: pagePath,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        appliedLcpMs: Math.round(median(applied.map((report) => report.audits['largest-contentful-paint'].numericValue))),
        tbtMs: Math.round(audit('total-blocking-time')),
        cls: audit('cumulative-layout-shift'),
        bootupMs: Math.round(audit('bootup-time')),
        mainThreadMs: Math.round(audit('mainthread-work-breakdown')),
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

export async function runLighthouse() {
  const server = startNextServer(PORT);
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    return lighthouseRows(`http://127.0.0.1:${PORT}`);
  } finally {
    server.stop();
  }
}

export function lighthouseTable(rows) {
  return [
    `Lighthouse 12.2.3, mobile preset, Debian Chromium, median of ${RUNS} runs.`,
    '',
    '| page | performance | accessibility | best practices | SEO | LCP | LCP, throttling applied | TBT | CLS | JS boot-up | main-thread work |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} (\`${row.path}\`) | ${row.performance} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} | ${row.lcpMs} ms | ${row.appliedLcpMs} ms | ${row.tbtMs} ms | ${row.cls.toFixed(4)} | ${row.bootupMs} ms | ${row.mainThreadMs} ms |`,
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const table = lighthouseTable(await runLighthouse());
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/lighthouse.md'), `# Lighthouse\n\n${table}\n`);
  console.log(table);
}
