#!/usr/bin/env bash
# `npm run bench`: installs what the benchmarks need (Chromium, wrk, nginx, Hugo), then runs
# them all (bench/run.mjs). Results: bench/results/latest.md and latest.json.
# `npm run bench -- --archive`: the archive benchmark instead (bench/archive.mjs; size from
# BENCH_ARCHIVE_SIZE). Results: bench/results/archive.md and archive.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/ensureTools.sh
node bench/run.mjs "$@"
