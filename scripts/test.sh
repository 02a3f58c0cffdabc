#!/usr/bin/env bash
# Installs what the tests need (Knot DNS, unbound, dig, PostgreSQL, fakeroot for the package) when missing, runs every test with
# Maven, then the Debian package's test (packaging/deb-test.sh: build, install, run, remove).
# Usage: bash scripts/test.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v knotd >/dev/null 2>&1 || need+=(knot)
{ command -v unbound || [[ -x /usr/sbin/unbound ]]; } >/dev/null 2>&1 || need+=(unbound)
command -v dig   >/dev/null 2>&1 || need+=(bind9-dnsutils)
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
# the store tests start their own throwaway PostgreSQL cluster (initdb + pg_ctl under /usr/lib/postgresql/*/bin)
pg_initdb() { ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -n1; }
[[ -n $(pg_initdb) ]] || need+=(postgresql)
if ((${#need[@]})); then
  echo "Installing test dependencies: ${need[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  # keep the packages from starting a system-wide knot or unbound on port 53, or a system PostgreSQL cluster
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null
    $sudo_cmd chmod +x /usr/sbin/policy-rc.d
  fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
command -v knotd >/dev/null 2>&1 || { echo "knotd is still missing: the DNS tests cannot run" >&2; exit 1; }
{ command -v unbound || [[ -x /usr/sbin/unbound ]]; } >/dev/null 2>&1 || { echo "unbound is still missing: the resolver tests cannot run" >&2; exit 1; }
[[ -n $(pg_initdb) ]] || { echo "PostgreSQL's initdb is still missing: the PostgreSQL store tests cannot run" >&2; exit 1; }

mvn -B verify "$@"
SKIP_BUILD=1 bash packaging/deb-test.sh
