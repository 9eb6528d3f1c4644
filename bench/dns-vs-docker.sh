#!/usr/bin/env bash
# Local-answer DNS speed of jcompose's embedded DNS against Docker's, side by side in one run (issue 5:
# jcompose >= 1.5x Docker's queries/s, <= 10 us of server CPU per query). Both engines get the same
# stack: ten containers svc1..svc10 of the busybox image of examples/images/build.sh on one
# user-defined network. dnsperf (the host's binary) runs inside the network namespace of svc1 and asks
# for the A record of the ten names, as a container's resolver would:
#   docker    127.0.0.11 (the container's /etc/resolv.conf), which dockerd's NAT rules inside the
#             container's namespace send to dockerd's resolver socket in that namespace
#   jcompose  the network's gateway address (the container's /etc/resolv.conf), where the agent's
#             DNS server listens
# For each: a 5 s warm-up, then the maximum queries/s over SECONDS, and the server's CPU per query
# from utime+stime of its process (/proc/PID/stat: dockerd, the agent's JVM) over the measured run.
#
# Isolation. Its own dockerd, as bench/compose-up.sh starts it: every directory under a temporary
# work directory, --iptables=false --ip-forward=false --ip-masq=false --bridge=none, so the host's
# iptables (FORWARD policy, br_netfilter) are never touched. The embedded DNS still works: dockerd
# installs its DNAT rules for 127.0.0.11 inside each container's namespace whatever --iptables says
# (the script checks they are there). Its own jcompose agent, started by this script with the
# settings cli's IsolatedAgent gives tests: runtime and data directories under the work directory,
# cgroup parent, interface prefix and nftables table "jt" + 6 hex digits, a 10.2xx.0.0/16 pool.
# Both engines forward to 127.0.0.1 only (docker --dns, agent --resolv-conf) and every query is for a
# name that exists, so nothing leaves the machine.
#
# Afterwards: the stack down, the agent and dockerd stopped by PID, their mounts, links, cgroups and
# nftables table removed, and the host's links, namespaces, mounts, nftables ruleset and iptables
# compared with how they were before (a difference is printed as a leftover).
#
# Usage: bench/dns-vs-docker.sh [SECONDS]   (length of each measured run, default 15). Run as root.
# Needs: Java 25 (the jcompose launcher builds the CLI), docker.io, dnsperf, curl, nsenter.
set -euo pipefail

seconds=${1:-15}
[[ $(id -u) -eq 0 ]] || { echo "dns-vs-docker.sh: run as root (it starts dockerd and a jcompose agent)" >&2; exit 1; }
for c in dnsperf dockerd docker curl nsenter; do
    command -v "$c" >/dev/null || { echo "dns-vs-docker.sh: $c is missing (apt-get install dnsperf docker.io curl util-linux)" >&2; exit 2; }
done

root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
work=$(mktemp -d /tmp/jt-dnsvs.XXXXXX)
snaps=$(mktemp -d /tmp/jt-dnsvs-host.XXXXXX)   # outside $work, which cleanup removes
# Until the full cleanup is armed below, a failure removes at least the two work directories.
trap 'rm -rf "$work" "$snaps"' EXIT
name=jt$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
octet=$((200 + RANDOM % 50))
docker_subnet=10.$octet.250.0/24
say() { printf 'dns-vs-docker: %s\n' "$*" >&2; }

# --- the host before, and cleanup ----------------------------------------------------------------------

# snapshot FILE: what this run must leave as it found it. Other work on a shared host makes things named
# jt + 6 hex digits (test runs): those lines are left out unless they are this run's.
snapshot() {
    {
        echo "## links"; ip -o link show | awk -F': ' '{ print $2 }' | sort
        echo "## netns"; ip netns list | sort
        echo "## mounts"; awk '{ print $2 }' /proc/mounts | sort
        echo "## nft"; nft list ruleset
        echo "## iptables"; iptables-save | grep -v '^#' | sed 's/\[[0-9]*:[0-9]*\]//' || true
        echo "## cgroups"; find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d | sort
        echo "## forward"; sysctl -n net.ipv4.ip_forward
        echo "## br_netfilter"; ls -d /sys/module/br_netfilter /proc/sys/net/bridge 2>/dev/null || true
    } 2>&1 | awk -v own="$name" '!/jt[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]/ || index($0, own)' > "$1"
}
snapshot "$snaps/before"
system_paths=(/run/docker /run/containerd /var/run/docker /etc/docker)
preexisting=" "
for p in "${system_paths[@]}"; do if [[ -e $p ]]; then preexisting+="$p "; fi; done
# dockerd's cgroupfs driver puts containers under <controller>/docker
docker_cgroups=$(find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d -name docker | sort)

export DOCKER_HOST=unix://$work/docker/docker.sock
jc_env=(JCOMPOSE_RUNTIME_DIR="$work/jc/run" JCOMPOSE_DATA_ROOT="$work/jc/data" JCOMPOSE_CGROUP_PARENT="/$name"
    JCOMPOSE_NETWORK_PREFIX="$name" JCOMPOSE_ADDRESS_POOLS="10.$octet.0.0/17:24" JCOMPOSE_RESOLV_CONF="$work/jc/resolv.conf")
