#!/usr/bin/env bash
# Test harness (SlurmArrayTest): a single-node Slurm on localhost from Debian's packages, with its own
# configuration, state and ports under WORK, so that it touches no system cluster.
#   single-node-slurm.sh start WORK    # munged (if not running), slurmctld, slurmd; waits until the node is idle
#   single-node-slurm.sh stop WORK
# Needs root (slurmd runs jobs as the submitting user and SlurmUser is root here).
set -euo pipefail
cmd="$1"; work="$2"
conf="$work/slurm.conf"
host="$(hostname -s)"
case "$cmd" in
  start)
    mkdir -p "$work/state" "$work/spool"
    cat > "$conf" <<CONF
ClusterName=hvsim-test
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16917
SlurmdPort=16918
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=hvsim Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    if ! pgrep -x munged >/dev/null; then
      mkdir -p /run/munge /var/log/munge /var/lib/munge
      chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
      [ -s /etc/munge/munge.key ] || { mungekey --create 2>/dev/null || create-munge-key -f; chown munge:munge /etc/munge/munge.key; }
      runuser -u munge -- /usr/sbin/munged
    fi
    slurmctld -c -f "$conf"
    slurmd -f "$conf"
    for _ in $(seq 1 60); do
      if SLURM_CONF="$conf" sinfo -h -o %t 2>/dev/null | grep -qx idle; then
        exit 0
      fi
      sleep 1
    done
    echo "single-node-slurm: the node did not become idle in 60 s" >&2
    tail -n 20 "$work/slurmctld.log" "$work/slurmd.log" >&2 || true
    exit 1
    ;;
  stop)
    pids=""
    for d in slurmd slurmctld; do
      if [ -f "$work/$d.pid" ]; then
        pid="$(cat "$work/$d.pid")"
        kill "$pid" 2>/dev/null && pids="$pids $pid"
      fi
    done
    # wait until they have exited (they write their state on the way out)
    for _ in $(seq 1 100); do
      alive=""
      for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
      [ -z "$alive" ] && exit 0
      sleep 0.1
    done
    for pid in $pids; do kill -9 "$pid" 2>/dev/null || true; done
    ;;
  *)
    echo "usage: $0 start|stop WORK" >&2
    exit 2
    ;;
esac
