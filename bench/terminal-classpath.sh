#!/bin/sh
# Builds the terminal module's test classes and prints the classpath the benchmarks run them with.
# Usage (from the repository root): CP=$(bench/terminal-classpath.sh OUTDIR)
set -e
mkdir -p "$1"
mvn -B -q -pl terminal -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$1/terminal-test-classpath.txt" -Dmdep.includeScope=test >/dev/null
echo "terminal/target/test-classes:terminal/target/classes:$(cat "$1/terminal-test-classpath.txt")"
