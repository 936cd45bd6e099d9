#!/bin/sh
# Connect latency: Keyport's session layer vs the OpenSSH client against one local OpenSSH sshd.
# Needs openssh-server/openssh-client installed and must run as root (sshd on a private port).
# Usage: bench/connect-latency.sh   (from the repository root)
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl terminal test-compile
mvn -B -q -pl terminal org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
    -Dmdep.outputFile="$PWD/terminal/target/bench.classpath" -Dmdep.includeScope=test
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile=bench/logback-bench.xml \
    -cp "terminal/target/classes:terminal/target/test-classes:$(cat terminal/target/bench.classpath)" \
    dev.keyport.terminal.bench.ConnectLatency "$@"
