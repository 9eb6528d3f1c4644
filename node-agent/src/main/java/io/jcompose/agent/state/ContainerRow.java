package io.jcompose.agent.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One container as the store keeps it: plain columns plus the spec as JSON (its v1 API form). The
 * container package maps rows to its domain type; the store knows nothing of lifecycle rules.
 *
 * @param exitCode null until the container has exited once
 */
public record ContainerRow(String id, String name, Map<String, String> labels, String specJson, String state,
                           int pid, Integer exitCode, boolean oomKilled, Instant createdAt, Instant startedAt,
                           Instant finishedAt) {
    public ContainerRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
