#!/bin/sh
# Terminal throughput on real output (issue 13; not a test; see docs/benchmarks.md, "Terminal workloads").
# For every workload (plain flood, build log, progress bars, full-screen programs, wide Unicode), 200x50,
# 10,000 lines of scrollback, same file and same run for both engines:
#   xterm.js (@xterm/headless 6.0.0, 64 KiB writes) and Keyport's pipeline (-Xmx384m) with the line skipper
#   on and off. Prints one line per workload and the lowest ratio.
# Usage: bench/terminal.sh [WORKLOAD...]   (default: all)
set -e
cd "$(dirname "$0")/.."
OUT=bench-out/terminal
CP=$(bench/terminal-classpath.sh "$OUT")
BENCH=dev.keyport.terminal.bench.FloodBenchmark
java -cp "$CP" $BENCH gen-all "$OUT"
cp bench/flood/package.json bench/flood/xterm-bench.js "$OUT/"
(cd "$OUT" && npm install --no-audit --no-fund --silent >/dev/null)
WORKLOADS=${*:-plain-flood build-log progress-bars full-screen wide-unicode}
mbs() { sed -n 's/^[^=]*= \([0-9.]*\) MB\/s.*/\1/p' "$1" | head -1; } # the first figure: wall clock
cpu() { sed -n 's/.*(process CPU \([0-9.]*\) s.*/\1/p' "$1" | head -1; }
size() { sed -n 's/.*: \([0-9.]*\) MB in.*/\1/p' "$1" | head -1; }
rss() { sed -n 's/.*peak RSS \([0-9]*\) MB.*/\1/p' "$1"; }
: > "$OUT/summary.txt"; : > "$OUT/summary-cpu.txt"
for w in $WORKLOADS; do
  node "$OUT/xterm-bench.js" "$OUT/$w.bin" 65536 > "$OUT/$w.xterm.txt"
  java -Xmx384m -cp "$CP" $BENCH run "$OUT/$w.bin" 2>/dev/null > "$OUT/$w.keyport.txt"
  java -Xmx384m -cp "$CP" $BENCH run "$OUT/$w.bin" --no-skip 2>/dev/null > "$OUT/$w.noskip.txt"
  grep -h CHECK "$OUT/$w.keyport.txt" "$OUT/$w.noskip.txt" | sed "s/^/$w: /" || true
  XT=$(mbs "$OUT/$w.xterm.txt"); KP=$(mbs "$OUT/$w.keyport.txt"); NS=$(mbs "$OUT/$w.noskip.txt")
  echo "$w $XT $KP $NS $(rss "$OUT/$w.keyport.txt") $(rss "$OUT/$w.noskip.txt")" | awk '{printf "%-14s xterm.js %6.1f MB/s | Keyport %6.1f MB/s (%.2fx) | no skipper %6.1f MB/s (%.2fx) | peak RSS %s / %s MB\n", $1, $2, $3, $3/$2, $4, $4/$2, $5, $6}' \
      | tee -a "$OUT/summary.txt"
  # the same per second of process CPU (JIT and GC threads included on both sides): steadier on a busy machine
  echo "$w $(size "$OUT/$w.xterm.txt") $(cpu "$OUT/$w.xterm.txt") $(cpu "$OUT/$w.keyport.txt") $(cpu "$OUT/$w.noskip.txt")" \
      | awk '{x=$2/$3; k=$2/$4; n=$2/$5; printf "%-14s per CPU second: xterm.js %6.1f | Keyport %6.1f (%.2fx) | no skipper %6.1f (%.2fx)\n", $1, x, k, k/x, n, n/x}' \
      | tee -a "$OUT/summary-cpu.txt"
done
awk '{gsub(/[()x]/, "", $9); gsub(/[()x]/, "", $15); if (min == "" || $9+0 < min) min = $9+0; if ($15+0 < min) min = $15+0} END {printf "lowest ratio Keyport/xterm.js (wall clock): %.2fx\n", min}' "$OUT/summary.txt"
awk '{gsub(/[()x]/, "", $10); gsub(/[()x]/, "", $15); if (min == "" || $10+0 < min) min = $10+0; if ($15+0 < min) min = $15+0} END {printf "lowest ratio Keyport/xterm.js (per CPU second): %.2fx\n", min}' "$OUT/summary-cpu.txt"
