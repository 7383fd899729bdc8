import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleSource, createWorkspace } from '../support/contentWorkspace';
import type { Workspace } from '../support/contentWorkspace';

const BUILD_SCRIPT = path.join(import.meta.dirname, '..', '..', 'scripts', 'build.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
let workspace: Workspace | undefined;

afterAll(async () => {
  await workspace?.dispose();
});

describe('a build with one invalid article among 1,000 valid ones', () => {
  it('lists every error, exits non-zero and leaves the previous site intact', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) {
      files[`content/articles/bulk/story-${i}.md`] = articleSource(
        { title: `"Story number ${i}"` },
        `First paragraph of story ${i}.\n\nSecond paragraph with [a link](https://example.com/${i}).\n`,
      );
    }
    files['content/articles/bulk/broken-one.md'] = articleSource({ section: 'nowhere', titel: '"typo"' });
    workspace = await createWorkspace(files);
    await mkdir(path.join(workspace.root, '.next'), { recursive: true });
    await writeFile(path.join(workspace.root, '.next', 'BUILD_ID'), 'previous-build');

    const result = spawnSync(process.execPath, [TSX, BUILD_SCRIPT], { cwd: workspace.root, encoding: 'utf8' });

    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n');
    expect(lines).toContain('content/articles/bulk/broken-one.md:7: titel: unknown field (did you mean "title"?)');
    expect(lines).toContain('content/articles/bulk/broken-one.md:5: section: unknown section "nowhere" (known: china, world)');
    // The summary line goes on to count the warnings (here, articles without topics).
    expect(lines.some((line) => line.startsWith('2 problems in content/; nothing was published.'))).toBe(true);
    expect(await readFile(path.join(workspace.root, '.next', 'BUILD_ID'), 'utf8')).toBe('previous-build');
  }, 120_000);
});
