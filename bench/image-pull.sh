#!/usr/bin/env bash
# Image pull benchmark (issue 3). Starts Debian's docker-registry on 127.0.0.1, pushes generated
# images with image-store's own push code, then measures in the same run:
#   1. jcompose pull (download + verify + unpack) of a ~100 MB, 5-layer image
#      vs `skopeo copy` of the same image to a local directory (download + verify only),
#      and jcompose "fetch" (download + verify only, the like-for-like comparison).
#      The pull is timed twice: as a fresh JVM process (what a one-shot CLI would pay, JVM start
#      and java.net.http initialisation included), and inside a running JVM that has already pulled
#      another small image (what the agent, a long-running daemon, pays);
#   2. a 1 GB single layer pulled with the JVM heap capped at 64 MB (-Xmx64m): it must stream;
#   3. a second image sharing 4 of the 5 layers: only one layer is downloaded.
# Needs: docker-registry, skopeo (Debian packages), Temurin 25, a built image-store (mvn -pl image-store package).
# Usage: bench/image-pull.sh [runs]   (default 3 runs; medians are reported)
set -euo pipefail
RUNS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WORK=$(mktemp -d /tmp/jt-pullbench.XXXXXX)
REGISTRY_PID=""
cleanup() {
  if [[ -n "$REGISTRY_PID" ]]; then kill "$REGISTRY_PID" 2>/dev/null || true; wait "$REGISTRY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ -n "${KEEP:-}" ]] && trap - EXIT && echo "keeping $WORK"

cd "$ROOT"
if [[ ! -d image-store/target/classes ]]; then
  JAVA_HOME=$JAVA_HOME mvn -B -q -o -pl image-store -DskipTests package
fi
JAVA_HOME=$JAVA_HOME mvn -B -q -o -pl image-store dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null
CP="image-store/target/classes:$(cat "$WORK/classpath")"
# compiled once, so no run pays for the source launcher's compilation
mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$CP" bench/image-pull/PullBench.java
BENCH=(-cp "$CP:$WORK/classes" --enable-native-access=ALL-UNNAMED PullBench)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$WORK/registry"
cat > "$WORK/registry/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $WORK/registry/storage
http:
  addr: 127.0.0.1:$PORT
  secret: bench
YML
docker-registry serve "$WORK/registry/config.yml" > "$WORK/registry/log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/v2/" >/dev/null && break; sleep 0.1; done
REG=127.0.0.1:$PORT

echo "== building images (pushed with image-store's own push code)"
"$JAVA" "${BENCH[@]}" make "$REG/bench/app:1" "$WORK" 20 gzip 1 2 3 4 5
"$JAVA" "${BENCH[@]}" make "$REG/bench/app:2" "$WORK" 20 gzip 1 2 3 4 6
"$JAVA" "${BENCH[@]}" make "$REG/bench/big:1" "$WORK" 1024 none 77
"$JAVA" "${BENCH[@]}" make "$REG/bench/warmup:1" "$WORK" 8 gzip 98 99
rm -rf "$WORK/source"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ms() { date +%s%3N; }

echo "== 100 MB, 5 layers: $RUNS runs each, interleaved"
: > "$WORK/pull"; : > "$WORK/pull_in"; : > "$WORK/warm"; : > "$WORK/fetch"; : > "$WORK/skopeo"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/store" "$WORK/fetchdir" "$WORK/skopeodir"
  t0=$(now_ms); out=$("$JAVA" "${BENCH[@]}" pull "$REG/bench/app:1" "$WORK/store"); t1=$(now_ms)
  echo $((t1 - t0)) >> "$WORK/pull"; echo "$out" | sed 's/.*"pull_ms":\([0-9]*\).*/\1/' >> "$WORK/pull_in"
  rm -rf "$WORK/store"
  out=$("$JAVA" "${BENCH[@]}" pull "$REG/bench/app:1" "$WORK/store" "$REG/bench/warmup:1")
  echo "$out" | sed 's/.*"pull_ms":\([0-9]*\).*/\1/' >> "$WORK/warm"
  t0=$(now_ms); "$JAVA" "${BENCH[@]}" fetch "$REG/bench/app:1" "$WORK/fetchdir" > /dev/null; t1=$(now_ms)
  echo $((t1 - t0)) >> "$WORK/fetch"
  t0=$(now_ms); skopeo copy -q --src-tls-verify=false "docker://$REG/bench/app:1" "dir:$WORK/skopeodir"; t1=$(now_ms)
  echo $((t1 - t0)) >> "$WORK/skopeo"
done
P=$(median < "$WORK/pull"); PI=$(median < "$WORK/pull_in"); PW=$(median < "$WORK/warm")
F=$(median < "$WORK/fetch"); S=$(median < "$WORK/skopeo")
echo "jcompose pull, fresh JVM process (start + download + verify + unpack): ${P} ms (pull call itself: ${PI} ms)"
echo "jcompose pull in a running JVM (agent case):                           ${PW} ms"
echo "jcompose fetch, fresh JVM process (download + verify only):            ${F} ms"
echo "skopeo copy to dir, process (download + verify only):                  ${S} ms"
awk -v p="$P" -v w="$PW" -v f="$F" -v s="$S" 'BEGIN {printf "ratios to skopeo: agent pull %.2f, fresh-process pull %.2f, fresh-process fetch %.2f (target <= 1.5)\n", w/s, p/s, f/s}'

echo "== second image sharing 4 of 5 layers"
"$JAVA" "${BENCH[@]}" pull "$REG/bench/app:2" "$WORK/store"

echo "== 1 GB layer with -Xmx64m"
rm -rf "$WORK/bigstore"
t0=$(now_ms); "$JAVA" -Xmx64m "${BENCH[@]}" pull "$REG/bench/big:1" "$WORK/bigstore"; t1=$(now_ms)
echo "1 GB pull wall time: $((t1 - t0)) ms"
