#!/usr/bin/env bash
# Memory jcompose keeps running while a stack is up (issue 6): starts an agent of its own, brings up
# bench/chain-stack.sh's stack (ten busybox services in a depends_on chain, one network, one published
# port), runs `ps` and `run --rm s10 true` like compose-up.sh does, waits for the agent's periodic
# native-heap trim, then prints the PSS of the agent and of its conmon monitors (/proc/PID/smaps_rollup),
# and where the agent's memory goes: smaps grouped by mapping, threads, loaded classes, and with
# NMT=1 the JVM's native memory summary. Afterwards takes the stack down and stops the agent.
#
#   bench/agent-memory.sh                 the launcher's agent options (node-agent/src/main/resources/io/jcompose/agent/daemon/jvm-options)
#   AGENT_JAVA_OPTS="..." bench/agent-memory.sh    other JVM options for the agent (A/B)
#   NMT=1 bench/agent-memory.sh           adds -XX:NativeMemoryTracking=summary and prints its summary
#   SETTLE=5                              seconds to wait with the stack up before measuring
#   INSPECT='jcmd $AGENT_PID VM.metaspace'   runs a command against the agent before the stack goes down
#   TIMELINE=1                            also prints the agent's and conmons' PSS at once after `run --rm` and
#                                         0.5, 1, 2 and 5 s later (what compose-up.sh sees is the first one)
#   ROUNDS=3                              three rounds of up -d, ps, run --rm, all but the last followed by
#                                         down, like compose-up.sh --runs 3
#   AGENT_MEMORY_TAG=name                 interface prefix, nftables table and cgroup parent (default jm<random>)
#
# Needs root. Uses its own runtime and data directories, cgroup parent, interface prefix, nftables table
# and address pool (AGENT_MEMORY_POOL, default 10.231.0.0/16:24), and removes them at the end.
set -euo pipefail
[[ $(id -u) -eq 0 ]] || { echo "agent-memory.sh: run as root" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/java-home.sh"
jcompose_find_java || { echo "agent-memory.sh: no Java 25 found" >&2; exit 1; }
java=$JCOMPOSE_JAVA_HOME/bin/java
"$root/jcompose" version >/dev/null    # builds the jar when sources changed

hex=$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')
tag=${AGENT_MEMORY_TAG:-jm$hex}
work=/tmp/jcompose-agentmem-$hex
export JCOMPOSE_RUNTIME_DIR=$work/run JCOMPOSE_DATA_ROOT=$work/data JCOMPOSE_CGROUP_PARENT=/$tag \
    JCOMPOSE_NETWORK_PREFIX=$tag JCOMPOSE_ADDRESS_POOLS=${AGENT_MEMORY_POOL:-10.231.0.0/16:24} \
    JCOMPOSE_RESOLV_CONF=$work/resolv.conf
mkdir -p "$work/run" "$work/stack"
echo "nameserver 127.0.0.1" > "$work/resolv.conf"
project=agentmem
port=$((20000 + RANDOM % 20000))
jc() { "$root/jcompose" -f "$work/stack/compose.yaml" -p "$project" "$@"; }

mapfile -t default_opts < <(grep -v '^#' "$root/node-agent/src/main/resources/io/jcompose/agent/daemon/jvm-options" | grep .)
if [[ -n ${AGENT_JAVA_OPTS:-} ]]; then read -ra opts <<< "$AGENT_JAVA_OPTS"; else opts=("${default_opts[@]}"); fi
[[ -n ${NMT:-} ]] && opts+=(-XX:NativeMemoryTracking=summary)

agent_pid=
cleanup() {
    set +e
    [[ -n $agent_pid ]] && jc down -t 1 >/dev/null 2>&1
    if [[ -n $agent_pid ]] && kill -0 "$agent_pid" 2>/dev/null; then
        kill -TERM "$agent_pid"
        for _ in $(seq 1 100); do kill -0 "$agent_pid" 2>/dev/null || break; sleep 0.1; done
    fi
    grep -q " $work/run/netns " /proc/mounts && umount -l "$work/run/netns"
    awk -v w="$work" '$2 ~ "^"w {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
    nft delete table inet "$tag" 2>/dev/null
    for link in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^$tag"); do ip link del "$link"; done
    for d in /sys/fs/cgroup/*/"$tag" /sys/fs/cgroup/"$tag"; do
        [[ -d $d ]] && find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT

MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} setsid "$java" -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr "${opts[@]}" \
    -jar "$root/cli/target/jcompose.jar" agent --runtime-dir "$JCOMPOSE_RUNTIME_DIR" --data-root "$JCOMPOSE_DATA_ROOT" \
    --cgroup-parent "/$tag" --network-prefix "$tag" --address-pools "$JCOMPOSE_ADDRESS_POOLS" \
    --resolv-conf "$work/resolv.conf" >"$work/agent.log" 2>&1 </dev/null &
agent_pid=$!
for _ in $(seq 1 100); do grep -q ready "$work/agent.log" && break; sleep 0.1; done
grep -q ready "$work/agent.log" || { cat "$work/agent.log" >&2; exit 1; }

"$root/examples/images/build.sh" --out "$work/images" busybox >/dev/null
"$root/jcompose" image load -q -i "$work/images/busybox.oci.tar" >/dev/null
"$root/bench/chain-stack.sh" "jcompose.local/busybox:1" "$port" > "$work/stack/compose.yaml"
# Earlier rounds of the commands first, as compose-up.sh's runs do (its memory line follows its last run).
for _ in $(seq 2 "${ROUNDS:-1}"); do
    jc up -d >/dev/null 2>&1; jc ps >/dev/null; jc run --rm s10 true >/dev/null 2>&1; jc down -t 1 >/dev/null 2>&1
done
ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms); jc up -d >/dev/null 2>&1
t1=$(ms); jc ps >/dev/null
kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$2/smaps_rollup"; }
# The agent's PSS with the JDK's files (shared with other JVMs on the machine) counted in full.
alone_kib() {
    awk -v jdk="$JCOMPOSE_JAVA_HOME" '/^[0-9a-f]+-[0-9a-f]+ / {jdkfile = NF >= 6 && index($6, jdk) == 1}
        /^Rss:/ {rss = $2} /^Pss:/ {total += jdkfile ? rss : $2} END {print total}' "/proc/$agent_pid/smaps"
}
heap_kib() {
    awk '/^[0-9a-f]+-[0-9a-f]+ / {h = $6 == "[heap]"} h && /^Rss:/ {t += $2} END {print t + 0}' "/proc/$agent_pid/smaps"
}
conmons=()
for pid in $(pgrep -x conmon); do
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$work" && conmons+=("$pid")
done
t2=$(ms); jc run --rm s10 true >/dev/null 2>&1
t3=$(ms)
if [[ -n ${TIMELINE:-} ]]; then
    printf 'last round: up -d %d ms, ps %d ms, run --rm %d ms\n' $((t1 - t0)) $((t2 - t1)) $((t3 - t2))
    # One reading right after the command (what compose-up.sh measures), then as the trims and the idle
    # threads' ends come; the conmons' PSS barely moves, so it is read once.
    start=$(date +%s.%N)
    conmon_now=0
    for pid in "${conmons[@]}"; do conmon_now=$((conmon_now + $(kib Pss "$pid"))); done
    for at in 0 0.5 1 2 5; do
        now=$(date +%s.%N)
        wait_s=$(echo "$start + $at - $now" | bc -l)
        [[ $wait_s == -* ]] || sleep "$wait_s"
        a=$(alone_kib)
        printf 'after %3ss: agent PSS %6d KiB, anonymous %6d KiB, alone %6d KiB, [heap] %6d KiB, %2d threads; alone + conmons %.1f MiB\n' \
            "$at" "$(kib Pss "$agent_pid")" "$(kib Anonymous "$agent_pid")" "$a" "$(heap_kib)" "$(ls "/proc/$agent_pid/task" | wc -l)" \
            "$(echo "($a + $conmon_now) / 1024" | bc -l)"
    done
fi
sleep "${SETTLE:-5}"

conmon_pss=0
for pid in "${conmons[@]}"; do conmon_pss=$((conmon_pss + $(kib Pss "$pid"))); done
agent_pss=$(kib Pss "$agent_pid")
printf 'agent: PSS %d KiB, RSS %d KiB (anonymous %d KiB, file %d KiB), %d threads\n' "$agent_pss" \
    "$(kib Rss "$agent_pid")" "$(kib Anonymous "$agent_pid")" \
    "$(( $(kib Rss "$agent_pid") - $(kib Anonymous "$agent_pid") ))" "$(ls "/proc/$agent_pid/task" | wc -l)"
# Other JVMs on the machine share the JDK's files (class-data archive, libjvm) and lower the agent's PSS; on a
# machine where the agent is the only Java process running they count in full: the "alone" figure.
alone=$(alone_kib)
printf 'agent alone (JDK files counted in full): PSS %d KiB\n' "$alone"
printf 'conmon: %d monitors, PSS %d KiB\n' "${#conmons[@]}" "$conmon_pss"
printf 'total PSS: %d KiB = %.1f MiB (agent alone: %.1f MiB)\n' $((agent_pss + conmon_pss)) \
    "$(echo "($agent_pss + $conmon_pss) / 1024" | bc -l)" "$(echo "($alone + $conmon_pss) / 1024" | bc -l)"
if [[ -n ${VERBOSE:-} || -n ${NMT:-} ]]; then
    echo "--- agent PSS by mapping (KiB) ---"
    awk '/^[0-9a-f]+-[0-9a-f]+ / {name = NF >= 6 ? $6 : "[anon]"} /^Pss:/ {pss[name] += $2}
         END {for (n in pss) if (pss[n] >= 256) printf "%8d %s\n", pss[n], n}' "/proc/$agent_pid/smaps" | sort -rn
    echo "--- threads ---"
    for t in /proc/"$agent_pid"/task/*; do cat "$t/comm"; done | sed 's/[0-9]*$//' | sort | uniq -c | sort -rn
    "$JCOMPOSE_JAVA_HOME/bin/jcmd" "$agent_pid" VM.classloader_stats 2>/dev/null | tail -n 4
fi
if [[ -n ${NMT:-} ]]; then
    "$JCOMPOSE_JAVA_HOME/bin/jcmd" "$agent_pid" VM.native_memory summary | grep -E '^-|committed=' | grep -v '^ *$' | head -60
fi
# INSPECT='command' runs with AGENT_PID set before the stack goes down, e.g. INSPECT='jcmd $AGENT_PID VM.metaspace'.
if [[ -n ${INSPECT:-} ]]; then AGENT_PID=$agent_pid bash -c "$INSPECT"; fi
