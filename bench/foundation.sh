#!/usr/bin/env bash
# Foundation benchmark: `import` of N domains (8 records each) into a fresh store, then `list --json` of them.
# Usage: bash bench/foundation.sh [N=10000] [RUNS=3]. Prints each run and the median (seconds, wall clock).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}; RUNS=${2:-3}
OUT=bench/out; mkdir -p "$OUT"
[[ -f target/domaindesk.jar ]] || mvn -q -B package -DskipTests
python3 bench/gen_documents.py "$N" "$OUT/domains-$N.json"
echo "file: $OUT/domains-$N.json ($(du -h "$OUT/domains-$N.json" | cut -f1), $N domains, $((N * 8)) records)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l | xargs printf '%.2f\n'; }
imports=(); lists=()
for i in $(seq "$RUNS"); do
  dir="$OUT/data-$N-$i"; rm -rf "$dir"
  t=$(seconds java -jar target/domaindesk.jar --data-dir "$dir" import "$OUT/domains-$N.json"); imports+=("$t")
  l=$(seconds java -jar target/domaindesk.jar --data-dir "$dir" list --json); lists+=("$l")
  echo "run $i: import ${t}s, list --json ${l}s"
done
echo "median import: $(printf '%s\n' "${imports[@]}" | median)s; median list --json: $(printf '%s\n' "${lists[@]}" | median)s (N=$N, JVM start included)"
