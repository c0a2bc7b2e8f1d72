#!/usr/bin/env bash
# One shard of an hvsim sweep per task of a Slurm job array (docs/cluster.md).
#   sbatch --array=1-N docs/cluster/slurm-array.sh SCENARIO OUTDIR
# Task I runs 'hvsim run SCENARIO --shard I/N' into OUTDIR/shard-I; when every task is done,
#   hvsim merge OUTDIR/shard-* --out OUTDIR/merged
# gives the same metrics.csv, results.json and report as one unsharded run.
# HVSIM is the command that runs hvsim (default: java -jar scenarios/target/hvsim.jar in the submit
# directory; build it once beforehand, so that the tasks do not all build it at once).
#SBATCH --job-name=hvsim-shard
#SBATCH --cpus-per-task=2
#SBATCH --output=hvsim-shard-%A_%a.log
set -euo pipefail
scenario="${1:?usage: sbatch --array=1-N slurm-array.sh SCENARIO OUTDIR}"
out="${2:?usage: sbatch --array=1-N slurm-array.sh SCENARIO OUTDIR}"
: "${SLURM_ARRAY_TASK_ID:?not a job-array task: submit with sbatch --array=1-N}"
count="${SLURM_ARRAY_TASK_COUNT:-$SLURM_ARRAY_TASK_MAX}"
hvsim="${HVSIM:-java -jar ${SLURM_SUBMIT_DIR:-.}/scenarios/target/hvsim.jar}"
mkdir -p "$out"
# shellcheck disable=SC2086 # HVSIM is a command line
$hvsim run "$scenario" --shard "$SLURM_ARRAY_TASK_ID/$count" --out "$out/shard-$SLURM_ARRAY_TASK_ID" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet
