#!/usr/bin/env bash
# Content hash of a build context (what a COPY step's cache key needs): a generated context of
# 1,000 files in 50 directories plus an ignored directory, hashed cold and then warm with the file
# hash cache kept, in one JVM. Target: a few milliseconds warm (stat only, no file read).
# Usage: bench/context-hash.sh [files] [runs]
set -euo pipefail
ROOT=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
JAVA_HOME=$("$ROOT/scripts/java-home.sh")
export JAVA_HOME
FILES=${1:-1000}
RUNS=${2:-200}
CTX=$(mktemp -d /tmp/jcompose-ctxhash.XXXXXX)
trap 'rm -rf "$CTX"' EXIT
for ((i = 0; i < FILES; i++)); do
  d="$CTX/src/pkg$((i % 50))"
  mkdir -p "$d"
  head -c $((512 + i * 7 % 4096)) /dev/urandom > "$d/file$i.txt"
done
mkdir -p "$CTX/node_modules/x" && echo ignored > "$CTX/node_modules/x/index.js"
printf 'node_modules\n*.log\n' > "$CTX/.dockerignore"
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -pl image-store -am install -DskipTests) >&2
"$JAVA_HOME/bin/java" -cp "$ROOT/image-store/target/classes" "$ROOT/bench/ContextHashBench.java" "$CTX" "$RUNS"
