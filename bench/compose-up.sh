#!/usr/bin/env bash
# Compose speed and memory, jcompose against docker-compose and podman-compose (issue 6), in one run
# on the same machine with the same stack: ten services from the busybox image of
# examples/images/build.sh, a dependency chain s01 <- s02 <- ... <- s10, one network, one published
# port. For each tool, N times from a clean state:
#   up -d          create and start the stack
#   ps             list it
#   run --rm       a one-off container: `run --rm s10 true`
#   down           stop and remove it
# then prints the medians, each tool's ratio to docker-compose, and the memory (PSS, from
# /proc/PID/smaps_rollup) of the processes each engine keeps running while the stack is up, taken in
# the first run twice: at once after `run --rm`, and again after SETTLE seconds (default 5) with the
# stack still up, when each engine has settled (jcompose's agent hands back the C library heap its
# compiler used within 2 s); every tool waits the same:
#   jcompose        the agent and its conmon monitors
#   docker-compose  dockerd, containerd, the containerd shims and docker-proxy
#   podman-compose  the conmon monitors (podman has no daemon)
#
# Installs docker.io, docker-compose, podman and podman-compose from Debian when missing, with
# policy-rc.d saying "do not start services" so nothing starts on its own. Starts its own dockerd with
# every directory under a temporary work directory and --iptables=false (see below), and its own
# podman storage there too; afterwards stops that dockerd by PID and removes everything it made.
#
# Why dockerd runs with --iptables=false --ip-forward=false --bridge=none: with iptables on, Docker
# loads br_netfilter and sets the filter table's FORWARD policy to DROP, which changes how every
# other bridge on the host (jcompose's included) forwards traffic while the benchmark runs. Without
# it Docker publishes ports with its userland docker-proxy and containers on one network still reach
# each other; the stack needs nothing else. jcompose's own nft table is never touched.
#
# Usage: [SETTLE=S] bench/compose-up.sh [--runs N] [--only TOOL[,TOOL...]] [--keep]
#   TOOL: jcompose, docker-compose, podman-compose. A tool whose command fails is reported and
#   skipped; the others go on. Run as root.
set -euo pipefail

