#!/usr/bin/env bash
# Builds the .deb and checks it the way a user meets it (run by .ci/run; as root, or with sudo):
# install with dpkg -i, `keyport --version`, a command-line round trip through the installed launcher,
# the desktop entry, the app's window under Xvfb (and a second launch handing over to it), then
# removal, after which the user's vault must still be there. Needs app/target/keyport.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
step() { echo "== ci-check: $*"; }
fail() { echo "ci-check: FAILED: $*" >&2; exit 1; }

work="$(mktemp -d)"
gui_pid=""
xvfb_pid=""
cleanup() {
  [ -z "$gui_pid" ] || kill "$gui_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "build the .deb"
# a package made to be installed once, here: the fastest gzip level (about half the CPU of the default
# level 9 for a 9 % larger file); release builds keep the default
DPKG_DEB_COMPRESSOR_LEVEL=1 installers/linux/build.sh deb
deb=$(ls installers/target/keyport_*.deb)

step "install $deb with dpkg -i (its dependencies first, as apt would)"
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' '); do
  dpkg -s "$dep" >/dev/null 2>&1 || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# the folders a desktop has, where xdg-utils registers the menu entry and the team file's type
$sudo mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus
$sudo dpkg -i "$deb"

step "the keyport command"
[ "$(command -v keyport)" = /usr/bin/keyport ] || fail "keyport is not on the PATH as /usr/bin/keyport"
version=$(keyport --version)
[[ "$version" == "Keyport "* ]] || fail "keyport --version printed '$version'"
echo "$version"

step "command line round trip on the installed runtime"
export KEYPORT_DATA_DIR="$work/data"
printf 'ci master password\n' >"$work/master"
KEYPORT_MASTER_PASSWORD_FILE="$work/master" keyport vault init
KEYPORT_MASTER_PASSWORD_FILE="$work/master" keyport host add ci-db deploy@10.0.0.5:2222 --group prod
list=$(KEYPORT_MASTER_PASSWORD_FILE="$work/master" keyport host list)
echo "$list"
grep -q "ci-db.*deploy@10.0.0.5:2222" <<<"$list" || fail "host list does not show the host just added"

step "desktop entry and team file type"
desktop=/usr/share/applications/keyport-keyport.desktop
[ -f "$desktop" ] || fail "no $desktop"
for line in "Exec=/opt/keyport/bin/keyport %f" "Categories=Network;" "StartupWMClass=Keyport" "MimeType=application/x-keyport-team" "Icon=/opt/keyport/lib/keyport.png"; do
  grep -q "^$line" "$desktop" || fail "$desktop lacks '$line'"
done
[ "$(xdg-mime query default application/x-keyport-team)" = keyport-keyport.desktop ] || fail "team files do not open with Keyport"

step "the window under Xvfb"
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$work/display")"
# a home of its own: JavaFX must load its native libraries from the package, not unpack them into ~/.openjfx
mkdir "$work/home"
HOME="$work/home" keyport >"$work/gui.log" 2>&1 &
gui_pid=$!
window=$(timeout 90 xdotool search --sync --onlyvisible --name "Unlock Keyport" | head -1) \
  || { cat "$work/gui.log" >&2; fail "the unlock window did not appear within 90 s"; }
wm_class=$(xprop -id "$window" WM_CLASS)
echo "window $window: $wm_class"
[[ "$wm_class" == *'"Keyport"'* ]] || fail "the window's class is not Keyport (desktop entry's StartupWMClass): $wm_class"
[ ! -e "$work/home/.openjfx" ] || fail "JavaFX unpacked its native libraries into ~/.openjfx instead of loading the package's"
second=$(timeout 60 keyport 2>&1) || fail "a second launch failed: $second"
[ "$second" = "keyport: Keyport is already running: its window is in front." ] || fail "a second launch said: $second"
kill "$gui_pid"
wait "$gui_pid" 2>/dev/null || true
gui_pid=""

step "remove the package; the vault stays"
$sudo dpkg -r keyport
[ ! -e /opt/keyport ] || fail "/opt/keyport is still there"
[ ! -e /usr/bin/keyport ] || fail "/usr/bin/keyport is still there"
[ -f "$KEYPORT_DATA_DIR/vault.header" ] && [ -f "$KEYPORT_DATA_DIR/vault.mv.db" ] || fail "the vault went with the package"
echo "ci-check: the .deb installs, runs and uninstalls; the vault stays"
