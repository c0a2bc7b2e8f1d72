#!/usr/bin/env bash
# Test setup: installs Debian's Slurm (slurmctld, slurmd, slurm-client) and munge for SlurmArrayTest,
# which starts a single-node cluster of its own on localhost (docs/cluster.md), if they are missing
# and this machine may install packages. Root with apt-get only; tried at most once per machine (a
# marker in /var/tmp) and bounded by timeouts, so a machine without the mirrors fails once, quickly,
# and the test is then skipped with a message. Exit 0 when the programs are there afterwards.
set -uo pipefail

marker=/var/tmp/hvsim-slurm-install.attempted
found() { command -v sbatch >/dev/null 2>&1 && [ -x /usr/sbin/slurmctld ] && [ -x /usr/sbin/slurmd ] && [ -x /usr/sbin/munged ]; }

if found; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-slurm: not root with apt-get, cannot install the slurm packages" >&2
  exit 1
fi
if [ -e "$marker" ]; then
  echo "install-slurm: already tried on this machine ($(cat "$marker" 2>/dev/null)); remove $marker to retry" >&2
  exit 1
fi
date -u +"%Y-%m-%dT%H:%M:%SZ" > "$marker" 2>/dev/null || true
export DEBIAN_FRONTEND=noninteractive
echo "install-slurm: apt-get install slurmctld slurmd slurm-client munge (once per machine)..." >&2
if ! timeout 120 apt-get update -qq >/dev/null; then
  echo "install-slurm: apt-get update failed or timed out" >&2
  echo "apt-get update failed" >> "$marker"
  exit 1
fi
if ! timeout 300 apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null; then
  echo "install-slurm: apt-get install failed or timed out" >&2
  echo "apt-get install failed" >> "$marker"
  exit 1
fi
found
