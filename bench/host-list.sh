#!/bin/sh
# Host list benchmark: 10,000 hosts in 200 groups in a real HostListView (headless): load after unlock and
# each search keystroke. Not a test; see docs/benchmarks.md. Usage: bench/host-list.sh [HOSTS] [GROUPS]
set -e
cd "$(dirname "$0")/.."
mkdir -p bench-out
mvn -B -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/bench-out/app-test-classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="app/target/test-classes:app/target/classes:$(cat bench-out/app-test-classpath.txt)"
exec java -Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    -Djavafx.cachedir="$PWD/bench-out/openjfx-cache" -cp "$CP" dev.keyport.app.bench.HostListBenchmark "$@"
