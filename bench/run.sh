#!/usr/bin/env bash
# The scale benchmark: N domains (half correct, half with one mistake each) served by Knot on loopback,
# `domaindesk check --all` against it, compared with Knot's own limit (dnsperf) and a `dig` loop.
# Usage: bash bench/run.sh [N=10000] [RUNS=3]      Results: bench/out/<time>/summary.txt
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/knot.sh
N=${1:-10000}
RUNS=${2:-3}
DIG_SAMPLE=${DIG_SAMPLE:-200}
DNSPERF_SECONDS=${DNSPERF_SECONDS:-10}
JAR=${JAR:-target/domaindesk.jar}   # e.g. a copy of an older build (its lib/ beside it), to compare in one run
JAVA_OPTS=${JAVA_OPTS:-}   # e.g. JAVA_OPTS=-Xmx320m: check --all in that one JVM, with your heap, instead of the command JVM

need=()
command -v knotd   >/dev/null 2>&1 || need+=(knot)
command -v dig     >/dev/null 2>&1 || need+=(bind9-dnsutils)
command -v dnsperf >/dev/null 2>&1 || need+=(dnsperf)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  echo "Installing benchmark tools: ${need[*]}"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then   # keep the knot package from starting a server on port 53
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null; $sudo_cmd chmod +x /usr/sbin/policy-rc.d
  fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
PATH=$PATH:/usr/sbin:/sbin

# SKIP_BUILD=1: use target/ as it is (e.g. built through a shared Maven gate)
[[ ${SKIP_BUILD:-0} == 1 ]] || mvn -B -q package -DskipTests
CP="target/classes:target/test-classes:target/lib/*"
OUT=$(pwd)/bench/out/$(date -u +%Y%m%dT%H%M%SZ)-n$N
mkdir -p "$OUT"
echo "Benchmark: N=$N domains, $RUNS runs, output in $OUT"

kpid=""
cleanup() { [[ -n $kpid ]] && kill "$kpid" 2>/dev/null || true; }
trap cleanup EXIT

calc() { awk "BEGIN{print $*}"; }
queries_served() {  # queries Knot has answered so far (mod-stats)
  knotc -c "$1/knot.conf" stats mod-stats.server-operation 2>/dev/null | awk -F' = ' '/\[query\]/{print $2}' | head -n1
}

for run in $(seq 1 "$RUNS"); do
  W=$OUT/run$run
  KNOT_STATS=1 bench_knot "$W"

  # 1. import the domains, then check --all, both through the real command line
  java -jar "$JAR" --data-dir "$W/data" import "$W/domains.json" >"$W/import.out"
  before=$(queries_served "$W")
  knot_ticks0=$(awk '{print $14+$15}' "/proc/$kpid/stat")   # Knot's CPU (user + system ticks) answering the check
  t0=$(date +%s.%N)
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$W/time.txt" java $JAVA_OPTS -jar "$JAR" --data-dir "$W/data" \
      check --all --resolver "127.0.0.1:$port" >"$W/check.out" 2>"$W/check.err"
  rc=$?
  set -e
  t1=$(date +%s.%N)
  after=$(queries_served "$W")
  knot_cpu=$(awk -v t0="$knot_ticks0" -v hz="$(getconf CLK_TCK)" '{print ($14+$15-t0)/hz}' "/proc/$kpid/stat")
  queries=$((after - before))
  wall=$(calc "$t1 - $t0")
  check_qps=$(calc "$queries / $wall")
  rss_kb=$(awk -F': ' '/Maximum resident set size/{print $2}' "$W/time.txt")
  cpu_s=$(awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$W/time.txt")   # the robust figure on a shared machine
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [[ $rc -gt 1 ]]; then echo "check --all failed with exit code $rc:"; tail -n 20 "$W/check.err"; exit 1; fi
  # the same check again: nothing changed in DNS, so nothing but times changes in the store (history adds nothing)
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$W/time-again.txt" java $JAVA_OPTS -jar "$JAR" --data-dir "$W/data" \
      check --all --resolver "127.0.0.1:$port" >"$W/check-again.out" 2>"$W/check-again.err" || true
  again_wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$W/time-again.txt")
  again_cpu=$(awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$W/time-again.txt")

  # 2. Knot's own limit on the same questions
  dnsperf -s 127.0.0.1 -p "$port" -d "$W/queries.txt" -l "$DNSPERF_SECONDS" -c 4 -T 2 -q 200 >"$W/dnsperf.txt" 2>&1
  dnsperf_qps=$(awk '/Queries per second:/{print $4}' "$W/dnsperf.txt")

  # 3. a dig loop on a sample of the same questions
  shuf -n "$DIG_SAMPLE" "$W/queries.txt" >"$W/sample.txt"
  d0=$(date +%s.%N)
  while read -r name type; do
    dig @127.0.0.1 -p "$port" +tries=1 +time=2 +short "$name" "$type" >/dev/null
  done <"$W/sample.txt"
  d1=$(date +%s.%N)
  dig_qps=$(calc "$DIG_SAMPLE / ($d1 - $d0)")

  kill "$kpid"; wait "$kpid" 2>/dev/null || true; kpid=""
  printf 'run %d: check --all %d queries in %.2f s = %.0f q/s (exit %d), CPU %.1f s, Knot CPU %.2f s, load %s, peak RSS %d MB | dnsperf %.0f q/s | dig loop %.1f q/s | ratios: %.2f x dnsperf, %.0f x dig\n' \
    "$run" "$queries" "$wall" "$check_qps" "$rc" "$cpu_s" "$knot_cpu" "$load" $((rss_kb / 1024)) "$dnsperf_qps" "$dig_qps" \
    "$(calc "$check_qps / $dnsperf_qps")" "$(calc "$check_qps / $dig_qps")" | tee -a "$OUT/runs.txt"
  printf 'run %d: check --all again, nothing changed: %.2f s, CPU %.1f s\n' "$run" "$again_wall" "$again_cpu" \
    | tee -a "$OUT/runs.txt"
  echo "$wall $check_qps $rss_kb $dnsperf_qps $dig_qps $(calc "$check_qps / $dnsperf_qps") $(calc "$check_qps / $dig_qps")" \
    >>"$OUT/raw.txt"
done

median() { sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m_wall=$(awk '{print $1}' "$OUT/raw.txt" | median)
m_qps=$(awk '{print $2}' "$OUT/raw.txt" | median)
m_rss=$(awk '{print $3}' "$OUT/raw.txt" | median)
m_perf=$(awk '{print $4}' "$OUT/raw.txt" | median)
m_dig=$(awk '{print $5}' "$OUT/raw.txt" | median)
m_rperf=$(awk '{print $6}' "$OUT/raw.txt" | median)
m_rdig=$(awk '{print $7}' "$OUT/raw.txt" | median)
{
  echo "N=$N, median of $RUNS runs ($(nproc) CPUs; ratios: median of each run's ratio):"
  printf '  check --all wall time   %.2f s\n' "$m_wall"
  printf '  check --all             %.0f queries/s\n' "$m_qps"
  printf '  dnsperf (Knot limit)    %.0f queries/s   -> ratio %.2f (target >= 0.2, aiming at 0.5)\n' "$m_perf" "$m_rperf"
  printf '  dig loop                %.1f queries/s   -> ratio %.0f (target >= 500)\n' "$m_dig" "$m_rdig"
  printf '  peak RSS                %d MB (target <= 512)\n' $((${m_rss%.*} / 1024))
} | tee "$OUT/summary.txt"
