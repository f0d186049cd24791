#!/bin/bash
# Sharded sweeps run by a real single-node Slurm (issue 15), as `make test` runs them.
#
#   Tests/cluster/test_slurm.sh --cli .build/release/wgmfig
#
# Starts Debian's slurmctld, slurmd and munged with scripts/slurm-local.sh in a private directory
# and always stops them (by PID, in an EXIT trap). Checks, each a FAIL that ends the test:
#   1. an om heatmap (om-3a) and an spb line spec (Tests/specs/spb-g2-cutoffs.yaml), draft, each
#      submitted in 4 shards with `wgmfig submit --slurm`: every shard runs as its own array task,
#      the merge job's CSVs equal the unsharded `wgmfig data` ones byte for byte, and `render`
#      then draws om-3a from the merge job's cache entry (a cache hit);
#   2. a shard's job cancelled with scancel while it computes: the merge job never runs, `status`
#      reports the shard failed, `submit --resume` resubmits only it, and the CSV is again
#      byte-identical;
#   3. a flipped byte in one shard file: `merge` exits 1 with one line naming the file, `status`
#      counts it corrupt, `--resume` recomputes only it, byte-identical again;
#   4. a shard of another spec (another ε) and a shard computed by another build (the jobs run a
#      copy of wgmfig with one byte appended: another code version): refused with one line
#      naming them, exit 1, by `merge` and by the merge job;
#   5. usage errors exit 2 (bad --shards, --time, unknown id, no --slurm), an sbatch failure
#      (unknown partition) exits 1, each with one line.
# A missing tool or a daemon that does not start is a failure, never a skip. The whole test has a
# deadline (CLUSTER_TEST_TIMEOUT, default 300 s); every wait has its own.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cli=$repo/.build/release/wgmfig
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --cli) cli=$(realpath "$2"); shift 2 ;;
        --keep) keep=1; shift ;;
        *) echo "usage: $0 [--cli WGMFIG] [--keep]" >&2; exit 2 ;;
    esac
done
deadline=${CLUSTER_TEST_TIMEOUT:-300}
started=$SECONDS

work=$(mktemp -d /tmp/wgmfig-cluster.XXXXXX)
cluster=$work/slurm
failed=0
watchdog=

say() { echo "cluster test: $*"; }
fail() {
    failed=1
    echo "FAIL: $*" >&2
    exit 1
}
pass() { say "ok  $* ($((SECONDS - started)) s)"; }

