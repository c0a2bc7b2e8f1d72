#!/usr/bin/env bash
# Test setup: installs Debian's chromium for the headless check of report.html
# (ReportInChromiumTest), if it is missing and this machine may install packages.
#
# Runs only as root with apt-get, and tries at most once per machine (a marker file in /var/tmp):
# a machine without the Debian mirrors fails once, quickly, and the check is then skipped
# with a message instead of retrying on every build. Bounded by timeouts.
# Exit 0 when chromium is there afterwards, 1 otherwise; the reason goes to stderr.
set -uo pipefail

marker=/var/tmp/hvsim-chromium-install.attempted

found() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }

if found; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-chromium: not root, cannot install the chromium package" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get on this machine" >&2
  exit 1
fi
if [ -e "$marker" ]; then
  echo "install-chromium: already tried on this machine ($(cat "$marker" 2>/dev/null)); remove $marker to retry" >&2
  exit 1
fi
date -u +"%Y-%m-%dT%H:%M:%SZ" > "$marker" 2>/dev/null || true

export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: apt-get update and install chromium (once per machine)..." >&2
if ! timeout 120 apt-get update -qq >/dev/null; then
  echo "install-chromium: apt-get update failed or timed out" >&2
  echo "apt-get update failed" >> "$marker"
  exit 1
fi
if ! timeout 360 apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "install-chromium: apt-get install chromium failed or timed out" >&2
  echo "apt-get install failed" >> "$marker"
  exit 1
fi
found
