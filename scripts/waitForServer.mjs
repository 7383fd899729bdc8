#!/usr/bin/env node
/**
 * Waits until a URL answers 2xx: `node scripts/waitForServer.mjs <url>` (up to ten minutes,
 * then exit 1). The benchmarks import `waitForServer` from here too.
 */
export async function waitForServer(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await waitForServer(process.argv[2], 600_000);
  } catch (error) {
    console.error(String(error));
    process.exit(1);
  }
}
