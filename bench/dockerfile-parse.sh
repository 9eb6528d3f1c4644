#!/bin/sh
# Dockerfile parser speed: parse, and parse + expand every instruction, of a generated ~100-line
# multi-stage Dockerfile, after warm-up (no root needed).
#
#   bench/dockerfile-parse.sh [iterations]      (default 20000)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
(cd "$ROOT" && mvn -B -q -o -pl image-store compile) >&2
exec "$JAVA_HOME/bin/java" -cp "$ROOT/image-store/target/classes" "$ROOT/bench/DockerfileParseBench.java" "${1:-20000}"
