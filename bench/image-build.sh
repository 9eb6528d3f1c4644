#!/usr/bin/env bash
# Image build benchmark (issue 7), inside one JVM (the agent's case; the whole-command figure comes
# through the CLI later): a fully cached rebuild of a 10-step Dockerfile, and a build of three RUN steps
# (no cache) from a base image already in the store. RUN steps use mount(8) + chroot. Needs root,
# busybox-static (/bin/busybox), Temurin 25, a built image-store.
# Usage: bench/image-build.sh [runs]   (default 5; medians reported)
set -euo pipefail
RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d /tmp/jt-buildbench.XXXXXX)
cleanup() {
  # unmount anything a failed run left under the work directory, then remove it
  { grep -o "$WORK[^ ]*" /proc/self/mounts || true; } | sort -r | while read -r m; do umount "$m" || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
if [[ ! -d image-store/target/test-classes ]]; then
  # the build runs its RUN steps with the tests' chroot runner
  JAVA_HOME=$JAVA_HOME mvn -B -q -o -pl image-store -DskipTests package
fi
JAVA_HOME=$JAVA_HOME mvn -B -q -o -pl image-store dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >/dev/null
CP="image-store/target/classes:image-store/target/test-classes:$(cat "$WORK/classpath")"
mkdir -p "$WORK/classes" "$WORK/rootfs/bin" "$WORK/rootfs/etc" "$WORK/rootfs/tmp" "$WORK/ctx"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$CP" bench/image-build/BuildBench.java

cp /bin/busybox "$WORK/rootfs/bin/busybox"
for a in sh echo cat env ls mkdir rm true; do ln -s busybox "$WORK/rootfs/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$WORK/rootfs/etc/passwd"
printf 'root:x:0:\n' > "$WORK/rootfs/etc/group"
tar -C "$WORK/rootfs" --numeric-owner -cf "$WORK/ctx/rootfs.tar" .
echo a > "$WORK/ctx/a.txt"
echo b > "$WORK/ctx/b.txt"

"$JAVA_HOME/bin/java" -cp "$CP:$WORK/classes" --enable-native-access=ALL-UNNAMED BuildBench "$WORK" "$RUNS"
