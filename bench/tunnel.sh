#!/bin/sh
# Tunnel benchmark (not a test; see docs/benchmarks.md, "Tunnels"): Keyport's -L against OpenSSH's ssh -N -L
# through one local OpenSSH sshd (127.0.0.1, private port and config), to sink/source/echo servers in the
# benchmark JVM. Twice: the server restricted to aes128-gcm@openssh.com, then each side's default cipher.
# Prints MB/s both ways for both and the ratio (per round, median, lowest), short connections per second,
# and the memory of 200 open connections (Keyport: JVM RSS and heap; OpenSSH: the ssh process's RSS).
# Needs openssh-server and openssh-client, and root (sshd on a private port). Output: bench-out/tunnel.
# Usage: bench/tunnel.sh [MiB per transfer, default 1024] [rounds, default 3]
set -e
cd "$(dirname "$0")/.."
OUT=bench-out/tunnel
CP=$(bench/terminal-classpath.sh "$OUT")
# -Xmx384m as the README runs the application; -Xms too and pre-touched, so the heap is in RSS before the memory figure
java -Xms384m -Xmx384m -XX:+AlwaysPreTouch -Dlogback.configurationFile=bench/logback-bench.xml -cp "$CP" \
    dev.keyport.terminal.bench.TunnelBenchmark "$OUT" "${1:-1024}" "${2:-3}" | tee "$OUT/result.txt"
