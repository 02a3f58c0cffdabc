#!/usr/bin/env bash
# What a second process costs the first on one data directory (decision 0011): `check --all` over N domains
# against Knot, timed (a) alone, (b) while `serve` holds the store (the check is then H2's client over loopback),
# (c) while another process loops `list`, `add`, `remove` on the same directory, (d) beside the same loop on another
# data directory (the CPU the loop's JVMs take, without sharing the store); and the loop's commands alone and during
# the check. Scenarios interleaved, RUNS times each.
# Usage: bash bench/shared-store.sh [N=1000] [RUNS=3]      Results: bench/out/<time>-shared-n<N>/summary.txt
# SKIP_BUILD=1 uses the jar and test classes already built.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/knot.sh
N=${1:-1000}
RUNS=${2:-3}
command -v knotd >/dev/null 2>&1 || { echo "knotd is missing: apt-get install knot (see bench/run.sh)"; exit 1; }
command -v dig >/dev/null 2>&1 || { echo "dig is missing: apt-get install bind9-dnsutils"; exit 1; }
PATH=$PATH:/usr/sbin:/sbin

[[ ${SKIP_BUILD:-} == 1 ]] || mvn -B -q package -DskipTests
CP="target/classes:target/test-classes:target/lib/*"
JAR=target/domaindesk.jar
OUT=$(pwd)/bench/out/$(date -u +%Y%m%dT%H%M%SZ)-shared-n$N
W=$OUT/work
mkdir -p "$W/zones" "$W/run"
echo "Shared-store benchmark: N=$N domains, $RUNS runs, output in $OUT"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
calc() { awk "BEGIN{print $*}"; }
dd() { java -jar "$JAR" --data-dir "${DATA:-$W/data}" "$@"; }

bench_knot "$W"
pids+=("$kpid")
dd import "$W/domains.json" >/dev/null

check_all() {  # prints the wall time of one check --all
  local t0 t1 rc
  t0=$(date +%s.%N)
  set +e
  dd check --all --resolver "127.0.0.1:$port" >"$W/check.out" 2>"$W/check.err"
  rc=$?
  set -e
  t1=$(date +%s.%N)
  if [[ $rc -gt 1 ]]; then echo "check --all failed ($rc):" >&2; tail -n 20 "$W/check.err" >&2; exit 1; fi
  calc "$t1 - $t0"
}

loop() {  # list, add, remove until $W/stop exists; one line per command: name seconds
  local i=0 t0 t1
  while [[ ! -e $W/stop ]]; do
    for cmd in "list" "add loop$i.example" "remove loop$i.example"; do
      t0=$(date +%s.%N)
      # shellcheck disable=SC2086
      dd $cmd >/dev/null 2>>"$W/loop.err" || echo "FAILED $cmd" >>"$W/loop.err"
      t1=$(date +%s.%N)
      echo "${cmd%% *} $(calc "$t1 - $t0")"
    done
    i=$((i + 1))
  done
}

mean_of() { awk -v c="$1" '$1==c{s+=$2;n++} END{if(n) printf "%.2f s (n=%d)", s/n, n; else print "-"}' "$2"; }

: >"$OUT/raw.txt"
for run in $(seq 1 "$RUNS"); do
  alone=$(check_all)

  # java itself in the background (not the dd function, whose subshell a kill would leave java behind)
  java -jar "$JAR" --data-dir "$W/data" serve --port 0 >"$W/serve.out" 2>"$W/serve.err" &
  spid=$!; pids+=($spid)
  for _ in $(seq 1 200); do grep -q '^serving' "$W/serve.out" 2>/dev/null && break; sleep 0.1; done
  beside_serve=$(check_all)
  kill "$spid"; wait "$spid" 2>/dev/null || true
  if [[ -e $W/data/domaindesk.lock.db ]]; then echo "serve did not let go of the store" >&2; exit 1; fi

  rm -f "$W/stop"; loop >"$W/loop-alone-$run.txt" & lpid=$!; pids+=($lpid)
  sleep 20; touch "$W/stop"; wait "$lpid" || true

  rm -f "$W/stop"; loop >"$W/loop-during-$run.txt" & lpid=$!; pids+=($lpid)
  sleep 3
  beside_loop=$(check_all)
  touch "$W/stop"; wait "$lpid" || true

  rm -f "$W/stop"; DATA=$W/other loop >/dev/null & lpid=$!; pids+=($lpid)
  sleep 3
  beside_other=$(check_all)
  touch "$W/stop"; wait "$lpid" || true

  printf 'run %d: check --all alone %.2f s | beside serve (client over loopback) %.2f s | beside a list/add/remove loop %.2f s | that loop on another data dir %.2f s\n' \
    "$run" "$alone" "$beside_serve" "$beside_loop" "$beside_other" | tee -a "$OUT/runs.txt"
  echo "$alone $beside_serve $beside_loop $beside_other" >>"$OUT/raw.txt"
done

median() { sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
cat "$W"/loop-alone-*.txt >"$W/loop-alone.txt"
cat "$W"/loop-during-*.txt >"$W/loop-during.txt"
{
  echo "N=$N, median of $RUNS runs ($(nproc) CPUs), wall clock with both JVMs' start:"
  printf '  check --all alone                          %.2f s\n' "$(awk '{print $1}' "$OUT/raw.txt" | median)"
  printf '  check --all while serve holds the store     %.2f s\n' "$(awk '{print $2}' "$OUT/raw.txt" | median)"
  printf '  check --all beside a list/add/remove loop   %.2f s\n' "$(awk '{print $3}' "$OUT/raw.txt" | median)"
  printf '  ... that loop on another data directory     %.2f s\n' "$(awk '{print $4}' "$OUT/raw.txt" | median)"
  echo "  the loop's commands, mean wall time, alone | during check --all:"
  for c in list add remove; do
    printf '    %-7s %s | %s\n' "$c" "$(mean_of "$c" "$W/loop-alone.txt")" "$(mean_of "$c" "$W/loop-during.txt")"
  done
  echo "  loop failures: $(grep -c FAILED "$W/loop.err" 2>/dev/null || true)"
} | tee "$OUT/summary.txt"
