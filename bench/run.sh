#!/usr/bin/env bash
# `npm run bench`: installs what the benchmarks need, builds the site and runs them.
# Results go to bench/results/ (commit the ones you quote).
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/ensureTools.sh
npm run build
node bench/load.mjs
node bench/lighthouse.mjs
