#!/usr/bin/env bash
# The benchmarks drive Debian's Chromium (Lighthouse), wrk (load), nginx (the serving
# comparison and the documented deployment) and Hugo (the cold-build comparison); install
# whichever is missing.
set -euo pipefail
bash scripts/ensureTestTools.sh
missing=()
for tool in wrk nginx hugo; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts the packaged nginx on port 80; the benchmarks run their own instances.
if [[ " ${missing[*]} " == *" nginx "* ]]; then
  $SUDO systemctl disable --now nginx >/dev/null 2>&1 || $SUDO service nginx stop >/dev/null 2>&1 || true
fi
