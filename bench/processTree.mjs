/**
 * Runs a command and measures it: wall time and the peak of the summed resident memory of
 * the command and every process it starts (Next's build runs in several), sampled from /proc
 * every 100 ms. Linux only, like the benchmark.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

function processTable() {
  const table = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid ... (rss is field 24).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.push({ pid: Number(entry), ppid: Number(fields[1]), rssKb: Number(fields[21]) * PAGE_KB });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** The summed resident memory of a process tree, and the largest single process in it. */
export function treeRssKb(rootPid) {
  const table = processTable();
  const children = new Map();
  for (const row of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  let total = 0;
  let largest = 0;
  const stack = [rootPid];
  const seen = new Set();
  while (stack.length > 0) {
    const pid = stack.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    const own = table.find((row) => row.pid === pid);
    if (own) {
      total += own.rssKb;
      largest = Math.max(largest, own.rssKb);
    }
    for (const child of children.get(pid) ?? []) stack.push(child.pid);
  }
  return { total, largest };
}

/**
 * Resolves to { seconds, peakMb, largestProcessMb, code, output } once the command ends:
 * peakMb is the highest sum over the whole tree, largestProcessMb the biggest single process.
 */
export function measure(command, args, { cwd, env, quiet = true, timeoutMs } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let peakKb = 0;
    let largestKb = 0;
    const timer = setInterval(() => {
      const { total, largest } = treeRssKb(child.pid);
      peakKb = Math.max(peakKb, total);
      largestKb = Math.max(largestKb, largest);
    }, 100);
    let timedOut = false;
    const limit = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutMs)
      : undefined;
    child.on('exit', (code) => {
      clearInterval(timer);
      clearTimeout(limit);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({
        seconds,
        peakMb: Math.round(peakKb / 1024),
        largestProcessMb: Math.round(largestKb / 1024),
        code: code ?? 1,
        timedOut,
        output,
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  const result = await measure(command, args, { quiet: false });
  console.log(
    `\n${result.seconds.toFixed(1)} s, peak ${result.peakMb} MB (largest process ${result.largestProcessMb} MB), exit ${result.code}`,
  );
  process.exit(result.code);
}
