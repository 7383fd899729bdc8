import 'server-only';
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';

/**
 * Reads files as they were in past commits through one long-lived `git cat-file --batch`,
 * answering requests in the order they were made. A build that asks about 10,000 articles
 * with several revisions each then starts one git process, not one per revision.
 */
export type BlobReader = {
  /** The file's text in that commit; undefined when git has no such file there. */
  read(commit: string, path: string): Promise<string | undefined>;
  /** Lets git finish what was asked and exit. */
  close(): void;
};

export function createBlobReader(topLevel: string): BlobReader {
  const child = spawn('git', ['cat-file', '--batch'], { cwd: topLevel, stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting: ((text: string | undefined) => void)[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  // The pipes to and from git are sockets: they hold the process open only while an answer is
  // due, so a build or a script can exit with the reader still open.
  const pipes = [child.stdin, child.stdout].filter((pipe) => pipe instanceof Socket);
  const hold = (open: boolean) => pipes.forEach((pipe) => (open ? pipe.ref() : pipe.unref()));
  let closed = false;
  const fail = () => {
    closed = true;
    for (const resolve of waiting.splice(0)) resolve(undefined);
  };
  child.on('error', fail);
  child.on('exit', fail);
  child.stdin.on('error', fail); // git gone (not a repository): answer nothing, never throw
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    buffer = answer(buffer, waiting);
    if (waiting.length === 0) hold(false);
  });
  child.unref();
  hold(false);
  return {
    read(commit, path) {
      if (closed || /[\n\r]/.test(path)) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        waiting.push(resolve);
        hold(true);
        child.stdin.write(`${commit}:${path}\n`);
      });
    },
    close() {
      closed = true;
      child.stdin.end();
    },
  };
}

/** Hands every complete answer in `buffer` to the oldest waiting request; returns what is left. */
function answer(buffer: Buffer, waiting: ((text: string | undefined) => void)[]): Buffer {
  let rest = buffer;
  while (waiting.length > 0) {
    const newline = rest.indexOf(10);
    if (newline === -1) break;
    const [, type, sizeText] = rest.subarray(0, newline).toString('utf8').split(' ');
    if (sizeText === undefined) {
      // "<name> missing" or "<name> ambiguous": no such file in that commit.
      rest = rest.subarray(newline + 1);
      waiting.shift()?.(undefined);
      continue;
    }
    const size = Number(sizeText);
    if (rest.length < newline + 1 + size + 1) break;
    const content = rest.subarray(newline + 1, newline + 1 + size).toString('utf8');
    rest = rest.subarray(newline + 1 + size + 1);
    waiting.shift()?.(type === 'blob' ? content : undefined);
  }
  return rest;
}
