#!/usr/bin/env bash
# Installs Debian packages for an optional test, once per machine: as root with apt-get only, with a
# marker in /var/tmp so that a machine without the mirrors fails once, quickly, and the test is then
# skipped with a message instead of retrying on every build; bounded by timeouts.
#   apt-install-once.sh NAME PACKAGE...     exit 0 when installed now, 1 otherwise (reason on stderr)
set -uo pipefail
name="$1"; shift
marker="/var/tmp/hvsim-$name-install.attempted"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-$name: not root with apt-get, cannot install $*" >&2
  exit 1
fi
if [ -e "$marker" ]; then
  echo "install-$name: already tried on this machine ($(cat "$marker" 2>/dev/null)); remove $marker to retry" >&2
  exit 1
fi
date -u +"%Y-%m-%dT%H:%M:%SZ" > "$marker" 2>/dev/null || true
export DEBIAN_FRONTEND=noninteractive
echo "install-$name: apt-get install $* (once per machine)..." >&2
if ! timeout 120 apt-get update -qq >/dev/null; then
  echo "install-$name: apt-get update failed or timed out" >&2
  echo "apt-get update failed" >> "$marker"
  exit 1
fi
if ! timeout 360 apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
  echo "install-$name: apt-get install failed or timed out" >&2
  echo "apt-get install failed" >> "$marker"
  exit 1
fi
