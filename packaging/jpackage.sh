#!/usr/bin/env bash
# Builds DomainDesk with the JDK's jpackage, with its own Java runtime:
#   app-image (default)  target/dist/domaindesk/bin/domaindesk
#   deb                  target/dist/domaindesk_VERSION_ARCH.deb: installs /opt/domaindesk, `domaindesk` on the PATH,
#                        a desktop entry and icon (packaging/deb/: control, postinst, prerm)
# Building one leaves the other in place. Usage: bash packaging/jpackage.sh [app-image|deb]
# SKIP_BUILD=1 uses target/domaindesk.jar and target/lib as they are; DEB_MAINTAINER overrides the maintainer.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${1:-app-image}
case $TYPE in
  app-image|deb) ;;
  *) echo "usage: bash packaging/jpackage.sh [app-image|deb]" >&2; exit 2 ;;
esac
[[ ${SKIP_BUILD:-} == 1 && -f target/domaindesk.jar ]] || mvn -q -B package -DskipTests
VERSION=$(sed -n 's/^version=//p' target/classes/dev/domaindesk/version.properties)
APP_VERSION=${VERSION%%-*}   # jpackage takes numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0
MAINTAINER=${DEB_MAINTAINER:-DomainDesk maintainers <maintainers@users.noreply.r-seed-9d4a8b0d.example>}

input=target/jpackage-input
rm -rf "$input"
mkdir -p "$input" target/dist
cp target/domaindesk.jar target/lib/*.jar "$input"/
options=()
while IFS= read -r option; do
  [[ -z $option || $option == \#* ]] || options+=(--java-options "$option")
done < packaging/jvm.options

common=(--name domaindesk --app-version "$APP_VERSION" --vendor "DomainDesk"
  --description "Console for the DNS records of email domains"
  --icon assets/domaindesk.png --input "$input" --main-jar domaindesk.jar --main-class dev.domaindesk.Launcher
  --dest target/dist "${options[@]}")

if [[ $TYPE == app-image ]]; then
  rm -rf target/dist/domaindesk
  jpackage --type app-image "${common[@]}"
  echo "built: target/dist/domaindesk (run target/dist/domaindesk/bin/domaindesk)"
else
  resources=target/jpackage-resources
  rm -rf "$resources"
  mkdir -p "$resources"
  cp packaging/deb/postinst packaging/deb/prerm "$resources"/
  sed "s|DEB_MAINTAINER|$MAINTAINER|" packaging/deb/control > "$resources"/control
  rm -f target/dist/domaindesk_*.deb
  jpackage --type deb "${common[@]}" --resource-dir "$resources" \
    --linux-package-name domaindesk --linux-app-category net --linux-app-release 1
  echo "built: $(ls target/dist/domaindesk_*.deb)"
fi
