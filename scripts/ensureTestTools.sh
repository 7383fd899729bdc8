#!/usr/bin/env bash
# The browser tests drive Debian's Chromium, check built HTML with the Nu HTML Checker (which
# runs on Java), test the documented nginx deployment and read printed articles back from PDF
# with pdftotext (poppler-utils). Install whichever of the four this machine lacks (needs root
# or sudo).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages for the browser tests: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
# Debian starts the packaged nginx on port 80; the tests run their own instance.
if [[ " ${missing[*]} " == *" nginx "* ]]; then
  $SUDO systemctl disable --now nginx >/dev/null 2>&1 || $SUDO service nginx stop >/dev/null 2>&1 || true
fi
