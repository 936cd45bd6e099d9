#!/usr/bin/env bash
# Replaces the app image's native launcher (bin/keyport, made by jpackage) with a shell script that starts
# the same Java with the same options, read here from the image's lib/app/keyport.cfg (so the options stay
# in app-image.jpackage). Why: JDK 17's Linux launcher asks the package managers which package owns it on
# every start (it runs `rpm -qf`, `dpkg -S` and `dpkg -L keyport`, each twice: strace shows them), about
# a second of CPU before the JVM even starts (docs/benchmarks.md, "Start-up"). The script resolves its
# own location (/usr/bin/keyport is a link to it), so the jar's path is the one the CDS archive was made with.
# Usage: installers/linux/script-launcher.sh IMAGE_DIR
set -euo pipefail
image="$1"
cfg="$image/lib/app/keyport.cfg"
launcher="$image/bin/keyport"
[ -f "$cfg" ] || { echo "script-launcher: $cfg is missing" >&2; exit 1; }
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg")
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ -n "$classpath" ] && [ -n "$main" ] || { echo "script-launcher: no app.classpath or app.mainclass in $cfg" >&2; exit 1; }
options=()
while IFS= read -r option; do
  [[ "$option" != *'"'* && "$option" != *'`'* && "$option" != *'\'* ]] || { echo "script-launcher: cannot quote '$option'" >&2; exit 1; }
  options+=("\"$option\"")
done < <(sed -n 's/^java-options=//p' "$cfg")
{
  echo '#!/bin/sh'
  echo '# Keyport launcher, made by installers/linux/script-launcher.sh from lib/app/keyport.cfg'
  echo 'APPDIR="$(dirname "$(dirname "$(readlink -f "$0")")")/lib/app"'
  echo "exec \"\$APPDIR/../runtime/bin/java\" ${options[*]} -cp \"$classpath\" $main \"\$@\""
} >"$launcher.script"
chmod 755 "$launcher.script"
mv "$launcher.script" "$launcher"
echo "script-launcher: $launcher starts $main with: ${options[*]}"
