#!/usr/bin/env bash
# Prints the benchmarks' compose stack: ten services s01 <- s02 <- ... <- s10 in a depends_on chain on one
# network, s01 publishing 127.0.0.1:PORT. Every service stops at once on SIGTERM: PID 1 gets no default
# signal action, so each traps it; the commands avoid "$" because podman-compose 1.0 does not turn "$$" into
# "$" as Compose does; when PID 1 exits, the kernel ends the rest of the container (httpd in s01).
# Usage: bench/chain-stack.sh IMAGE PORT > compose.yaml
set -euo pipefail
image=$1 port=$2
echo "services:"
for i in $(seq -w 1 10); do
    echo "  s$i:"
    echo "    image: $image"
    if [[ $i == 01 ]]; then
        echo "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 80 -h /tmp & wait\"]"
        echo "    ports: [\"127.0.0.1:$port:80\"]"
    else
        echo "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while :; do sleep 1 & wait; done\"]"
        echo "    depends_on: [s$(printf '%02d' $((10#$i - 1)))]"
    fi
    echo "    networks: [net]"
done
echo "networks:"
echo "  net:"
