#!/bin/sh
# Published-port throughput: wrk (keep-alive HTTP) through the published port (kernel DNAT) versus
# the same server at the container's address, in a throw-away sandbox network namespace (the real
# host is not touched). Target: >= 95 % of direct. Needs root, wrk, busybox-static, iproute2,
# nftables, util-linux.
#
#   bench/port-forward.sh [SECONDS_PER_RUN] [ROUNDS]     (default 3 s, 7 rounds per path)
set -eu
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "port-forward.sh: run as root" >&2; exit 1; }
command -v wrk >/dev/null || { echo "port-forward.sh: install wrk (apt-get install wrk)" >&2; exit 1; }
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
mvn -B -q -o -pl network-manager test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q -pl network-manager test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="network-manager/target/classes:network-manager/target/test-classes:$(cat network-manager/target/bench.classpath)"
echo "host: $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), kernel $(uname -r)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" io.jcompose.network.PortForwardBenchmark "${1:-3}" "${2:-7}"
