#!/usr/bin/env bash
# The embedded store against a team's PostgreSQL store (decision 0015): `check --all` over N domains against Knot,
# through the real command line, timed (a) on the embedded H2 store, (b) on PostgreSQL alone, (c) on PostgreSQL while
# a second process runs its own `check --all` of the same domains on the same database (two admins at once), and
# (d) that second process; (c) is compared with the same check again alone (both start from checked domains). Scenarios interleaved, RUNS times each, on a fresh copy of the domains each time.
# PostgreSQL: a throwaway cluster (initdb, pg_ctl) in the output directory with the server's default durability
# (fsync and synchronous_commit on, as a team's server would run), on a loopback port; stopped at the end.
# Usage: bash bench/postgres.sh [N=10000] [RUNS=1]      Results: bench/out/<time>-pg-n<N>/summary.txt
# SKIP_BUILD=1 uses the jar and test classes already built.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/knot.sh
N=${1:-10000}
RUNS=${2:-1}
command -v knotd >/dev/null 2>&1 || { echo "knotd is missing: apt-get install knot (see bench/run.sh)"; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[[ -x $PGBIN/initdb ]] || { echo "PostgreSQL is missing: apt-get install postgresql (see scripts/test.sh)"; exit 1; }
PATH=$PATH:/usr/sbin:/sbin

[[ ${SKIP_BUILD:-} == 1 ]] || mvn -B -q package -DskipTests
CP="target/classes:target/test-classes:target/lib/*"
JAR=target/domaindesk.jar
OUT=$(pwd)/bench/out/$(date -u +%Y%m%dT%H%M%SZ)-pg-n$N
W=$OUT/work
mkdir -p "$W/zones" "$W/run"
echo "PostgreSQL benchmark: N=$N domains, $RUNS runs, output in $OUT"

# the cluster runs as an unprivileged user: as root, postgres
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGDIR=$(mktemp -d /tmp/domaindesk-bench-pg.XXXXXX)
[[ $(id -u) -eq 0 ]] && chown postgres: "$PGDIR"
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U domaindesk -A trust -E UTF8 --no-locale >"$OUT/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $pgport -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null
psql_() { "$PGBIN/psql" -h 127.0.0.1 -p "$pgport" -U domaindesk -d postgres -qAt -c "$1"; }

calc() { awk "BEGIN{print $*}"; }
bench_knot "$W"
pids+=("$kpid")

# times one `check --all`; prints its wall seconds; $1 the label, then --data-dir/--store options
timed_check() {
  local label=$1; shift
  local t0 t1 rc
  t0=$(date +%s.%N)
  set +e
  java -jar "$JAR" "$@" check --all --resolver "127.0.0.1:$port" >"$W/$label.out" 2>"$W/$label.err"
  rc=$?
  set -e
  t1=$(date +%s.%N)
  if [[ $rc -gt 1 ]]; then echo "check --all ($label) failed with exit code $rc:" >&2; tail -n 20 "$W/$label.err" >&2; exit 1; fi
  calc "$t1 - $t0"
}

for run in $(seq 1 "$RUNS"); do
  # (a) embedded H2
  rm -rf "$W/h2"
  java -jar "$JAR" --data-dir "$W/h2" import "$W/domains.json" >/dev/null
  h2=$(timed_check "h2-$run" --data-dir "$W/h2")
  # (b) PostgreSQL alone, on a fresh database
  psql_ "DROP DATABASE IF EXISTS bench_$run" >/dev/null; psql_ "CREATE DATABASE bench_$run" >/dev/null
  url="jdbc:postgresql://127.0.0.1:$pgport/bench_$run?user=domaindesk"
  java -jar "$JAR" --data-dir "$W/pg-a" --store "$url" import "$W/domains.json" >/dev/null
  pg=$(timed_check "pg-$run" --data-dir "$W/pg-a" --store "$url")
  # the same again, alone: the state (c) starts from (every domain checked once, nothing changed in DNS since)
  pg_again=$(timed_check "pg-again-$run" --data-dir "$W/pg-a" --store "$url")
  # (c) and (d): two processes, each its own check --all of the same domains on the same database
  ( timed_check "pg-second-$run" --data-dir "$W/pg-b" --store "$url" >"$W/second-$run.s" ) &
  second_pid=$!
  sleep 1   # the second one's JVM and store are up: the first starts into a store that is busy
  pg_shared=$(timed_check "pg-first-$run" --data-dir "$W/pg-a" --store "$url")
  wait "$second_pid"
  pg_second=$(cat "$W/second-$run.s")
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf 'run %d: check --all of %d domains: H2 %.2f s | PostgreSQL %.2f s, again %.2f s | again beside a second check --all %.2f s (the second: %.2f s) | load %s\n' \
    "$run" "$N" "$h2" "$pg" "$pg_again" "$pg_shared" "$pg_second" "$load" | tee -a "$OUT/runs.txt"
  echo "$h2 $pg $pg_shared $pg_second $pg_again" >>"$OUT/raw.txt"
done

median() { sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
{
  echo "N=$N, median of $RUNS runs ($(nproc) CPUs), check --all through java -jar (JVM start included):"
  printf '  embedded H2                                   %.2f s\n' "$(awk '{print $1}' "$OUT/raw.txt" | median)"
  printf '  PostgreSQL alone                              %.2f s\n' "$(awk '{print $2}' "$OUT/raw.txt" | median)"
  printf '  PostgreSQL again, alone (nothing changed)     %.2f s\n' "$(awk '{print $5}' "$OUT/raw.txt" | median)"
  printf '  PostgreSQL again, beside a second check --all %.2f s\n' "$(awk '{print $3}' "$OUT/raw.txt" | median)"
  printf '  the second check --all                        %.2f s\n' "$(awk '{print $4}' "$OUT/raw.txt" | median)"
} | tee "$OUT/summary.txt"
