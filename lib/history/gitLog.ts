import 'server-only';
import { execFile } from 'node:child_process';
import { z } from 'zod';
import { parseTimestamp } from '../content/timestamp';
import type { Timestamp } from '../content/timestamp';

/** One commit that changed a file, and the file's path in that commit. */
export type FileCommit = { commit: string; date: Timestamp; path: string };

/** Every file under a folder (by its path at HEAD) → the commits that changed it, oldest first. */
export type LogIndex = Map<string, FileCommit[]>;

/** Thrown when git is missing or the folder is not in a repository: history is unavailable. */
export class GitUnavailableError extends Error {
  readonly kind = 'git-unavailable';
}

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/**
 * Runs git with an argument array (never a shell), in `cwd`. Paths in `args` come only from
 * loaded content, never from a URL.
 */
export function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
      (error, stdout) => (error ? reject(new GitUnavailableError(error.message)) : resolve(stdout)),
    );
  });
}

/** The HEAD commit id of the repository holding `cwd`. */
export async function readHead(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', 'HEAD'])).trim();
}

/** The top folder of the repository holding `cwd`. */
export async function readTopLevel(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

const CommitHeader = z.object({
  commit: z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/),
  date: z
    .string()
    .transform(
      (text, ctx) =>
        parseTimestamp(text) ?? (ctx.addIssue({ code: 'custom', message: 'bad date' }), z.NEVER),
    ),
});

const NameStatus = z.union([
  z.tuple([z.string().regex(/^[AMT]$/), z.string().min(1)]),
  z.tuple([z.literal('D'), z.string().min(1)]),
  z.tuple([z.string().regex(/^[RC]\d{0,3}$/), z.string().min(1), z.string().min(1)]),
]);

type Change = { status: string; from: string; to: string };
type LogCommit = { commit: string; date: Timestamp; changes: Change[] };

const HEADER_MARK = '\u001e';

/**
 * One `git log --name-status` pass over `folder` (relative to the repository's top), parsed
 * into commits, newest first. Lines that do not have the expected shape are skipped.
 */
export async function readFolderLog(topLevel: string, folder: string): Promise<LogCommit[]> {
  const output = await runGit(topLevel, [
    'log',
    '-M',
    '--no-merges',
    '--name-status',
    `--format=${HEADER_MARK}%H %cI`,
    '--',
    folder || '.',
  ]);
  return output
    .split(HEADER_MARK)
    .slice(1)
    .flatMap((chunk) => parseCommit(chunk));
}

function parseCommit(chunk: string): LogCommit[] {
  const [header = '', ...lines] = chunk.split('\n');
  const [commit, date] = header.trim().split(' ');
  const parsed = CommitHeader.safeParse({ commit, date });
  if (!parsed.success) return [];
  const changes = lines.flatMap((line): Change[] => {
    const status = NameStatus.safeParse(line.split('\t'));
    if (!status.success) return [];
    const [code, from, to] = status.data;
    return [{ status: code.charAt(0), from, to: to ?? from }];
  });
  return [{ ...parsed.data, changes }];
}

/**
 * Path → commits, following renames: replaying the log oldest first, a rename carries the old
 * path's commits over to the new path, a deletion ends them, an addition starts afresh.
 */
export function indexLog(newestFirst: LogCommit[]): LogIndex {
  const index: LogIndex = new Map();
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const entry = newestFirst[i];
    if (!entry) continue;
    for (const change of entry.changes) {
      const commit: FileCommit = { commit: entry.commit, date: entry.date, path: change.to };
      if (change.status === 'D') {
        index.delete(change.from);
      } else if (change.status === 'A' || change.status === 'C') {
        index.set(change.to, [commit]);
      } else {
        const earlier = index.get(change.from) ?? [];
        index.delete(change.from);
        earlier.push(commit);
        index.set(change.to, earlier);
      }
    }
  }
  return index;
}
