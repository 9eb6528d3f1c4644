#!/usr/bin/env bash
# Local-answer performance of the embedded DNS server, measured with dnsperf (Debian package dnsperf).
# The server is bench's BenchServer: a synthetic project of 50 services x 3 replicas; dnsperf speaks
# from the address of one of its containers, so every query goes through the scoping a container's
# would.
#
#   1. warm-up, then maximum queries/s over UDP      target >= 85,000 q/s (1.5 x Docker's 57,000)
#      and the server's CPU per query (utime+stime   target <= 10 us
#      of its process, from /proc/PID/stat)
#   2. latency at a steady 10,000 queries/s          target p99 < 1 ms
#      and, at the same time and rate, the latency of bench/dns-floor.c, a C loop that only flips
#      the QR bit: the host's own noise floor, without which a p99 on a shared host means little
#   3. 50,000 queries/s (below saturation, so a loss  target: 0 queries lost
#      could only come from the swaps) while the view
#      is swapped 10 times a second (a container added/removed)
#   4. maximum queries/s over TCP (for information)
#
# Usage: bench/dns-perf.sh [--netns] [SECONDS]   (length of each measured run, default 20)
#   default   server and dnsperf on loopback (127.20.0.1 and 127.20.250.250)
#   --netns   as root: dnsperf runs inside a network namespace of its own, on a veth pair whose host
#             end carries the server (198.19.250.1, the "gateway"; 198.19.250.250 inside), as a
#             container would ask. The namespace and the veth are removed on exit.
# SERVER_JAVA_OPTS="..." runs the server with other JVM options (default -Xms256m -Xmx256m -XX:+UseSerialGC), e.g.
# the agent's (node-agent/src/main/resources/io/jcompose/agent/daemon/jvm-options).
# Needs: Java 25, Maven (offline is fine once built), dnsperf; gcc for the floor. Traffic stays on
# loopback or on the veth pair this script makes.
set -euo pipefail

root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
netns=
if [[ ${1:-} == --netns ]]; then
    netns=jb$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
    shift
fi
seconds=${1:-20}
threads=${DNS_BENCH_THREADS:-2}
if [[ -n $netns ]]; then
    prefix=198.19 server_ip=198.19.250.1 client_ip=198.19.250.250
else
    prefix=127.20 server_ip=127.20.0.1 client_ip=127.20.250.250
fi

command -v dnsperf >/dev/null || { echo "dns-perf.sh: dnsperf is missing (apt-get install dnsperf)" >&2; exit 2; }
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
jcompose_find_java || { echo "dns-perf.sh: no Java 25 found" >&2; exit 2; }
export JAVA_HOME=$JCOMPOSE_JAVA_HOME

