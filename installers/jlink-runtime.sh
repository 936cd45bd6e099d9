#!/usr/bin/env bash
# Makes the trimmed Java runtime for the installers: checks installers/modules.txt against what
# jdeps finds in the jar, then jlinks exactly those modules.
# Usage: installers/jlink-runtime.sh JAR OUTPUT_DIR
set -euo pipefail
jar="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
modules=$(grep -v '^\s*#' "$here/modules.txt" | grep -v '^\s*$' | tr -d ' ' | paste -sd, -)
needed=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 -q "$jar")
missing=()
for module in ${needed//,/ }; do
  [[ ",$modules," == *",$module,"* ]] || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "jlink-runtime: jdeps says the jar needs ${missing[*]}, which installers/modules.txt lacks. Add them there." >&2
  exit 1
fi
rm -rf "$out"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out"
echo "jlink-runtime: $(du -sh "$out" | cut -f1) runtime with $modules"