cleanup() {
    local rc=$?
    [ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null
    "$repo/scripts/slurm-local.sh" stop "$cluster" || echo "slurm-local.sh stop failed" >&2
    if [ $failed -ne 0 ] || [ $rc -ne 0 ]; then
        echo "--- logs (kept in $work) ---" >&2
        for f in "$cluster"/log/*.log "$work"/*/logs/*.log; do
            [ -s "$f" ] && { echo "== $f" >&2; tail -5 "$f" >&2; }
        done
    elif [ $keep -eq 0 ]; then
        rm -rf "$work"
    fi
    exit $rc
}
trap cleanup EXIT
trap 'fail "interrupted or over the ${deadline} s deadline"' TERM INT
# The watchdog: TERM to this script at the deadline (each command below is itself bounded, so the
# trap runs within seconds).
( sleep "$deadline"; kill -TERM $$ 2>/dev/null ) </dev/null >/dev/null 2>&1 &
watchdog=$!

for tool in sbatch squeue scancel sinfo cmp timeout "$cli"; do
    command -v "$tool" >/dev/null || fail "$tool not found (make slurm-deps installs Slurm; build wgmfig first)"
done

# wgmfig with a private cache, at most 120 s; stdout, stderr and the status in $work/last.*
export WGMFIG_CACHE_DIR=$work/cache-cluster
wgm() {
    timeout -k 5 120 "$cli" "$@" >"$work/last.out" 2>"$work/last.err" </dev/null
    local rc=$?
    echo $rc >"$work/last.rc"
    return $rc
}
last() { cat "$work/last.$1"; }
# wgmfig, which must succeed.
ok() { wgm "$@" || fail "wgmfig $* exited $(last rc): $(last err)"; }
# wgmfig, which must fail with status $1 and one stderr line containing each further argument
# up to "--", then the command.
refuses() {
    local want=$1; shift
    local needles=()
    while [ "$1" != "--" ]; do needles+=("$1"); shift; done
    shift
    wgm "$@"
    local rc=$(last rc)
    [ "$rc" = "$want" ] || fail "wgmfig $* exited $rc, expected $want: $(last err)"
    [ "$(wc -l <"$work/last.err")" -eq 1 ] || fail "wgmfig $*: stderr is not one line: $(last err)"
    for n in "${needles[@]}"; do grep -qF -- "$n" "$work/last.err" || fail "wgmfig $*: '$n' not in: $(last err)"; done
}
# The job ids `submit` printed.
job() { sed -n "s/^$1 job \([0-9]*\):.*/\1/p" "$work/last.out"; }

# Waits (at most $1 s) until this cluster's queue is empty.
wait_queue() {
    local limit=$((SECONDS + $1)) q
    while :; do
        q=$(timeout 5 squeue -h -o '%i %T' 2>&1) || fail "squeue failed: $q"
        [ -z "$q" ] && return 0
        [ $SECONDS -lt $limit ] || fail "jobs still queued after $1 s: $(echo "$q" | tr '\n' ' ')"
        sleep 0.25
    done
}
same() { cmp -s "$1" "$2" || fail "$2 differs from the unsharded $1"; [ "$(stat -c %s "$1")" -gt 20 ] || fail "$1 is nearly empty"; }

# --- the cluster -----------------------------------------------------------------------------------
timeout -k 5 60 "$repo/scripts/slurm-local.sh" start "$cluster" >"$work/start.out" 2>&1 </dev/null \
    || fail "slurm-local.sh start failed: $(cat "$work/start.out")"
export SLURM_CONF=$cluster/slurm.conf
[ "$(timeout 5 sinfo -h -o %T)" = idle ] || fail "the node is not idle: $(timeout 5 sinfo 2>&1)"
pass "Slurm up: $(timeout 5 sinfo -h -o '%P %D node(s) %c CPUs %T')"

spec_cutoffs=$repo/Tests/specs/spb-g2-cutoffs.yaml
spec_detuning=$repo/Tests/specs/spb-g2-detuning.yaml
whole() { WGMFIG_CACHE_DIR=$work/cache-whole ok data "$1" --quality draft --out "$work/whole" --quiet; }

# --- 1. om heatmap and spb line spec in 4 shards each ---------------------------------------------
ok submit om-3a --slurm --shards 4 --quality draft --time 5 --out "$work/om"
om_array=$(job array); om_merge=$(job merge)
[ -n "$om_array" ] && [ -n "$om_merge" ] || fail "submit printed no job ids: $(last out)"
ok submit "$spec_cutoffs" --slurm --shards 4 --quality draft --out "$work/spb"
spb_array=$(job array)
whole om-3a
whole "$spec_cutoffs"
wait_queue 120
for f in om-3a.csv om-3a-immune_angles.csv; do same "$work/whole/$f" "$work/om/$f"; done
same "$work/whole/spb-g2-cutoffs.csv" "$work/spb/spb-g2-cutoffs.csv"
for k in 1 2 3 4; do
    grep -q "\"slurm_job\" : \"${om_array}_$k\"" "$work/om/om-3a.shard-$k-of-4.json" || fail "om-3a shard $k was not array task ${om_array}_$k"
    grep -q "\"slurm_job\" : \"${spb_array}_$k\"" "$work/spb/spb-g2-cutoffs.shard-$k-of-4.json" || fail "spb shard $k was not array task ${spb_array}_$k"
done
grep -qF "$work/om/om-3a.csv" "$work/om/logs/om-3a.merge.log" || fail "the merge job's log does not name the CSV: $(cat "$work/om/logs/om-3a.merge.log")"
ok render om-3a --quality draft --format svg --out "$work/render" --quiet
grep -q '"cache" : "hit"' "$work/render/om-3a.svg.json" || fail "render recomputed om-3a instead of reading the merge job's cache entry"
pass "om-3a and spb-g2-cutoffs: 4 array tasks each, merged CSVs byte-identical to unsharded, render hits the merged cache"

# --- 2. a shard's job cancelled while it computes; --resume ---------------------------------------
ok submit "$spec_detuning" --slurm --shards 4 --quality draft --out "$work/kill"
kill_array=$(job array)
limit=$((SECONDS + 60)); victim=
while [ -z "$victim" ]; do
    for k in 1 2 3 4; do
        if grep -qs '"state" : "running"' "$work/kill/spb-g2-detuning.shard-$k-of-4.json"; then victim=$k; break; fi
    done
    [ -n "$victim" ] && break
    [ $SECONDS -lt $limit ] || fail "no shard of spb-g2-detuning started computing in 60 s"
    sleep 0.02
done
timeout 5 scancel "${kill_array}_$victim" || fail "scancel ${kill_array}_$victim failed"
grep -qs '"state" : "running"' "$work/kill/spb-g2-detuning.shard-$victim-of-4.json" \
    || fail "shard $victim finished before scancel reached it (make spb-g2-detuning slower)"
whole "$spec_detuning"   # the reference, while the other shards run
wait_queue 120
[ ! -e "$work/kill/spb-g2-detuning.csv" ] || fail "the merge job ran although shard $victim was cancelled"
ok status "$work/kill"
grep -q "3 done, 1 failed" "$work/last.out" && grep -q "shard $victim/4  failed .*${kill_array}_$victim" "$work/last.out" \
    || fail "status after scancel: $(last out)"
ok submit "$spec_detuning" --slurm --resume --out "$work/kill"
grep -q "^array job [0-9]*: shards $victim of 4 " "$work/last.out" || fail "--resume did not resubmit exactly shard $victim: $(last out)"
wait_queue 120
same "$work/whole/spb-g2-detuning.csv" "$work/kill/spb-g2-detuning.csv"
ok status "$work/kill"
grep -q "^4 done$" "$work/last.out" || fail "status after --resume: $(last out)"
pass "shard $victim cancelled while running: merge job dropped, status failed, --resume recomputed it alone, byte-identical"

# --- 3. a corrupt shard file ---------------------------------------------------------------------
f64=$work/om/om-3a.shard-3-of-4.f64
byte=$(od -An -tu1 -j 100 -N 1 "$f64" | tr -d ' ')
printf "$(printf '\\%03o' $((byte ^ 64)))" | dd of="$f64" bs=1 seek=100 conv=notrunc status=none
refuses 1 "om-3a.shard-3-of-4.f64" "checksum" -- merge "$work/om" --out "$work/again"
[ ! -e "$work/again/om-3a.csv" ] || fail "merge wrote a CSV from a corrupt shard"
ok status "$work/om"
grep -q "3 done, 1 corrupt" "$work/last.out" || fail "status with a corrupt shard: $(last out)"
ok submit om-3a --slurm --resume --out "$work/om" --merge-out "$work/again"
grep -q "^array job [0-9]*: shards 3 of 4 " "$work/last.out" || fail "--resume did not resubmit exactly shard 3: $(last out)"
wait_queue 120
same "$work/whole/om-3a.csv" "$work/again/om-3a.csv"
pass "corrupt shard refused by merge (one line, exit 1), recomputed alone by --resume, byte-identical"

# --- 4. shards of another spec and of another build ------------------------------------------------
cp -r "$work/om" "$work/foreign"
WGMFIG_CACHE_DIR=$work/cache-whole ok data om-3a --quality draft --set eps_over_Gamma=0.5 --shard 1/4 --out "$work/other" --quiet
cp "$work/other/om-3a.shard-1-of-4.json" "$work/foreign/eps.shard-1-of-4.json"
refuses 1 "eps.shard-1-of-4.json" "another sweep" -- merge "$work/foreign" --out "$work/foreign-out"
[ ! -e "$work/foreign-out" ] || fail "merge wrote output for a directory with a foreign shard"
# Another build: the jobs run a copy of wgmfig with one byte appended (another executable hash).
other_build=$work/wgmfig-other
cp "$cli" "$other_build" && printf '\0' >>"$other_build" && chmod 755 "$other_build"
cp -r "$work/om" "$work/stale"
rm "$work/stale/om-3a.shard-2-of-4."{json,f64}
ok submit om-3a --slurm --resume --out "$work/stale" --merge-out "$work/stale-out" --wgmfig "$other_build"
wait_queue 120
grep -q '"state" : "done"' "$work/stale/om-3a.shard-2-of-4.json" || fail "the other build did not compute shard 2"
log=$work/stale/logs/om-3a.merge.log
[ "$(grep -c . "$log")" -eq 1 ] && grep -q "computed by wgmfig" "$log" && grep -q "om-3a.shard-1-of-4.json" "$log" \
    || fail "the merge job (other build) did not refuse the first build's shards in one line: $(cat "$log")"
[ ! -e "$work/stale-out/om-3a.csv" ] || fail "the merge job merged shards of two builds"
refuses 1 "om-3a.shard-2-of-4.json" "computed by wgmfig" "this is" -- merge "$work/stale" --out "$work/stale-out"
pass "foreign spec and other build refused by merge and by the merge job (one line, exit 1)"

# --- 5. exit codes --------------------------------------------------------------------------------
refuses 2 "--shards 0" -- submit om-3a --slurm --shards 0 --out "$work/u"
refuses 2 "--shards" -- submit om-3a --slurm --shards four --out "$work/u"
refuses 2 "5000 shards for 1089 grid points" -- submit om-3a --slurm --shards 5000 --quality draft --out "$work/u"
refuses 2 "--time 'soon'" -- submit om-3a --slurm --shards 2 --time soon --out "$work/u"
refuses 2 "om-9z" -- submit om-9z --slurm --shards 2 --out "$work/u"
refuses 2 "--slurm" -- submit om-3a --shards 2 --out "$work/u"
refuses 2 "holds no submission" -- submit om-3a --slurm --resume --out "$work/u"
refuses 2 "no such directory" -- status "$work/nowhere"
refuses 1 "sbatch" "nosuch" -- submit om-3a --slurm --shards 2 --quality draft --partition nosuch --out "$work/badpart"
[ -z "$(timeout 5 squeue -h -o %i)" ] || fail "a refused submission left jobs in the queue"
pass "usage errors exit 2, an sbatch failure exits 1, one line each"

say "all passed in $((SECONDS - started)) s"
