# Sourced by the benchmarks. bench_knot DIR: BenchSetup writes N domains' data into DIR, and a Knot on loopback
# serves their zones; sets $port and $kpid once it answers. KNOT_STATS=1 adds Knot's query counters (run.sh).
bench_knot() {
  local w=$1 stats_module="" stats_use=""
  if [[ ${KNOT_STATS:-0} == 1 ]]; then
    stats_module=$'mod-stats:\n  - id: default'
    stats_use="    global-module: mod-stats/default"
  fi
  mkdir -p "$w/zones" "$w/run"
  port=$(java -cp "$CP" dev.domaindesk.bench.BenchSetup "$N" "$w" | tee "$w/setup.txt" | sed -n 's/^port=//p')
  mv "$w/bench.test.zone" "$w/amazonses.com.zone" "$w/zones/"
  cat > "$w/knot.conf" <<CONF
server:
  rundir: "$w/run"
  listen: 127.0.0.1@$port
log:
  - target: stderr
    any: warning
control:
  listen: "$w/run/knot.sock"
database:
  storage: "$w/run"
$stats_module
template:
  - id: default
    storage: "$w/zones"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
    semantic-checks: off
$stats_use
zone:
  - domain: bench.test
    file: bench.test.zone
  - domain: amazonses.com
    file: amazonses.com.zone
CONF
  knotd -c "$w/knot.conf" 2>"$w/knotd.log" &
  kpid=$!
  for _ in $(seq 1 200); do
    dig @127.0.0.1 -p "$port" +short +tries=1 +time=1 bench.test SOA 2>/dev/null | grep -q hostmaster && return 0
    sleep 0.05
  done
  echo "Knot did not answer on port $port (see $w/knotd.log)" >&2
  return 1
}
