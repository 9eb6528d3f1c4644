#!/bin/sh
# Container start benchmark (as root): create+start of one container inside the agent, through
# its API, against raw `runc run -d` of the same bundle, medians of N runs; then the agent's
# resident memory with 10 running containers; create+start on a user-defined network. Uses its own
# directories, cgroup parent, interface prefix, nftables table and address pool, and removes them at
# the end.
#
#   bench/container-start.sh [iterations]        (default 30)
#   AGENT_JAVA_OPTS="..." bench/container-start.sh   to try other JVM flags for the agent
set -eu
N=${1:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
# The launcher's own agent options (the file AgentMain.JVM_OPTIONS reads too), and its malloc arena cap.
AGENT_JAVA_OPTS=${AGENT_JAVA_OPTS:-$(grep -v '^#' "$ROOT/node-agent/src/main/resources/io/jcompose/agent/daemon/jvm-options" | tr '\n' ' ')}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }

export JAVA_HOME
(cd "$ROOT" && mvn -B -q -o -pl node-agent -am package -DskipTests \
   && mvn -B -q -o -pl node-agent dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) >&2
# This checkout's modules, not the copies in the local Maven repository (another checkout may have installed those).
OWN="$ROOT/node-agent/target/classes:$ROOT/image-store/target/classes:$ROOT/network-manager/target/classes"
OWN="$OWN:$ROOT/dns-resolver/target/classes:$ROOT/json/target/classes:$ROOT/image-store/target/test-classes"
CP="$OWN:$(tr ':' '\n' < "$ROOT/node-agent/target/classpath.txt" | grep -v '/io/jcompose/' | paste -sd:)"

HEX=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
TAG=jcbench$HEX
NETPFX=jb$HEX
WORK=/tmp/$TAG
mkdir -p "$WORK/rootfs/bin" "$WORK/rootfs/etc" "$WORK/rootfs/tmp"
printf 'nameserver 127.0.0.1\n' > "$WORK/resolv.conf"
cp /bin/busybox "$WORK/rootfs/bin/busybox"
for applet in sh sleep; do ln -s busybox "$WORK/rootfs/bin/$applet"; done
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$WORK/rootfs/etc/passwd"
printf 'root:x:0:\n' > "$WORK/rootfs/etc/group"

AGENT_PID=
cleanup() {
  [ -n "$AGENT_PID" ] && kill "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null || true
  for state in "$WORK/run/runc" "$WORK/raw-runc"; do
    [ -d "$state" ] && for id in $(ls "$state"); do runc --root "$state" delete --force "$id" 2>/dev/null || true; done
  done
  for pidfile in "$WORK"/run/conmon/*.pid; do
    [ -f "$pidfile" ] && grep -q "$TAG" "/proc/$(cat "$pidfile")/cmdline" 2>/dev/null && kill -9 "$(cat "$pidfile")" || true
  done
  for d in /sys/fs/cgroup/*/"$TAG"; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null || true; done
  for link in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^$NETPFX" || true); do
    ip link del "$link" 2>/dev/null || true
  done
  nft delete table inet "$NETPFX" 2>/dev/null || true
  grep " $WORK/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# shellcheck disable=SC2086
"$JAVA" $AGENT_JAVA_OPTS --enable-native-access=ALL-UNNAMED -cp "$CP" io.jcompose.agent.daemon.AgentMain \
  --data-root "$WORK/data" --runtime-dir "$WORK/run" --cgroup-parent "/$TAG" \
  --network-prefix "$NETPFX" --address-pools 10.251.0.0/16:24 --resolv-conf "$WORK/resolv.conf" 2>"$WORK/agent.log" &
AGENT_PID=$!

"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/bench/ContainerStartBench.java" \
  "$WORK/run" "$WORK/rootfs" "$WORK/raw-runc" "$WORK" "/$TAG" "$N"
echo "agent JVM options: $AGENT_JAVA_OPTS"