runs=5
only=jcompose,docker-compose,podman-compose
keep=
while (($#)); do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "compose-up.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
[[ $(id -u) -eq 0 ]] || { echo "compose-up.sh: run as root (it installs packages and starts dockerd)" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/jt-composebench.XXXXXX)
project=jtbench$$
port=$((20000 + RANDOM % 20000))
say() { printf 'compose-up: %s\n' "$*" >&2; }

declare -A skipped=()    # tool → why it was skipped
declare -A times=()      # "tool op" → space-separated milliseconds
declare -A memory=()     # tool → MiB PSS at once after run --rm
declare -A settled=()    # tool → MiB PSS SETTLE seconds later
settle=${SETTLE:-5}
# What podman's netavark leaves behind after the last network is gone: its base iptables chains.
# Removed afterwards unless they were there before this run.
netavark_before=$(iptables-save 2>/dev/null | grep -c NETAVARK || true)
# Directories dockerd, containerd and podman create outside the work directory, removed afterwards
# unless they were there before this run.
system_paths=(/run/docker /run/containerd /run/containers /run/libpod /etc/containers/networks)
preexisting=" "
for p in "${system_paths[@]}"; do if [[ -e $p ]]; then preexisting+="$p "; fi; done
dockerd_pid=
started_agent=
stack_up=()              # tools whose stack may be up, for cleanup
podman_env=(CONTAINERS_STORAGE_CONF=$work/podman/storage.conf CONTAINERS_CONF=$work/podman/containers.conf)

# --- cleanup ----------------------------------------------------------------------------------------

remove_netavark_chains() {
    iptables -t filter -D FORWARD -m comment --comment "netavark firewall plugin rules" -j NETAVARK_FORWARD 2>/dev/null
    iptables -t nat -D PREROUTING -m addrtype --dst-type LOCAL -j NETAVARK-HOSTPORT-DNAT 2>/dev/null
    iptables -t nat -D OUTPUT -m addrtype --dst-type LOCAL -j NETAVARK-HOSTPORT-DNAT 2>/dev/null
    iptables -t nat -D POSTROUTING -j NETAVARK-HOSTPORT-MASQ 2>/dev/null
    local chain
    for chain in filter:NETAVARK_FORWARD nat:NETAVARK-HOSTPORT-DNAT nat:NETAVARK-HOSTPORT-MASQ nat:NETAVARK-HOSTPORT-SETMARK; do
        iptables -t "${chain%%:*}" -F "${chain#*:}" 2>/dev/null
        iptables -t "${chain%%:*}" -X "${chain#*:}" 2>/dev/null
    done
    return 0
}

cleanup() {
    set +e
    for tool in "${stack_up[@]}"; do compose "$tool" down >/dev/null 2>&1; done
    [[ -n $started_agent ]] && "$root/jcompose" agent stop >/dev/null 2>&1
    if [[ -n $dockerd_pid ]] && kill -0 "$dockerd_pid" 2>/dev/null; then
        kill -TERM "$dockerd_pid"
        for _ in $(seq 1 200); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$dockerd_pid" 2>/dev/null && kill -KILL "$dockerd_pid"
    fi
    if [[ " $only " == *podman* ]] && command -v podman >/dev/null; then
        env "${podman_env[@]}" podman network rm -f "${project}_net" >/dev/null 2>&1
    fi
    if [[ $netavark_before == 0 ]]; then remove_netavark_chains; fi
    for p in "${system_paths[@]}"; do [[ $preexisting == *" $p "* ]] || rm -rf "$p"; done
    # overlay and shm mounts dockerd or podman may have left under the work directory, deepest first
    awk -v w="$work" '$2 ~ "^"w {print $2}' /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
    if [[ -n $keep ]]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- the stack --------------------------------------------------------------------------------------

# The stack of bench/chain-stack.sh (services that stop at once on SIGTERM).
"$root/examples/images/build.sh" --out "$work/images" busybox >/dev/null
image=jcompose.local/busybox:1
mkdir -p "$work/stack"
"$root/bench/chain-stack.sh" "$image" "$port" > "$work/stack/compose.yaml"

# compose TOOL ARGS...: the tool's compose command on the stack.
compose() {
    local tool=$1; shift
    case $tool in
        jcompose) "$root/jcompose" -f "$work/stack/compose.yaml" -p "$project" "$@" ;;
        docker-compose) DOCKER_HOST=unix://$work/docker/docker.sock docker-compose -f "$work/stack/compose.yaml" -p "$project" "$@" ;;
        podman-compose) env "${podman_env[@]}" podman-compose -f "$work/stack/compose.yaml" -p "$project" "$@" ;;
    esac
}

# --- engines ----------------------------------------------------------------------------------------