work=$(mktemp -d)
server_pid=
floor_pid=
stop_server() {
    if [[ -n $server_pid ]]; then
        exec {server_in}>&-
        wait "$server_pid" || true
        server_pid=
    fi
}
cleanup() {
    stop_server
    [[ -z $floor_pid ]] || kill "$floor_pid" 2>/dev/null || true
    if [[ -n $netns ]]; then
        ip netns del "$netns" 2>/dev/null || true
        ip link del "${netns}h" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

client=()
if [[ -n $netns ]]; then
    [[ $(id -u) -eq 0 ]] || { echo "dns-perf.sh: --netns needs root" >&2; exit 2; }
    if ip -4 route show match "$server_ip" | grep -qv '^default'; then
        echo "dns-perf.sh: $prefix.0.0/16 is already routed on this host; not touching it" >&2
        exit 2
    fi
    ip netns add "$netns"
    ip link add "${netns}h" type veth peer name "${netns}c"
    ip link set "${netns}c" netns "$netns"
    ip addr add "$server_ip/16" dev "${netns}h"
    ip link set "${netns}h" up
    ip -n "$netns" addr add "$client_ip/16" dev "${netns}c"
    ip -n "$netns" link set "${netns}c" up
    ip -n "$netns" link set lo up
    client=(ip netns exec "$netns")
fi

(cd "$root" && mvn -B -q -o -pl dns-resolver test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >&2)
classpath=$root/dns-resolver/target/classes:$root/dns-resolver/target/test-classes:$(cat "$work/cp.txt")

# Local names: service names (most traffic), container names, qualified and mixed-case forms, AAAA of
# IPv4-only names (NODATA, as getaddrinfo asks for both), PTR of container addresses, ~10% NXDOMAIN.
reverse_prefix=$(awk -F. '{ print $2 "." $1 }' <<< "$prefix")
{
    for s in $(seq 1 50); do
        echo "svc-$s A"; echo "svc-$s A"; echo "svc-$s AAAA"
        echo "bench-svc-$s-$((s % 3 + 1)) A"
        echo "svc-$s.bench_net A"
        echo "SVC-$s.Bench_Net. A"
        echo "$((s % 3 + 1)).$s.$reverse_prefix.in-addr.arpa PTR"
        echo "svc-$s MX"
        echo "nosuch-$s A"
    done
} > "$work/local.txt"

# start_server CHURN: starts BenchServer and waits for its "ready PORT" line (no sleeping); sets port.
start_server() {
    mkfifo "$work/out.$1"
    # shellcheck disable=SC2086
    exec {server_in}> >("$JAVA_HOME/bin/java" ${SERVER_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC} -cp "$classpath" \
        io.jcompose.dns.bench.BenchServer "$server_ip" 0 "$prefix" 50 3 "$1" "$threads" > "$work/out.$1")
    server_pid=$!
    exec {server_out}< "$work/out.$1"
    read -r -t 60 ready port <&"$server_out" || { echo "dns-perf.sh: the server did not start" >&2; exit 1; }
    [[ $ready == ready ]] || { echo "dns-perf.sh: unexpected server output: $ready $port" >&2; exit 1; }
    # $! is the JVM itself: bash runs a simple command in a process substitution without a subshell.
    [[ $(cat "/proc/$server_pid/comm") == java ]] || { echo "dns-perf.sh: lost track of the server process" >&2; exit 1; }
    # The copy must not hold the server's input open, or closing it would never reach the server.
    cat <&"$server_out" > "$work/server.$1.log" {server_in}>&- &
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

# perf NAME ARGS...: runs dnsperf against the server, leaves its figures in the associative array r.
declare -A r
perf() {
    local name=$1; shift
    local before after
    before=$(cpu_ticks)
    "${client[@]}" dnsperf -s "$server_ip" -p "$port" -a "$client_ip" -d "$work/local.txt" "$@" \
        > "$work/$name.txt" 2>&1
    after=$(cpu_ticks)
    r[$name.qps]=$(awk '/Queries per second/ { printf "%d", $4 }' "$work/$name.txt")
    r[$name.done]=$(awk '/Queries completed/ { print $3 }' "$work/$name.txt")
    r[$name.lost]=$(awk '/Queries lost/ { print $3 }' "$work/$name.txt")
    r[$name.cpu_us]=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="${r[$name.done]}" \
        'BEGIN { printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0) }')
}

percentiles() { # file with dnsperf -v lines "> CODE NAME TYPE LATENCY"
    awk '$1 == ">" { print $NF * 1e6 }' "$1" | sort -n | awk '
        { v[NR] = $1 }
        END { printf "p50 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us (%d answers)",
              v[int(NR * .50) + 1], v[int(NR * .99) + 1], v[int(NR * .999) + 1], v[NR], NR }'
}

# latency_with_floor: 10,000 q/s for 10 s against the server and, at the same time and rate, against
# the floor. Side by side, both see the same host noise.
floor_line="(no gcc: floor not measured)"
latency_with_floor() {
    local floor_port floor_perf=
    if command -v gcc >/dev/null && gcc -O2 -o "$work/dns-floor" "$root/bench/dns-floor.c"; then
        mkfifo "$work/floor.out"
        "$work/dns-floor" "$server_ip" > "$work/floor.out" &
        floor_pid=$!
        exec {floor_out}< "$work/floor.out"
        read -r -t 10 _ floor_port <&"$floor_out"
        "${client[@]}" dnsperf -s "$server_ip" -p "$floor_port" -a "$client_ip" -d "$work/local.txt" \
            -c 1 -T 1 -l 10 -Q 10000 -v > "$work/floor.txt" 2>&1 &
        floor_perf=$!
    fi
    perf latency -c 1 -T 1 -l 10 -Q 10000 -v
    if [[ -n $floor_perf ]]; then
        wait "$floor_perf" || true
        kill "$floor_pid"
        wait "$floor_pid" 2>/dev/null || true
        floor_pid=
        floor_line=$(percentiles "$work/floor.txt")
    fi
}

start_server 0
perf warmup -c 20 -T 1 -l 5 -q 200
perf udp -c 20 -T 1 -l "$seconds" -q 200
latency_with_floor
perf tcp -m tcp -c 20 -T 1 -l "$((seconds / 2))" -q 200
stop_server

start_server 10
perf warmup2 -c 20 -T 1 -l 5 -q 200
perf churn -c 20 -T 1 -l "$seconds" -q 200 -Q 50000
stop_server
swaps=$(awk '/^swaps/ { print $2 }' "$work/server.10.log")

verdict() { if awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { exit !(op == ">=" ? a >= b : a <= b) }'; then echo ok; else echo MISSED; fi; }
p99=$(awk '$1 == ">" { print $NF * 1e6 }' "$work/latency.txt" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", v[int(NR * .99) + 1] }')

where=loopback
[[ -z $netns ]] || where="from inside network namespace $netns over a veth pair"
echo "dnsperf $where, $(nproc) CPUs, server threads $threads, load average $(cut -d' ' -f1 /proc/loadavg):"
printf 'UDP   %7d q/s   %5s us CPU/query   lost %s   (targets >= 85000 q/s: %s, <= 10 us: %s)\n' \
    "${r[udp.qps]}" "${r[udp.cpu_us]}" "${r[udp.lost]}" \
    "$(verdict "${r[udp.qps]}" '>=' 85000)" "$(verdict "${r[udp.cpu_us]}" '<=' 10)"
printf '10k   latency %s   (target p99 < 1000 us: %s)\n' "$(percentiles "$work/latency.txt")" "$(verdict "$p99" '<=' 999)"
printf 'floor latency %s   (same time and rate, a C loop that only flips QR)\n' "$floor_line"
printf 'churn %7d q/s   %s view swaps   lost %s   (target 0 lost: %s)\n' \
    "${r[churn.qps]}" "$swaps" "${r[churn.lost]}" "$(verdict "${r[churn.lost]}" '<=' 0)"
printf 'TCP   %7d q/s   %5s us CPU/query   lost %s\n' "${r[tcp.qps]}" "${r[tcp.cpu_us]}" "${r[tcp.lost]}"