jcompose() { env "${jc_env[@]}" "$root/jcompose" "$@"; }
dockerd_pid=
agent_pid=
stack_up=

stop_pid() { # PID: SIGTERM, up to 30 s, then SIGKILL
    kill -0 "$1" 2>/dev/null || return 0
    kill -TERM "$1"
    for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
}

cleanup() {
    set +e
    if [[ -n $stack_up ]]; then
        jcompose -f "$work/jc/compose.yaml" -p "$name" down -v >/dev/null 2>&1 || say "jcompose down failed"
    fi
    if [[ -n $agent_pid ]]; then stop_pid "$agent_pid"; wait "$agent_pid" 2>/dev/null; fi
    # What the agent keeps by design after it stops (as cli's IsolatedAgent.remove()).
    if grep -q " $work/jc/run/netns " /proc/mounts; then umount -l "$work/jc/run/netns"; fi
    nft delete table inet "$name" 2>/dev/null
    ip -o link show | awk -F': ' '{ print $2 }' | cut -d@ -f1 | grep "^$name" | while read -r l; do ip link delete "$l"; done
    for controller in /sys/fs/cgroup/*; do
        [[ -d $controller/$name ]] && find "$controller/$name" -depth -type d -exec rmdir {} \; 2>/dev/null
    done
    if [[ -n $dockerd_pid ]]; then
        docker rm -f $(docker ps -aq) >/dev/null 2>&1
        docker network rm "$name" >/dev/null 2>&1
        stop_pid "$dockerd_pid"
        wait "$dockerd_pid" 2>/dev/null
        find /sys/fs/cgroup -mindepth 1 -maxdepth 2 -type d -name docker | while read -r d; do
            [[ $docker_cgroups == *"$d"* ]] || find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
        done
    fi
    # mounts dockerd or the agent left under the work directory or in Docker's netns directory, deepest first
    awk -v w="$work" '$2 ~ "^"w || $2 ~ "^/run/docker/netns/" {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
    for p in "${system_paths[@]}"; do [[ $preexisting == *" $p "* ]] || rm -rf "$p"; done
    rm -rf "$work"
}
trap 'cleanup; rm -rf "$snaps"' EXIT

# --- shared: image, queries, measuring ---------------------------------------------------------------

"$root/examples/images/build.sh" --out "$work/images" busybox >/dev/null
image=jcompose.local/busybox:1
for i in $(seq 1 10); do echo "svc$i A"; done > "$work/queries.txt"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure ENGINE SERVER_PID CONTAINER_PID NAMESERVER: warm-up, then the measured run; sets r[ENGINE.*].
declare -A r
measure() {
    local engine=$1 server=$2 container=$3 ns=$4 before after
    local perf=(nsenter -n -t "$container" dnsperf -s "$ns" -d "$work/queries.txt" -c 20 -T 1 -q 200)
    "${perf[@]}" -l 5 > "$work/$engine.warmup.txt" 2>&1
    before=$(cpu_ticks "$server")
    "${perf[@]}" -l "$seconds" > "$work/$engine.txt" 2>&1
    after=$(cpu_ticks "$server")
    r[$engine.qps]=$(awk '/Queries per second/ { printf "%d", $4 }' "$work/$engine.txt")
    r[$engine.done]=$(awk '/Queries completed/ { print $3 }' "$work/$engine.txt")
    r[$engine.lost]=$(awk '/Queries lost/ { print $3 }' "$work/$engine.txt")
    r[$engine.noerror]=$(awk '/Response codes/ { print $4 }' "$work/$engine.txt" | tr -d ',')
    r[$engine.cpu_us]=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="${r[$engine.done]}" \
        'BEGIN { printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0) }')
    r[$engine.load]=$(cut -d' ' -f1 /proc/loadavg)
    if [[ ${r[$engine.noerror]:-0} -ne ${r[$engine.done]:-0} ]]; then
        say "$engine: not every answer was NOERROR: $(grep 'Response codes' "$work/$engine.txt")"
    fi
}

# --- docker ----------------------------------------------------------------------------------------------

say "docker: starting dockerd"
mkdir -p "$work/docker"
dockerd --data-root "$work/docker/data" --exec-root "$work/docker/exec" --pidfile "$work/docker/dockerd.pid" \
    --host "$DOCKER_HOST" --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
    --dns 127.0.0.1 --exec-opt native.cgroupdriver=cgroupfs > "$work/docker/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1 300); do
    docker version >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.1
done
docker version >/dev/null 2>&1 || { say "dockerd did not start: $(tail -n 3 "$work/docker/dockerd.log")"; exit 1; }
docker load -i "$work/images/busybox.docker.tar" >/dev/null
docker network create --subnet "$docker_subnet" "$name" >/dev/null
for i in $(seq 1 10); do
    # (docker warns that a loopback --dns may fail in containers: no query here is forwarded)
    docker run -d --name "svc$i" --network "$name" --dns 127.0.0.1 "$image" sleep 3600 >/dev/null 2>&1
done
docker_pid=$(docker inspect -f '{{.State.Pid}}' svc1)
docker_ns=$(awk '/^nameserver/ { print $2; exit }' "/proc/$docker_pid/root/etc/resolv.conf")
nsenter -n -t "$docker_pid" iptables-save -t nat | grep -q 'DOCKER_OUTPUT.*--to-destination 127.0.0.11' \
    || { say "docker: no DNAT rule for the embedded DNS inside svc1's namespace"; exit 1; }
say "docker: dnsperf in svc1's namespace against $docker_ns"
measure docker "$dockerd_pid" "$docker_pid" "$docker_ns"
docker rm -f $(docker ps -aq) >/dev/null
docker network rm "$name" >/dev/null

# --- jcompose ----------------------------------------------------------------------------------------------

say "jcompose: starting an agent of its own ($name)"
mkdir -p "$work/jc/run" "$work/jc/data"
echo "nameserver 127.0.0.1" > "$work/jc/resolv.conf"
# The variables are for the CLI commands; the agent itself takes the same settings as flags.
"$root/jcompose" agent --runtime-dir "$work/jc/run" --data-root "$work/jc/data" --cgroup-parent "/$name" \
    --network-prefix "$name" --address-pools "10.$octet.0.0/17:24" --resolv-conf "$work/jc/resolv.conf" \
    > "$work/jc/agent.log" 2>&1 < /dev/null &
agent_pid=$!    # the launcher execs the JVM
for _ in $(seq 1 900); do
    [[ -e $work/jc/run/jcompose.ready ]] && break
    kill -0 "$agent_pid" 2>/dev/null || break
    sleep 0.1
done
[[ -e $work/jc/run/jcompose.ready ]] || { say "the agent did not start: $(tail -n 3 "$work/jc/agent.log")"; exit 1; }
[[ $(cat "/proc/$agent_pid/comm") == java ]] || { say "lost track of the agent process"; exit 1; }
jcompose image load -i "$work/images/busybox.oci.tar" >/dev/null
{
    echo "services:"
    for i in $(seq 1 10); do
        echo "  svc$i:"
        echo "    image: $image"
        # PID 1 gets no default action for SIGTERM: trap it so down does not wait for the stop timeout.
        echo "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while :; do sleep 1 & wait; done\"]"
        echo "    networks: [net]"
    done
    echo "networks:"
    echo "  net:"
} > "$work/jc/compose.yaml"
stack_up=1
jcompose -f "$work/jc/compose.yaml" -p "$name" up -d >/dev/null 2>&1
jc_pid=$(curl -sf --unix-socket "$work/jc/run/jcompose.sock" http://agent/v1/containers \
    | jq -r --arg n "$name-svc1-1" '.[] | select(.name == $n) | .pid')
[[ -n $jc_pid && $jc_pid != 0 ]] || { say "jcompose: cannot find the pid of $name-svc1-1"; exit 1; }
jc_ns=$(awk '/^nameserver/ { print $2; exit }' "/proc/$jc_pid/root/etc/resolv.conf")
say "jcompose: dnsperf in svc1's namespace against $jc_ns"
measure jcompose "$agent_pid" "$jc_pid" "$jc_ns"

# --- report ------------------------------------------------------------------------------------------------

ratio=$(awk -v a="${r[jcompose.qps]}" -v b="${r[docker.qps]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo
echo "dnsperf from inside a container's namespace, A records of 10 local names, ${seconds} s each, $(nproc) CPUs:"
printf '%-9s %10s %16s %8s %10s %6s\n' engine "q/s" "CPU us/query" lost "x docker" load
for e in docker jcompose; do
    x=1.00; [[ $e == jcompose ]] && x=$ratio
    printf '%-9s %10d %16s %8s %10s %6s\n' "$e" "${r[$e.qps]}" "${r[$e.cpu_us]}" "${r[$e.lost]}" "$x" "${r[$e.load]}"
done
echo "targets: jcompose >= 1.50 x docker: $(awk -v x="$ratio" 'BEGIN { print (x >= 1.5 ? "ok" : "MISSED") }');" \
    "jcompose <= 10 us CPU/query: $(awk -v c="${r[jcompose.cpu_us]}" 'BEGIN { print (c <= 10 ? "ok" : "MISSED") }')"

# leftovers: clean up now (the trap then has nothing left to do) and compare with the host before
trap - EXIT
cleanup
snapshot "$snaps/after"
if diff "$snaps/before" "$snaps/after" > "$snaps/diff"; then
    echo "leftovers: none (links, netns, mounts, nft ruleset, iptables, ip_forward, br_netfilter as before)"
else
    echo "leftovers (< before, > after):"; cat "$snaps/diff"
fi
rm -rf "$snaps"
