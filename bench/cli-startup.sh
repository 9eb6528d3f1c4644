#!/usr/bin/env bash
# Whole-command timings of ./jcompose, launcher included, as a user sees them:
#   jcompose version                                   target: median <= 200 ms
#   jcompose -f a -f b -f c config  (100 services)     target: median <= 300 ms
# Uses hyperfine when installed (./install.sh installs it), else a plain loop. Prints medians.
# Usage: bench/cli-startup.sh [RUNS]   (default 30, at least 20)
set -euo pipefail

root=$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/..
runs=${1:-30}
((runs >= 20)) || { echo "cli-startup.sh: use at least 20 runs" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <("$root/bench/gen-project.sh" "$work/project")

jcompose=$root/jcompose
version_cmd=("$jcompose" version)
config_cmd=("$jcompose")
for f in "${files[@]}"; do config_cmd+=(-f "$f"); done
config_cmd+=(config)

# The first run may build the jar and record the startup cache; neither belongs in the figures.
"${version_cmd[@]}" >/dev/null
if ! "${config_cmd[@]}" >/dev/null 2>"$work/config.err"; then
    echo "cli-startup.sh: the benchmark project does not load:" >&2
    cat "$work/config.err" >&2
    exit 1
fi

declare -A median
if command -v hyperfine >/dev/null; then
    # -N: run without an intermediate shell, so the shell's start is not counted.
    hyperfine -N --style basic --warmup 3 --runs "$runs" --export-csv "$work/times.csv" \
        -n version "${version_cmd[*]}" -n config "${config_cmd[*]}" >&2
    # CSV columns: command,mean,stddev,median,user,system,min,max (seconds)
    while IFS=, read -r name _ _ med _; do
        [[ $name == command ]] && continue
        median[$name]=$(awk -v s="$med" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
    done < "$work/times.csv"
else
    echo "cli-startup.sh: hyperfine not found, timing with a shell loop" >&2
    time_median() {
        local i start end
        local -a ms=()
        for ((i = 0; i < 3; i++)); do "$@" >/dev/null; done
        for ((i = 0; i < runs; i++)); do
            start=$(date +%s%N)
            "$@" >/dev/null
            end=$(date +%s%N)
            ms+=($(((end - start) / 1000000)))
        done
        printf '%s\n' "${ms[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
    }
    median[version]=$(time_median "${version_cmd[@]}")
    median[config]=$(time_median "${config_cmd[@]}")
fi

report() {
    local name=$1 target=$2 verdict=ok
    ((median[$name] <= target)) || verdict=OVER
    printf '%-8s median %4d ms   (target <= %d ms: %s)\n' "$name" "${median[$name]}" "$target" "$verdict"
}
echo "jcompose startup, $runs runs each, on $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg):"
report version 200
report config 300
