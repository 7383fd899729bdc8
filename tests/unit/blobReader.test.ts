import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBlobReader } from '@/lib/history/blobReader';

const repo = mkdtempSync(path.join(tmpdir(), 'broadsheet-blobs-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' }).trim();

git('init', '-q');
writeFileSync(path.join(repo, 'a.md'), 'first ünïcödé 稀土\n');
git('add', '.');
git('commit', '-q', '-m', 'one');
const first = git('rev-parse', 'HEAD');
writeFileSync(path.join(repo, 'a.md'), `${'long line\n'.repeat(20_000)}`);
git('commit', '-q', '-am', 'two');
const second = git('rev-parse', 'HEAD');

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('reading past revisions through one git process', () => {
  it('answers many requests in order, with missing files as undefined', async () => {
    const blobs = createBlobReader(repo);
    const answers = await Promise.all([
      blobs.read(first, 'a.md'),
      blobs.read(second, 'a.md'),
      blobs.read(first, 'missing.md'),
      blobs.read('0'.repeat(40), 'a.md'),
      blobs.read(first, 'a.md'),
    ]);
    blobs.close();
    expect(answers[0]).toBe('first ünïcödé 稀土\n');
    expect(answers[1]?.length).toBe(200_000);
    expect(answers.slice(2, 4)).toEqual([undefined, undefined]);
    expect(answers[4]).toBe(answers[0]);
  });

  it('answers nothing, without hanging, once closed or outside a repository', async () => {
    const closed = createBlobReader(repo);
    closed.close();
    expect(await closed.read(first, 'a.md')).toBeUndefined();
    const nowhere = createBlobReader(tmpdir());
    expect(await nowhere.read(first, 'a.md')).toBeUndefined();
  });
});
