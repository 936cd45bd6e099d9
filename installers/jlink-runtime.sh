#!/usr/bin/env bash
# Makes the trimmed Java runtime for the installers: jlinks exactly the modules in installers/modules.txt
# while jdeps looks at the jar, then fails (and removes the runtime) when jdeps names a module missing there.
# Usage: installers/jlink-runtime.sh JAR OUTPUT_DIR
set -euo pipefail
jar="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
modules=$(grep -v '^\s*#' "$here/modules.txt" | grep -v '^\s*$' | tr -d ' ' | paste -sd, -)
# jdeps (about 25 s of CPU on the 29 MB jar) and jlink (about 14 s) side by side; the check follows
deps="$(mktemp)"
trap 'rm -f "$deps"' EXIT
jdeps --ignore-missing-deps --print-module-deps --multi-release 17 -q "$jar" >"$deps" &
jdeps_pid=$!
rm -rf "$out"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$out"
wait "$jdeps_pid" || { echo "jlink-runtime: jdeps failed on $jar" >&2; rm -rf "$out"; exit 1; }
needed=$(cat "$deps")
missing=()
for module in ${needed//,/ }; do
  [[ ",$modules," == *",$module,"* ]] || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "jlink-runtime: jdeps says the jar needs ${missing[*]}, which installers/modules.txt lacks. Add them there." >&2
  rm -rf "$out"
  exit 1
fi
echo "jlink-runtime: $(du -sh "$out" | cut -f1) runtime with $modules"
