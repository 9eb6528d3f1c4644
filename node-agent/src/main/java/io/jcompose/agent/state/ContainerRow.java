package io.jcompose.agent.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One container as the store keeps it: plain columns plus the spec as JSON (its v1 API form). The
 * container package maps rows to its domain type; the store knows nothing of lifecycle rules.
 *
 * @param exitCode null until the container has exited once
 * @param imageId  the id ({@code sha256:…}) of the image whose snapshot is the root filesystem, else null
 */
public record ContainerRow(String id, String name, Map<String, String> labels, String specJson, String state,
                           int pid, Integer exitCode, boolean oomKilled, Instant createdAt, Instant startedAt,
                           Instant finishedAt, String imageId) {
    public ContainerRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(specJson, "specJson");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A row of a container whose root filesystem is a plain directory. */
    public ContainerRow(String id, String name, Map<String, String> labels, String specJson, String state, int pid,
                        Integer exitCode, boolean oomKilled, Instant createdAt, Instant startedAt, Instant finishedAt) {
        this(id, name, labels, specJson, state, pid, exitCode, oomKilled, createdAt, startedAt, finishedAt, null);
    }
}
