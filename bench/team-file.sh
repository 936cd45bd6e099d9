#!/bin/sh
# Team file benchmark: write and read a 10,000-host team file with secrets (default Argon2id, 64 MiB,
# t=3, p=1). Not a test; see docs/benchmarks.md. Usage: bench/team-file.sh [HOSTS] [RUNS]
set -e
cd "$(dirname "$0")/.."
exec mvn -B -ntp -q -pl sync-format -am test -Dtest=TeamFileBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkeyport.bench=true -Dkeyport.bench.hosts="${1:-10000}" -Dkeyport.bench.runs="${2:-5}" -DtrimStackTrace=false \
    -Dsurefire.printSummary=false
