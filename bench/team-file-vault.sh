#!/bin/sh
# Team file end to end through the vault: export a 10,000-host vault with secrets, export again over
# that file, import it into an empty vault (preview, apply) and preview again. Not a test; see
# docs/benchmarks.md, "Team file". Usage: bench/team-file-vault.sh [HOSTS] [RUNS]
set -e
cd "$(dirname "$0")/.."
exec mvn -B -ntp -q -pl app -am verify -Dtest=TeamFileServiceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkeyport.bench=true -Dkeyport.bench.hosts="${1:-10000}" -Dkeyport.bench.runs="${2:-3}" -DtrimStackTrace=false \
    -Dsurefire.printSummary=false
