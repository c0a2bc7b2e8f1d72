#!/usr/bin/env bash
# Test setup: installs Debian's Slurm (slurmctld, slurmd, slurm-client) and munge for SlurmArrayTest,
# which starts a single-node cluster of its own on localhost (docs/cluster.md), if they are missing
# and this machine may install packages (once per machine: .ci/apt-install-once.sh).
# Exit 0 when the programs are there afterwards, 1 otherwise; the reason goes to stderr.
set -uo pipefail
found() { command -v sbatch >/dev/null 2>&1 && [ -x /usr/sbin/slurmctld ] && [ -x /usr/sbin/slurmd ] && [ -x /usr/sbin/munged ]; }
found && exit 0
bash "$(dirname "$0")/../.ci/apt-install-once.sh" slurm slurmctld slurmd slurm-client munge && found
