#!/usr/bin/env bash
# In-process load time (JMH): a 100-service project over three files with anchors, loaded and
# canonicalized, after warm-up. Target: <= 50 ms per load.
# Usage: bench/model-load.sh   (builds what it needs; prints JMH's summary)
set -euo pipefail
root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
JAVA_HOME=$("$root/scripts/java-home.sh")
export JAVA_HOME MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
project=$(mktemp -d /tmp/jcompose-bench.XXXXXX)
trap 'rm -rf "$project"' EXIT
"$root/bench/gen-project.sh" "$project"
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests install -pl compose-model -am)
(cd "$root/bench/jmh" && mvn -B -q -Dstyle.color=never -DskipTests package)
"$JAVA_HOME/bin/java" -jar "$root/bench/jmh/target/benchmarks.jar" -jvmArgs "-Dbench.project=$project" "$@"
