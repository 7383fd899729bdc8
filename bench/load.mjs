#!/usr/bin/env node
/**
 * Load test: wrk, 64 connections for 30 s on loopback, against the production server
 * (`next start` on the last build) for an article page. Reports requests per second and
 * p50/p99 latency, writes bench/results/load.md, and exits 1 on any error or non-2xx answer.
 *
 *   node bench/load.mjs [--port 3300] [--duration 30s] [--connections 64]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { option, ROOT, startNextServer, waitForServer } from './server.mjs';

const PORT = Number(option('port', '3300'));
const DURATION = option('duration', '30s');
const CONNECTIONS = option('connections', '64');
const PAGE = '/article/china-rare-earths-spy-warning';

/** Parses wrk's report (with --latency) into numbers. */
export function parseWrk(output) {
  const number = (pattern) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : undefined;
  };
  const toMs = (value, unit) => value * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? 1);
  const latency = (percent) => {
    const match = new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s|m)`, 'm').exec(output);
    return match ? toMs(Number(match[1]), match[2]) : undefined;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/(\d+) requests in/),
    p50Ms: latency(50),
    p99Ms: latency(99),
    maxMs: (() => {
      const match = /Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m)/.exec(output);
      return match ? toMs(Number(match[1]), match[2]) : undefined;
    })(),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0,
    socket: Object.fromEntries(['connect', 'read', 'write', 'timeout'].map((kind, index) => [kind, socket ? Number(socket[index + 1]) : 0])),
  };
}

/**
 * A 5-second warm-up first (Node compiles its hot paths on the first requests; the measured
 * run should see the server as readers do after a deploy has settled), then the measured run.
 * wrk's own 2 s request timeout would count a slow answer as a socket error; 10 s keeps
 * "error" meaning a failed request, while p99 still shows any slowness.
 */
export async function runLoad({ url, label }) {
  spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, '-d5s', url], { encoding: 'utf8' });
  const result = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}`, '--timeout', '10s', '--latency', url], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  return { label, url, ...parseWrk(result.stdout) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = startNextServer(PORT);
  try {
    const url = `http://127.0.0.1:${PORT}${PAGE}`;
    await waitForServer(url);
    const row = await runLoad({ url, label: 'next start' });
    const lines = [
      `wrk, ${CONNECTIONS} connections, ${DURATION}, 2 threads, loopback; article page \`${PAGE}\`.`,
      '',
      '| server | requests/s | p50 | p99 | max | requests | errors |',
      '|---|---|---|---|---|---|---|',
      `| ${row.label} | ${row.requestsPerSecond?.toFixed(0)} | ${row.p50Ms?.toFixed(2)} ms | ${row.p99Ms?.toFixed(2)} ms | ${row.maxMs?.toFixed(0)} ms | ${row.requests} | ${row.non2xx + row.socketErrors} |`,
    ];
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/load.md'), `# Load test\n\n${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
    if (row.non2xx + row.socketErrors > 0) {
      console.error(`load test: ${row.non2xx} non-2xx answers and ${row.socketErrors} socket errors`);
      process.exitCode = 1;
    }
  } finally {
    server.stop();
  }
}
