#!/usr/bin/env bash
# The Debian package end to end, as a user gets it: builds it, installs it with apt-get (which pulls its
# dependencies), runs `domaindesk --version` and commands from the PATH, checks the desktop entry and icon, then
# removes and purges it and checks that nothing is left. Needs root (or sudo) on a Debian/Ubuntu machine; it refuses
# to run where a domaindesk package is already installed, since it removes the one it installs.
# Usage: bash packaging/deb-test.sh     (SKIP_BUILD=1: package target/domaindesk.jar as it is)
# Also builds the app image first, and checks that building the .deb leaves it in place.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_cmd=""
[[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
fail() { echo "deb-test: $*" >&2; exit 1; }

if dpkg -s domaindesk >/dev/null 2>&1; then
  fail "a domaindesk package is installed on this machine; remove it first (this test installs and removes its own)"
fi
bash packaging/jpackage.sh app-image
[[ $(target/dist/domaindesk/bin/domaindesk --version) == "DomainDesk "* ]] || fail "the app image's --version"
# fast compression: what is tested is the package's content and scripts, not its size
DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 SKIP_BUILD=1 bash packaging/jpackage.sh deb
deb=$(ls target/dist/domaindesk_*.deb)
[[ -x target/dist/domaindesk/bin/domaindesk ]] || fail "building the .deb deleted the app image"

echo "deb-test: installing $deb"
install() { DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "./$deb"; }
# a fresh machine may have no package lists yet to find the dependencies in
install || { $sudo_cmd apt-get update -qq && install; } || fail "apt-get install failed"
[[ $(dpkg-query -W -f='${Status}' domaindesk) == "install ok installed" ]] || fail "not fully installed"

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
[[ $(command -v domaindesk) == /usr/bin/domaindesk ]] || fail "domaindesk is not on the PATH"
version=$(domaindesk --version)
[[ $version == "DomainDesk "* ]] || fail "--version printed '$version'"
domaindesk --data-dir "$data" add example.com >/dev/null || fail "add failed"
domaindesk --data-dir "$data" list | grep -q '^example.com  *pending' || fail "list does not show the domain"
status=0
domaindesk --data-dir "$data" records nosuch.example 2>/dev/null || status=$?
[[ $status == 4 ]] || fail "records of an unknown domain exited $status, not 4"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY domaindesk --data-dir "$data" 2>&1) && fail "the window opened without a display"
[[ $out == "no display: "* ]] || fail "the window without a display said: $out"
[[ -f /usr/share/applications/domaindesk.desktop ]] || fail "no desktop entry"
grep -q '^Exec=/usr/bin/domaindesk$' /usr/share/applications/domaindesk.desktop || fail "desktop entry's Exec"
cmp -s assets/domaindesk.png /usr/share/icons/hicolor/256x256/apps/domaindesk.png || fail "icon is not assets/domaindesk.png"
dpkg-query -W -f='${Maintainer}\n${Description}\n' domaindesk | grep -q 'DNS records' || fail "no description"
echo "deb-test: $version installed and runs from the PATH"

DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get remove -y -qq domaindesk || fail "apt-get remove failed"
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get purge -y -qq domaindesk || fail "apt-get purge failed"
dpkg -s domaindesk >/dev/null 2>&1 && fail "still known to dpkg after purge"
for left in /usr/bin/domaindesk /opt/domaindesk /usr/share/applications/domaindesk.desktop \
    /usr/share/icons/hicolor/256x256/apps/domaindesk.png; do
  [[ ! -e $left && ! -L $left ]] || fail "$left is left after removal"
done
echo "deb-test: removed cleanly"
