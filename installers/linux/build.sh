#!/usr/bin/env bash
# Builds Keyport's Linux installers from app/target/keyport.jar into installers/target/:
# a trimmed runtime (jlink-runtime.sh), an app image with a script launcher (linux/script-launcher.sh)
# and its class-data-sharing archive (cds-archive.sh), then a .deb and an .rpm from that image (jpackage).
# Usage: installers/linux/build.sh [deb|rpm ...]   (default: deb rpm)
# Needs: JDK 17+ (jlink, jpackage), fakeroot and dpkg-deb for .deb, rpmbuild (Debian: rpm) for .rpm,
# xvfb-run (Debian: xvfb) when there is no DISPLAY, write access to /opt (see cds-archive.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
types=("$@")
[ ${#types[@]} -gt 0 ] || types=(deb rpm)
jar=app/target/keyport.jar
[ -f "$jar" ] || { echo "build.sh: $jar is missing; run: mvn -B -ntp -q -DskipTests package" >&2; exit 1; }
# jpackage wants a plain number: 0.1.0-SNAPSHOT -> 0.1.0
version=$(unzip -p "$jar" dev/keyport/app/version.properties | sed -n 's/^version=//p' | sed 's/-.*//')
out=installers/target
rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/"

start=$(date +%s)
times=()
timed() { # NAME COMMAND...: runs it and notes how long it took (printed at the end: where the build's time goes)
  local name="$1" began=${EPOCHREALTIME/[.,]/}
  shift
  "$@"
  local tenths=$(( (${EPOCHREALTIME/[.,]/} - began) / 100000 ))
  times+=("$name $(( tenths / 10 )).$(( tenths % 10 )) s")
}
timed jlink installers/jlink-runtime.sh "$jar" "$out/runtime"
timed app-image jpackage @installers/app-image.jpackage --type app-image --app-version "$version" \
  --input "$out/input" --runtime-image "$out/runtime" --icon icons/keyport-256.png --dest "$out/image"
timed launcher installers/linux/script-launcher.sh "$out/image/keyport" # jpackage's own asks dpkg and rpm on every start
# JavaFX's native libraries beside the jar, where JavaFX looks first: otherwise every start copies them out
# of the jar into ~/.openjfx/cache and checks that copy (docs/benchmarks.md, "Start-up")
timed natives unzip -q -o -j "$jar" 'lib*.so' -d "$out/image/keyport/lib/app"
timed cds-archive installers/cds-archive.sh "$out/image/keyport"

# the package's own resources, and the menu icon under the name jpackage looks for
cp -r installers/linux/resources "$out/resources"
cp icons/keyport-256.png "$out/resources/keyport.png"
for type in "${types[@]}"; do
  timed "$type" env DPKG_DEB_COMPRESSOR_TYPE=gzip jpackage @installers/common.jpackage --type "$type" --app-version "$version" --app-image "$out/image/keyport" \
    --resource-dir "$out/resources" \
    --install-dir /opt \
    --linux-package-name keyport --linux-app-category Network --linux-menu-group Network --linux-shortcut \
    --dest "$out"
done
ls -la "$out"/*.deb "$out"/*.rpm 2>/dev/null || true
echo "build.sh: ${types[*]} in $(( $(date +%s) - start )) s ($(IFS=,; echo "${times[*]}" | sed 's/,/, /g'))"