install_missing() {
    local missing=() p
    for p in "$@"; do
        [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
    done
    ((${#missing[@]})) || return 0
    say "installing ${missing[*]} (a few minutes the first time)"
    local policy=/usr/sbin/policy-rc.d made=
    if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; made=1; fi
    local status=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" > "$work/apt.log" 2>&1 || status=$?
    [[ -n $made ]] && rm -f "$policy"
    if ((status)); then tail -n 5 "$work/apt.log" >&2; return 1; fi
}

setup_docker() {
    install_missing docker.io docker-compose || { skipped[docker-compose]="apt-get install failed"; return; }
    mkdir -p "$work/docker"
    # containerd is started by dockerd itself (its child), with its state under --exec-root.
    dockerd --data-root "$work/docker/data" --exec-root "$work/docker/exec" --pidfile "$work/docker/dockerd.pid" \
        --host "unix://$work/docker/docker.sock" --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
        --exec-opt native.cgroupdriver=cgroupfs > "$work/docker/dockerd.log" 2>&1 &
    dockerd_pid=$!
    for _ in $(seq 1 300); do
        DOCKER_HOST=unix://$work/docker/docker.sock docker version >/dev/null 2>&1 && break
        kill -0 "$dockerd_pid" 2>/dev/null || break
        sleep 0.1
    done
    if ! DOCKER_HOST=unix://$work/docker/docker.sock docker version >/dev/null 2>&1; then
        skipped[docker-compose]="dockerd did not start: $(tail -n 1 "$work/docker/dockerd.log")"
        return
    fi
    DOCKER_HOST=unix://$work/docker/docker.sock docker load -i "$work/images/busybox.docker.tar" >/dev/null \
        || skipped[docker-compose]="docker load of the busybox image failed"
}

setup_podman() {
    install_missing podman podman-compose || { skipped[podman-compose]="apt-get install failed"; return; }
    mkdir -p "$work/podman"
    printf '[storage]\ndriver = "overlay"\ngraphroot = "%s"\nrunroot = "%s"\n' \
        "$work/podman/root" "$work/podman/run" > "$work/podman/storage.conf"
    # runc, as dockerd and jcompose use here (crun refuses this kernel's hybrid cgroup layout), and no
    # default ulimits: podman's nofile of 1048576 is above the hard limit of many hosts, and then no
    # container starts (while podman-compose still exits 0).
    printf '[containers]\ndefault_ulimits = []\n[engine]\nruntime = "runc"\n' > "$work/podman/containers.conf"
    env "${podman_env[@]}" podman load -i "$work/images/busybox.docker.tar" >/dev/null 2>"$work/podman/load.log" \
        || skipped[podman-compose]="podman load failed: $(tail -n 1 "$work/podman/load.log")"
}

setup_jcompose() {
    if ! "$root/jcompose" up --help 2>&1 | grep -q "^Usage: jcompose up"; then
        skipped[jcompose]="this jcompose has no 'up' command yet"
        return
    fi
    # The agent's memory depends on its age (docs/status.md): one that was running already is measured as it
    # is, and said so; one the benchmark starts (its first command does) is stopped at the end.
    if "$root/jcompose" agent status >/dev/null 2>&1; then
        say "jcompose: measuring the agent that was running already (a fresh one may use less memory)"
    else
        started_agent=1
    fi
    "$root/jcompose" image load -i "$work/images/busybox.oci.tar" >/dev/null 2>"$work/jcompose-load.log" \
        || skipped[jcompose]="jcompose image load failed: $(tail -n 1 "$work/jcompose-load.log")"
}

# --- measuring --------------------------------------------------------------------------------------

# timed TOOL OP ARGS...: runs the compose command, records its wall time; on failure skips the tool.
timed() {
    local tool=$1 op=$2; shift 2
    local start end
    start=$(date +%s%N)
    if ! compose "$tool" "$@" > "$work/last.log" 2>&1; then
        skipped[$tool]="'$op' failed: $(tail -n 1 "$work/last.log")"
        return 1
    fi
    end=$(date +%s%N)
    times["$tool $op"]+="$(( (end - start) / 1000000 )) "
}

# running TOOL: how many of the stack's containers run (podman-compose exits 0 even when none started).
running() {
    case $1 in
        jcompose) compose jcompose ps -q 2>/dev/null | wc -l ;;
        docker-compose) DOCKER_HOST=unix://$work/docker/docker.sock docker ps -q --filter "label=com.docker.compose.project=$project" | wc -l ;;
        podman-compose) env "${podman_env[@]}" podman ps -q --filter "label=io.podman.compose.project=$project" | wc -l ;;
    esac
}

# pss PID...: total proportional set size in KiB.
pss() {
    local total=0 pid kb
    for pid in "$@"; do
        kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# engine_pids TOOL: the processes the tool's engine keeps running with the stack up.
engine_pids() {
    local pid comm cmd
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        comm=$(cat "/proc/$pid/comm" 2>/dev/null) || continue
        cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
        case $1 in
            docker-compose)
                case $comm in
                    dockerd) [[ $pid == "$dockerd_pid" ]] && echo "$pid" ;;
                    containerd|containerd-shim*|docker-proxy) [[ $cmd == *"$work"* || $comm == docker-proxy ]] && echo "$pid" ;;
                esac ;;
            podman-compose) [[ $comm == conmon && $cmd == *"$work/podman"* ]] && echo "$pid" ;;
            jcompose)
                [[ $comm == conmon && $cmd == *jcompose* ]] && echo "$pid"
                [[ $comm == java && $cmd == *jcompose* && $cmd == *agent* ]] && echo "$pid" ;;
        esac
    done
}

