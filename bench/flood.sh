#!/bin/sh
# Terminal flood benchmark (not a test; see docs/benchmarks.md, "Terminal flood").
# 1. writes the 54.9 MB workload (seq 1 5000000 + coloured log lines, CRLF) to bench-out/flood/flood.bin
# 2. installs @xterm/headless 6.0.0 from npm into bench-out/flood and parses the file with it
# 3. parses it with Keyport's pipeline (TtyConnector -> JediTermFX emulator and buffer, no screen), -Xmx384m
# 4. prints MB/s for both, the ratio, peak memory
# 5. unless --no-e2e: cat of the file on a real OpenSSH sshd into a headless Keyport tab (needs openssh-server),
#    twice in one JVM; with --x11 the tab is in a real X11 window (GTK, on xvfb-run; needs xvfb libgtk-3-0)
# Usage: bench/flood.sh [--no-e2e] [--also-no-skip] [--x11]
set -e
cd "$(dirname "$0")/.."
OUT=bench-out/flood
CP=$(bench/terminal-classpath.sh "$OUT")
BENCH=dev.keyport.terminal.bench.FloodBenchmark
[ -f "$OUT/flood.bin" ] || java -cp "$CP" $BENCH gen "$OUT/flood.bin"

cp bench/flood/package.json bench/flood/xterm-bench.js "$OUT/"
(cd "$OUT" && npm install --no-audit --no-fund --silent >/dev/null)

echo "== xterm.js (@xterm/headless 6.0.0, node $(node --version)), 200x50, scrollback 10000, 64 KiB writes"
node "$OUT/xterm-bench.js" "$OUT/flood.bin" 65536 | tee "$OUT/xterm.txt"
echo "== Keyport pipeline (JediTermFX 1.0.0 core, FastJediTerminal + FloodDataStream), 200x50, scrollback 10000, -Xmx384m"
java -Xmx384m -cp "$CP" $BENCH run "$OUT/flood.bin" 2>/dev/null | tee "$OUT/keyport.txt"
for arg in "$@"; do
  if [ "$arg" = --also-no-skip ]; then
    echo "== Keyport pipeline without the line skipper, -Xmx384m"
    java -Xmx384m -cp "$CP" $BENCH run "$OUT/flood.bin" --no-skip 2>/dev/null | tee "$OUT/keyport-noskip.txt"
  fi
done
XT=$(sed -n 's/.*= \([0-9.]*\) MB\/s.*/\1/p' "$OUT/xterm.txt")
KP=$(sed -n 's/.*= \([0-9.]*\) MB\/s.*/\1/p' "$OUT/keyport.txt")
echo "== xterm.js $XT MB/s, Keyport $KP MB/s, ratio Keyport/xterm.js $(echo "$KP $XT" | awk '{printf "%.2f", $1/$2}')"

case " $* " in *" --no-e2e "*) exit 0 ;; esac
E2E="mvn -B -q -pl app -am test -Dtest=TerminalFloodBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dkeyport.bench=true -DargLine=-Xmx384m"
case " $* " in
  *" --x11 "*)
    echo "== End to end: cat over SSH into a Keyport tab in an X11 window (GTK on Xvfb, software rendering, JVM -Xmx384m)"
    xvfb-run -a -s "-screen 0 1600x1000x24" $E2E -Dglass.platform=gtk -Dtestfx.headless=false -Dtestfx.robot=awt \
        -Djava.awt.headless=false 2>/dev/null | grep -o 'E2E .*' | tee "$OUT/e2e-x11.txt" ;;
  *)
    echo "== End to end: cat over SSH into a headless Keyport tab (Monocle, software rendering, JVM -Xmx384m)"
    $E2E 2>/dev/null | grep -o 'E2E .*' | tee "$OUT/e2e.txt" ;;
esac
