#!/usr/bin/env bash
# Builds Keyport.dmg on macOS from app/target/keyport.jar (NOT RUN HERE: see installers/README.md).
# The same steps as Linux (the trimmed runtime, the app image, the package) with the options from
# installers/app-image.jpackage and installers/common.jpackage. The class-data-sharing archive is not
# made on macOS yet (cds-archive.sh knows the Linux layout only): the launcher starts without it (-Xshare:auto).
# Needs: JDK 17+ for macOS.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=app/target/keyport.jar
[ -f "$jar" ] || { echo "build.sh: $jar is missing; run: mvn -B -ntp -q -DskipTests package" >&2; exit 1; }
version=$(unzip -p "$jar" dev/keyport/app/version.properties | sed -n 's/^version=//p' | sed 's/-.*//')
case "$version" in 0.*) version="1.${version#0.}" ;; esac # macOS wants the first number above 0
out=installers/target
rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/"
installers/jlink-runtime.sh "$jar" "$out/runtime"
jpackage @installers/app-image.jpackage --type app-image --app-version "$version" \
  --input "$out/input" --runtime-image "$out/runtime" --icon icons/keyport.icns --dest "$out/image" \
  --mac-package-identifier dev.keyport.app --mac-package-name Keyport
jpackage @installers/common.jpackage --type dmg --app-version "$version" --app-image "$out/image/keyport.app" --dest "$out"
ls -la "$out"/*.dmg
