#!/usr/bin/env bash
# Writes a 100-service Compose project, split over three files the way real projects grow, into DIR:
#   compose.yaml           services 1-40, shared settings through YAML anchors and merge keys
#   compose.data.yaml      services 41-70, with their own anchors (anchors never cross files)
#   compose.override.yaml  services 71-100, plus overrides of services 1-10
# Every service has ports, volumes, environment, a health check and, in chains of ten, depends_on.
# Usage: bench/gen-project.sh DIR
set -euo pipefail

dir=${1:?usage: gen-project.sh DIR}
mkdir -p "$dir"

anchors() {
    cat <<'YAML'
x-base: &base
  restart: unless-stopped
  logging:
    driver: json-file
    options:
      max-size: 10m
      max-file: "3"
  ulimits:
    nofile:
      soft: 4096
      hard: 8192
x-env: &env
  TZ: UTC
  LOG_LEVEL: ${LOG_LEVEL:-info}
  OTEL_EXPORTER_OTLP_ENDPOINT: http://collector:4317
x-health: &health
  interval: 10s
  timeout: 3s
  retries: 3
  start_period: 5s

YAML
}

service() {
    local n=$1 name
    name=$(printf 'svc-%03d' "$n")
    cat <<YAML
  $name:
    <<: *base
    image: registry.example.com/bench/$name:\${TAG:-1.0.$n}
    command: ["serve", "--port", "8080", "--name", "$name"]
    environment:
      <<: *env
      SERVICE_NAME: $name
      DATABASE_URL: postgres://app:\${DB_PASSWORD:-secret}@db-$((n % 7)):5432/app
    ports:
      - "$((18000 + n)):8080"
      - "127.0.0.1:$((19000 + n)):9090/tcp"
    volumes:
      - data-$n:/var/lib/$name
      - ./conf/$name:/etc/$name:ro
      - type: tmpfs
        target: /tmp
    networks:
      - front
      - back
    healthcheck:
      <<: *health
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://localhost:8080/health"]
    labels:
      com.example.team: team-$((n % 5))
      com.example.tier: \${TIER:-backend}
YAML
    if ((n % 10 != 1)); then
        cat <<YAML
    depends_on:
      $(printf 'svc-%03d' $((n - 1))):
        condition: service_healthy
YAML
    fi
}

volumes() {
    local n
    echo "volumes:"
    for ((n = $1; n <= $2; n++)); do echo "  data-$n:"; done
}

{
    echo "name: bench"
    echo
    anchors
    echo "services:"
    for n in $(seq 1 40); do service "$n"; done
    echo
    volumes 1 40
    cat <<'YAML'

networks:
  front:
  back:
    internal: true
YAML
} > "$dir/compose.yaml"

{
    anchors
    echo "services:"
    for n in $(seq 41 70); do service "$n"; done
    echo
    volumes 41 70
} > "$dir/compose.data.yaml"

{
    anchors
    echo "services:"
    for n in $(seq 71 100); do service "$n"; done
    for n in $(seq 1 10); do
        cat <<YAML
  $(printf 'svc-%03d' "$n"):
    environment:
      FEATURE_FLAGS: beta,metrics
    deploy:
      resources:
        limits:
          memory: 256M
YAML
    done
    echo
    volumes 71 100
} > "$dir/compose.override.yaml"

printf '%s\n' "$dir/compose.yaml" "$dir/compose.data.yaml" "$dir/compose.override.yaml"
