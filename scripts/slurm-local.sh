#!/bin/bash
# A real single-node Slurm for the cluster tests: Debian's slurm-wlm and munge, run as root with
# their own key, state, spool and log directories under DIR and unprivileged ports.
#
#   scripts/slurm-local.sh start DIR   # starts munged, slurmctld, slurmd; prints SLURM_CONF=DIR/slurm.conf
#   scripts/slurm-local.sh stop DIR    # cancels its jobs, stops the daemons it started (by PID)
#
# Clients (sbatch, squeue, scancel) talk to it with SLURM_CONF=DIR/slurm.conf.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

# A free TCP port in [20000, 40000).
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    echo "no free port found" >&2; return 1
}

# Stops the daemon whose PID is in DIR/pids/NAME, if it is still that program.
stop_daemon() {
    local name=$1 file="$dir/pids/$1" pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file")
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
        if [ -d "/proc/$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$file"
}

start() {
    for tool in munged slurmctld slurmd sbatch squeue sinfo scancel; do
        command -v "$tool" >/dev/null || { echo "$tool not found: install slurm-wlm and munge (make slurm-deps)" >&2; exit 1; }
    done
    [ "$(id -u)" -eq 0 ] || { echo "slurm-local.sh runs as root (slurmd starts jobs as their users)" >&2; exit 1; }
    mkdir -p "$dir"/{munge,state,spool,log,pids}
    chmod 700 "$dir" "$dir/munge"
    dir=$(cd "$dir" && pwd)

    # munged with a generated key and its own socket.
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge/munge.key"
    munged --foreground --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
        >"$dir/log/munged.out" 2>&1 &
    echo $! >"$dir/pids/munged"
    for _ in $(seq 1 50); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.1; done
    [ -S "$dir/munge/munge.socket" ] || { echo "munged did not start: $(tail -3 "$dir/log/munged.out" "$dir/log/munged.log" 2>/dev/null)" >&2; exit 1; }

    local host ctld_port slurmd_port
    host=$(hostname -s)
    ctld_port=$(free_port)
    slurmd_port=$(free_port)
    while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done
    cat >"$dir/slurm.conf" <<CONF
ClusterName=wgmfig-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=3600
KillWait=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF="$dir/slurm.conf"
    slurmctld -D -c -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 &
    echo $! >"$dir/pids/slurmctld"
    slurmd -D -f "$SLURM_CONF" -N "$host" >"$dir/log/slurmd.out" 2>&1 &
    echo $! >"$dir/pids/slurmd"
    for _ in $(seq 1 300); do
        if [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = "idle" ]; then echo "SLURM_CONF=$SLURM_CONF"; return 0; fi
        sleep 0.1
    done
    echo "Slurm did not come up in 30 s: $(tail -2 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')" >&2
    stop; exit 1
}

stop() {
    dir=$(cd "$dir" 2>/dev/null && pwd) || return 0
    if [ -f "$dir/pids/slurmctld" ] && [ -f "$dir/slurm.conf" ]; then
        SLURM_CONF="$dir/slurm.conf" scancel --quiet --full --user=root 2>/dev/null || true
        for _ in $(seq 1 30); do
            [ -z "$(SLURM_CONF="$dir/slurm.conf" squeue -h -t running,completing 2>/dev/null)" ] && break
            sleep 0.1
        done
    fi
    stop_daemon slurmd
    stop_daemon slurmctld
    stop_daemon munged
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
