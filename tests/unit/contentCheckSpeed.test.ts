import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';
import { bundleManifest } from '../../scripts/bundleCache.mjs';

/**
 * `npm run content:check` as it runs now: from a bundle (scripts/runBundled.mjs), with the
 * whole-site check's article bodies rendered on several threads (lib/editorial/parallelBodies.ts).
 * Whatever the number of threads, and bundled or under tsx, it prints the same lines in the same
 * order and exits with the same code. How fast it is, is bench/contentCheck.mjs's business.
 */

const ROOT = path.join(import.meta.dirname, '..', '..');
const RUN_BUNDLED = path.join(ROOT, 'scripts', 'runBundled.mjs');
const SCRIPT = path.join(ROOT, 'scripts', 'checkContent.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const MANIFEST = bundleManifest('scripts/checkContent.ts');

/** Enough articles that every thread gets some, a few of them wrong in each way a check reports. */
function siteFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) {
    const links =
      i % 7 === 0
        ? 'Read [the report](http://example.com/report).\n'
        : 'See [the data](https://example.com/data).\n';
    files[`content/articles/bulk/story-${String(i).padStart(3, '0')}.md`] = articleSource(
      { title: `"Story number ${i}"`, topics: i % 5 === 0 ? null : '[trade]' },
      `First paragraph of story ${i}.\n\n## More\n\n${links}\n- one\n- two\n`,
    );
  }
  return {
    ...files,
    'content/articles/bad/unknown-section.md': articleSource({
      section: 'nowhere',
      topics: '[trade]',
    }),
    'content/articles/bad/level-one.md': articleSource(
      { title: '"Level one"', topics: '[trade]' },
      'Intro.\n\n# Not allowed\n',
    ),
    'content/articles/bad/missing-photo.md': articleSource(
      { title: '"Missing photo"', topics: '[trade]' },
      'Intro.\n\n![A photo](/images/missing.jpg "Caption. Photo: Broadsheet")\n',
    ),
    'content/articles/bad/broken-yaml.md': '---\ntitle: "Unclosed\nsummary: [\n---\n\nBody.\n',
    'content/articles/dup/same-one.md': articleSource({
      title: '"The same headline"',
      topics: '[trade]',
    }),
    'content/articles/dup/same-two.md': articleSource({
      title: '"The same headline"',
      topics: '[trade]',
    }),
  };
}

let site: Workspace;

beforeAll(async () => {
  site = await createWorkspace(siteFiles());
});

afterAll(async () => {
  await site?.dispose();
});

/** One whole-site check of the workspace: bundled (as `npm run content:check`) or under tsx. */
function check(how: 'bundled' | 'tsx', args: string[] = []) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BROADSHEET_CONTENT_ROOT: site.root,
    BROADSHEET_NOW: '2028-11-29T00:00:00Z',
  };
  delete env.BROADSHEET_RENDER_CACHE; // an editor's check
  const command =
    how === 'bundled'
      ? [RUN_BUNDLED, SCRIPT, ...args]
      : [TSX, '--conditions=react-server', SCRIPT, ...args];
  const result = spawnSync(process.execPath, command, { cwd: ROOT, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the whole-site content check on several threads', () => {
  it('prints exactly what one thread prints, and what tsx printed', () => {
    const one = check('bundled', ['--threads=1']);
    expect(one.status).toBe(1);
    const lines = one.stderr.trim().split('\n');
    // Problems (front matter, body, YAML), then warnings (including those from body links), then the count.
    expect(lines).toContain(
      'content/articles/bad/unknown-section.md:5: section: unknown section "nowhere" (known: china, world)',
    );
    expect(
      lines.some((line) =>
        line.startsWith('content/articles/bad/level-one.md:12: body: a level-1 heading'),
      ),
    ).toBe(true);
    expect(
      lines.some((line) =>
        line.startsWith(
          'content/articles/bad/missing-photo.md:12: body: image "/images/missing.jpg" not found',
        ),
      ),
    ).toBe(true);
    expect(lines[0]).toBe(
      'content/articles/bad/broken-yaml.md:2: title: the closing " is missing; end the value with " on the same line',
    );
    expect(lines).toContain(
      'content/articles/bulk/story-007.md:14: body: link to "http://example.com/report" is not secure: change it to https://example.com/report (check that it opens)',
    );
    expect(
      lines.some((line) =>
        line.startsWith('content/articles/dup/same-one.md:2: title: same headline as'),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^\d+ problems in content\/; nothing was published\. \d+ warnings\.$/,
    );

    expect(check('bundled', ['--threads=2'])).toEqual(one);
    expect(check('bundled', ['--threads=3'])).toEqual(one);
    expect(check('bundled')).toEqual(one);
    expect(check('tsx')).toEqual(one);
  }, 300_000);

  it('exits 0 with the same summary line on one thread and on two when the problems are fixed', async () => {
    for (const file of ['unknown-section', 'level-one', 'missing-photo', 'broken-yaml']) {
      await site.write(
        `content/articles/bad/${file}.md`,
        articleSource({ title: `"Fixed ${file}"`, topics: '[trade]' }),
      );
    }
    const one = check('bundled', ['--threads=1', '--strict']);
    expect(one.status).toBe(1); // warnings, with --strict
    expect(check('bundled', ['--threads=2', '--strict'])).toEqual(one);
    const relaxed = check('bundled', ['--threads=2']);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toMatch(
      /^\ncontent\/ is valid: \d+ articles \(1 draft, 1 scheduled\), .* — 0 errors, \d+ warnings\.\n$/,
    );
    expect(check('bundled', ['--threads=1'])).toEqual(relaxed);
  }, 300_000);

  it('has a worker render the files it takes and send back their records and outlines', async () => {
    check('bundled', ['--threads=1']); // makes the bundle, if a source changed since the last
    const manifest: { bundle: string } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const files = Object.keys(siteFiles()).filter((file) => file.includes('/bulk/'));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(path.join(path.dirname(MANIFEST), manifest.bundle), {
      workerData: { location: site.location(), files, next },
      env: {
        ...process.env,
        BROADSHEET_CONTENT_ROOT: site.root,
        BROADSHEET_NOW: '2028-11-29T00:00:00Z',
      },
    });
    const done: {
      records: [string, { body?: { hash: string } }][];
      outlines: [string, unknown][];
    } = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(done.records.map(([file]) => file)).toEqual(files);
    expect(new Set(done.outlines.map(([hash]) => hash))).toEqual(
      new Set(done.records.map(([, record]) => record.body?.hash)),
    );
    expect(Atomics.load(next, 0)).toBeGreaterThanOrEqual(files.length);
  }, 120_000);
});
