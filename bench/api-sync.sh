#!/usr/bin/env bash
# API benchmark: DomainDesk B syncs N domains (8 records each) from DomainDesk A's `serve` on loopback.
# Usage: bash bench/api-sync.sh [N=1000] [RUNS=3]. Prints each run (first sync into an empty store, then a re-sync)
# and the medians, in seconds of wall clock with JVM start included. Needs python3 and a free port 18025.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}; RUNS=${2:-3}; PORT=18025
OUT=bench/out; mkdir -p "$OUT"
[[ -f target/domaindesk.jar ]] || mvn -q -B package -DskipTests
python3 bench/gen_documents.py "$N" "$OUT/domains-$N.json"
A="$OUT/api-source-$N"; rm -rf "$A"
java -jar target/domaindesk.jar --data-dir "$A" import "$OUT/domains-$N.json" >/dev/null
KEY=$(java -jar target/domaindesk.jar --data-dir "$A" api-key create bench | tail -n 1)
java -jar target/domaindesk.jar --data-dir "$A" serve --port "$PORT" > "$OUT/api-serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
until grep -q "^serving" "$OUT/api-serve.log"; do sleep 0.2; done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l | xargs printf '%.2f\n'; }
sync_b() { DOMAINDESK_API_KEY="$KEY" java -jar target/domaindesk.jar --data-dir "$1" sync \
  --api-url "http://127.0.0.1:$PORT/api/v2"; }
firsts=(); agains=()
for i in $(seq "$RUNS"); do
  B="$OUT/api-replica-$N-$i"; rm -rf "$B"
  f=$(seconds sync_b "$B"); firsts+=("$f")
  g=$(seconds sync_b "$B"); agains+=("$g")
  echo "run $i: first sync ${f}s, re-sync ${g}s"
done
echo "median first sync: $(printf '%s\n' "${firsts[@]}" | median)s; median re-sync: $(printf '%s\n' "${agains[@]}" | median)s (N=$N, $((N * 8)) records, load $(cut -d' ' -f1 /proc/loadavg))"
