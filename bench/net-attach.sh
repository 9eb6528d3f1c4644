#!/bin/sh
# Attach time of the network manager: namespace + veth + addresses + routes (+ nftables for a
# published port) + state file, measured in a throw-away sandbox network namespace (the real
# host is not touched). Target: <= 20 ms per attach. Needs root, iproute2, nftables, util-linux.
#
#   bench/net-attach.sh [ROUNDS]     (default 50)
set -eu
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "net-attach.sh: run as root" >&2; exit 1; }
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q -o -pl network-manager test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q -pl network-manager test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="network-manager/target/classes:network-manager/target/test-classes:$(cat network-manager/target/bench.classpath)"
echo "host: $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), kernel $(uname -r)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" io.jcompose.network.AttachBenchmark "${1:-50}"