bench_tool() {
    local tool=$1 r
    say "$tool: $runs runs"
    for ((r = 1; r <= runs; r++)); do
        stack_up+=("$tool")
        timed "$tool" "up -d" up -d || return
        local n
        n=$(running "$tool")
        if ((n != 10)); then skipped[$tool]="only $n of the 10 containers run after 'up -d'"; return 1; fi
        timed "$tool" "ps" ps || return
        timed "$tool" "run --rm" run --rm s10 true || return
        if ((r == 1)); then
            local pids
            mapfile -t pids < <(engine_pids "$tool")
            if ((${#pids[@]})); then memory[$tool]=$(( $(pss "${pids[@]}") / 1024 )); else memory[$tool]="none found"; fi
            sleep "$settle"
            mapfile -t pids < <(engine_pids "$tool")
            if ((${#pids[@]})); then settled[$tool]=$(( $(pss "${pids[@]}") / 1024 )); else settled[$tool]="none found"; fi
        fi
        timed "$tool" "down" down || return
        stack_up=("${stack_up[@]/$tool}")
    done
}

median() {
    printf '%s\n' $1 | sort -n | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}

# --- main -------------------------------------------------------------------------------------------

IFS=, read -r -a tools <<<"$only"
for tool in "${tools[@]}"; do
    case $tool in
        jcompose) setup_jcompose ;;
        docker-compose) setup_docker ;;
        podman-compose) setup_podman ;;
        *) echo "compose-up.sh: unknown tool $tool" >&2; exit 2 ;;
    esac
    if [[ -z ${skipped[$tool]:-} ]]; then bench_tool "$tool" || true; fi
    # a failed run may leave the stack up
    if [[ -n ${skipped[$tool]:-} ]]; then compose "$tool" down >/dev/null 2>&1 || true; fi
done

echo
printf 'compose stack of 10 services, %d runs, medians in ms (ratio to docker-compose)\n' "$runs"
printf '%-12s' operation
for tool in "${tools[@]}"; do printf ' %24s' "$tool"; done
echo
for op in "up -d" "ps" "run --rm" "down"; do
    printf '%-12s' "$op"
    base=$(median "${times["docker-compose $op"]:-}")
    for tool in "${tools[@]}"; do
        m=$(median "${times["$tool $op"]:-}")
        if [[ -n ${skipped[$tool]:-} || $m == - ]]; then cell=-
        elif [[ $base != - && $base -gt 0 && $tool != docker-compose ]]; then cell="$m ($(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.2fx", a / b}'))"
        else cell=$m; fi
        printf ' %24s' "$cell"
    done
    echo
done
printf '%-12s' "memory MiB"
for tool in "${tools[@]}"; do
    if [[ -n ${skipped[$tool]:-} ]]; then printf ' %24s' -; else printf ' %24s' "${memory[$tool]:--}"; fi
done
echo
printf '%-12s' "  after ${settle} s"
for tool in "${tools[@]}"; do
    if [[ -n ${skipped[$tool]:-} ]]; then printf ' %24s' -; else printf ' %24s' "${settled[$tool]:--}"; fi
done
echo
for tool in "${tools[@]}"; do
    [[ -n ${skipped[$tool]:-} ]] && printf 'skipped %s: %s\n' "$tool" "${skipped[$tool]}"
done
exit 0
