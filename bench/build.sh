#!/usr/bin/env bash
# Dockerfile build speed (issue 7), whole commands as a user types them, on a private agent:
#   jcompose build ten              a fully cached rebuild of a 10-step Dockerfile     target: median <= 0.5 s
#   jcompose build --no-cache three three RUN steps from a present base image          target: median <= 3 s
# The base is the busybox image examples/images/build.sh makes (no registry). The agent runs with its own
# runtime directory, data root, cgroup parent, interface prefix and nft table, so a live jcompose stack is
# never touched; it is stopped and everything it made is removed at the end, even on failure.
# Uses hyperfine when installed (./install.sh installs it), else a plain loop. Run as root.
# Usage: bench/build.sh [RUNS]   (default 15)
set -euo pipefail
runs=${1:-15}
[[ $(id -u) -eq 0 ]] || { echo "build.sh: run as root (the agent makes mounts and containers)" >&2; exit 1; }
root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
prefix=jb$(printf '%06x' $((RANDOM * 32768 + RANDOM)) | cut -c1-6)
work=$(mktemp -d "/tmp/$prefix.XXXXXX")
export JCOMPOSE_RUNTIME_DIR=$work/run JCOMPOSE_DATA_ROOT=$work/data JCOMPOSE_CGROUP_PARENT=/$prefix \
       JCOMPOSE_NETWORK_PREFIX=$prefix JCOMPOSE_ADDRESS_POOLS=10.$((200 + RANDOM % 50)).0.0/16:24 \
       JCOMPOSE_RESOLV_CONF=$work/resolv.conf
echo "nameserver 127.0.0.1" > "$work/resolv.conf"
jcompose=$root/jcompose

cleanup() {
    set +e  # every step runs, whatever the one before it found
    "$jcompose" agent stop >/dev/null 2>&1
    if grep -q " $JCOMPOSE_RUNTIME_DIR/netns " /proc/self/mountinfo; then umount -l "$JCOMPOSE_RUNTIME_DIR/netns" || true; fi
    nft delete table inet "$prefix" 2>/dev/null || true
    for c in /sys/fs/cgroup/*/"$prefix" /sys/fs/cgroup/"$prefix"; do [[ -d $c ]] && rmdir "$c" 2>/dev/null || true; done
    # Anything still mounted under the work directory (a step interrupted mid-way) goes before the files.
    grep -o " $work[^ ]*" /proc/self/mountinfo | sort -r | while read -r m; do umount -l "$m"; done
    rm -rf "$work"
}
trap cleanup EXIT

"$root/examples/images/build.sh" --out "$work/images" busybox >/dev/null
"$jcompose" image load -i "$work/images/busybox.oci.tar" >/dev/null

project=$work/project
mkdir -p "$project/ten/src" "$project/three"
cat > "$project/compose.yaml" <<'YAML'
name: buildbench
services:
  ten:
    build: ./ten
  three:
    build: ./three
YAML
for i in $(seq 1 50); do echo "file $i" > "$project/ten/src/f$i.txt"; done
cat > "$project/ten/Dockerfile" <<'DOCKERFILE'
FROM jcompose.local/busybox:1
ARG GREETING=hello
ENV GREETING=${GREETING} MODE=bench
WORKDIR /app
COPY src/ ./src/
RUN echo "$GREETING" > greeting.txt
RUN ls src | wc -l > count.txt
LABEL bench=ten
EXPOSE 8080
CMD ["cat", "/app/greeting.txt"]
DOCKERFILE
cat > "$project/three/Dockerfile" <<'DOCKERFILE'
FROM jcompose.local/busybox:1
RUN mkdir -p /opt/one && echo one > /opt/one/file
RUN mkdir -p /opt/two && echo two > /opt/two/file
RUN cat /opt/one/file /opt/two/file > /opt/both
DOCKERFILE

cd "$project"
# The first build fills the cache (and starts the agent); it is not measured.
"$jcompose" build ten >/dev/null 2>&1
"$jcompose" build three >/dev/null 2>&1

declare -A median
if command -v hyperfine >/dev/null; then
    hyperfine -N --style basic --warmup 2 --runs "$runs" --export-csv "$work/times.csv" \
        -n cached "$jcompose build ten" -n three-runs "$jcompose build --no-cache three" >&2
    while IFS=, read -r name _ _ med _; do
        [[ $name == command ]] && continue
        median[$name]=$(awk -v s="$med" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
    done < "$work/times.csv"
else
    for name in cached three-runs; do
        cmd=("$jcompose" build ten); [[ $name == three-runs ]] && cmd=("$jcompose" build --no-cache three)
        : > "$work/$name.ms"
        for _ in $(seq "$runs"); do
            s=$(date +%s%N); "${cmd[@]}" >/dev/null 2>&1; e=$(date +%s%N)
            echo $(((e - s) / 1000000)) >> "$work/$name.ms"
        done
        median[$name]=$(sort -n "$work/$name.ms" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    done
fi
printf '%-52s %8s %10s\n' "build" "median" "target"
printf '%-52s %6d ms %10s\n' "fully cached rebuild, 10 steps (jcompose build)" "${median[cached]}" "<= 500 ms"
printf '%-52s %6d ms %10s\n' "3 RUN steps from a present base (--no-cache)" "${median[three-runs]}" "<= 3000 ms"
