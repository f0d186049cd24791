#!/bin/bash
# A real single-node Slurm for the cluster tests: Debian's slurm-wlm and munge, run as root with
# their own key, state, spool and log directories under DIR and unprivileged ports.
#
#   scripts/slurm-local.sh start DIR   # starts munged, slurmctld, slurmd; prints SLURM_CONF=DIR/slurm.conf
#   scripts/slurm-local.sh stop DIR    # cancels its jobs, stops the daemons it started (by PID)
#
# Clients (sbatch, squeue, scancel) talk to it with SLURM_CONF=DIR/slurm.conf.
#
# Reliability: every daemon runs in its own session with stdin from /dev/null, stdout and stderr
# into DIR/log and every other inherited descriptor closed, so a caller reading this script's
# output through a pipe gets EOF when the script ends. Every wait has a deadline (START_TIMEOUT,
# default 30 s; client calls 5 s each). `stop` signals only the PIDs recorded in DIR/pids (checked
# against the program name) and the job step daemons (slurmstepd) writing into DIR/log, with their processes.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2
start_timeout=${START_TIMEOUT:-30}

# A free TCP port in [20000, 40000).
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    echo "no free port found" >&2; return 1
}

# Runs a client (sinfo, squeue, scancel) of this cluster, at most 5 s.
client() { SLURM_CONF="$dir/slurm.conf" timeout -k 1 5 "$@" </dev/null 2>/dev/null; }

# Starts `NAME ARGS…` as a daemon: own session, stdin /dev/null, output into DIR/log/NAME.out,
# no other inherited descriptor; records its PID in DIR/pids/NAME.
spawn() {
    local name=$1; shift
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        exec setsid "$@" </dev/null >"$dir/log/$name.out" 2>&1
    ) &
    local pid=$!
    echo "$pid" >"$dir/pids/$name"
    # Until the subshell has closed its descriptors and exec'd (through setsid) into NAME, its
    # /proc comm is still this script's: wait for that (5 s at most) so that is_ours does not
    # take a daemon that is still starting for one that exited.
    local until_=$((SECONDS + 5)) comm
    while [ $SECONDS -lt $until_ ]; do
        comm=$(cat "/proc/$pid/comm" 2>/dev/null) || break
        [ "$comm" = "$name" ] && break
        sleep 0.02
    done
}

# True while PID is alive (not a zombie) and still runs NAME (not a recycled PID).
is_ours() {
    [ -n "$2" ] && [ "$(cat "/proc/$2/comm" 2>/dev/null)" = "$1" ] || return 1
    local stat
    stat=$(cat "/proc/$2/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ "${stat%% *}" != Z ]
}

# Stops the daemon whose PID is in DIR/pids/NAME, if it is still that program: TERM, 5 s, KILL.
stop_daemon() {
    local name=$1 file="$dir/pids/$1" pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file")
    if is_ours "$name" "$pid"; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do is_ours "$name" "$pid" || break; sleep 0.1; done
        if is_ours "$name" "$pid"; then kill -9 "$pid" 2>/dev/null || true; sleep 0.2; fi
    fi
    rm -f "$file"
}

# The slurmstepd processes of this cluster (they hold DIR/log/slurmd.log open), one PID a line.
stepds() {
    local p
    for p in $(pgrep -x slurmstepd 2>/dev/null || true); do
        if ls -l "/proc/$p/fd" 2>/dev/null | grep -q -- "-> $dir/log/"; then echo "$p"; fi
    done
}

# PID and all its descendants, one a line.
tree() {
    local c
    echo "$1"
    for c in $(pgrep -P "$1" 2>/dev/null || true); do tree "$c"; done
}

fail() { echo "$1" >&2; stop; exit 1; }

start() {
    for tool in munged slurmctld slurmd sbatch squeue sinfo scancel setsid timeout pgrep; do
        command -v "$tool" >/dev/null || { echo "$tool not found: install slurm-wlm and munge (make slurm-deps)" >&2; exit 1; }
    done
    [ "$(id -u)" -eq 0 ] || { echo "slurm-local.sh runs as root (slurmd starts jobs as their users)" >&2; exit 1; }
    mkdir -p "$dir"/{munge,state,spool,log,pids}
    chmod 700 "$dir" "$dir/munge"
    dir=$(cd "$dir" && pwd)
    local deadline=$((SECONDS + start_timeout))

    # munged with a generated key and its own socket.
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge/munge.key"
    spawn munged munged --foreground --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"
    until [ -S "$dir/munge/munge.socket" ]; do
        is_ours munged "$(cat "$dir/pids/munged")" || fail "munged exited: $(tail -3 "$dir/log/munged.out" "$dir/log/munged.log" 2>/dev/null | tr '\n' ' ')"
        [ $SECONDS -lt $deadline ] || fail "munged did not create its socket in $start_timeout s"
        sleep 0.1
    done

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
MessageTimeout=5
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF="$dir/slurm.conf"
    spawn slurmctld slurmctld -D -c -f "$SLURM_CONF"
    spawn slurmd slurmd -D -f "$SLURM_CONF" -N "$host"
    until [ "$(client sinfo -h -n "$host" -o %T | head -1)" = "idle" ]; do
        for d in slurmctld slurmd; do
            is_ours "$d" "$(cat "$dir/pids/$d")" || fail "$d exited: $(tail -2 "$dir/log/$d.out" "$dir/log/$d.log" 2>/dev/null | tr '\n' ' ')"
        done
        [ $SECONDS -lt $deadline ] || fail "Slurm did not come up in $start_timeout s: $(tail -2 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
        sleep 0.2
    done
    echo "SLURM_CONF=$SLURM_CONF"
}

stop() {
    dir=$(cd "$dir" 2>/dev/null && pwd) || return 0
    # Cancel every job while the controller is up, and wait (5 s at most) for them to end.
    if [ -f "$dir/pids/slurmctld" ] && is_ours slurmctld "$(cat "$dir/pids/slurmctld")" && [ -f "$dir/slurm.conf" ]; then
        client scancel --quiet --full --user=root || true
        local until_=$((SECONDS + 5))
        while [ $SECONDS -lt $until_ ] && [ -n "$(client squeue -h -t running,completing,configuring -o %i || echo error)" ]; do sleep 0.2; done
    fi
    stop_daemon slurmd
    stop_daemon slurmctld
    # Job steps left behind (a job that ignored scancel), with the job's processes under them.
    local p
    for p in $(for s in $(stepds); do tree "$s"; done); do kill -9 "$p" 2>/dev/null || true; done
    stop_daemon munged
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
