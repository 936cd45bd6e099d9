#!/usr/bin/env bash
# Makes the class-data-sharing archive (lib/app/keyport.jsa) of an app image made by jpackage.
# Two training runs record the classes Keyport loads (the demo up to its window with the host list;
# a first start up to the "Create your vault" window), then the image's own runtime dumps them all,
# with the JDK's, into one static archive.
#
# JDK 17 accepts an archive only when the jar's path at run time is the one it was made with, so the
# runs use the path the package installs to (INSTALL_DIR, /opt/keyport), as a symbolic link to the
# image for the duration. That needs write access to the parent folder and INSTALL_DIR not to exist
# (uninstall Keyport on the build machine first). Training needs a display: its own Xvfb when DISPLAY is unset.
# The two training runs go side by side, and the dump follows.
# Usage: installers/cds-archive.sh IMAGE_DIR [INSTALL_DIR]
set -euo pipefail
image="$(cd "$1" && pwd)"
install_dir="${2:-/opt/keyport}"
if [ -e "$install_dir" ] || [ -L "$install_dir" ]; then
  echo "cds-archive: $install_dir exists (Keyport installed here?); remove it, or the archive cannot be made" >&2
  exit 1
fi
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  # wait for it to go: an X server started right after (the start-up benchmark's) could otherwise take
  # the display number while this one still removes its socket, and be left without one
  [ -z "$xvfb_pid" ] || { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true
  rm -f "$install_dir"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$(dirname "$install_dir")"
ln -s "$image" "$install_dir"

java="$install_dir/lib/runtime/bin/java"
jar="$install_dir/lib/app/keyport.jar"
# The archive also records the jar's modification time, and packaging copies the jar (a new time):
# give it a fixed one, which the package's install script sets again (linux/resources/postinst, keyport.spec).
touch -m -d @946684800 "$jar"
if [ -z "${DISPLAY:-}" ]; then # one Xvfb for both training runs
  exec 3>"$work/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; echo "cds-archive: Xvfb did not start" >&2; exit 1; }
  export DISPLAY=":$(head -1 "$work/display")"
fi

train() { # NAME EXIT_AFTER ARGS...
  local name="$1" exit_after="$2"
  shift 2
  mkdir -p "$work/home-$name" # each its own: JavaFX unpacks its native libraries under HOME
  HOME="$work/home-$name" XDG_DATA_HOME="$work/data-$name" timeout 180 "$java" -Xmx384m -Xshare:off \
    -XX:DumpLoadedClassList="$work/$name.classlist" \
    -Dkeyport.startup.trace="$work/$name.trace" -Dkeyport.startup.exitAfter="$exit_after" \
    -cp "$jar" dev.keyport.app.Main "$@" >"$work/$name.log" 2>&1 || true
  if ! grep -q "^$exit_after " "$work/$name.trace" 2>/dev/null; then
    echo "cds-archive: the training run '$name' did not reach $exit_after:" >&2
    tail -20 "$work/$name.log" >&2
    return 1
  fi
}

# the two runs side by side (two cores; each is mostly one busy thread at a time)
train demo demo-window --demo &
demo_pid=$!
first_ok=0
train first-start unlock-window || first_ok=1
wait "$demo_pid" || exit 1
[ "$first_ok" -eq 0 ] || exit 1
cat "$work"/*.classlist | grep -v '^#' | awk '!seen[$0]++' >"$work/keyport.classlist"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/keyport.classlist" -XX:SharedArchiveFile="$install_dir/lib/app/keyport.jsa" \
  -Xmx384m -cp "$jar" >"$work/dump.log" 2>&1 || { tail -20 "$work/dump.log" >&2; exit 1; }
echo "cds-archive: $(wc -l <"$work/keyport.classlist") classes in $(du -h "$image/lib/app/keyport.jsa" | cut -f1) lib/app/keyport.jsa"
