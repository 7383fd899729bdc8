import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatIssue } from '@/lib/content/errors';
import { checkContent } from '@/lib/content/loadSite';

const FIXTURE_SITE = path.join(import.meta.dirname, '..', 'fixtures', 'site');

/**
 * A throwaway project folder holding a copy of the valid fixture site plus whatever files a
 * test writes into it, so loader tests run on real Markdown files on disk.
 */
export async function createWorkspace(files: Record<string, string> = {}, options: { empty?: boolean } = {}) {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-content-'));
  if (!options.empty) await cp(FIXTURE_SITE, root, { recursive: true });
  const workspace = {
    root,
    async write(relative: string, text: string) {
      const file = path.join(root, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    },
    async link(relative: string, target: string) {
      const file = path.join(root, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await symlink(target, file);
    },
    /** Every problem `content:check` would print, one line each. */
    async problems(): Promise<string[]> {
      const { issues } = await checkContent(workspace.location());
      return issues.map(formatIssue);
    },
    async content() {
      return (await checkContent(workspace.location())).content;
    },
    location() {
      return { projectRoot: root, contentDir: path.join(root, 'content'), publicDir: path.join(root, 'public') };
    },
    async dispose() {
      await rm(root, { recursive: true, force: true });
    },
  };
  for (const [relative, text] of Object.entries(files)) await workspace.write(relative, text);
  return workspace;
}

export type Workspace = Awaited<ReturnType<typeof createWorkspace>>;

/** A valid article's front matter lines, with overrides: `null` removes a field. */
export function articleSource(fields: Record<string, string | null> = {}, body = 'A paragraph of body text.\n'): string {
  const defaults: Record<string, string> = {
    title: '"A valid headline"',
    summary: '["One bullet."]',
    author: 'jane-doe',
    section: 'china',
    publishedAt: '"2026-11-26T09:30:00+08:00"',
  };
  const lines = Object.entries({ ...defaults, ...fields })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}
