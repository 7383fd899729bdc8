#!/usr/bin/env bash
# The benchmarks drive Debian's Chromium (Lighthouse) and wrk (load); install what is missing.
set -euo pipefail
bash scripts/ensureTestTools.sh
command -v wrk >/dev/null 2>&1 && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
