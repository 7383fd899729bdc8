#!/usr/bin/env node
/** Waits (up to ten minutes) until a URL answers, then exits 0: `node scripts/waitForServer.mjs <url>`. */
const url = process.argv[2];
const deadline = Date.now() + 600_000;
while (Date.now() < deadline) {
  try {
    if ((await fetch(url)).status < 500) process.exit(0);
  } catch {
    // not up yet
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
console.error(`${url} did not answer within ten minutes`);
process.exit(1);
