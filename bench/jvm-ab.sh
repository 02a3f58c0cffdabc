#!/usr/bin/env bash
# JVM options (or builds) side by side on check --all: one Knot, one imported store copied for each variant, so
# the variants answer the same questions in the same minute. Each variant runs check --all twice (the second:
# nothing changed). THREADS=1 also samples each thread's CPU (utime, stime from /proc/PID/task/*/stat).
# Usage: bash bench/jvm-ab.sh N "label|JAVA_OPTS[|JAR]" ...   (empty JAVA_OPTS: the command JVM with its own flags;
#        JAVA_OPTS with a heap or collector: check --all runs in that one JVM). Needs target/ built (run.sh's note).
# e.g. bash bench/jvm-ab.sh 10000 "today|" "C1+C2|-XX:+UseSerialGC -Xms64m" "young 160 MB|-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms256m -Xmn160m"
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/knot.sh
SRC=$(pwd); N=$1; shift
PATH=$PATH:/usr/sbin:/sbin
CP="$SRC/target/classes:$SRC/target/test-classes:$SRC/target/lib/*"
JAR=$SRC/target/domaindesk.jar
W=$SRC/bench/out/$(date -u +%Y%m%dT%H%M%SZ)-jvm-ab-n$N; mkdir -p "$W/zones" "$W/run"
echo "output in $W"
bench_knot "$W"
trap 'kill $kpid 2>/dev/null || true' EXIT
java -jar "$JAR" --data-dir "$W/data0" import "$W/domains.json" >"$W/import.out"
sec() { awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/{print int($2/1024)}' "$1"; }
i=0
for v in "$@"; do
  i=$((i+1)); label=${v%%|*}; opts=${v#*|}; JAR=$SRC/target/domaindesk.jar
  if [[ $opts == *"|"* ]]; then JAR=${opts#*|}; opts=${opts%%|*}; fi
  rm -rf "$W/d$i"; cp -r "$W/data0" "$W/d$i"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$W/t$i.txt" java $opts -jar "$JAR" --data-dir "$W/d$i" check --all --resolver "127.0.0.1:$port" >"$W/c$i.out" 2>"$W/c$i.err" &
  tp=$!
  if [[ ${THREADS:-0} == 1 ]]; then
    : >"$W/threads$i.txt"
    while kill -0 $tp 2>/dev/null; do
      for jp in $(pgrep -P $tp java) $(for c in $(pgrep -P $tp java); do pgrep -P $c java; done); do
        for f in /proc/$jp/task/*/stat; do
          (cat "$f" 2>/dev/null | sed 's/^\([0-9]*\) (\(.*\)) [A-Z] /\1|\2|/' | awk -F'|' -v p=$jp '{split($3,a," "); print p"|"$1"|"$2"|"a[11]"|"a[12]}') >>"$W/threads$i.txt" || true
        done
      done
      sleep 0.5
    done
  fi
  wait $tp || true
  /usr/bin/time -v -o "$W/a$i.txt" java $opts -jar "$JAR" --data-dir "$W/d$i" check --all --resolver "127.0.0.1:$port" >"$W/ca$i.out" 2>"$W/ca$i.err" || true
  printf '%-28s check %6.2f s CPU %5.1f s RSS %4d MB | again %6.2f s CPU %5.1f s RSS %4d MB | %s\n' "$label" \
    "$(sec $W/t$i.txt)" "$(cpu $W/t$i.txt)" "$(rss $W/t$i.txt)" "$(sec $W/a$i.txt)" "$(cpu $W/a$i.txt)" "$(rss $W/a$i.txt)" "$(tail -n1 $W/c$i.out | cut -c1-80)"
done
if [[ ${THREADS:-0} == 1 ]]; then  # per thread name, CPU of the first check of each variant
  for f in "$W"/threads*.txt; do
    echo "== ${f##*/}: seconds of CPU (user, system) per thread"
    awk -F'|' '{k=$1"|"$2"|"$3; u[k]=$4; s[k]=$5} END{for(k in u){split(k,p,"|"); U[p[3]]+=u[k]; S[p[3]]+=s[k]}
      for(n in U) if(U[n]+S[n]>20) printf "  %6.2f (%5.2f, %5.2f) %s\n", (U[n]+S[n])/100, U[n]/100, S[n]/100, n}' "$f" | sort -rn
  done
fi
