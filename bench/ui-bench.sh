#!/usr/bin/env bash
# The window with 10,000 domains: first frame, filtering per keystroke, longest FX frame gap during "check all".
# Needs knotd, Xvfb (or a DISPLAY). Usage: bash bench/ui-bench.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-target/ui-bench}"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
# run from a copy, so a rebuild during the run cannot pull classes from under it
rm -rf target/bench-classes && mkdir -p target/bench-classes && cp -r target/classes target/test-classes target/bench-classes/
cp="target/bench-classes/classes:target/bench-classes/test-classes:$(cat target/bench-cp.txt)"
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :98 -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  export DISPLAY=:98
  sleep 1
fi
# the window's own JVM options (as the launcher and javafx:run have them), nothing else
options=()
while IFS= read -r option; do
  [[ -z $option || $option == \#* ]] || options+=("$option")
done < packaging/jvm.options
jvm=(java "${options[@]}" -Djavafx.cachedir=target/javafx-cache -cp "$cp")
echo "JVM options: ${options[*]}"
uptime
[ -d "$work/prepared" ] || "${jvm[@]}" dev.domaindesk.bench.UiBench prepare "$work"
"${jvm[@]}" dev.domaindesk.bench.UiBench startup "$work"
"${jvm[@]}" dev.domaindesk.bench.UiBench check "$work"
