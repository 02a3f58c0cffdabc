#!/usr/bin/env bash
# Builds a native package of DomainDesk with the JDK's jpackage.
# Usage: bash packaging/jpackage.sh [app-image|deb]   (default app-image; output in target/dist)
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE=${1:-app-image}
mvn -q -B package -DskipTests
rm -rf target/dist target/jpackage-input
mkdir -p target/jpackage-input
cp target/domaindesk.jar target/jpackage-input/
cp target/lib/*.jar target/jpackage-input/
extra=()
while IFS= read -r option; do
  [[ -z $option || $option == \#* ]] || extra+=(--java-options "$option")
done < packaging/jvm.options
[[ $TYPE == deb ]] && extra+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Network)
jpackage --type "$TYPE" --name DomainDesk --app-version 0.1.0 \
  --input target/jpackage-input --main-jar domaindesk.jar --main-class dev.domaindesk.Launcher \
  --dest target/dist "${extra[@]}"
echo "built: $(ls target/dist)"
